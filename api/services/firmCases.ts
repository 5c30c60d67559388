// A firm's own cases, as the firm reads them: the case view cut down to what is the firm's to
// know, with the plain sentence of where it stands (domain/firmCaseStatus.ts). The scope is the
// firm's credit code (caseScope.ts): any other case is a 404.
import { firmCaseStatus, promisedDate, type FirmCaseFacts } from '../../domain/firmCaseStatus';
import type { TaskKind } from '../../domain/fastTrack/policy';
import { formatFen } from '../../domain/money';
import type { Database } from '../../infra/database';
import type { Caller } from './caller';
import type { caseService } from './cases';
import { visibleCasesWhere } from './caseScope';
import type { CaseView } from './caseView';

/** The most cases the firm's page lists (newest first); a firm has a handful. */
const FIRM_CASES_SHOWN = 50;

export function firmCaseService(db: Database, cases: ReturnType<typeof caseService>) {
  const read = async (caller: Caller, caseNo: string) => firmCaseView(await cases.get(caller, caseNo, false));
  return {
    async list(caller: Caller) {
      const rows = await db.loanCase.findMany({
        where: visibleCasesWhere(caller.principal),
        orderBy: [{ acceptedAt: 'desc' }, { caseNo: 'desc' }],
        take: FIRM_CASES_SHOWN,
        select: { caseNo: true },
      });
      return { items: await Promise.all(rows.map((r) => read(caller, r.caseNo))) };
    },
    get: read,
  };
}

export function firmCaseView(v: CaseView) {
  const fastTrack = 'tasks' in v ? v : undefined;
  const paused = fastTrack?.paused ?? null;
  const decision = v.decision;
  const approvedFen = decision?.outcome === 'APPROVED' ? (decision.amountFen ?? null) : null;
  const confirmation = v.contractConfirmation;
  return {
    id: v.id,
    product: v.product as 'FAST_TRACK' | 'SCI_TECH',
    firmName: v.firm.name,
    amount: v.amount,
    purpose: v.purpose,
    street: { nameZh: v.street.nameZh, nameEn: v.street.nameEn },
    bank: { nameZh: v.bank.nameZh, nameEn: v.bank.nameEn },
    stage: v.stage,
    acceptedAt: v.acceptedAt,
    promisedDate: v.dueAt ? promisedDate(v.dueAt) : null,
    status: firmCaseStatus({
      product: v.product as 'FAST_TRACK' | 'SCI_TECH',
      stage: v.stage as FirmCaseFacts['stage'],
      street: v.street,
      bank: v.bank,
      dueAt: v.dueAt,
      pausedFor: paused?.reason ?? null,
      openTasks: (fastTrack?.tasks ?? []).filter((t) => t.status === 'OPEN').map((t) => t.kind as TaskKind),
      approvedFen,
      confirmation: confirmation ? { terms: confirmation.terms, dueAt: confirmation.dueAt, confirmedAt: confirmation.confirmedAt } : null,
      disbursed: v.disbursement ? { amountFen: v.disbursement.amountFen, at: v.disbursement.at } : null,
    }),
    paused: paused ? { since: paused.since, reason: paused.reason } : null,
    decision: decision
      ? {
          outcome: decision.outcome,
          at: decision.at,
          ...(approvedFen !== null ? { amount: formatFen(approvedFen), rateBp: decision.rateBp, termMonths: decision.termMonths } : {}),
        }
      : null,
    contractConfirmation: confirmation ? { dueDate: promisedDate(confirmation.dueAt), confirmedAt: confirmation.confirmedAt } : null,
    disbursement: v.disbursement ? { amount: formatFen(v.disbursement.amountFen), at: v.disbursement.at } : null,
  };
}
