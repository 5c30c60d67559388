import { MAX_STATUTORY_YEAR, MIN_STATUTORY_YEAR } from './lunarFestivalTable';
import { addDays, isIsoDate, weekday, yearOf } from './timeZone';
import type { ArrangementError, DayKindChange, IsoDate, YearArrangement } from './types';
import { WorkingCalendar } from './workingCalendar';

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * Checks an operator-uploaded arrangement. Returns every problem found (empty when valid)
 * so the operator can fix the upload in one pass. Input is treated as untrusted JSON.
 */
export function validateArrangement(input: YearArrangement): ArrangementError[] {
  const errors: ArrangementError[] = [];
  const err = (path: string, message: string): void => {
    errors.push({ path, message });
  };
  const a = input as Partial<YearArrangement> | null;
  if (typeof a !== 'object' || a === null) {
    return [{ path: '', message: 'arrangement must be an object' }];
  }

  const year = a.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= MIN_STATUTORY_YEAR && year <= MAX_STATUTORY_YEAR;
  if (!yearOk) err('year', `must be an integer between ${MIN_STATUTORY_YEAR} and ${MAX_STATUTORY_YEAR}`);

  // Reports bad format or a date outside the arrangement's year; returns whether usable.
  const checkDate = (path: string, value: unknown): value is IsoDate => {
    if (!isIsoDate(value)) {
      err(path, `must be a real date YYYY-MM-DD, got ${JSON.stringify(value)}`);
      return false;
    }
    if (yearOk && yearOf(value) !== year) {
      err(path, `${value} is outside the year ${year}`);
      return false;
    }
    return true;
  };

  const notice = a.notice;
  if (typeof notice !== 'object' || notice === null) {
    err('notice', 'is required');
  } else {
    if (!isNonEmptyString(notice.title)) err('notice.title', 'must be a non-empty string');
    if (!isNonEmptyString(notice.documentNo)) err('notice.documentNo', 'must be a non-empty string, e.g. 国办发明电〔2024〕12号');
    if (!isIsoDate(notice.publishedOn)) {
      err('notice.publishedOn', `must be a real date YYYY-MM-DD, got ${JSON.stringify(notice.publishedOn)}`);
    }
  }

  const ranges: Array<{ index: number; from: IsoDate; to: IsoDate }> = [];
  if (!Array.isArray(a.holidays)) {
    err('holidays', 'must be an array');
  } else {
    a.holidays.forEach((h, i) => {
      const path = `holidays[${i}]`;
      if (typeof h !== 'object' || h === null) {
        err(path, 'must be an object');
        return;
      }
      if (!isNonEmptyString(h.name)) err(`${path}.name`, 'must be a non-empty Chinese name, e.g. 春节');
      if (!isNonEmptyString(h.nameEn)) err(`${path}.nameEn`, 'must be a non-empty English name');
      const fromOk = checkDate(`${path}.from`, h.from);
      const toOk = checkDate(`${path}.to`, h.to);
      if (fromOk && toOk) {
        if (h.from > h.to) err(path, `from ${h.from} is after to ${h.to}`);
        else ranges.push({ index: i, from: h.from, to: h.to });
      }
    });
    const sorted = [...ranges].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : x.index - y.index));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (cur.from <= prev.to) {
        const overlapEnd = cur.to < prev.to ? cur.to : prev.to;
        err(
          `holidays[${cur.index}]`,
          `overlaps holidays[${prev.index}] on ${cur.from}${overlapEnd === cur.from ? '' : `..${overlapEnd}`}`,
        );
      }
    }
  }

  if (!Array.isArray(a.makeupWorkdays)) {
    err('makeupWorkdays', 'must be an array');
  } else {
    const seen = new Map<IsoDate, number>();
    a.makeupWorkdays.forEach((d, i) => {
      const path = `makeupWorkdays[${i}]`;
      if (!checkDate(path, d)) return;
      const first = seen.get(d);
      if (first !== undefined) err(path, `${d} repeats makeupWorkdays[${first}]`);
      else seen.set(d, i);
      const wd = weekday(d);
      if (wd !== 0 && wd !== 6) err(path, `${d} is not a Saturday or Sunday; only weekend days can become make-up workdays`);
      const clash = ranges.find((r) => r.from <= d && d <= r.to);
      if (clash) err(path, `${d} is also inside holidays[${clash.index}] (${clash.from}..${clash.to})`);
    });
  }
  return errors;
}

/**
 * Dates of `next.year` whose DayKind changes when `next` replaces `old`. Without `old` the
 * baseline is the provisional calendar (statutory holidays + weekends). Both arrangements
 * must be valid (see validateArrangement).
 */
export function diffArrangements(old: YearArrangement | undefined, next: YearArrangement): DayKindChange[] {
  if (old && old.year !== next.year) {
    throw new RangeError(`cannot diff arrangements of different years (${old.year} vs ${next.year})`);
  }
  const before = new WorkingCalendar(old ? [old] : []);
  const after = new WorkingCalendar([next]);
  const changes: DayKindChange[] = [];
  const y = String(next.year).padStart(4, '0');
  for (let date = `${y}-01-01`; yearOf(date) === next.year; date = addDays(date, 1)) {
    const b = before.dayInfo(date);
    const n = after.dayInfo(date);
    if (b.kind !== n.kind) {
      const change: DayKindChange = { date, before: b.kind, after: n.kind };
      if (b.holiday !== undefined) change.beforeHoliday = b.holiday;
      if (n.holiday !== undefined) change.afterHoliday = n.holiday;
      changes.push(change);
    }
  }
  return changes;
}
