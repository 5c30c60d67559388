// Amounts are CNY held as integer fen (分); never floating point.

const DECIMAL_CNY = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** Largest amount a case may carry: 10 billion CNY, far inside Number.MAX_SAFE_INTEGER fen. */
export const MAX_AMOUNT_FEN = 1_000_000_000_000;

/** Parses "5140000" or "5140000.50" (CNY) into fen; undefined when not a plain decimal. */
export function parseCnyToFen(text: string): number | undefined {
  const m = DECIMAL_CNY.exec(text);
  if (!m) return undefined;
  const fraction = (m[2] ?? '.').slice(1).padEnd(2, '0');
  return Number(m[1]) * 100 + Number(fraction);
}

export function formatFen(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

const FEN_PER_WAN = 1_000_000;
/** 万元 to six decimals is exact to the fen (1万 = 10000.00 元). */
const DECIMAL_WAN = /^(0|[1-9]\d{0,7})(\.\d{1,6})?$/;

/** Parses "514" or "12.5" (万元, as visitors note a need) into fen; undefined when not a plain decimal. */
export function parseWanToFen(text: string): number | undefined {
  const m = DECIMAL_WAN.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * FEN_PER_WAN + Number((m[2] ?? '.').slice(1).padEnd(6, '0'));
}

/**
 * "514万元" style, as officers write amounts, when that is exact (to the hundred yuan:
 * "123.45万元"); otherwise the amount in yuan to the fen ("5140000.50元"), never rounded.
 */
export function formatWan(fen: number): string {
  if (fen % 10_000 !== 0) return `${formatFen(fen)}元`;
  const whole = Math.trunc(fen / FEN_PER_WAN);
  const hundredths = (fen % FEN_PER_WAN) / 10_000;
  return hundredths === 0 ? `${whole}万元` : `${whole}.${String(hundredths).padStart(2, '0').replace(/0$/, '')}万元`;
}
