import { HOLIDAY_NAMES, type HolidayKey } from './statutoryHolidays';
import { addDays, assertIsoDate, yearOf } from './timeZone';
import type { IsoDate, YearArrangement } from './types';

/** Shape of chinese-days' prebuilt per-year data: date -> "English,中文,statutoryDays". */
export interface ChineseDaysYearData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package's function API (isWorkday, getDayDetail, …) builds its tables with local-time
// Date getters and shifts every date by one day when the process TZ is west of UTC, so we
// read its static JSON, which is TZ-independent. Literal require() calls keep the files
// visible to bundlers (Temporal's workflow bundle) without needing resolveJsonModule.
/* eslint-disable @typescript-eslint/no-require-imports */
const PACKAGE_DATA: Readonly<Record<number, unknown>> = {
  2024: require('chinese-days/dist/years/2024.json'),
  2025: require('chinese-days/dist/years/2025.json'),
  2026: require('chinese-days/dist/years/2026.json'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Notice metadata, checked against the published notices (not part of chinese-days). */
const NOTICE_METADATA: Readonly<Record<number, YearArrangement['notice']>> = {
  2024: {
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    documentNo: '国办发明电〔2023〕7号',
    publishedOn: '2023-10-25',
  },
  2025: {
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    documentNo: '国办发明电〔2024〕12号',
    publishedOn: '2024-11-12',
  },
  2026: {
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    documentNo: '国办发明电〔2025〕7号',
    publishedOn: '2025-11-04',
  },
};

// chinese-days' English labels mapped to our canonical names.
const PACKAGE_NAME_TO_KEY: Readonly<Record<string, HolidayKey>> = {
  "New Year's Day": 'NEW_YEAR',
  'Spring Festival': 'SPRING_FESTIVAL',
  'Tomb-sweeping Day': 'QINGMING',
  'Labour Day': 'LABOUR_DAY',
  'Dragon Boat Festival': 'DRAGON_BOAT',
  'Mid-autumn Festival': 'MID_AUTUMN',
  'National Day': 'NATIONAL_DAY',
};

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

export function parseChineseDaysYearData(raw: unknown, year: number): ChineseDaysYearData {
  const obj = raw as Partial<ChineseDaysYearData> | null;
  if (!obj || !isStringRecord(obj.holidays) || !isStringRecord(obj.workdays)) {
    throw new Error(`chinese-days data for ${year} has an unexpected shape`);
  }
  return { holidays: obj.holidays, workdays: obj.workdays };
}

function holidayKey(label: string, date: IsoDate): HolidayKey {
  const english = label.split(',')[0] ?? '';
  const key = PACKAGE_NAME_TO_KEY[english];
  if (!key) throw new Error(`chinese-days: unknown holiday label "${label}" on ${date}`);
  return key;
}

function datesOfYear(record: Record<string, string>, year: number): IsoDate[] {
  return Object.keys(record)
    .filter((d) => {
      assertIsoDate(d, 'chinese-days date');
      return yearOf(d) === year;
    })
    .sort();
}

/**
 * Turns chinese-days' per-day data into notice form: consecutive holiday dates form one
 * rest block (as the notice publishes them); a block spanning two festivals gets both names
 * in order of first appearance, e.g. 2025's 国庆节、中秋节 10/1–10/8.
 */
export function deriveArrangement(
  year: number,
  data: ChineseDaysYearData,
  notice: YearArrangement['notice'],
): YearArrangement {
  const holidays: YearArrangement['holidays'] = [];
  let block: { from: IsoDate; to: IsoDate; keys: HolidayKey[] } | undefined;
  const flush = (): void => {
    if (!block) return;
    holidays.push({
      name: block.keys.map((k) => HOLIDAY_NAMES[k].name).join('、'),
      nameEn: block.keys.map((k) => HOLIDAY_NAMES[k].nameEn).join(' and '),
      from: block.from,
      to: block.to,
    });
  };
  for (const date of datesOfYear(data.holidays, year)) {
    const key = holidayKey(data.holidays[date] as string, date);
    if (block && addDays(block.to, 1) === date) {
      block.to = date;
      if (!block.keys.includes(key)) block.keys.push(key);
    } else {
      flush();
      block = { from: date, to: date, keys: [key] };
    }
  }
  flush();
  return { year, notice: { ...notice }, holidays, makeupWorkdays: datesOfYear(data.workdays, year) };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The State Council notices shipped with the code (2024–2026), frozen. */
export const OFFICIAL_NOTICES: readonly YearArrangement[] = deepFreeze(
  Object.keys(NOTICE_METADATA)
    .map(Number)
    .sort((a, b) => a - b)
    .map((year) =>
      deriveArrangement(
        year,
        parseChineseDaysYearData(PACKAGE_DATA[year], year),
        NOTICE_METADATA[year] as YearArrangement['notice'],
      ),
    ),
);
