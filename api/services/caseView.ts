// A case as the API shows it: answered by its record, or by its running workflow's live state
// (cases.ts decides which, caseFreshness.ts says when the record trails). Both answers show the
// same: the record keeps everything the view shows, and the timeline rebuilds the rest.
import { TASK_KINDS } from '../../domain/fastTrack/policy';
import { formatFen } from '../../domain/money';
import type { Database } from '../../infra/database';
import { runOnPool } from '../../infra/sql';
import { fastTrackCaseFacts } from '../../readModels/fastTrackCaseFacts';
import { sciTechCaseFacts } from '../../readModels/sciTechCaseFacts';
import type { CaseState } from '../../workflows/fastTrackCase';
import type { SciTechCaseState } from '../../workflows/sciTechCase';
import type { RecordAnswer } from './caseFreshness';
import { Prisma, type CaseTask, type LoanCase, type Street } from '../../prisma/generated/client';
import type { Principal } from '../../domain/people';
import type { EventRow } from '../../readModels/recordedEvents';
import { caseNotFound, visibleCasesSql } from './caseScope';

/** A case's state as its workflow answers it; `product` tells the two apart. */
export type LiveCaseState = CaseState | SciTechCaseState;

/** Who answers a case's view (caseFreshness.ts). */
export type CaseAnswer = RecordAnswer<LiveCaseState>;

/** A case's record as the views read it: its row, its street and bank, its branches and timeline. */
export type CaseRecord = Pick<
  LoanCase,
  'caseNo' | 'workflowId' | 'product' | 'firmName' | 'creditCode' | 'purpose' | 'leadId' | 'stage' | 'slaState' | 'acceptedAt' | 'dueAt' | 'dueProvisional' | 'dueExplanation' | 'quietUntil' | 'updatesInFlight'
> & {
  /** In fen; at most MAX_AMOUNT_FEN (domain/money.ts), so exact as a number. */
  amountFen: number;
  street: Party;
  bank: Party;
  tasks: TaskRow[];
  events: EventRow[];
};

type Party = Pick<Street, 'code' | 'nameZh' | 'nameEn'>;
type TaskRow = Pick<CaseTask, 'kind' | 'assignee' | 'status' | 'slaState' | 'dueAt' | 'atRiskAt' | 'evidence' | 'completedAt' | 'completedBy'>;

type AsJson<T, K extends keyof T> = Omit<T, K> & { [P in K]: string | Extract<T[P], null> };
/** As pg reads it: a bigint as a string, JSON as values with instants as text. */
type RecordRow = Omit<CaseRecord, 'amountFen' | 'tasks' | 'events'> & {
  amountFen: string;
  tasks: AsJson<TaskRow, 'dueAt' | 'atRiskAt' | 'completedAt'>[];
  events: AsJson<EventRow, 'at'>[];
};

/**
 * The case's record, its street, bank, branches and timeline, if `principal` (when given) may see
 * it; else 404. One hand-written statement, run on the pool (infra/sql.ts): every read of a case
 * makes it, and Prisma's client compiles each of its queries anew (BENCHMARKS.md, tuning record).
 */
export async function caseRecord(db: Database, caseNo: string, principal?: Principal): Promise<CaseRecord> {
  const [row] = await runOnPool<RecordRow>(db, Prisma.sql`
    SELECT c.case_no AS "caseNo", c.workflow_id AS "workflowId", c.product, c.firm_name AS "firmName", c.credit_code AS "creditCode",
           c.amount_fen AS "amountFen", c.purpose, c.lead_id AS "leadId", c.stage, c.sla_state AS "slaState", c.accepted_at AS "acceptedAt",
           c.due_at AS "dueAt", c.due_provisional AS "dueProvisional", c.due_explanation AS "dueExplanation",
           c.quiet_until AS "quietUntil", c.updates_in_flight AS "updatesInFlight",
           json_build_object('code', s.code, 'nameZh', s.name_zh, 'nameEn', s.name_en) AS street,
           json_build_object('code', b.code, 'nameZh', b.name_zh, 'nameEn', b.name_en) AS bank,
           (SELECT coalesce(json_agg(json_build_object('kind', t.kind, 'assignee', t.assignee, 'status', t.status, 'slaState', t.sla_state,
                      'dueAt', t.due_at, 'atRiskAt', t.at_risk_at, 'evidence', t.evidence, 'completedAt', t.completed_at, 'completedBy', t.completed_by)), '[]')
              FROM case_task t WHERE t.case_no = c.case_no) AS tasks,
           (SELECT coalesce(json_agg(json_build_object('type', e.type, 'actor', e.actor, 'at', e.at, 'data', e.data) ORDER BY e.at, e.id), '[]')
              FROM case_event e WHERE e.case_no = c.case_no) AS events
      FROM loan_case c JOIN street s ON s.code = c.street_code JOIN bank b ON b.code = c.bank_code
     WHERE c.case_no = ${caseNo} AND ${principal ? visibleCasesSql(principal) : Prisma.sql`TRUE`}`);
  if (!row) throw caseNotFound(caseNo);
  return {
    ...row,
    amountFen: Number(row.amountFen),
    tasks: row.tasks.map((t) => ({ ...t, dueAt: new Date(t.dueAt), atRiskAt: dateOrNull(t.atRiskAt), completedAt: dateOrNull(t.completedAt) })),
    events: row.events.map((e) => ({ ...e, at: new Date(e.at) })),
  };
}

const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

/**
 * Whether the record holds all the view shows. A fast-track case last projected before the record
 * kept the due's explanation and the branches' warning times lacks them until its next write.
 */
export function recordComplete(c: CaseRecord): boolean {
  return c.product !== 'FAST_TRACK' || (c.dueProvisional !== null && c.tasks.every((t) => t.atRiskAt !== null));
}

export function caseView(c: CaseRecord, answer: CaseAnswer, uiLink: (id: string) => string) {
  const liveState = answer.by === 'WORKFLOW' ? answer.state : undefined;
  const common = {
    id: c.caseNo,
    workflowId: c.workflowId,
    product: c.product,
    firm: { name: c.firmName, creditCode: c.creditCode },
    street: { code: c.street.code, nameZh: c.street.nameZh, nameEn: c.street.nameEn },
    bank: { code: c.bank.code, nameZh: c.bank.nameZh, nameEn: c.bank.nameEn },
    amount: formatFen(c.amountFen),
    amountFen: c.amountFen,
    purpose: c.purpose,
    lead: c.leadId ? { id: c.leadId, url: `/api/v1/leads/${c.leadId}` } : null,
    stage: liveState?.stage ?? c.stage,
    slaState: liveState?.slaState ?? c.slaState,
    acceptedAt: c.acceptedAt.toISOString(),
    dueAt: liveState?.dueAt ?? c.dueAt?.toISOString() ?? null,
  };
  const source = { live: answer.by === 'WORKFLOW' || answer.current, answeredBy: answer.by };
  const tail = {
    temporalUi: uiLink(c.workflowId),
    events: c.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
  };
  if (c.product === 'SCI_TECH') {
    const live = liveState as SciTechCaseState | undefined;
    return { ...common, ...source, ...sciTechCaseFacts(live, c.events), ...tail };
  }
  const live = liveState as CaseState | undefined;
  const facts = fastTrackCaseFacts(live, c.events);
  const standing = facts.pauses.find((p) => p.until === undefined);
  return {
    ...common,
    dueProvisional: live?.dueProvisional ?? c.dueProvisional,
    dueExplanation: live?.dueExplanation ?? c.dueExplanation,
    ...source,
    // In the workflow's order, as a live view lists them.
    // (Who reassigned a task is on the timeline; the workflow keeps it for its own rule.)
    tasks: live?.tasks.map(({ assignedBy: _assignedBy, ...t }) => t) ?? [...c.tasks].sort((a, b) => taskOrder(a.kind) - taskOrder(b.kind)).map((t) => ({
      kind: t.kind,
      assignee: t.assignee,
      status: t.status,
      slaState: t.slaState,
      dueAt: t.dueAt.toISOString(),
      atRiskAt: t.atRiskAt?.toISOString(),
      evidence: t.evidence ?? undefined,
      completedAt: t.completedAt?.toISOString(),
      completedBy: t.completedBy ?? undefined,
    })),
    ...facts,
    paused: standing ? { since: standing.since, by: standing.by, reason: standing.reason } : null,
    pausedWorkingDays: facts.pauses.reduce((sum, p) => sum + (p.pausedWorkingDays ?? 0), 0),
    ...tail,
  };
}

export type CaseView = ReturnType<typeof caseView>;

const taskOrder = (kind: string) => TASK_KINDS.indexOf(kind as (typeof TASK_KINDS)[number]);
