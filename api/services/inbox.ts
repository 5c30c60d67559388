// 我的待办 The caller's work, soonest due first: the review branches assigned to them and, for a
// bank's credit approvers, the cases waiting for their bank's decision or holding a payment the
// bank reported at another amount (DISBURSEMENT_HELD, theirs to confirm or retry). Served from the case
// records (the workflows' projection), so an inbox costs two queries however many cases are open,
// and the most urgent work is never beyond a page of newest cases.
import type { z } from 'zod';
import { formatFen } from '../../domain/money';
import type { Database } from '../../infra/database';
import type { LoanCase } from '../../prisma/generated/client';
import type { Principal } from '../../domain/people';
import type { TaskListQuery } from '../schemas';
import { visibleCasesWhere } from './caseScope';

/** The stages in which a case waits for its bank's credit approver, and the work each is. */
const APPROVER_WORK: Record<string, 'CREDIT_DECISION' | 'DISBURSEMENT_HELD'> = {
  CREDIT_DECISION: 'CREDIT_DECISION',
  MANUAL_REVIEW: 'CREDIT_DECISION',
  DISBURSEMENT_HELD: 'DISBURSEMENT_HELD',
};

function item(c: LoanCase, work: { kind: string; assignee: string | null; slaState: string; dueAt: Date | null }) {
  return {
    caseId: c.caseNo,
    product: c.product,
    kind: work.kind,
    assignee: work.assignee,
    slaState: work.slaState,
    dueAt: work.dueAt?.toISOString() ?? null,
    stage: c.stage,
    firmName: c.firmName,
    street: c.streetCode,
    bank: c.bankCode,
    amount: formatFen(Number(c.amountFen)),
    amountFen: Number(c.amountFen),
    acceptedAt: c.acceptedAt.toISOString(),
  };
}
type Item = ReturnType<typeof item>;

const byDue = (a: Item, b: Item) =>
  (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.caseId.localeCompare(b.caseId) || a.kind.localeCompare(b.kind);

/** The caller's (or, by `assignee`, a colleague's) work in the cases the caller may see. */
export function caseInbox(db: Database) {
  return async (p: Principal, q: z.output<typeof TaskListQuery>) => {
    const assignee = q.assignee ?? p.sub;
    const visible = visibleCasesWhere(p);
    const [tasks, decisions] = await Promise.all([
      db.caseTask.findMany({
        // A branch stays OPEN in the record of a case that ended while it was open: only cases still in review count.
        where: { assignee, status: 'OPEN', slaState: q.slaState, loanCase: { AND: [visible, { stage: 'PARALLEL_REVIEW' }] } },
        orderBy: [{ dueAt: 'asc' }, { caseNo: 'asc' }, { kind: 'asc' }],
        take: q.limit + 1,
        include: { loanCase: true },
      }),
      // A decision or a held payment is the bank's, not a person's: it is an approver's own work, not a colleague's.
      p.role === 'credit_approver' && assignee === p.sub
        ? db.loanCase.findMany({
            where: { AND: [visible, { stage: { in: Object.keys(APPROVER_WORK) }, slaState: q.slaState }] },
            orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { caseNo: 'asc' }],
            take: q.limit + 1,
          })
        : [],
    ]);
    const items = [
      ...tasks.map((t) => item(t.loanCase, t)),
      ...decisions.map((c) => item(c, { kind: APPROVER_WORK[c.stage]!, assignee: null, slaState: c.slaState, dueAt: c.dueAt })),
    ].sort(byDue);
    return { items: items.slice(0, q.limit), truncated: items.length > q.limit };
  };
}
