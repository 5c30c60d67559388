// Sci-tech credit (善科贷 style): an asset-light tech firm applies online; the IP valuation
// service values its patents; the scoring model decides automatically inside policy limits,
// or a bank approver decides; the money follows. 48 CALENDAR hours from acceptance to
// disbursement, with the fast-track case's AT_RISK/BREACHED vocabulary.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type * as activities from '../activities';
import { ESCALATION } from '../domain/escalation';
import { formatWan } from '../domain/money';
import { REJECTION_REASONS, SCI_TECH_AT_RISK_LEAD_MS, SCI_TECH_POLICY, SCI_TECH_PROMISE_MS } from '../domain/sciTech/policy';
import { CASE_NOT_WITHDRAWABLE_STAGES, caseEnded } from '../domain/stages';
import { applicationProblems, scoreApplication, type ScoringInput } from '../domain/sciTech/scoring';
import { shanghaiText } from './caseDetails';
import {
  sciTechAcceptanceUpdate,
  sciTechDecideUpdate,
  sciTechGetStateQuery,
  sciTechWithdrawUpdate,
  type SciTechCaseInput,
  type SciTechCaseState,
  type SciTechDecideRequest,
  type SciTechWithdrawRequest,
} from './sciTechCaseMessages';
import { AmountFen, Bank, CaseStage, DueAt, Product, SlaBreaches, SlaState, Street } from './searchAttributes';
import { reject, requireLoanTerms, requireRejectionReasons, requireText, requireWithdrawable } from './validation';
import { RECORD, VALUATION } from './activityOptions';
import { contractThenDisburse } from './contractThenDisburse';
import { SlaClock, type Deadline, type SlaLevel } from './slaClock';
import { caseProjector, type Notice } from './projector';

export * from './sciTechCaseMessages';

type Activities = ReturnType<typeof activities.createActivities>;

const HOUR_MS = 60 * 60 * 1000;

const act = proxyActivities<Activities>(RECORD);

const SYSTEM = 'system:scoring';

export async function sciTechCaseWorkflow(input: SciTechCaseInput): Promise<SciTechCaseState> {
  const problems = applicationProblems({ ...input.application, patents: input.application.patents.map((p) => ({ ...p, valuationFen: 0 })) });
  if (problems.length > 0) throw ApplicationFailure.nonRetryable(`申请资料不完整 the application cannot be scored: ${problems.join('; ')}`, 'InvalidApplication');

  const acceptedAt = new Date(input.acceptedAt);
  const dueAt = new Date(acceptedAt.getTime() + SCI_TECH_PROMISE_MS);
  const atRiskAt = new Date(dueAt.getTime() - (input.atRiskLeadMs ?? SCI_TECH_AT_RISK_LEAD_MS));
  const requestedFen = input.application.requestedFen;
  const approver = input.approver ?? `credit-approver@${input.bankCode}`;
  const state: SciTechCaseState = {
    caseNo: input.caseNo,
    product: 'SCI_TECH',
    stage: 'ACCEPTED',
    slaState: 'ON_TRACK',
    acceptedAt: input.acceptedAt,
    dueAt: dueAt.toISOString(),
    atRiskAt: atRiskAt.toISOString(),
    recorded: false,
    breaches: [],
  };
  let promiseLevel: SlaLevel = 'ON_TRACK';
  // One promise in calendar time, never paused and never moved.
  const sla = new SlaClock<Deadline<'PROMISE'>>({
    deadlines: () => [
      { subject: 'PROMISE', label: '48小时承诺 48-hour promise', assignee: holder(), atRiskAt, dueAt, level: promiseLevel, setLevel: (l) => (promiseLevel = l) },
    ],
    stopped: () => ended(),
    onAtRisk,
    onBreached,
    minWaitMs: 1,
  });
  const projector = caseProjector(input.caseNo, refreshOperatorView, () => ({ stage: state.stage, slaState: state.slaState, dueAt: state.dueAt }));

  const now = () => new Date();
  const ended = () => caseEnded(state.stage);
  // Set once the decision's event and stage are in the record (see sciTechDecideUpdate).
  let decisionRecorded = false;

  function refreshOperatorView(): void {
    if (state.breaches.length > 0) state.slaState = 'BREACHED';
    else if (state.stage === 'DISBURSED' || state.stage === 'REJECTED') state.slaState = 'MET';
    else if (state.stage !== 'WITHDRAWN') state.slaState = promiseLevel === 'AT_RISK' ? 'AT_RISK' : 'ON_TRACK';
    upsertSearchAttributes([
      { key: CaseStage, value: state.stage },
      { key: SlaState, value: state.slaState },
      { key: SlaBreaches, value: state.breaches.length },
    ]);
    setCurrentDetails(sciTechDetails(input, state, now()));
  }

  function project(summary: string, eventKey: string, type: string, actor: string, data: Record<string, unknown>): Promise<void> {
    return projector.project(summary, eventKey, type, actor, data);
  }

  function notify(summary: string, eventKey: string, type: Notice['type'], audience: string[], zh: string, en: string): Promise<void> {
    return projector.notify(summary, { eventKey, type, audience, zh, en });
  }

  // ---- People's messages -------------------------------------------------------------

  setHandler(sciTechGetStateQuery, () => state);

  setHandler(sciTechAcceptanceUpdate, async () => {
    await condition(() => state.recorded);
    return state;
  });

  setHandler(
    sciTechWithdrawUpdate,
    async (req) => {
      await condition(() => state.recorded);
      // Re-checked: the case may have moved on while acceptance finished.
      try {
        validateSciTechWithdraw(state, req);
      } catch (err) {
        throw ApplicationFailure.nonRetryable((err as Error).message, 'InvalidForState');
      }
      state.withdrawal = { reason: req.reason, by: req.actor, at: now().toISOString() };
      state.stage = 'WITHDRAWN';
      await project('记录撤回 Record withdrawal', 'withdrawn', 'WITHDRAWN', req.actor, { reason: req.reason });
      return state;
    },
    { validator: (req) => validateSciTechWithdraw(state, req) },
  );

  setHandler(
    sciTechDecideUpdate,
    async (req) => {
      const at = now().toISOString();
      state.decision =
        req.outcome === 'APPROVED'
          ? { outcome: 'APPROVED', by: req.actor, at, automatic: false, amountFen: req.amountFen, rateBp: req.rateBp, termMonths: req.termMonths }
          : { outcome: 'REJECTED', by: req.actor, at, automatic: false, reasons: req.reasons };
      // Answer once the decision is on the record, so whoever reads the case next sees it. Earlier
      // cases answered as soon as the stage moved on.
      if (patched('decision-answers-once-recorded')) await condition(() => decisionRecorded || state.stage === 'WITHDRAWN');
      else await condition(() => state.stage !== 'MANUAL_REVIEW');
      return state;
    },
    { validator: (req) => validateSciTechDecide(state, req) },
  );

  // ---- Acceptance ----------------------------------------------------------------------

  upsertSearchAttributes([
    { key: Product, value: 'SCI_TECH' },
    { key: Street, value: input.streetCode },
    { key: Bank, value: input.bankCode },
    { key: AmountFen, value: requestedFen },
    { key: DueAt, value: dueAt },
  ]);
  await act.recordSciTechAccepted.executeWithOptions({ ...RECORD, summary: `登记受理 Record acceptance ${input.caseNo}` }, [{ input, dueAt: state.dueAt }]);
  state.stage = 'EVALUATING';
  await project('科创评估开始 Start sci-tech evaluation', 'evaluation-started', 'EVALUATION_STARTED', 'system', { dueAt: state.dueAt, atRiskAt: state.atRiskAt });
  state.recorded = true;

  const clock = sla.run();

  // ---- Evaluation: the patents' value from the outside service, the score in here --------

  const valuations = await act.valuePatents.executeWithOptions(
    { ...VALUATION, summary: `知识产权估值 Value ${input.application.patents.length} patents` },
    [{ caseNo: input.caseNo, patents: input.application.patents.map(({ patentNo, type }) => ({ patentNo, type })) }],
  );
  if (!ended()) {
    state.valuations = valuations;
    const scoring: ScoringInput = {
      ...input.application,
      patents: input.application.patents.map((p) => ({ ...p, valuationFen: valuations.find((v) => v.patentNo === p.patentNo)?.valuationFen ?? 0 })),
    };
    const result = scoreApplication(scoring);
    state.score = result.score;
    state.band = result.band;
    state.bandReasons = result.reasons;
    state.factors = result.factors;
    state.limit = result.limit;
    await project(`科创评分 Scored ${result.score}: ${result.band}`, 'evaluated', 'EVALUATED', SYSTEM, {
      score: result.score,
      band: result.band,
      reasons: result.reasons,
      factors: result.factors,
      limit: result.limit,
      valuations,
    });

    if (result.band === 'AUTO_APPROVE') {
      const { rateBp, termMonths } = SCI_TECH_POLICY.autoTerms;
      state.decision = { outcome: 'APPROVED', by: SYSTEM, at: now().toISOString(), automatic: true, amountFen: result.limit.recommendedFen, rateBp, termMonths };
    } else if (result.band === 'AUTO_REJECT') {
      // The weak factors are the rejection's reasons: what a joint consultation works on.
      const weak = result.factors.filter((f) => f.points * 2 < f.maxPoints).map((f) => `${f.name} ${f.points}/${f.maxPoints}`);
      state.decision = {
        outcome: 'REJECTED',
        by: SYSTEM,
        at: now().toISOString(),
        automatic: true,
        reasons: [{ code: 'LOW_SCORE', note: `评分 ${result.score}；薄弱项 weak factors: ${weak.join('; ')}` }],
      };
    } else {
      state.stage = 'MANUAL_REVIEW';
      await project('转人工审批 Manual review', 'manual-review', 'MANUAL_REVIEW', SYSTEM, { approver, reasons: result.reasons, recommendedFen: result.limit.recommendedFen });
      await notify(
        `通知审批人 Notify approver ${approver}`,
        'notice:manual-review',
        'NOTIFICATION',
        [approver],
        `【待审批】善科贷案件 ${input.caseNo}（${input.firm.name}，申请 ${formatWan(requestedFen)}）评分 ${result.score}，需人工审批；建议额度 ${formatWan(result.limit.recommendedFen)}，48小时承诺于 ${shanghaiText(state.dueAt)} 到期。`,
        `[Review] Sci-tech case ${input.caseNo} (${input.firm.name}, ${requestedFen} fen requested) scored ${result.score} and needs a credit decision; recommended limit ${result.limit.recommendedFen} fen; the 48-hour promise is due ${shanghaiText(state.dueAt)} (Asia/Shanghai).`,
      );
      await condition(() => state.decision !== undefined || ended());
    }
  }

  const decision = state.decision;
  if (!ended() && decision?.outcome === 'REJECTED') {
    state.stage = 'REJECTED';
    await project('记录拒贷 Record rejection', 'rejected', 'REJECTED', decision.by, {
      decidedAt: decision.at,
      automatic: decision.automatic,
      reasons: decision.reasons,
      score: state.score,
      factors: state.factors,
      // Ready for a joint consultation (银行联合会诊) to pick up.
      consultationEligible: true,
    });
    decisionRecorded = true;
  }

  if (!ended() && decision?.outcome === 'APPROVED') {
    const amountFen = decision.amountFen!;
    state.stage = 'CONTRACTING';
    await project('授信批准 Credit approved', 'approved', 'APPROVED', decision.by, { decidedAt: decision.at, automatic: decision.automatic, amountFen, rateBp: decision.rateBp, termMonths: decision.termMonths });
    decisionRecorded = true;
    await contractThenDisburse(
      { caseNo: input.caseNo, bankCode: input.bankCode, amountFen, rateBp: decision.rateBp!, termMonths: decision.termMonths! },
      { state, project, ended, promiseKept: () => ({ elapsedMs: now().getTime() - acceptedAt.getTime(), withinPromise: now() <= dueAt }) },
    );
  }

  await clock;
  await condition(allHandlersFinished);
  refreshOperatorView();
  return state;

  // ---- SLA clock: one promise, in calendar time -------------------------------------------

  async function onAtRisk(): Promise<void> {
    const key = `PROMISE:${state.dueAt}`;
    const leftH = ((dueAt.getTime() - now().getTime()) / HOUR_MS).toFixed(1);
    await project('预警 At risk: 48-hour promise', `at-risk:${key}`, 'SLA_AT_RISK', 'system', { subject: 'PROMISE', assignee: holder(), stage: state.stage, dueAt: state.dueAt });
    await notify(
      '通知审批人与专班 Notify approver and task force: at risk',
      `notice:at-risk:${key}`,
      'NOTIFICATION',
      ESCALATION.sciTech.atRisk(holder(), input.streetCode),
      `【预警】善科贷案件 ${input.caseNo}（${input.firm.name}）的48小时承诺将于 ${shanghaiText(state.dueAt)} 到期，剩余 ${leftH} 小时，当前阶段 ${state.stage}，负责人 ${holder()}。`,
      `[At risk] Sci-tech case ${input.caseNo} (${input.firm.name}): the 48-hour promise is due ${shanghaiText(state.dueAt)} (Asia/Shanghai), ${leftH} h left; stage ${state.stage}; owner ${holder()}.`,
    );
  }

  async function onBreached(): Promise<void> {
    const breachedAt = now().toISOString();
    state.breaches.push({ dueAt: state.dueAt, breachedAt, stage: state.stage });
    const key = `PROMISE:${state.dueAt}`;
    await project('超时 Breached: 48-hour promise', `breached:${key}`, 'SLA_BREACHED', 'system', { subject: 'PROMISE', assignee: holder(), stage: state.stage, dueAt: state.dueAt, breachedAt });
    await notify(
      '升级至专班 Escalate to the task force: 48-hour promise breached',
      `escalated:${key}`,
      'ESCALATED',
      ESCALATION.sciTech.breached(input.streetCode, input.bankCode),
      `【超时督办】善科贷案件 ${input.caseNo}（${input.firm.name}，${formatWan(requestedFen)}）的48小时承诺已于 ${shanghaiText(state.dueAt)} 超时，所处阶段 ${state.stage}，负责人 ${holder()}。请综合协调组督办。`,
      `[SLA breached] Sci-tech case ${input.caseNo}: the 48-hour promise passed its due ${shanghaiText(state.dueAt)}; stage ${state.stage}; owner ${holder()}. Escalated to the task force's general coordination group.`,
    );
  }

  /** Who holds the case up right now. */
  function holder(): string {
    return state.stage === 'MANUAL_REVIEW' ? approver : state.stage === 'EVALUATING' ? 'ip-valuation-service' : `bank@${input.bankCode}`;
  }
}

// ---- Update validators: precise, bilingual, never change state ------------------------------

export function validateSciTechWithdraw(state: SciTechCaseState, req: SciTechWithdrawRequest): void {
  requireWithdrawable(state.stage, CASE_NOT_WITHDRAWABLE_STAGES, req);
}

export function validateSciTechDecide(state: SciTechCaseState, req: SciTechDecideRequest): void {
  if (state.decision) reject('已作出授信决定', `already decided: ${state.decision.outcome} by ${state.decision.by} at ${state.decision.at}`);
  if (state.stage !== 'MANUAL_REVIEW') reject(`案件处于${state.stage}，无需人工审批`, `a credit decision is only taken in MANUAL_REVIEW, not ${state.stage}`);
  requireText(req?.actor, '操作人', 'actor');
  if (req.outcome === 'APPROVED') {
    requireLoanTerms(req, SCI_TECH_POLICY.manualTerms);
    const limit = state.limit!.recommendedFen;
    if (req.amountFen > limit) reject(`批准金额超过建议额度 ${limit} 分`, `amountFen ${req.amountFen} exceeds the recommended limit ${limit} (never above the ${state.limit!.requestedFen} requested)`);
  } else if (req.outcome === 'REJECTED') {
    requireRejectionReasons(req.reasons, REJECTION_REASONS);
  } else {
    reject('决定结果无效', 'outcome must be APPROVED or REJECTED');
  }
}

// ---- What operators read in Temporal UI, Chinese first ------------------------------------

export function sciTechDetails(input: SciTechCaseInput, state: SciTechCaseState, now: Date): string {
  const open = !caseEnded(state.stage);
  const leftH = (new Date(state.dueAt).getTime() - now.getTime()) / HOUR_MS;
  const left = leftH >= 0 ? `剩余 ${leftH.toFixed(1)} 小时 ${leftH.toFixed(1)} h left` : `超时 ${(-leftH).toFixed(1)} 小时 ${(-leftH).toFixed(1)} h late`;
  const lines = [
    `**${input.firm.name}** · 善科贷 sci-tech credit · ${formatWan(input.application.requestedFen)} · ${input.streetCode} → ${input.bankCode}`,
    `阶段 Stage: ${state.stage} · 时限 SLA: ${state.slaState}` + (state.score !== undefined ? ` · 评分 Score: ${state.score} (${state.band})` : ''),
    `48小时承诺 48-hour promise: ${shanghaiText(state.dueAt)}` + (open ? ` · ${left}` : ''),
  ];
  if (state.factors) {
    lines.push(['| 因素 Factor | 输入 Input | 得分 Points |', '| --- | --- | --- |', ...state.factors.map((f) => `| ${f.name} | ${f.input} ${f.unit} | ${f.points}/${f.maxPoints} |`)].join('\n'));
  }
  if (state.limit) lines.push(`建议额度 Recommended limit: ${formatWan(state.limit.recommendedFen)} (${state.limit.bindingCap})`);
  if (state.decision) lines.push(`决定 Decision: ${state.decision.outcome} · ${state.decision.by}${state.decision.amountFen !== undefined ? ` · ${formatWan(state.decision.amountFen)}` : ''}`);
  return lines.join('\n\n');
}
