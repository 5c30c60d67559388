// A sci-tech credit case as its workflow keeps it: the state, what each update does to it, the
// steps the workflow (sciTechCase.ts) runs in order, and the 48-hour promise's clock. Every
// method that writes is part of the workflow's history: keep the order of its commands.
import { condition, proxyActivities, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type * as activities from '../activities';
import type { PatentValuation } from '../activities/adapters';
import { ESCALATION } from '../domain/escalation';
import { formatWan } from '../domain/money';
import { REVENUE_CAPPED_POLICY, SCI_TECH_AT_RISK_LEAD_MS, SCI_TECH_POLICY, SCI_TECH_PROMISE_MS } from '../domain/sciTech/policy';
import { scoreApplication, type ScoringInput } from '../domain/sciTech/scoring';
import { slaStateOf } from '../domain/slaState';
import { caseAnswered, caseEnded } from '../domain/stages';
import { RECORD, VALUATION } from './activityOptions';
import { sciTechDetails, shanghaiText } from './caseDetails';
import { PROVISIONAL_SUBSTITUTE_REST_DAYS, loadWorkingCalendar } from './calendarYears';
import { takes } from './changeGenerations';
import { LOCAL_ACCEPTANCE, decideLocalWrites, localFirst } from './localFirst';
import { CONTRACT_PATCHES, approvedLoanParties, contractThenDisburse, type ApprovedCase, type Payout } from './contractThenDisburse';
import { caseProjector, type CaseWrite, type Projector } from './projector';
import type { SciTechCaseInput, SciTechCaseState, SciTechDecideRequest, SciTechWithdrawRequest } from './sciTechCaseMessages';
import { validateSciTechWithdraw } from './sciTechCaseValidators';
import { AmountFen, Bank, CaseStage, DueAt, Product, SlaBreaches, SlaState, Street } from './searchAttributes';
import { SlaClock, type Deadline, type SlaLevel } from './slaClock';
import { UNACKNOWLEDGED_BREACH_ESCALATES_EVERY_PRODUCT, UnacknowledgedBreaches } from './unacknowledgedBreaches';
import { DECISION_ANSWERS_ONCE_RECORDED } from './sharedPatches';
import { revalidate } from './validation';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

const HOUR_MS = 60 * 60 * 1000;
/** Who decides when the scoring model does. */
const SYSTEM = 'system:scoring';

/** A limit from pledged patents (SCI_TECH_POLICY); earlier runs capped it by revenue. */
const SCI_TECH_LIMIT_FROM_PLEDGED_PATENTS = 'sci-tech-limit-from-pledged-patents';

/** A withdrawal that lands while the score is recorded stands (sciTechCaseWorkflow); earlier runs went on to review. */
export const WITHDRAWAL_DURING_SCORING_STANDS = 'withdrawal-during-scoring-stands';

/** Every change a sci-tech run takes, in the order a run started before its generations decides them (decideLocalWrites). */
const PATCHES = [
  LOCAL_ACCEPTANCE, PROVISIONAL_SUBSTITUTE_REST_DAYS, SCI_TECH_LIMIT_FROM_PLEDGED_PATENTS, WITHDRAWAL_DURING_SCORING_STANDS, DECISION_ANSWERS_ONCE_RECORDED,
  UNACKNOWLEDGED_BREACH_ESCALATES_EVERY_PRODUCT, ...CONTRACT_PATCHES,
];

/** A sci-tech run's code generations, newest first: each takes its changes by one marker (workflows/changeGenerations.ts). */
const GENERATIONS = [{ id: 'sci-tech-2026-12', changes: PATCHES }];

export class SciTechCase {
  readonly state: SciTechCaseState;
  /** Whether the bank may still cancel the signed contract (contractThenDisburse sets it). */
  private readonly payout: Payout = { cancellable: false, holds: 0 };
  /** One promise in calendar time, never paused and never moved. */
  readonly clock: SlaClock<Deadline<'PROMISE'>>;
  /** Breach notices waiting for someone to acknowledge them, else for the task force's leaders. */
  readonly unacknowledged: UnacknowledgedBreaches;
  private readonly projector: Projector<CaseWrite>;
  private readonly acceptedAt: Date;
  private readonly dueAt: Date;
  private readonly atRiskAt: Date;
  private readonly approver: string;
  private promiseLevel: SlaLevel = 'ON_TRACK';
  // Set once the decision's event and stage are in the record (see decide).
  private decisionRecorded = false;

  constructor(private readonly input: SciTechCaseInput) {
    // First, before any other patch or command.
    const localWrites = decideLocalWrites(GENERATIONS, PATCHES);
    this.acceptedAt = new Date(input.acceptedAt);
    this.dueAt = new Date(this.acceptedAt.getTime() + SCI_TECH_PROMISE_MS);
    this.atRiskAt = new Date(this.dueAt.getTime() - (input.atRiskLeadMs ?? SCI_TECH_AT_RISK_LEAD_MS));
    this.approver = input.approver ?? `credit-approver@${input.bankCode}`;
    this.state = {
      caseNo: input.caseNo,
      product: 'SCI_TECH',
      stage: 'ACCEPTED',
      slaState: 'ON_TRACK',
      acceptedAt: input.acceptedAt,
      dueAt: this.dueAt.toISOString(),
      atRiskAt: this.atRiskAt.toISOString(),
      recorded: false,
      breaches: [],
    };
    this.clock = new SlaClock({
      deadlines: () => [this.promise()],
      stopped: () => this.ended(),
      onAtRisk: () => this.onAtRisk(),
      onBreached: () => this.onBreached(),
      minWaitMs: 1,
    });
    this.projector = caseProjector(input.caseNo, () => this.refreshOperatorView(), () => ({ stage: this.state.stage, slaState: this.state.slaState, dueAt: this.state.dueAt, quietUntil: this.clock.nextChange()?.toISOString() }), localWrites);
    this.unacknowledged = new UnacknowledgedBreaches(input.caseNo, [`善科贷案件 ${input.caseNo}（${input.firm.name}）`, `Sci-tech case ${input.caseNo}`], (summary, notice) => this.projector.notify(summary, notice));
  }

  ended(): boolean {
    return caseEnded(this.state.stage);
  }

  // ---- What people's messages do -------------------------------------------------------------

  async accepted(): Promise<SciTechCaseState> {
    await condition(() => this.state.recorded);
    return this.state;
  }

  async withdraw(req: SciTechWithdrawRequest): Promise<SciTechCaseState> {
    await condition(() => this.state.recorded);
    revalidate(() => validateSciTechWithdraw(this.state, req));
    this.state.withdrawal = { reason: req.reason, by: req.actor, at: new Date().toISOString() };
    this.state.stage = 'WITHDRAWN';
    await this.project('记录撤回 Record withdrawal', 'withdrawn', 'WITHDRAWN', req.actor, { reason: req.reason });
    return this.state;
  }

  async decide(req: SciTechDecideRequest): Promise<SciTechCaseState> {
    const at = new Date().toISOString();
    this.state.decision =
      req.outcome === 'APPROVED'
        ? { outcome: 'APPROVED', by: req.actor, at, automatic: false, amountFen: req.amountFen, rateBp: req.rateBp, termMonths: req.termMonths }
        : { outcome: 'REJECTED', by: req.actor, at, automatic: false, reasons: req.reasons };
    // Answer once the decision is on the record, so whoever reads the case next sees it. Earlier
    // cases answered as soon as the stage moved on.
    if (takes(DECISION_ANSWERS_ONCE_RECORDED)) await condition(() => this.decisionRecorded || this.state.stage === 'WITHDRAWN');
    else await condition(() => this.state.stage !== 'MANUAL_REVIEW');
    return this.state;
  }

  // ---- Steps, in the workflow's order ---------------------------------------------------------

  /** Search attributes and the acceptance record, then the evaluation starts; updates wait for this. */
  async accept(): Promise<void> {
    const { input, state } = this;
    upsertSearchAttributes([
      { key: Product, value: 'SCI_TECH' },
      { key: Street, value: input.streetCode },
      { key: Bank, value: input.bankCode },
      { key: AmountFen, value: input.application.requestedFen },
      { key: DueAt, value: this.dueAt },
    ]);
    // Both acceptance writes run inside the first workflow task, so acceptance answers without a
    // round trip to the server; earlier cases scheduled them as activities.
    const inTask = takes(LOCAL_ACCEPTANCE);
    const summary = `登记受理 Record acceptance ${input.caseNo}`;
    const accepted = { input, dueAt: state.dueAt };
    await (inTask ? localFirst('recordSciTechAccepted', summary, [accepted]) : act.recordSciTechAccepted.executeWithOptions({ ...RECORD, summary }, [accepted]));
    state.stage = 'EVALUATING';
    await this.projector.project('科创评估开始 Start sci-tech evaluation', 'evaluation-started', 'EVALUATION_STARTED', 'system', { dueAt: state.dueAt, atRiskAt: state.atRiskAt }, { inTask });
    state.recorded = true;
  }

  /** The patents' value, from the outside IP valuation service. */
  valuePatents(): Promise<PatentValuation[]> {
    const { patents } = this.input.application;
    return act.valuePatents.executeWithOptions({ ...VALUATION, summary: `知识产权估值 Value ${patents.length} patents` }, [
      { caseNo: this.input.caseNo, patents: patents.map(({ patentNo, type }) => ({ patentNo, type })) },
    ]);
  }

  /** The score, computed in here from the valuations, and its band on the record. */
  score(valuations: PatentValuation[]): Promise<void> {
    const { input, state } = this;
    state.valuations = valuations;
    const scoring: ScoringInput = {
      ...input.application,
      patents: input.application.patents.map((p) => ({ ...p, valuationFen: valuations.find((v) => v.patentNo === p.patentNo)?.valuationFen ?? 0 })),
    };
    // The limit comes from the pledged patents; cases scored before that keep the revenue cap.
    const result = scoreApplication(scoring, takes(SCI_TECH_LIMIT_FROM_PLEDGED_PATENTS) ? SCI_TECH_POLICY : REVENUE_CAPPED_POLICY);
    state.score = result.score;
    state.band = result.band;
    state.bandReasons = result.reasons;
    state.factors = result.factors;
    state.limit = result.limit;
    return this.project(`科创评分 Scored ${result.score}: ${result.band}`, 'evaluated', 'EVALUATED', SYSTEM, {
      score: result.score,
      band: result.band,
      reasons: result.reasons,
      factors: result.factors,
      limit: result.limit,
      valuations,
    });
  }

  /** The scoring model's own decision, for a band outside the ambiguous margin. */
  decideAutomatically(): void {
    const { state } = this;
    if (state.band === 'AUTO_APPROVE') {
      const { rateBp, termMonths } = SCI_TECH_POLICY.autoTerms;
      state.decision = { outcome: 'APPROVED', by: SYSTEM, at: new Date().toISOString(), automatic: true, amountFen: state.limit!.recommendedFen, rateBp, termMonths };
    } else if (state.band === 'AUTO_REJECT') {
      // The weak factors are the rejection's reasons: what a joint consultation works on.
      const weak = state.factors!.filter((f) => f.points * 2 < f.maxPoints).map((f) => `${f.name} ${f.points}/${f.maxPoints}`);
      state.decision = {
        outcome: 'REJECTED',
        by: SYSTEM,
        at: new Date().toISOString(),
        automatic: true,
        reasons: [{ code: 'LOW_SCORE', note: `评分 ${state.score}；薄弱项 weak factors: ${weak.join('; ')}` }],
      };
    }
  }

  enterManualReview(): Promise<void> {
    this.state.stage = 'MANUAL_REVIEW';
    this.state.approver = this.approver;
    return this.project('转人工审批 Manual review', 'manual-review', 'MANUAL_REVIEW', SYSTEM, {
      approver: this.approver,
      reasons: this.state.bandReasons,
      recommendedFen: this.state.limit!.recommendedFen,
    });
  }

  notifyApprover(): Promise<void> {
    const { input, state, approver } = this;
    const requestedFen = input.application.requestedFen;
    const recommendedFen = state.limit!.recommendedFen;
    return this.projector.notify(`通知审批人 Notify approver ${approver}`, {
      eventKey: 'notice:manual-review',
      type: 'NOTIFICATION',
      audience: [approver],
      zh: `【待审批】善科贷案件 ${input.caseNo}（${input.firm.name}，申请 ${formatWan(requestedFen)}）评分 ${state.score}，需人工审批；建议额度 ${formatWan(recommendedFen)}，48小时承诺于 ${shanghaiText(state.dueAt)} 到期。`,
      en: `[Review] Sci-tech case ${input.caseNo} (${input.firm.name}, ${requestedFen} fen requested) scored ${state.score} and needs a credit decision; recommended limit ${recommendedFen} fen; the 48-hour promise is due ${shanghaiText(state.dueAt)} (Asia/Shanghai).`,
    });
  }

  async recordRejection(): Promise<void> {
    const { state } = this;
    const decision = state.decision!;
    state.stage = 'REJECTED';
    await this.project('记录拒贷 Record rejection', 'rejected', 'REJECTED', decision.by, {
      decidedAt: decision.at,
      automatic: decision.automatic,
      reasons: decision.reasons,
      score: state.score,
      factors: state.factors,
      // Ready for a joint consultation (银行联合会诊) to pick up.
      consultationEligible: true,
    });
    this.decisionRecorded = true;
  }

  async approveAndDisburse(): Promise<void> {
    const { input, state } = this;
    const decision = state.decision!;
    const amountFen = decision.amountFen!;
    state.stage = 'CONTRACTING';
    await this.project('授信批准 Credit approved', 'approved', 'APPROVED', decision.by, { decidedAt: decision.at, automatic: decision.automatic, amountFen, rateBp: decision.rateBp, termMonths: decision.termMonths });
    this.decisionRecorded = true;
    await contractThenDisburse({ ...approvedLoanParties(input), amountFen, rateBp: decision.rateBp!, termMonths: decision.termMonths! }, this.approvedCase());
  }

  /** What the contract-then-money step and its updates read and move on this case. */
  approvedCase(): ApprovedCase & { readonly state: SciTechCaseState } {
    return {
      state: this.state,
      project: (summary, eventKey, type, actor, data) => this.project(summary, eventKey, type, actor, data),
      notify: (summary, notice) => this.projector.notify(summary, notice),
      ended: () => this.ended(),
      payout: this.payout,
      promiseKept: () => ({ elapsedMs: Date.now() - this.acceptedAt.getTime(), withinPromise: new Date() <= this.dueAt }),
    };
  }

  /** Search attributes and current details, for operators in Temporal UI. */
  refreshOperatorView(): void {
    const { state } = this;
    state.slaState = slaStateOf(state.slaState, {
      breached: state.breaches.length > 0,
      answered: caseAnswered(state.stage),
      withdrawn: state.stage === 'WITHDRAWN',
      paused: false,
      atRisk: this.promiseLevel === 'AT_RISK',
    });
    upsertSearchAttributes([
      { key: CaseStage, value: state.stage },
      { key: SlaState, value: state.slaState },
      { key: SlaBreaches, value: state.breaches.length },
    ]);
    setCurrentDetails(sciTechDetails(this.input, state, new Date()));
  }

  private project(summary: string, eventKey: string, type: string, actor: string, data: Record<string, unknown>): Promise<void> {
    return this.projector.project(summary, eventKey, type, actor, data);
  }

  // ---- The 48-hour promise ------------------------------------------------------------------

  private promise(): Deadline<'PROMISE'> {
    return {
      subject: 'PROMISE',
      label: '48小时承诺 48-hour promise',
      assignee: this.holder(),
      atRiskAt: this.atRiskAt,
      dueAt: this.dueAt,
      level: this.promiseLevel,
      setLevel: (l) => (this.promiseLevel = l),
    };
  }

  private async onAtRisk(): Promise<void> {
    const { input, state } = this;
    const key = `PROMISE:${state.dueAt}`;
    const leftH = ((this.dueAt.getTime() - Date.now()) / HOUR_MS).toFixed(1);
    await this.project('预警 At risk: 48-hour promise', `at-risk:${key}`, 'SLA_AT_RISK', 'system', { subject: 'PROMISE', assignee: this.holder(), stage: state.stage, dueAt: state.dueAt });
    await this.projector.notify('通知审批人与专班 Notify approver and task force: at risk', {
      eventKey: `notice:at-risk:${key}`,
      type: 'NOTIFICATION',
      audience: ESCALATION.sciTech.atRisk(this.holder(), input.streetCode),
      zh: `【预警】善科贷案件 ${input.caseNo}（${input.firm.name}）的48小时承诺将于 ${shanghaiText(state.dueAt)} 到期，剩余 ${leftH} 小时，当前阶段 ${state.stage}，负责人 ${this.holder()}。`,
      en: `[At risk] Sci-tech case ${input.caseNo} (${input.firm.name}): the 48-hour promise is due ${shanghaiText(state.dueAt)} (Asia/Shanghai), ${leftH} h left; stage ${state.stage}; owner ${this.holder()}.`,
    });
  }

  private async onBreached(): Promise<void> {
    const { input, state } = this;
    const breachedAt = new Date().toISOString();
    state.breaches.push({ dueAt: state.dueAt, breachedAt, stage: state.stage });
    const key = `PROMISE:${state.dueAt}`;
    await this.project('超时 Breached: 48-hour promise', `breached:${key}`, 'SLA_BREACHED', 'system', { subject: 'PROMISE', assignee: this.holder(), stage: state.stage, dueAt: state.dueAt, breachedAt });
    await this.projector.notify('升级至专班 Escalate to the task force: 48-hour promise breached', {
      eventKey: `escalated:${key}`,
      type: 'ESCALATED',
      audience: ESCALATION.sciTech.breached(this.holder(), input.streetCode, input.bankCode),
      zh: `【超时督办】善科贷案件 ${input.caseNo}（${input.firm.name}，${formatWan(input.application.requestedFen)}）的48小时承诺已于 ${shanghaiText(state.dueAt)} 超时，所处阶段 ${state.stage}，负责人 ${this.holder()}。请综合协调组督办。`,
      en: `[SLA breached] Sci-tech case ${input.caseNo}: the 48-hour promise passed its due ${shanghaiText(state.dueAt)}; stage ${state.stage}; owner ${this.holder()}. Escalated to the task force's general coordination group.`,
    });
    if (takes(UNACKNOWLEDGED_BREACH_ESCALATES_EVERY_PRODUCT)) {
      // The promise runs in calendar hours, but nobody answers on a rest day: the wait is in
      // working hours, on a calendar loaded only now that one is needed.
      const calendar = await loadWorkingCalendar(new Date());
      this.unacknowledged.watch({ eventKey: `escalated:${key}`, label: this.promise().label, dueAt: this.dueAt, settled: () => caseAnswered(state.stage) || this.ended() }, calendar);
    }
  }

  /** Who holds the case up right now. */
  private holder(): string {
    return this.state.stage === 'MANUAL_REVIEW' ? this.approver : this.state.stage === 'EVALUATING' ? 'ip-valuation-service' : `bank@${this.input.bankCode}`;
  }
}
