// The district's fast-track policy: which branches run, when each is due, and
// what a credit decision may say. Pure, so workflow code can use it.
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { subtractWorkingTime } from '../calendar/shiftWorkingTime';
import { shanghaiDate, shanghaiDateTime, shanghaiEndOfDay } from '../calendar/timeZone';

export const TASK_KINDS = ['GRID_SUBMISSION', 'BANK_VIP_CHANNEL', 'DUE_DILIGENCE'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_LABELS: Record<TaskKind, string> = {
  GRID_SUBMISSION: '信易贷申报 grid submission',
  BANK_VIP_CHANNEL: '银行VIP通道 bank VIP channel',
  DUE_DILIGENCE: '第三方尽调 due diligence',
};

/** Who holds each branch when the case opens without named assignees: the role at the street or the bank. */
export function defaultAssignee(kind: TaskKind, at: { streetCode: string; bankCode: string }): string {
  switch (kind) {
    case 'GRID_SUBMISSION':
      return `grid-officer@${at.streetCode}`;
    case 'BANK_VIP_CHANNEL':
      return `customer-manager@${at.bankCode}`;
    case 'DUE_DILIGENCE':
      return 'assessor@default';
  }
}

/** The district's promise: a decision and the money within five working days of acceptance. */
export const PROMISE_WORKING_DAYS = 5;

/**
 * Working days after the acceptance day (Civil Code: the acceptance day is not
 * counted) by which each branch is due. The grid submission takes one day, the
 * bank's docking plus joint assessment three, leaving two for decision and money.
 * Due diligence is "the same day": see `sameWorkingDayDue`.
 */
export const BRANCH_WORKING_DAYS: Record<Exclude<TaskKind, 'DUE_DILIGENCE'>, number> = {
  GRID_SUBMISSION: 1,
  BANK_VIP_CHANNEL: 3,
};

/**
 * How long before a due instant the case turns AT_RISK: half a working day. The
 * calendar counts a working day as 24 hours (the 24:00 rule), so that is 12 hours
 * of working time; rest days in between do not count.
 */
export const DEFAULT_AT_RISK_LEAD_MS = 12 * 60 * 60 * 1000;

/** What the firm's answer to a materials request may carry (the API's body schema and the workflow's validator). */
export const FIRM_MATERIALS = { maxDocuments: 20, maxDocumentName: 100, maxText: 2000 } as const;

/** Branches that may wait on the firm supplementing materials; due diligence is same-day and never pauses. */
export const PAUSABLE_TASKS: readonly TaskKind[] = ['GRID_SUBMISSION', 'BANK_VIP_CHANNEL'];

/**
 * Working days a case may wait for the firm before the task force hears of it: two working weeks,
 * twice the promise itself, by when a firm that has not supplied its materials needs more than a
 * reminder from the street.
 */
export const DEFAULT_PAUSE_LIMIT_WORKING_DAYS = 10;

export const REJECTION_REASONS = [
  'LOW_CREDIT_RATING',
  'REVENUE_BELOW_THRESHOLD',
  'INSUFFICIENT_COLLATERAL',
  'INCOMPLETE_MATERIALS',
  'OTHER',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Loan terms the bank may grant on this channel. */
export const MAX_RATE_BP = 2400; // 24 %: above it the rate is not a fast-track loan
export const MAX_TERM_MONTHS = 360;

/**
 * The afternoon cut-off for same-day due diligence (Asia/Shanghai): the seed's assessor works "the
 * same day", which an assessor can meet for a case accepted by mid-afternoon, not for one accepted
 * at 17:45. Later cases are due by the end of the next working day.
 */
export const DEFAULT_DUE_DILIGENCE_CUTOFF = '15:00';

/**
 * No warning earlier than an hour after acceptance: a case is never AT_RISK the moment it opens,
 * and the hour puts the warning of a same-day due diligence accepted just before the cut-off
 * inside office hours, while there is still time to act.
 */
export const MIN_NOTICE_MS = 60 * 60 * 1000;

/** How a case's branches are timed. Absent (cases accepted before these rules): the 24:00 rule alone. */
export interface BranchTiming {
  dueDiligenceCutoff: string;
  minNoticeMs: number;
}

/**
 * "Due the same working day": 24:00 of the acceptance day when that is a working day (and, with a
 * cut-off, accepted before it); otherwise 24:00 of the next working day (a case accepted on a rest
 * day is treated as accepted when work resumes).
 */
export function sameWorkingDayDue(calendar: WorkingCalendar, acceptedAt: Date, cutoff?: string): Date {
  const day = shanghaiDate(acceptedAt);
  if (calendar.isWorkingDay(day) && (cutoff === undefined || acceptedAt < shanghaiDateTime(day, cutoff))) return shanghaiEndOfDay(day);
  return calendar.addWorkingDays(acceptedAt, 1).dueAt;
}

export function branchDue(calendar: WorkingCalendar, kind: TaskKind, acceptedAt: Date, timing?: BranchTiming): Date {
  if (kind === 'DUE_DILIGENCE') return sameWorkingDayDue(calendar, acceptedAt, timing?.dueDiligenceCutoff);
  return calendar.addWorkingDays(acceptedAt, BRANCH_WORKING_DAYS[kind]).dueAt;
}

/** When a branch due at `due` turns AT_RISK: `lead` working time before it, and (with timing) never within the first hour. */
export function branchWarning(calendar: WorkingCalendar, due: Date, lead: number, acceptedAt: Date, timing?: BranchTiming): Date {
  const warning = subtractWorkingTime(calendar, due, lead);
  const notBefore = timing ? new Date(acceptedAt.getTime() + timing.minNoticeMs) : undefined;
  return notBefore && warning < notBefore ? notBefore : warning;
}

/** A 信易贷 application number as the platform issues it, e.g. XYD2026112800001. */
export const XINYIDAI_APPLICATION_NO = /^XYD\d{10,20}$/;
