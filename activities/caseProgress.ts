import { isPersonAction } from '../domain/personActions';
import { writeAudit, type AuditDb } from '../infra/audit';
import type { Database } from '../infra/database';
import { inTransaction, runOnPool, type Statements } from '../infra/sql';
import { Prisma } from '../prisma/generated/client';
import type { NotificationChannel } from './adapters';
import { deliverNotice, type Notice } from './notifications';

export interface TaskRow {
  kind: string;
  assignee: string;
  status: string;
  slaState: string;
  dueAt: string;
  /** When the branch warns (absent from projections sent before the record kept it). */
  atRiskAt?: string;
  evidence?: Record<string, unknown>;
  completedAt?: string;
  completedBy?: string;
}

export interface CaseProgress {
  caseNo: string;
  /** Increases with every projection the workflow sends; a late, older write is ignored. */
  revision: number;
  stage: string;
  slaState: string;
  dueAt?: string;
  /** The pause standing now (null when the clock runs) and the working days finished pauses lasted; absent from sci-tech cases, which never pause. */
  pause?: { since: string; by: string; reason: string } | null;
  pausedWorkingDays?: number;
  /** Fast-track: whether the due rests on a year without its holiday notice, and the rest days it skipped; absent from sci-tech cases. */
  dueProvisional?: boolean;
  dueExplanation?: string[];
  /** When the SLA clock next changes a level by itself, as of this write (caseFreshness.ts); absent when none is timed (and in histories from before it): reads then ask Temporal. */
  quietUntil?: string;
  /** Timeline entry; `eventKey` is unique per case, so a retry writes nothing new. */
  event: { eventKey: string; type: string; actor: string; at: string; data: Record<string, unknown> };
  tasks?: TaskRow[];
}

/** A case's notice: its timeline event, then delivered to people (activities/notifications.ts). */
export type Notification = Omit<Notice, 'source'> & { caseNo: string };

type TimelineEvent = CaseProgress['event'];

/**
 * The audit row of a person's action, written in the transaction that writes its timeline event
 * and keyed by it: a retried or rebuilt projection writes neither twice.
 */
export async function auditPersonAction(tx: AuditDb, subject: string, revision: number, stage: string, event: TimelineEvent): Promise<void> {
  if (!isPersonAction(event)) return;
  const { eventKey, type, actor, at, data } = event;
  await writeAudit(tx, { actor, action: type, subject, after: { revision, eventKey, at, stage, data }, key: `${subject}:${eventKey}` });
}

/**
 * A case's progress in the caller's transaction: the timeline event, its audit row, the case and the
 * rows of its branches. Writes are ordered by (workflow time, revision), not by revision alone: a
 * write runs inside its workflow task (a local activity), and when that task attempt is lost (its
 * worker died) the retried attempt decides again, at a later workflow time, with the same revisions.
 * Its writes replace the lost attempt's: the timeline events the lost attempt wrote at those
 * revisions (which the retried attempt may never write) are removed, and a lost attempt's write that
 * still arrives after them (its worker stalled, not dead) writes nothing. An activity's write that
 * arrives late is older on both counts and changes only the timeline, where its event belongs.
 */
export async function writeCaseProgress(tx: Statements, p: CaseProgress): Promise<void> {
  const at = new Date(p.event.at);
  // The case's row lock orders its writes. A later attempt has written this revision or an earlier
  // one: this attempt was lost. An earlier attempt has: its events at these revisions go.
  const [held] = await tx.$queryRaw<{ superseded: boolean; outranks: boolean }>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM case_event WHERE case_no = ${p.caseNo} AND revision <= ${p.revision}::int AND at > ${at}) AS superseded,
      EXISTS (SELECT 1 FROM case_event WHERE case_no = ${p.caseNo} AND revision >= ${p.revision}::int AND at < ${at}) AS outranks
    FROM loan_case WHERE case_no = ${p.caseNo} FOR UPDATE`);
  if (held?.superseded) return;
  // Statements written out, as the branches' below, in a transaction on the pool (infra/sql.ts):
  // every change of a case comes here, and Prisma's client compiles every call anew.
  if (held?.outranks) await tx.$executeRaw(Prisma.sql`DELETE FROM case_event WHERE case_no = ${p.caseNo} AND revision >= ${p.revision}::int AND at < ${at}`);
  await tx.$executeRaw(timelineEventInsert(p.caseNo, p.event, p.revision));
  await auditPersonAction(tx, `case:${p.caseNo}`, p.revision, p.stage, p.event);
  await tx.$executeRaw(Prisma.sql`
    UPDATE loan_case SET ${Prisma.join(caseColumns(p, at), ', ')}, updated_at = now()
    WHERE case_no = ${p.caseNo} AND ((revised_at IS NULL AND revision < ${p.revision}::int) OR (revised_at, revision) < (${at}::timestamptz, ${p.revision}::int))`);
  await writeTasks(tx, p.caseNo, p.revision, at, p.tasks ?? []);
}

/**
 * A case's timeline entry; a second one with its event key is not written, so a retried or rebuilt
 * write adds nothing. `revision` is the projection's that writes it (none for acceptance and notices).
 */
export function timelineEventInsert(caseNo: string, e: TimelineEvent, revision: number | null = null): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO case_event (case_no, event_key, type, actor, at, data, revision)
    VALUES (${caseNo}, ${e.eventKey}, ${e.type}, ${e.actor}, ${new Date(e.at)}::timestamptz, ${JSON.stringify(e.data)}::jsonb, ${revision}::int)
    ON CONFLICT (case_no, event_key) DO NOTHING`;
}

/** The case's columns a write sets: always its stage, SLA state and order; the rest when the write carries them. */
function caseColumns(p: CaseProgress, at: Date): Prisma.Sql[] {
  const when = (iso: string | undefined | null) => (iso ? new Date(iso) : null);
  return [
    Prisma.sql`stage = ${p.stage}, sla_state = ${p.slaState}, revision = ${p.revision}::int, revised_at = ${at}::timestamptz, quiet_until = ${when(p.quietUntil)}::timestamptz`,
    ...(p.dueAt ? [Prisma.sql`due_at = ${new Date(p.dueAt)}::timestamptz`] : []),
    ...(p.pause !== undefined ? [Prisma.sql`paused_since = ${when(p.pause?.since)}::timestamptz, paused_by = ${p.pause?.by ?? null}, paused_reason = ${p.pause?.reason ?? null}`] : []),
    ...(p.pausedWorkingDays !== undefined ? [Prisma.sql`paused_working_days = ${p.pausedWorkingDays}::int`] : []),
    ...(p.dueExplanation !== undefined
      ? [Prisma.sql`due_explanation = ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(p.dueExplanation)}::jsonb))`, ...(p.dueProvisional !== undefined ? [Prisma.sql`due_provisional = ${p.dueProvisional}`] : [])]
      : []),
  ];
}

/**
 * The branches' rows in one statement (an acceptance or a branch's change writes all three):
 * each inserted, or updated where the row holds an older write (ordered as the case's row). A
 * warning time or evidence the projection does not carry keeps what the row holds.
 */
async function writeTasks(tx: Statements, caseNo: string, revision: number, revisedAt: Date, tasks: TaskRow[]): Promise<void> {
  if (tasks.length === 0) return;
  const at = (iso: string | undefined) => (iso ? new Date(iso) : null);
  const rows = tasks.map((t) => Prisma.sql`(${caseNo}, ${t.kind}, ${t.assignee}, ${t.status}, ${t.slaState}, ${new Date(t.dueAt)}::timestamptz,
    ${at(t.atRiskAt)}::timestamptz, ${t.evidence ? JSON.stringify(t.evidence) : null}::jsonb, ${at(t.completedAt)}::timestamptz, ${t.completedBy ?? null}, ${revision}::int, ${revisedAt}::timestamptz, now())`);
  await tx.$executeRaw(Prisma.sql`
    INSERT INTO case_task (case_no, kind, assignee, status, sla_state, due_at, at_risk_at, evidence, completed_at, completed_by, revision, revised_at, updated_at)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (case_no, kind) DO UPDATE SET
      assignee = EXCLUDED.assignee, status = EXCLUDED.status, sla_state = EXCLUDED.sla_state, due_at = EXCLUDED.due_at,
      at_risk_at = COALESCE(EXCLUDED.at_risk_at, case_task.at_risk_at), evidence = COALESCE(EXCLUDED.evidence, case_task.evidence),
      completed_at = EXCLUDED.completed_at, completed_by = EXCLUDED.completed_by, revision = EXCLUDED.revision, revised_at = EXCLUDED.revised_at, updated_at = EXCLUDED.updated_at
    WHERE (case_task.revised_at IS NULL AND case_task.revision < EXCLUDED.revision) OR (case_task.revised_at, case_task.revision) < (EXCLUDED.revised_at, EXCLUDED.revision)`);
}

/** Projections of a case's progress into PostgreSQL; every write is idempotent. */
export function caseProgressActivities(db: Database, channel: NotificationChannel) {
  return {
    /** Returns what it wrote: as a local activity its marker keeps the result, not the input, and the projection rebuild reads it there. */
    async recordCaseProgress(p: CaseProgress): Promise<CaseProgress> {
      await inTransaction(db, (tx) => writeCaseProgress(tx, p));
      return p;
    },

    /** A bilingual notice: on the case timeline, then to each person its audience reaches. */
    async notify(n: Notification): Promise<void> {
      const data = { audience: n.audience, text: `${n.zh}\n${n.en}` };
      await runOnPool(db, timelineEventInsert(n.caseNo, { eventKey: n.eventKey, type: n.type, actor: 'system', at: n.at, data }));
      await deliverNotice(db, channel, { source: n.caseNo, ...n });
    },
  };
}
