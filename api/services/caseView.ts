// A case as the API shows it: answered by its record, or by its running workflow's live state
// (cases.ts decides which, caseFreshness.ts says when the record trails). Both answers show the
// same: the record keeps everything the view shows, and the timeline rebuilds the rest.
import { TASK_KINDS } from '../../domain/fastTrack/policy';
import { formatFen } from '../../domain/money';
import type { Database } from '../../infra/database';
import { fastTrackCaseFacts } from '../../readModels/fastTrackCaseFacts';
import { sciTechCaseFacts } from '../../readModels/sciTechCaseFacts';
import type { CaseState } from '../../workflows/fastTrackCase';
import type { SciTechCaseState } from '../../workflows/sciTechCase';
import type { RecordAnswer } from './caseFreshness';
import { caseNotFound } from './caseScope';

/** A case's state as its workflow answers it; `product` tells the two apart. */
export type LiveCaseState = CaseState | SciTechCaseState;

/** Who answers a case's view (caseFreshness.ts). */
export type CaseAnswer = RecordAnswer<LiveCaseState>;

/** The case's record: its row, street, bank, branches and timeline. */
export async function caseRecord(db: Database, caseNo: string) {
  const c = await db.loanCase.findUnique({
    where: { caseNo },
    include: { street: true, bank: true, tasks: true, events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
  });
  if (!c) throw caseNotFound(caseNo);
  return c;
}

export type CaseRecord = Awaited<ReturnType<typeof caseRecord>>;

/**
 * Whether the record holds all the view shows. A fast-track case last projected before the record
 * kept the due's explanation and the branches' warning times lacks them until its next write.
 */
export function recordComplete(c: CaseRecord): boolean {
  return c.product !== 'FAST_TRACK' || (c.dueProvisional !== null && c.tasks.every((t) => t.atRiskAt !== null));
}

export function caseView(c: CaseRecord, answer: CaseAnswer, uiLink: (id: string) => string) {
  const liveState = answer.by === 'WORKFLOW' ? answer.state : undefined;
  const amountFen = Number(c.amountFen);
  const common = {
    id: c.caseNo,
    workflowId: c.workflowId,
    product: c.product,
    firm: { name: c.firmName, creditCode: c.creditCode },
    street: { code: c.street.code, nameZh: c.street.nameZh, nameEn: c.street.nameEn },
    bank: { code: c.bank.code, nameZh: c.bank.nameZh, nameEn: c.bank.nameEn },
    amount: formatFen(amountFen),
    amountFen,
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
