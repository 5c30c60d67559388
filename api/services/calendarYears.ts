// Operators load (or correct) a year's State Council holiday notice; running cases that
// read that year re-plan their deadlines.
import type { z } from 'zod';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { noticeArrangement } from '../../domain/calendar/noticeArrangement';
import { parseNotice } from '../../domain/calendar/parseNotice';
import type { YearArrangement } from '../../domain/calendar/types';
import { diffArrangements, validateArrangement } from '../../domain/calendar/validateArrangement';
import { WorkingCalendar } from '../../domain/calendar/workingCalendar';
import { promiseDue } from '../../domain/fastTrack/promiseDue';
import { NOT_PAUSED, type PausedTime } from '../../domain/calendar/shiftWorkingTime';
import { shanghaiDate, yearOf } from '../../domain/calendar/timeZone';
import { readArrangements } from '../../infra/calendarStore';
import { writeAudit } from '../../infra/audit';
import type { Database } from '../../infra/database';
import { CASE_ENDED_STAGES, CLOSED_STAGES } from '../../domain/stages';
import { calendarNoticeLoadedSignal } from '../../workflows/fastTrackCaseMessages';
import { canonicalJson } from '../canonicalJson';
import { Problem, validationProblem } from '../problem';
import type { NoticeBody, NoticeTextBody } from '../schemas';
import { forgetNextTimers } from './caseFreshness';

const CONCURRENCY = 8;

export interface MovedCase {
  id: string;
  dueBefore: string | null;
  dueAfter: string | null;
}
interface RunningCase {
  caseNo: string;
  workflowId: string;
  acceptedAt: Date;
  dueAt: Date | null;
}
/** A running workflow whose dues a loaded year recomputes. */
interface RunningWorkflow {
  id: string;
  kind: 'CASE' | 'CONSULTATION' | 'LEAD';
  workflowId: string;
}
type Notice = z.output<typeof NoticeBody> | z.output<typeof NoticeTextBody>;

export function calendarYears(db: Database, client: Client | undefined) {
  return {
    /**
     * Loads `notice` (the arrangement, or the notice's text) as `year`'s arrangement, written once and
     * audited, and tells the running cases that read the year; with `preview`, only what would change
     * (nothing is written).
     */
    async load(year: number, notice: Notice, options: { preview: boolean; actor: string }) {
      const next = arrangementOf(year, notice);
      if (options.preview) {
        const stored = await storedArrangement(db, year);
        return { year, preview: true as const, changes: diffArrangements(stored, next), cases: await previewMoves(db, year, next) };
      }
      if (!client) throw new Problem(503, 'temporal-unavailable', 'Cases cannot be reached', 'The API was started without a Temporal client');
      const load = await storeYear(db, year, next, options.actor);
      const outcome = await signalRunningCases(db, client, year, options.actor);
      // The cases recompute on their own workers; what they will arrive at is what the preview computes.
      return { year, stored: load.written, changes: diffArrangements(load.before, next), ...outcome, cases: await previewMoves(db, year, next) };
    },

    /** What a pasted notice says, and, when it would load, what loading it would move. Writes nothing. */
    async previewText(year: number, body: z.output<typeof NoticeTextBody>) {
      const parsed = parseNotice(body.text, year);
      const { arrangement, problems } = noticeArrangement(parsed, body.documentNo);
      if (!parsed.holidays.length && !parsed.unread.length) throw validationProblem(problems.map(fieldError));
      const { year: _year, ...read } = parsed;
      const answer = { year, ...read, notice: { ...(body.documentNo ? { documentNo: body.documentNo } : {}), ...parsed.notice }, problems: problems.map(fieldError) };
      if (!arrangement) return { ...answer, loadable: false, changes: [], cases: [], running: [] };
      const running = (await runningWorkflowsReading(db, year)).map(({ id, kind }) => ({ id, kind }));
      return { ...answer, loadable: true, changes: diffArrangements(await storedArrangement(db, year), arrangement), cases: await previewMoves(db, year, arrangement), running };
    },
  };
}

const fieldError = (e: { path: string; message: string }) => ({ field: e.path, message: e.message });

/**
 * The notice as JSON (its shape is the body schema's), or its text read by the parser (refused
 * while a sentence is unread); then the calendar rules, which answer 422 naming the fields.
 */
function arrangementOf(year: number, notice: Notice): YearArrangement {
  if ('text' in notice) {
    const parsed = parseNotice(notice.text, year);
    const { arrangement, problems } = noticeArrangement(parsed, notice.documentNo);
    const unread = parsed.unread.map((u) => ({ field: 'text', message: `cannot read “${u.text}”: ${u.reasonEn}` }));
    if (!arrangement) throw validationProblem([...unread, ...problems.map(fieldError)]);
    return arrangement;
  }
  const arrangement: YearArrangement = { year, ...notice };
  const errors = validateArrangement(arrangement);
  if (errors.length) throw validationProblem(errors.map((e) => ({ field: e.path || '(body)', message: e.message })));
  return arrangement;
}

async function storedArrangement(db: Database, year: number): Promise<YearArrangement | undefined> {
  const row = await db.calendarYear.findUnique({ where: { year } });
  return row ? (row.arrangement as unknown as YearArrangement) : undefined;
}

/**
 * Upserts the year and audits it in one transaction. An identical notice is not written or
 * audited again (a retried PUT); the running cases are still told, which heals any that missed it.
 */
async function storeYear(db: Database, year: number, next: YearArrangement, actor: string) {
  return db.$transaction(async (tx) => {
    const current = await tx.calendarYear.findUnique({ where: { year } });
    const before = current ? (current.arrangement as unknown as YearArrangement) : undefined;
    if (current && before && canonicalJson(before) === canonicalJson(next)) {
      return { before, written: false };
    }
    const arrangement = next as unknown as object;
    await tx.calendarYear.upsert({
      where: { year },
      create: { year, arrangement, source: 'operator', loadedBy: actor },
      update: { arrangement, source: 'operator', loadedBy: actor, loadedAt: new Date() },
    });
    await writeAudit(tx, { actor, action: 'CALENDAR_YEAR_LOADED', subject: `calendar:${year}`, before, after: arrangement });
    return { before, written: true };
  });
}

/** A workflow that reads `year` started in that year or the one before. */
const readsYear = (year: number) => ({ gte: new Date(`${year - 1}-01-01T00:00:00+08:00`), lt: new Date(`${year + 1}-01-01T00:00:00+08:00`) });

/** Running fast-track cases that read `year` (sci-tech promises are calendar hours). */
function runningCasesReading(db: Database, year: number): Promise<RunningCase[]> {
  return db.loanCase.findMany({
    where: { product: 'FAST_TRACK', stage: { notIn: [...CASE_ENDED_STAGES] }, acceptedAt: readsYear(year) },
    select: { caseNo: true, workflowId: true, acceptedAt: true, dueAt: true },
    orderBy: { acceptedAt: 'asc' },
  });
}

/** What each case's promise would become, computed as the workflow does, from the records only. */
async function previewMoves(db: Database, year: number, next: YearArrangement): Promise<MovedCase[]> {
  const cases = await runningCasesReading(db, year);
  const paused = await pausedTimes(db, cases.map((c) => c.caseNo));
  const calendars = new Map<number, WorkingCalendar>();
  const moved: MovedCase[] = [];
  for (const c of cases) {
    const from = yearOf(shanghaiDate(c.acceptedAt));
    if (!calendars.has(from)) {
      const loaded = await readArrangements(db, { from, to: from + 1 });
      calendars.set(from, new WorkingCalendar([...loaded.filter((a) => a.year !== year), next]));
    }
    const dueAfter = promiseDue(calendars.get(from)!, c.acceptedAt, paused.get(c.caseNo) ?? NOT_PAUSED).dueAt.toISOString();
    const dueBefore = c.dueAt?.toISOString() ?? null;
    if (dueAfter !== dueBefore) moved.push({ id: c.caseNo, dueBefore, dueAfter });
  }
  return moved;
}

/** Finished pauses extend the promise; their lengths are on the SLA_RESUMED events. */
async function pausedTimes(db: Database, caseNos: string[]): Promise<Map<string, PausedTime>> {
  const events = await db.caseEvent.findMany({ where: { caseNo: { in: caseNos }, type: 'SLA_RESUMED' }, select: { caseNo: true, data: true } });
  const sums = new Map<string, PausedTime>();
  const count = (x: unknown) => (typeof x === 'number' ? x : 0);
  for (const e of events) {
    const d = (e.data ?? {}) as { pausedWorkingDays?: unknown; pausedWorkingMs?: unknown };
    const sum = sums.get(e.caseNo) ?? NOT_PAUSED;
    sums.set(e.caseNo, { workingDays: sum.workingDays + count(d.pausedWorkingDays), workingMs: sum.workingMs + count(d.pausedWorkingMs) });
  }
  return sums;
}

/**
 * Tells every running case that reads `year` to reload its calendar. A signal is
 * recorded at once, even for a case whose worker is down, and the case applies it
 * when it next runs; a case that ended meanwhile has nothing to move.
 */
async function signalRunningCases(db: Database, client: Client, year: number, actor: string) {
  const running = await runningWorkflowsReading(db, year);
  await forgetNextTimers(db, running.map((w) => w.workflowId));
  const failed: { id: string; reason: string }[] = [];
  for (let i = 0; i < running.length; i += CONCURRENCY) {
    await Promise.all(
      running.slice(i, i + CONCURRENCY).map(async (w) => {
        try {
          await client.workflow.getHandle(w.workflowId).signal(calendarNoticeLoadedSignal, { actor, year });
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) failed.push({ id: w.id, reason: (err as Error).message });
        }
      }),
    );
  }
  return { checked: running.length, failed: failed.sort((a, b) => a.id.localeCompare(b.id)) };
}

/** The running cases, consultations and open leads a load of `year` tells to recompute their dues. */
async function runningWorkflowsReading(db: Database, year: number): Promise<RunningWorkflow[]> {
  const consultations = await db.consultation.findMany({
    where: { stage: { notIn: [...CLOSED_STAGES] }, openedAt: readsYear(year) },
    select: { consultationId: true, workflowId: true },
    orderBy: { openedAt: 'asc' },
  });
  // Leads count working days to first contact while it is awaited.
  const leads = await db.lead.findMany({ where: { stage: 'OPEN', openedAt: readsYear(year) }, select: { leadId: true, workflowId: true }, orderBy: { openedAt: 'asc' } });
  return [
    ...(await runningCasesReading(db, year)).map((c) => ({ id: c.caseNo, kind: 'CASE' as const, workflowId: c.workflowId })),
    // Joint consultations count five working days too.
    ...consultations.map((c) => ({ id: c.consultationId, kind: 'CONSULTATION' as const, workflowId: c.workflowId })),
    ...leads.map((l) => ({ id: l.leadId, kind: 'LEAD' as const, workflowId: l.workflowId })),
  ];
}
