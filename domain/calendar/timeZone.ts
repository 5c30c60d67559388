import type { IsoDate } from './types';

// Asia/Shanghai has used a fixed UTC+08:00 with no DST since 1991, so a constant offset is
// exact for every date this system handles. Only UTC getters are used, so results never
// depend on the process TZ.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** True when `value` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_LENGTHS[month - 1] as number);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function assertIsoDate(value: unknown, label = 'date'): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${label} must be a real calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}

export function isHhMm(value: unknown): value is string {
  return typeof value === 'string' && HH_MM_RE.test(value);
}

/** Days since 1970-01-01 (the "epoch day"), convenient for arithmetic and iteration. */
export function toEpochDay(date: IsoDate): number {
  assertIsoDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear avoids that quirk.
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return Math.round(t.getTime() / DAY_MS);
}

export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isInteger(epochDay)) throw new RangeError(`epoch day must be an integer, got ${epochDay}`);
  const t = new Date(epochDay * DAY_MS);
  const y = t.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`date out of the YYYY range: year ${y}`);
  return `${pad(y, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const wd = weekday(date);
  return wd === 0 || wd === 6;
}

export function yearOf(date: IsoDate): number {
  assertIsoDate(date);
  return Number(date.slice(0, 4));
}

/** Negative, zero or positive like a comparator; lexical order equals date order for YYYY-MM-DD. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertValidInstant(instant: Date, label: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${label} must be a valid Date`);
  }
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  assertValidInstant(instant, 'instant');
  return fromEpochDay(Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant at `HH:mm` (default 00:00) Asia/Shanghai on `date`. */
export function shanghaiDateTime(date: IsoDate, hhmm = '00:00'): Date {
  if (!isHhMm(hhmm)) throw new RangeError(`time must be HH:mm (00:00-23:59), got ${JSON.stringify(hhmm)}`);
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(toEpochDay(date) * DAY_MS - SHANGHAI_OFFSET_MS + (h * 60 + m) * 60 * 1000);
}

/** 24:00 Asia/Shanghai at the end of `date`, i.e. 00:00 of the next day. */
export function shanghaiEndOfDay(date: IsoDate): Date {
  return shanghaiDateTime(addDays(date, 1));
}
