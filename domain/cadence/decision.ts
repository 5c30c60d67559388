// The cadence 日晾晒 — 周例会 — 月调度: on which business dates (Asia/Shanghai) each report is
// published and which days it covers. Pure, so the schedules' workflow and the tests decide
// alike. The Temporal Schedules fire on every candidate day; these functions decide, because
// make-up Saturdays (调休上班) and holiday weeks cannot be written as a calendar spec.
//
// Definitions:
// - Daily board 日晾晒: on every working day (make-up weekend days included, holidays never).
//   It covers the days since the previous working day: [previous working day, yesterday], so
//   the board after a holiday also counts what happened during it.
// - Weekly pack 周例会: on the first working day of the ISO week (Monday, or the first day back
//   after a holiday). It covers whole ISO weeks since the previous pack: normally last week,
//   two weeks after a week without any working day (e.g. the Spring Festival week).
// - Monthly dispatch 月调度: on the first working day of the month; covers the previous month.
// - A year without a loaded notice uses the statutory holidays and plain weekends and is
//   provisional: the report says so, and a make-up day not yet announced gets no board (an
//   operator can run it once the notice is loaded).
import { addDays, fromEpochDay, toEpochDay, weekday } from '../calendar/timeZone';
import type { IsoDate } from '../calendar/types';
import type { WorkingCalendar } from '../calendar/workingCalendar';

export const CADENCE_KINDS = ['DAILY', 'WEEKLY', 'MONTHLY'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

export const CADENCE_TITLES: Record<CadenceKind, { zh: string; en: string }> = {
  DAILY: { zh: '日晾晒', en: 'Daily progress board' },
  WEEKLY: { zh: '周例会材料', en: 'Weekly meeting pack' },
  MONTHLY: { zh: '月调度报告', en: 'Monthly dispatch report' },
};

export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

export type CadenceDecision =
  | { run: true; kind: CadenceKind; businessDate: IsoDate; reportId: string; period: ReportPeriod; provisional: boolean }
  | { run: false; kind: CadenceKind; businessDate: IsoDate; reason: string };

// Longer than any rest block a notice has published (9 days); reaching it means corrupt data.
const MAX_SEARCH_DAYS = 366;

/** A stable id per kind and business date, so running a date again replaces, never duplicates. */
export function reportIdOf(kind: CadenceKind, businessDate: IsoDate): string {
  return `${kind.toLowerCase()}-${businessDate}`;
}

export function shouldRunDaily(date: IsoDate, calendar: WorkingCalendar): boolean {
  return calendar.isWorkingDay(date);
}

/** The working day before `date`. */
export function previousWorkingDay(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  for (let d = addDays(date, -1), n = 0; n < MAX_SEARCH_DAYS; d = addDays(d, -1), n++) {
    if (calendar.isWorkingDay(d)) return d;
  }
  throw new Error(`no working day in the ${MAX_SEARCH_DAYS} days before ${date}`);
}

/** Monday of the ISO week holding `date`. */
export function isoWeekMonday(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The weekly pack's day in the ISO week of `date`: its first working day, or none. */
export function weeklyPackDay(date: IsoDate, calendar: WorkingCalendar): IsoDate | undefined {
  const monday = isoWeekMonday(date);
  for (let i = 0; i < 7; i++) {
    const d = addDays(monday, i);
    if (calendar.isWorkingDay(d)) return d;
  }
  return undefined;
}

export function isWeeklyPackDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  return weeklyPackDay(date, calendar) === date;
}

export function firstWorkingDayOfMonth(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let d = `${date.slice(0, 7)}-01`;
  for (let n = 0; !calendar.isWorkingDay(d); n++) {
    if (n > MAX_SEARCH_DAYS) throw new Error(`no working day found after ${date.slice(0, 7)}-01`);
    d = addDays(d, 1);
  }
  return d;
}

export function isFirstWorkingDayOfMonth(date: IsoDate, calendar: WorkingCalendar): boolean {
  return firstWorkingDayOfMonth(date, calendar) === date;
}

/** The days a report published on `businessDate` covers (see the definitions above). */
export function reportPeriod(kind: CadenceKind, businessDate: IsoDate, calendar: WorkingCalendar): ReportPeriod {
  const yesterday = addDays(businessDate, -1);
  if (kind === 'DAILY') return { from: previousWorkingDay(businessDate, calendar), to: yesterday };
  if (kind === 'MONTHLY') {
    const lastOfPrevious = addDays(`${businessDate.slice(0, 7)}-01`, -1);
    return { from: `${lastOfPrevious.slice(0, 7)}-01`, to: lastOfPrevious };
  }
  const monday = isoWeekMonday(businessDate);
  let from = addDays(monday, -7);
  for (let n = 0; !weeklyPackDay(from, calendar); n++) {
    if (n > MAX_SEARCH_DAYS / 7) throw new Error(`no working day in the weeks before ${monday}`);
    from = addDays(from, -7);
  }
  return { from, to: addDays(monday, -1) };
}

/**
 * What a weekly or monthly report compares against: the previous calendar month, or as many
 * whole weeks just before. The daily board compares against nothing.
 */
export function previousPeriod(kind: CadenceKind, period: ReportPeriod): ReportPeriod | null {
  if (kind === 'DAILY') return null;
  const to = addDays(period.from, -1);
  if (kind === 'MONTHLY') return { from: `${to.slice(0, 7)}-01`, to };
  return { from: addDays(period.from, toEpochDay(period.from) - toEpochDay(period.to) - 1), to };
}

function isPublicationDay(kind: CadenceKind, date: IsoDate, calendar: WorkingCalendar): boolean {
  if (kind === 'DAILY') return shouldRunDaily(date, calendar);
  if (kind === 'WEEKLY') return isWeeklyPackDay(date, calendar);
  return isFirstWorkingDayOfMonth(date, calendar);
}

/** Why `date` gets no report of `kind`; bilingual, Chinese first. */
function skipReason(kind: CadenceKind, date: IsoDate, calendar: WorkingCalendar): string {
  const info = calendar.dayInfo(date);
  const title = CADENCE_TITLES[kind];
  if (info.kind === 'HOLIDAY') {
    return `${date} 为法定节假日（${info.holiday ?? ''}），不发布${title.zh} / holiday (${info.holidayEn ?? ''}): no ${title.en.toLowerCase()}`;
  }
  if (info.kind === 'REST') return `${date} 为休息日，不发布${title.zh} / rest day: no ${title.en.toLowerCase()}`;
  if (kind === 'WEEKLY') {
    return `${date} 不是本周第一个工作日（${weeklyPackDay(date, calendar)}），不发布${title.zh} / not the week's first working day: no weekly pack`;
  }
  return `${date} 不是本月第一个工作日（${firstWorkingDayOfMonth(date, calendar)}），不发布${title.zh} / not the month's first working day: no monthly report`;
}

/** Whether a report of `kind` is published on `businessDate`, and if so its id and period. */
export function decideCadence(kind: CadenceKind, businessDate: IsoDate, calendar: WorkingCalendar): CadenceDecision {
  if (!isPublicationDay(kind, businessDate, calendar)) {
    return { run: false, kind, businessDate, reason: skipReason(kind, businessDate, calendar) };
  }
  const period = reportPeriod(kind, businessDate, calendar);
  const provisional = [period.from, businessDate].some((d) => calendar.dayInfo(d).provisional);
  return { run: true, kind, businessDate, reportId: reportIdOf(kind, businessDate), period, provisional };
}

/** The latest business date on or before `date` that publishes a report of `kind`. */
export function latestPublicationDay(kind: CadenceKind, date: IsoDate, calendar: WorkingCalendar): IsoDate {
  const start = toEpochDay(date);
  for (let day = start; day > start - MAX_SEARCH_DAYS; day--) {
    const d = fromEpochDay(day);
    if (isPublicationDay(kind, d, calendar)) return d;
  }
  throw new Error(`no ${kind} publication day in the ${MAX_SEARCH_DAYS} days before ${date}`);
}
