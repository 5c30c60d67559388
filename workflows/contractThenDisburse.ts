// Contract, then money, for a case the bank approved (fast-track or sci-tech). Both calls are
// idempotent on the bank's side (key = case number) and retried until done. A case withdrawn
// while its contract was being signed gets no money; once the contract is signed, it can be
// withdrawn only after the bank cancels the contract, which it may do until it pays. A case
// opened with firmConfirmsContract first waits for the firm to confirm the terms (确认).
import { ActivityFailure, ApplicationFailure, CancellationScope, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type * as activities from '../activities';
import { confirmationDue, termsText, type ContractTerms } from '../domain/contractConfirmation';
import { DISBURSED_AMOUNT_DIFFERS, type ReportedPayment } from '../domain/disbursementHold';
import { ESCALATION, firmAudience } from '../domain/escalation';
import { formatFen, formatWan } from '../domain/money';
import { promisedDate } from '../domain/firmCaseStatus';
import type { CaseParties } from '../domain/duties';
import type { FastTrackStage, SciTechStage } from '../domain/stages';
import { BANK, OUTSIDE_INTERACTIVE, RECORD } from './activityOptions';
import { shanghaiText } from './caseDetails';
import { loadWorkingCalendar } from './calendarYears';
import {
  cancelContractUpdate,
  confirmContractUpdate,
  resolveDisbursementUpdate,
  type CancelContractRequest,
  type ConfirmContractRequest,
  type ContractConfirmation,
  type DisbursementHold,
  type ResolveDisbursementRequest,
  type SignedContract,
} from './contractMessages';
import { takes } from './changeGenerations';
import type { CaseState } from './fastTrackCaseMessages';
import type { Projector } from './projector';
import type { SciTechCaseState } from './sciTechCaseMessages';
import { SlaClock, deadlineOwningLevel } from './slaClock';
import { validateContractCancellation, validateContractConfirmation, validateDisbursementResolution } from './validation';

export * from './contractMessages';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

/** Runs started before it pay without telling the firm; from it on, the firm gets the bank's SMS. */
export const FIRM_DISBURSEMENT_SMS = 'firm-disbursement-sms';

/** Cases opened with firmConfirmsContract wait for the firm's confirmation before the contract; runs before it never wait. */
export const FIRM_CONFIRMS_CONTRACT = 'firm-confirms-contract';

/** A holiday notice taken in while the firm has not confirmed moves its due; runs before it kept the due set at approval. */
export const CONFIRMATION_DUE_FOLLOWS_CALENDAR = 'confirmation-due-follows-calendar';

/** The bank's approver may cancel a signed, unpaid contract; runs before it paid regardless. */
const BANK_CANCELS_SIGNED_CONTRACT = 'bank-cancels-signed-contract';

/** A payment the bank reports at another amount is held for the approver (payThroughHolds); runs before it did not hold it. */
const DISBURSED_AMOUNT_DIFFERS_HELD = 'disbursed-amount-differs-held';

/** Every patch this step asks (see decideLocalWrites). */
export const CONTRACT_PATCHES = [FIRM_CONFIRMS_CONTRACT, CONFIRMATION_DUE_FOLLOWS_CALENDAR, BANK_CANCELS_SIGNED_CONTRACT, DISBURSED_AMOUNT_DIFFERS_HELD, FIRM_DISBURSEMENT_SMS];

/** The loan the bank approved. */
export interface ApprovedLoan {
  caseNo: string;
  /** The borrowing firm, whom the disbursement notice reaches. */
  creditCode: string;
  firmName: string;
  streetCode: string;
  bankCode: string;
  /** The case input's flag: the firm confirms the terms online before the contract is signed. */
  firmConfirmsContract: boolean;
  amountFen: number;
  rateBp: number;
  termMonths: number;
}

/** The loan's parties and the confirmation flag, from either product's case input. */
export function approvedLoanParties(input: {
  caseNo: string;
  firm: { name: string; creditCode: string };
  streetCode: string;
  bankCode: string;
  firmConfirmsContract?: boolean;
}): Omit<ApprovedLoan, 'amountFen' | 'rateBp' | 'termMonths'> {
  const { caseNo, firm, streetCode, bankCode } = input;
  return { caseNo, creditCode: firm.creditCode, firmName: firm.name, streetCode, bankCode, firmConfirmsContract: input.firmConfirmsContract === true };
}

/** What the step reads and moves on the case. */
export interface ApprovedCase {
  readonly state: {
    stage: FastTrackStage | SciTechStage;
    contractConfirmation?: ContractConfirmation;
    contract?: SignedContract;
    disbursementHold?: DisbursementHold;
    disbursement?: { reference: string; amountFen: number; at: string };
  };
  /** Writes the case's record with one timeline event (see Projector.project). */
  project: Projector['project'];
  /** Sends a notice (see Projector.notify). */
  notify: Projector['notify'];
  ended(): boolean;
  /** The DISBURSED event's data besides the payment: how the case's promise was kept. */
  promiseKept(): Record<string, unknown>;
  /** Set once this run may have its contract cancelled: runs that signed before the rule pay regardless. */
  payout: Payout;
  /** The holiday notices the case has taken in (fast-track cases are told of each; sci-tech cases none). */
  readonly calendarNotices?: CalendarNotices;
}

/** How many holiday notices a case has taken in, and who loaded the last one, for which year. */
export interface CalendarNotices {
  count: number;
  actor?: string;
  year?: number;
}

/** The payment's own bookkeeping, besides the case's state. */
export interface Payout {
  /** Read by the contract-cancellation validator. */
  cancellable: boolean;
  /** Payments held so far (each hold has its own timeline event). */
  holds: number;
  /** The approver's answer to the current hold. */
  resolution?: ResolveDisbursementRequest['action'];
}

export async function contractThenDisburse(loan: ApprovedLoan, c: ApprovedCase): Promise<void> {
  // The input flag first: runs without it never mark the patch.
  if (loan.firmConfirmsContract && takes(FIRM_CONFIRMS_CONTRACT)) {
    await awaitFirmConfirmation(loan, c);
    if (c.ended()) return;
  }
  const contract = await act.signContract.executeWithOptions({ ...BANK, summary: `签订借款合同 Sign loan contract ${formatWan(loan.amountFen)}` }, [
    { caseNo: loan.caseNo, bankCode: loan.bankCode, amountFen: loan.amountFen, rateBp: loan.rateBp, termMonths: loan.termMonths },
  ]);
  c.state.contract = contract;
  if (c.ended()) return;
  // From here on money moves: a withdrawal waits for the bank to cancel the contract.
  c.state.stage = 'DISBURSING';
  await c.project('合同已签 Contract signed', 'contract-signed', 'CONTRACT_SIGNED', 'system', { contractNo: contract.contractNo, signedAt: contract.signedAt });
  const cancellable = takes(BANK_CANCELS_SIGNED_CONTRACT);
  const payment = new CancellationScope();
  const paying = payment.run(() =>
    payThroughHolds(loan, c, () =>
      act.disburse.executeWithOptions({ ...BANK, summary: `放款 Disburse ${formatWan(loan.amountFen)} (幂等键 idempotency key ${loan.caseNo})` }, [
        { caseNo: loan.caseNo, bankCode: loan.bankCode, contractNo: contract.contractNo, amountFen: loan.amountFen },
      ]),
    ),
  );
  let paid: Awaited<typeof paying> | undefined;
  if (cancellable) {
    c.payout.cancellable = true;
    // The bank pays or cancels, never both (BankAdapter.cancelContract): a cancelled contract's
    // payment is refused and retried, so it is called off here, and the case waits for its withdrawal.
    paid = await Promise.race([paying, condition(() => c.state.contract?.cancellation !== undefined).then(() => undefined)]);
    if (!paid) {
      payment.cancel();
      await paying.catch(() => undefined);
      await condition(() => c.ended());
      return;
    }
  } else {
    paid = await paying;
  }
  c.state.disbursement = { reference: paid.reference, amountFen: paid.amountFen, at: paid.paidAt };
  c.state.stage = 'DISBURSED';
  await c.project('放款完成 Disbursed', 'disbursed', 'DISBURSED', 'system', { ...c.state.disbursement, ...c.promiseKept() });
  if (takes(FIRM_DISBURSEMENT_SMS)) await c.notify('短信通知企业放款 SMS to the firm: disbursed', disbursementNotice(loan, c.state.disbursement));
}

/**
 * The case stays CONTRACTING until the firm confirms the approved terms (confirmContract), on its
 * own working-day clock: the firm and its bank are reminded before the due, the street office and
 * the bank told once it passed. A withdrawal meanwhile ends the wait.
 */
async function awaitFirmConfirmation(loan: ApprovedLoan, c: ApprovedCase): Promise<void> {
  const now = new Date();
  const { dueAt, atRiskAt } = confirmationDue(await loadWorkingCalendar(now), now);
  const terms: ContractTerms = { amountFen: loan.amountFen, rateBp: loan.rateBp, termMonths: loan.termMonths };
  const waiting: ContractConfirmation = { terms, requestedAt: now.toISOString(), dueAt: dueAt.toISOString(), atRiskAt: atRiskAt.toISOString(), level: 'ON_TRACK' };
  c.state.contractConfirmation = waiting;
  await c.project('等待企业确认合同 Waiting for the firm to confirm the contract', 'contract-confirmation-requested', 'CONTRACT_CONFIRMATION_REQUESTED', 'system', { ...terms, requestedAt: waiting.requestedAt, dueAt: waiting.dueAt, atRiskAt: waiting.atRiskAt });
  const words = termsText(terms);
  const day = promisedDate(waiting.dueAt);
  const firm = [firmAudience(loan.creditCode)];
  await c.notify('短信请企业确认合同 SMS to the firm: confirm the contract', {
    eventKey: 'contract-confirmation-firm-sms',
    type: 'NOTIFICATION',
    audience: firm,
    zh: `您的贷款已获批准（申请编号 ${loan.caseNo}）：${words.zh}。请于${day}前登录确认合同条款，确认后银行签约放款。`,
    en: `Your loan is approved (application ${loan.caseNo}): ${words.en}. Please sign in and confirm the terms by ${day}; the bank then signs and pays.`,
  });
  const deadline = deadlineOwningLevel(
    { subject: 'CONTRACT_CONFIRMATION', label: '企业确认合同 the firm’s contract confirmation', assignee: firm[0], atRiskAt, dueAt },
    { get: () => waiting.level, set: (l) => (waiting.level = l) },
  );
  const settled = () => waiting.confirmedAt !== undefined || c.ended();
  const due = () => shanghaiText(waiting.dueAt);
  const clock = new SlaClock({
    deadlines: () => (settled() ? [] : [deadline]),
    stopped: settled,
    onAtRisk: () =>
      c.notify('提醒企业确认合同 Remind the firm to confirm the contract', {
        eventKey: 'notice:at-risk:contract-confirmation',
        type: 'NOTIFICATION',
        audience: ESCALATION.contractConfirmation.atRisk(loan.creditCode, loan.bankCode),
        zh: `【待确认合同】案件 ${loan.caseNo}（${loan.firmName}）的合同条款（${words.zh}）尚未确认，请于 ${due()} 前登录确认；客户经理请协助。`,
        en: `[Contract to confirm] Case ${loan.caseNo} (${loan.firmName}): the terms (${words.en}) are not yet confirmed; please confirm by ${due()} (Asia/Shanghai). Customer managers, please help the firm.`,
      }),
    onBreached: async () => {
      await c.project('企业确认合同超时 The firm’s confirmation is overdue', 'contract-confirmation-overdue', 'CONTRACT_CONFIRMATION_OVERDUE', 'system', { dueAt: waiting.dueAt });
      await c.notify('企业确认合同超时，告知街道与银行 Confirmation overdue: street office and bank', {
        eventKey: 'escalated:contract-confirmation',
        type: 'ESCALATED',
        audience: ESCALATION.contractConfirmation.breached(loan.streetCode, loan.bankCode),
        zh: `【确认超时督办】案件 ${loan.caseNo}（${loan.firmName}，${formatWan(loan.amountFen)}）的企业未在 ${due()} 前确认合同条款，合同尚未签订。请街道与银行联系企业：确认、或由街道撤回申请。`,
        en: `[Confirmation overdue] Case ${loan.caseNo} (${loan.firmName}): the firm did not confirm the contract terms by ${due()}; nothing is signed. Street office and bank, please contact the firm: it confirms, or the street withdraws the case.`,
      });
    },
  });
  await Promise.all([clock.run(), followCalendarNotices(c, waiting, deadline, () => clock.replan(), settled)]);
}

/**
 * While the firm has not confirmed, each holiday notice the case takes in recounts the firm's two
 * working days from the approval, as the case's own dues are recounted: a moved due is on the
 * timeline and the clock plans again, so a reminder not yet sent waits for the new noon (one sent,
 * or the overdue notice, stands).
 */
async function followCalendarNotices(c: ApprovedCase, waiting: ContractConfirmation, deadline: { atRiskAt: Date; dueAt: Date }, replan: () => void, settled: () => boolean): Promise<void> {
  const notices = c.calendarNotices;
  if (!notices) return;
  let seen = notices.count;
  for (;;) {
    await condition(() => notices.count !== seen || settled());
    if (settled()) return;
    // Taken before the reload: a notice arriving meanwhile is read again.
    seen = notices.count;
    // Histories that took a notice in before the rule kept their due.
    if (!takes(CONFIRMATION_DUE_FOLLOWS_CALENDAR)) continue;
    const requestedAt = new Date(waiting.requestedAt);
    const moved = confirmationDue(await loadWorkingCalendar(requestedAt, true), requestedAt);
    if (settled() || moved.dueAt.getTime() === deadline.dueAt.getTime()) continue;
    const before = waiting.dueAt;
    Object.assign(deadline, moved);
    waiting.dueAt = moved.dueAt.toISOString();
    waiting.atRiskAt = moved.atRiskAt.toISOString();
    if (waiting.level === 'AT_RISK' && new Date() < moved.atRiskAt) waiting.level = 'ON_TRACK';
    replan();
    await c.project('日历变更，企业确认时限重算 Calendar changed: the firm’s confirmation due moved', `contract-confirmation-due-moved:${seen}`, 'CONTRACT_CONFIRMATION_DUE_MOVED', notices.actor ?? 'system', {
      before,
      dueAt: waiting.dueAt,
      atRiskAt: waiting.atRiskAt,
      ...(notices.year !== undefined ? { year: notices.year } : {}),
    });
  }
}

/** The firm's confirmation (the update's handler, after validateContractConfirmation): on the timeline, then the contract goes on. */
async function confirmContract(c: Pick<ApprovedCase, 'state' | 'project'>, req: ConfirmContractRequest): Promise<void> {
  const waiting = c.state.contractConfirmation!;
  // Taken at once, so a second confirmation arriving meanwhile is refused.
  waiting.confirmedBy = req.actor;
  const at = new Date().toISOString();
  await c.project('企业确认合同 The firm confirmed the contract', 'contract-confirmed', 'CONTRACT_CONFIRMED', req.actor, { ...waiting.terms, confirmedAt: at, dueAt: waiting.dueAt });
  // The contract is signed once the confirmation is on the timeline, so the timeline reads in order.
  waiting.confirmedAt = at;
}

/** The bank's SMS to the firm once the money is paid, Chinese first. */
function disbursementNotice(loan: ApprovedLoan, paid: { reference: string; amountFen: number }) {
  return {
    eventKey: 'disbursed-firm-sms',
    type: 'NOTIFICATION' as const,
    audience: [firmAudience(loan.creditCode)],
    zh: `您申请的贷款${formatWan(paid.amountFen)}已放款到账（申请编号 ${loan.caseNo}，放款流水号 ${paid.reference}）。`,
    en: `Your loan of CNY ${formatFen(paid.amountFen)} has been paid to your account (application ${loan.caseNo}, payment reference ${paid.reference}).`,
  };
}

/**
 * Pays; a payment the bank reports at another amount is not retried on its own but held for the
 * case bank's credit approver, who accepts the reported payment or has the bank asked again.
 */
async function payThroughHolds(loan: ApprovedLoan, c: ApprovedCase, pay: () => Promise<ReportedPayment>): Promise<ReportedPayment> {
  for (;;) {
    try {
      return await pay();
    } catch (err) {
      const reported = reportedPayment(err);
      if (!reported || !takes(DISBURSED_AMOUNT_DIFFERS_HELD)) throw err;
      c.payout.resolution = undefined;
      c.payout.holds++;
      c.state.stage = 'DISBURSEMENT_HELD';
      c.state.disbursementHold = { requestedFen: loan.amountFen, reported, since: new Date().toISOString(), assignee: { role: 'credit_approver', bank: loan.bankCode } };
      await c.project('放款金额不符，待审批人处理 The bank reports another amount: for the credit approver', `disbursement-held-${c.payout.holds}`, 'DISBURSEMENT_HELD', 'system', { ...c.state.disbursementHold });
      await condition(() => c.payout.resolution !== undefined);
      if (c.payout.resolution === 'CONFIRM_REPORTED') return reported;
    }
  }
}

/** The bank's report when a payment ended because it reports another amount. */
function reportedPayment(err: unknown): ReportedPayment | undefined {
  if (!(err instanceof ActivityFailure) || !(err.cause instanceof ApplicationFailure) || err.cause.type !== DISBURSED_AMOUNT_DIFFERS) return undefined;
  return err.cause.details?.[0] as ReportedPayment;
}

/**
 * The firm's and the bank's contract and payment updates, the same on either product's case: the
 * firm confirms the terms; the bank's credit approver cancels a signed contract before the money
 * moves, or answers a held payment.
 */
export function setPaymentHandlers(loan: CaseParties & { caseNo: string; firm: { creditCode: string } }, c: ApprovedCase & { readonly state: CaseState | SciTechCaseState }): void {
  setHandler(
    confirmContractUpdate,
    async (req) => {
      await confirmContract(c, req);
      return c.state;
    },
    { validator: (req) => validateContractConfirmation(c.state, req, loan.firm) },
  );
  setHandler(
    cancelContractUpdate,
    async (req) => {
      await cancelContract(loan, c, req);
      return c.state;
    },
    { validator: (req) => validateContractCancellation(c.state, req, loan, c.payout.cancellable) },
  );
  setHandler(
    resolveDisbursementUpdate,
    async (req) => {
      await resolveDisbursement(c, req);
      return c.state;
    },
    { validator: (req) => validateDisbursementResolution(c.state, req, loan) },
  );
}

/** The approver's answer to a held payment (the update's handler, after validateDisbursementResolution). */
async function resolveDisbursement(c: Pick<ApprovedCase, 'state' | 'project' | 'payout'>, req: ResolveDisbursementRequest): Promise<void> {
  const hold = c.state.disbursementHold!;
  c.state.disbursementHold = undefined;
  c.state.stage = 'DISBURSING';
  await c.project('放款差异已处理 Held disbursement resolved', `disbursement-resolved-${c.payout.holds}`, 'DISBURSEMENT_RESOLVED', req.actor, { action: req.action, note: req.note, requestedFen: hold.requestedFen, reported: hold.reported });
  // The payment goes on once the answer is on the timeline, so the timeline reads in order.
  c.payout.resolution = req.action;
}

/**
 * The bank's credit approver cancels the signed contract (the update's handler, after
 * validateContractCancellation): the bank first, which refuses once it has paid, then the case.
 */
async function cancelContract(loan: { caseNo: string; bankCode: string }, c: Pick<ApprovedCase, 'state' | 'project'>, req: CancelContractRequest): Promise<void> {
  const contract = c.state.contract!;
  let cancelledAt: string;
  try {
    ({ cancelledAt } = await act.cancelContract.executeWithOptions({ ...OUTSIDE_INTERACTIVE, summary: `撤销借款合同 Cancel loan contract ${contract.contractNo}` }, [
      { caseNo: loan.caseNo, bankCode: loan.bankCode, contractNo: contract.contractNo, reason: req.reason },
    ]));
  } catch (err) {
    const cause = (err as { cause?: Error }).cause ?? (err as Error);
    throw ApplicationFailure.nonRetryable(`银行未能撤销合同 the bank did not cancel the contract: ${cause.message}`, 'ContractNotCancelled');
  }
  contract.cancellation = { reason: req.reason, by: req.actor, at: cancelledAt };
  c.state.stage = 'CONTRACT_CANCELLED';
  await c.project('银行撤销合同 Bank cancelled the contract', 'contract-cancelled', 'CONTRACT_CANCELLED', req.actor, { contractNo: contract.contractNo, reason: req.reason, cancelledAt });
}
