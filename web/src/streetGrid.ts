// Where each Siming street sits on the console's map-like grid (row, column; 1-based), roughly as
// they lie on Xiamen island: 筼筜 and 嘉莲 to the north, the old town (开元, 鹭江, 中华) to the
// west with 鼓浪屿 across the water, 莲前 to the east, 厦港 and 滨海 along the south coast.
// A street the reference data adds later, not placed here, joins a row below the map.
export const STREET_GRID_COLUMNS = 4;

export const STREET_GRID: Readonly<Record<string, readonly [row: number, column: number]>> = {
  yundang: [1, 2],
  jialian: [1, 3],
  lujiang: [2, 1],
  kaiyuan: [2, 2],
  wucun: [2, 3],
  lianqian: [2, 4],
  gulangyu: [3, 1],
  zhonghua: [3, 2],
  xiagang: [3, 3],
  binhai: [3, 4],
};

/** Each street's place: from the layout, or, for one it does not place, in order in the rows below. */
export function streetPlaces(codes: readonly string[]): Map<string, readonly [row: number, column: number]> {
  const below = 1 + Math.max(...Object.values(STREET_GRID).map(([row]) => row));
  const unplaced = codes.filter((c) => !STREET_GRID[c]);
  return new Map(codes.map((c) => [c, STREET_GRID[c] ?? [below + Math.floor(unplaced.indexOf(c) / STREET_GRID_COLUMNS), 1 + (unplaced.indexOf(c) % STREET_GRID_COLUMNS)]]));
}
