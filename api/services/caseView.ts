// A case as the API shows it: the record, with the workflow's live state over it when it answers.
import { TASK_KINDS } from '../../domain/fastTrack/policy';
import { formatFen } from '../../domain/money';
import type { Database } from '../../infra/database';
import { fastTrackCaseFacts } from '../../readModels/fastTrackCaseFacts';
import { sciTechCaseFacts } from '../../readModels/sciTechCaseFacts';
import type { CaseState } from '../../workflows/fastTrackCase';
import type { SciTechCaseState } from '../../workflows/sciTechCase';
import { caseNotFound } from './caseScope';

/** A case's state as its workflow answers it; `product` tells the two apart. */
export type LiveCaseState = CaseState | SciTechCaseState;

/** The case view; `liveState` undefined when the record answers (`live: false`). */
export async function caseView(db: Database, caseNo: string, liveState: LiveCaseState | undefined, uiLink: (id: string) => string) {
  const c = await db.loanCase.findUnique({
    where: { caseNo },
    include: { street: true, bank: true, tasks: true, events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } },
  });
  if (!c) throw caseNotFound(caseNo);
  const amountFen = Number(c.amountFen);
  // The workflow is the source of truth; the record is its projection.
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
    stage: liveState?.stage ?? c.stage,
    slaState: liveState?.slaState ?? c.slaState,
    acceptedAt: c.acceptedAt.toISOString(),
    dueAt: liveState?.dueAt ?? c.dueAt?.toISOString() ?? null,
  };
  const tail = {
    temporalUi: uiLink(c.workflowId),
    events: c.events.map((e) => ({ type: e.type, actor: e.actor, at: e.at.toISOString(), data: e.data })),
  };
  if (c.product === 'SCI_TECH') {
    const live = liveState as SciTechCaseState | undefined;
    return { ...common, live: live !== undefined, ...sciTechCaseFacts(live, c.events), ...tail };
  }
  const live = liveState as CaseState | undefined;
  const facts = fastTrackCaseFacts(live, c.events);
  const standing = facts.pauses.find((p) => p.until === undefined);
  return {
    ...common,
    dueProvisional: live?.dueProvisional ?? null,
    dueExplanation: live?.dueExplanation ?? [],
    live: live !== undefined,
    // In the workflow's order, as a live view lists them.
    // (Who reassigned a task is on the timeline; the workflow keeps it for its own rule.)
    tasks: live?.tasks.map(({ assignedBy: _assignedBy, ...t }) => t) ?? [...c.tasks].sort((a, b) => taskOrder(a.kind) - taskOrder(b.kind)).map((t) => ({
      kind: t.kind,
      assignee: t.assignee,
      status: t.status,
      slaState: t.slaState,
      dueAt: t.dueAt.toISOString(),
      evidence: t.evidence,
      completedAt: t.completedAt?.toISOString(),
      completedBy: t.completedBy ?? undefined,
    })),
    ...facts,
    paused: standing ? { since: standing.since, by: standing.by, reason: standing.reason } : null,
    pausedWorkingDays: facts.pauses.reduce((sum, p) => sum + (p.pausedWorkingDays ?? 0), 0),
    ...tail,
  };
}

export type CaseView = Awaited<ReturnType<typeof caseView>>;

const taskOrder = (kind: string) => TASK_KINDS.indexOf(kind as (typeof TASK_KINDS)[number]);
