import { statutoryHolidays } from './statutoryHolidays';
import { substituteRestDays } from './substituteRestDays';
import { workingTimeRemaining } from './workingTime';
import {
  addDays,
  assertIsoDate,
  fromEpochDay,
  isHhMm,
  isWeekend,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiEndOfDay,
  toEpochDay,
  yearOf,
} from './timeZone';
import type {
  AddWorkingDaysOptions,
  AddWorkingDaysResult,
  DayInfo,
  IsoDate,
  SkippedDay,
  YearArrangement,
} from './types';

interface HolidayLabel {
  name: string;
  nameEn: string;
}

interface ProvisionalRestDay extends HolidayLabel {
  source: 'STATUTORY_PROVISIONAL' | 'SUBSTITUTE_PROVISIONAL';
}

export interface WorkingCalendarOptions {
  /**
   * Whether a year without a notice rests on its art. 6 substitute days (./substituteRestDays.ts).
   * Default true; workflows started before the rule pass false (patched) so their histories replay.
   */
  substituteRestDays?: boolean;
}

interface NoticeYear {
  arrangement: YearArrangement;
  holidays: Map<IsoDate, HolidayLabel>;
  makeup: Set<IsoDate>;
}

// No real arrangement rests this long; hitting it means corrupt data, so fail loudly
// instead of looping (workflow code must never hang).
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 366;

function indexNotice(arrangement: YearArrangement): NoticeYear {
  const { year } = arrangement;
  const fail = (msg: string): never => {
    throw new RangeError(`arrangement ${year}: ${msg} (run validateArrangement for details)`);
  };
  const holidays = new Map<IsoDate, HolidayLabel>();
  arrangement.holidays.forEach((h, i) => {
    assertIsoDate(h.from, `holidays[${i}].from`);
    assertIsoDate(h.to, `holidays[${i}].to`);
    if (h.from > h.to) fail(`holidays[${i}] ends before it starts`);
    for (let d = h.from; d <= h.to; d = addDays(d, 1)) {
      if (yearOf(d) !== year) fail(`holidays[${i}] leaves the year (${d})`);
      if (holidays.has(d)) fail(`holidays overlap on ${d}`);
      holidays.set(d, { name: h.name, nameEn: h.nameEn });
    }
  });
  const makeup = new Set<IsoDate>();
  arrangement.makeupWorkdays.forEach((d, i) => {
    assertIsoDate(d, `makeupWorkdays[${i}]`);
    if (yearOf(d) !== year) fail(`makeupWorkdays[${i}] is outside the year (${d})`);
    if (holidays.has(d)) fail(`${d} is both a holiday and a make-up workday`);
    makeup.add(d);
  });
  return { arrangement, holidays, makeup };
}

/**
 * China working-day calendar (Asia/Shanghai dates). Years with a loaded State Council notice
 * follow it exactly; other years use the statutory holidays, their substitute rest days and
 * weekends, and are marked provisional. Pure and deterministic: safe to use inside Temporal
 * workflow code.
 */
export class WorkingCalendar {
  private readonly notices = new Map<number, NoticeYear>();
  // Memoised per year; filling a cache does not change any answer.
  private readonly statutoryCache = new Map<number, Map<IsoDate, ProvisionalRestDay>>();
  private readonly withSubstitutes: boolean;

  constructor(arrangements: readonly YearArrangement[] = [], options: WorkingCalendarOptions = {}) {
    this.withSubstitutes = options.substituteRestDays ?? true;
    for (const arrangement of arrangements) {
      if (this.notices.has(arrangement.year)) {
        throw new RangeError(`two arrangements loaded for ${arrangement.year}`);
      }
      this.notices.set(arrangement.year, indexNotice(arrangement));
    }
  }

  /** Years that have a loaded notice, ascending. */
  noticeYears(): number[] {
    return [...this.notices.keys()].sort((a, b) => a - b);
  }

  noticeFor(year: number): YearArrangement | undefined {
    return this.notices.get(year)?.arrangement;
  }

  dayInfo(date: IsoDate): DayInfo {
    assertIsoDate(date);
    const year = yearOf(date);
    const notice = this.notices.get(year);
    if (notice) {
      const holiday = notice.holidays.get(date);
      if (holiday) {
        return { date, kind: 'HOLIDAY', source: 'NOTICE', holiday: holiday.name, holidayEn: holiday.nameEn, provisional: false };
      }
      if (notice.makeup.has(date)) {
        return { date, kind: 'WORKING', source: 'MAKEUP_WORKDAY', provisional: false };
      }
      return this.plainDay(date, false);
    }
    const statutory = this.statutoryFor(year).get(date);
    if (statutory) {
      return {
        date,
        kind: 'HOLIDAY',
        source: statutory.source,
        holiday: statutory.name,
        holidayEn: statutory.nameEn,
        provisional: true,
      };
    }
    return this.plainDay(date, true);
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).kind === 'WORKING';
  }

  /** Why a non-working day was skipped; bilingual, Chinese first. */
  skipReason(info: DayInfo): string {
    if (info.kind === 'WORKING') return '工作日 working day';
    if (info.source === 'NOTICE') {
      const documentNo = this.notices.get(yearOf(info.date))?.arrangement.notice.documentNo ?? '';
      return `${info.holiday ?? ''} ${info.holidayEn ?? ''} (${documentNo})`;
    }
    if (info.source === 'STATUTORY_PROVISIONAL') {
      return `法定节假日（未发布年度安排，暂定）statutory holiday, provisional: ${info.holiday ?? ''} ${info.holidayEn ?? ''}`;
    }
    if (info.source === 'SUBSTITUTE_PROVISIONAL') {
      return `节日逢周末补假（未发布年度安排，暂定）substitute rest day for a holiday on a weekend, provisional: ${info.holiday ?? ''} ${info.holidayEn ?? ''}`;
    }
    return info.provisional ? '周末（未发布年度安排，暂定）weekend, provisional' : '周末 weekend';
  }

  /**
   * Civil Code arts. 201/203: the acceptance day (Asia/Shanghai) is not counted; the period
   * ends at 24:00 (or `closeOfBusiness`) of the n-th working day after it. Because only
   * working days are counted, a period can never end on a rest day or holiday.
   */
  addWorkingDays(acceptedAt: Date, n: number, opts: AddWorkingDaysOptions = {}): AddWorkingDaysResult {
    if (!Number.isInteger(n) || n < 1) {
      throw new RangeError(`n must be an integer >= 1, got ${n}`);
    }
    const { closeOfBusiness } = opts;
    if (closeOfBusiness !== undefined && !isHhMm(closeOfBusiness)) {
      throw new RangeError(`closeOfBusiness must be HH:mm (00:00-23:59), got ${JSON.stringify(closeOfBusiness)}`);
    }
    const counted: IsoDate[] = [];
    const skipped: SkippedDay[] = [];
    let provisional = false;
    let date = shanghaiDate(acceptedAt);
    let restRun = 0;
    while (counted.length < n) {
      date = addDays(date, 1);
      const info = this.dayInfo(date);
      provisional ||= info.provisional;
      if (info.kind === 'WORKING') {
        counted.push(date);
        restRun = 0;
      } else {
        skipped.push({ date, reason: this.skipReason(info) });
        if (++restRun > MAX_CONSECUTIVE_NON_WORKING_DAYS) {
          throw new Error(`no working day found in ${MAX_CONSECUTIVE_NON_WORKING_DAYS} days after ${date}`);
        }
      }
    }
    const dueDate = counted[counted.length - 1] as IsoDate;
    const dueAt = closeOfBusiness === undefined ? shanghaiEndOfDay(dueDate) : shanghaiDateTime(dueDate, closeOfBusiness);
    return { dueAt, dueDate, provisional, explanation: { counted, skipped } };
  }

  /**
   * Working days in the half-open range (from, to] — the same "start day not counted"
   * convention as addWorkingDays, so workingDaysBetween(acceptedDate, dueDate) === n.
   * Returns 0 when from === to and a negative count when to is before from.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    assertIsoDate(from, 'from');
    assertIsoDate(to, 'to');
    if (to < from) return -this.workingDaysBetween(to, from);
    let count = 0;
    const last = toEpochDay(to);
    for (let day = toEpochDay(from) + 1; day <= last; day++) {
      if (this.isWorkingDay(fromEpochDay(day))) count++;
    }
    return count;
  }

  /** Working milliseconds from `now` until `dueAt` on this calendar; see ./workingTime.ts. */
  workingTimeRemaining(now: Date, dueAt: Date): number {
    return workingTimeRemaining((date) => this.isWorkingDay(date), now, dueAt);
  }

  private plainDay(date: IsoDate, provisional: boolean): DayInfo {
    return isWeekend(date)
      ? { date, kind: 'REST', source: 'WEEKEND', provisional }
      : { date, kind: 'WORKING', source: 'WEEKDAY', provisional };
  }

  private statutoryFor(year: number): Map<IsoDate, ProvisionalRestDay> {
    let days = this.statutoryCache.get(year);
    if (!days) {
      days = new Map(statutoryHolidays(year).map((d) => [d.date, { name: d.name, nameEn: d.nameEn, source: 'STATUTORY_PROVISIONAL' as const }]));
      if (this.withSubstitutes) {
        for (const d of substituteRestDays(year)) days.set(d.date, { name: d.name, nameEn: d.nameEn, source: 'SUBSTITUTE_PROVISIONAL' });
      }
      this.statutoryCache.set(year, days);
    }
    return days;
  }
}
