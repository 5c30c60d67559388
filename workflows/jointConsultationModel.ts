// A joint bank consultation (银行联合会诊) as its workflow keeps it: the state, what each update
// and the calendar signal do to it, the steps the workflow (jointConsultation.ts) runs in order,
// and the five-working-day clock. Every method that writes is part of the workflow's history:
// keep the order of its commands.
import { condition, patched, proxyActivities, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type * as activities from '../activities';
import { shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { PLAN_KIND_LABELS } from '../domain/consultation/plan';
import { CONSULTATION_AT_RISK_LEAD_MS, CONSULTATION_PAUSE_LIMIT_WORKING_DAYS, CONSULTATION_PROMISE_WORKING_DAYS, consultationDue } from '../domain/consultation/promise';
import { ESCALATION, TASK_FORCE } from '../domain/escalation';
import { NOT_PAUSED, endPause, pauseLimitAt, subtractWorkingTime } from '../domain/calendar/shiftWorkingTime';
import { slaStateOf } from '../domain/slaState';
import { CLOSED_STAGES, consultationAnswered } from '../domain/stages';
import { RECORD } from './activityOptions';
import { loadWorkingCalendar } from './calendarYears';
import { consultationDetails, shanghaiText, workingHoursLeftParts } from './caseDetails';
import type { CalendarChangedRequest } from './fastTrackCaseMessages';
import type {
  CompleteMaterialsRequest,
  ConsultationState,
  MaterialsPause,
  JointConsultationInput,
  ProposePlanRequest,
  RecordReasonsRequest,
  ReReviewRequest,
  RequestMaterialsRequest,
  WithdrawConsultationRequest,
} from './jointConsultationMessages';
import * as rules from './jointConsultationValidators';
import { consultationProjector, type Projector } from './projector';
import { CaseStage, ConsultationLink, DueAt, SlaBreaches, SlaState } from './searchAttributes';
import { PAUSE_ENDS_WITH_CASE, PAUSE_PERIOD_RULE, SlaClock, deadlineOwningLevel, type Deadline, type SlaLevel } from './slaClock';
import { UNACKNOWLEDGED_BREACH_ESCALATES_EVERY_PRODUCT, UnacknowledgedBreaches } from './unacknowledgedBreaches';
import { revalidate } from './validation';

const RE_REVIEW_ANSWERS_ONCE_RECORDED = 're-review-answers-once-recorded';
/** Waits for materials since this patch escalate past the pause limit; earlier ones never did. */
const CONSULTATION_PAUSE_LIMIT = 'consultation-pause-limit';

/** The consultation's promise, or the limit of a wait for materials. */
type Subject = 'PROMISE' | 'PAUSE_LIMIT';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

export class JointConsultation {
  readonly state: ConsultationState;
  /** One promise, standing still while the firm supplies materials (then the wait's limit runs); told when its due moves. */
  readonly clock: SlaClock<Deadline<Subject>>;
  /** Breach notices waiting for someone to acknowledge them, else for the task force's leaders. */
  readonly unacknowledged: UnacknowledgedBreaches;
  private readonly projector: Projector;
  private readonly openedAt: Date;
  private readonly lead: number;
  private calendar: WorkingCalendar | undefined;
  private level: SlaLevel = 'ON_TRACK';
  // Event keys must be unique per repetition.
  private reasonRecords = 0;
  private plans = 0;
  private completions = 0;
  private calendarChanges = 0;
  // Set once the re-review's outcome (the decline, or the accepted plan's case) is on the record.
  private outcomeRecorded = false;
  // Set once a wait for materials ran under PAUSE_PERIOD_RULE; it stays so.
  private pausePeriodRule = false;

  constructor(private readonly input: JointConsultationInput) {
    this.openedAt = new Date(input.openedAt);
    this.lead = input.atRiskLeadMs ?? CONSULTATION_AT_RISK_LEAD_MS;
    this.state = {
      consultationId: input.consultationId,
      stage: input.reasons?.length ? 'REASONS_RECORDED' : 'OPENED',
      slaState: 'ON_TRACK',
      openedAt: input.openedAt,
      dueAt: null,
      recorded: false,
      reasons: input.reasons ?? [],
      ...(input.reasons?.length ? { reasonsBy: input.openedBy } : {}),
      materials: [],
      breaches: [],
    };
    this.clock = new SlaClock({
      deadlines: () => this.deadlines(),
      stopped: () => this.decided(),
      onAtRisk: (d) => this.onAtRisk(d.dueAt),
      onBreached: (d) => (d.subject === 'PAUSE_LIMIT' ? this.onPauseTooLong() : this.onBreached(d.dueAt)),
      planFromChecked: true,
    });
    this.projector = consultationProjector(input, () => this.refreshOperatorView(), this.state);
    this.unacknowledged = new UnacknowledgedBreaches(input.consultationId, [`${input.firm.name}的银行联合会诊 ${input.consultationId}`, `Joint consultation ${input.consultationId}`], (summary, notice) => this.projector.notify(summary, notice));
  }

  ended(): boolean {
    return CLOSED_STAGES.includes(this.state.stage);
  }

  /** The clock stops once the bank has re-reviewed: the consultation's promise is a decision. */
  decided(): boolean {
    return this.ended() || this.state.reReview !== undefined;
  }

  // ---- What people's messages do -------------------------------------------------------------

  async opened(): Promise<ConsultationState> {
    await condition(() => this.state.recorded);
    return this.state;
  }

  async recordReasons({ actor, reasons }: RecordReasonsRequest): Promise<ConsultationState> {
    await this.whenOpened(() => rules.validateRecordReasons(this.state, { actor, reasons }));
    this.state.reasons = reasons;
    this.state.reasonsBy = actor.id;
    this.state.stage = 'REASONS_RECORDED';
    await this.project('记录拒贷原因 Record rejection reasons', `reasons:${++this.reasonRecords}`, 'REASONS_RECORDED', actor.id, { reasons });
    return this.state;
  }

  async proposePlan({ actor, plan }: ProposePlanRequest): Promise<ConsultationState> {
    await this.whenOpened(() => rules.validateProposePlan(this.state, { actor, plan }, this.input.refused));
    this.state.plan = { ...plan, by: actor.id, at: new Date().toISOString() };
    this.state.stage = 'PLAN_PROPOSED';
    await this.project(`提出方案 Propose plan: ${plan.kind}`, `plan:${++this.plans}`, 'PLAN_PROPOSED', actor.id, { plan });
    return this.state;
  }

  async requestMaterials({ actor, missing, reason }: RequestMaterialsRequest): Promise<ConsultationState> {
    await this.whenOpened(() => rules.validateRequestMaterials(this.state, { actor, missing, reason }));
    const since = new Date();
    const wait: MaterialsPause = { missing, reason, by: actor.id, since: since.toISOString() };
    if (this.periodRule() && patched(CONSULTATION_PAUSE_LIMIT)) wait.escalatesAt = pauseLimitAt(this.calendar!, since, CONSULTATION_PAUSE_LIMIT_WORKING_DAYS).toISOString();
    this.state.materials.push(wait);
    this.state.stage = 'MATERIALS';
    this.clock.replan();
    await this.project('补充材料，暂停计时 Materials requested: clock paused', `materials-requested:${this.state.materials.length}`, 'MATERIALS_REQUESTED', actor.id, { missing, reason, ...(wait.escalatesAt ? { escalatesAt: wait.escalatesAt } : {}) });
    return this.state;
  }

  async completeMaterials({ actor, note }: CompleteMaterialsRequest): Promise<ConsultationState> {
    await this.whenOpened(() => rules.validateCompleteMaterials(this.state, { actor, note }));
    const pause = this.activePause();
    const waited = pause ? endPause(this.calendar!, pause, new Date(), this.periodRule()) : { pausedWorkingMs: 0 };
    // The firm's wait does not count against the five working days.
    if (pause) this.recomputeDue();
    this.state.stage = 'RE_REVIEW';
    this.clock.replan();
    await this.project('材料齐全，提交复审 Materials complete: plan to re-review', `materials-complete:${++this.completions}`, 'MATERIALS_COMPLETE', actor.id, {
      note: note ?? null,
      ...waited,
      dueAt: this.state.dueAt,
    });
    return this.state;
  }

  /** Answers with the linked case once it is open (or the decline recorded); the clock stops at once. */
  async reReview({ actor, outcome, note }: ReReviewRequest): Promise<ConsultationState> {
    await this.whenOpened(() => rules.validateReReview(this.state, { actor, outcome, note }));
    this.state.reReview = { outcome, by: actor.id, at: new Date().toISOString(), ...(note ? { note } : {}) };
    // Answer once the outcome is on the record, so the batch report and lists read next see it.
    // Earlier consultations answered as soon as the stage moved on.
    if (patched(RE_REVIEW_ANSWERS_ONCE_RECORDED)) await condition(() => this.outcomeRecorded || this.state.stage === 'WITHDRAWN');
    else await condition(() => this.ended());
    return this.state;
  }

  async withdraw({ actor, reason }: WithdrawConsultationRequest): Promise<ConsultationState> {
    await this.whenOpened(() => rules.validateWithdrawConsultation(this.state, { actor, reason }));
    const pause = this.activePause();
    const at = new Date();
    // The wait for materials ends with the consultation, its working days counted and on the timeline.
    const pauseEnded = pause && patched(PAUSE_ENDS_WITH_CASE) ? endPause(this.calendar!, pause, at, this.periodRule()) : undefined;
    if (pause && !pauseEnded) pause.until = at.toISOString();
    this.state.withdrawal = { reason, by: actor.id, at: at.toISOString() };
    this.state.stage = 'WITHDRAWN';
    await this.project('撤回会诊 Withdraw consultation', 'withdrawn', 'WITHDRAWN', actor.id, { reason, ...(pauseEnded ? { pauseEnded } : {}) });
    return this.state;
  }

  /**
   * Loading a year's notice (PUT /api/v1/calendar/years/:year) signals running consultations
   * as it signals cases: the five working days are recounted on the new calendar. A new
   * handler adds no command to histories without the signal, so they replay unchanged.
   */
  async calendarNoticeLoaded({ actor, year }: CalendarChangedRequest): Promise<void> {
    await condition(() => this.state.recorded);
    if (this.decided()) return;
    this.calendar = await loadWorkingCalendar(this.openedAt, true);
    const before = this.state.dueAt;
    const wait = this.activePause();
    const limitBefore = wait?.escalatesAt;
    if (wait?.escalatesAt && !wait.escalatedAt) wait.escalatesAt = pauseLimitAt(this.calendar, new Date(wait.since), CONSULTATION_PAUSE_LIMIT_WORKING_DAYS).toISOString();
    this.recomputeDue();
    if (this.state.dueAt === before && wait?.escalatesAt === limitBefore) return;
    this.clock.replan();
    this.calendarChanges++;
    await this.project('日历变更，重算时限 Calendar changed: due recomputed', `due-recomputed:${this.calendarChanges}`, 'DUE_RECOMPUTED', actor, {
      before,
      after: this.state.dueAt,
      year,
      ...(wait?.escalatesAt !== limitBefore ? { pauseEscalatesAt: wait!.escalatesAt } : {}),
    });
  }

  // ---- Steps, in the workflow's order ---------------------------------------------------------

  /** The calendar, the due and the consultation's record; updates wait for this. */
  async open(): Promise<void> {
    const { input, state } = this;
    this.calendar = await loadWorkingCalendar(this.openedAt);
    this.recomputeDue();
    await act.recordConsultationOpened.executeWithOptions({ ...RECORD, summary: `登记会诊 Record consultation ${input.consultationId}` }, [{ input, dueAt: state.dueAt! }]);
    await this.project('会诊开始 Consultation opened', 'opened', 'OPENED', input.openedBy, { dueAt: state.dueAt, reasons: state.reasons, refused: input.refused });
    state.recorded = true;
  }

  async decline(): Promise<void> {
    const reReview = this.state.reReview!;
    this.state.stage = 'DECLINED';
    await this.project('复审未采纳 Plan declined at re-review', 'declined', 'DECLINED', reReview.by, { note: reReview.note });
    this.outcomeRecorded = true;
  }

  /**
   * The accepted plan's case is started by an activity, not as a child workflow: a case lives
   * for days after its consultation closes, and a child that outlives its parent (ABANDON)
   * stalls the time-skipping test server once it completes, so no test could follow it. The
   * case number is drawn first and kept in this history, which makes the start idempotent
   * (a retry meets workflow case-<caseNo>). The case writes its own loan_case record like an
   * API-opened one and carries the consultation id in its input, its acceptance event and
   * its ConsultationLink search attribute; this consultation holds the case number.
   */
  async openLinkedCase(): Promise<void> {
    const { input, state } = this;
    const plan = state.plan!;
    const at = new Date();
    const { caseNo, assignees } = await act.prepareLinkedCase.executeWithOptions({ ...RECORD, summary: `分配案件编号 Allocate case number (${plan.product})` }, [
      { year: yearOf(shanghaiDate(at)), streetCode: input.firm.streetCode, bankCode: plan.bankCode },
    ]);
    const base = {
      caseNo,
      // A pilot code confirmed at the batch goes on to the case, which audits it as its own opening would.
      firm: { name: input.firm.name, creditCode: input.firm.creditCode, creditCodeWarnings: input.firm.creditCodeWarnings ?? [] },
      streetCode: input.firm.streetCode,
      bankCode: plan.bankCode,
      purpose: `${input.refused.purpose}（联合会诊 ${input.consultationId}：${PLAN_KIND_LABELS[plan.kind]}）`,
      acceptedAt: at.toISOString(),
      acceptedBy: state.reReview!.by,
      consultationId: input.consultationId,
    };
    const linked = await act.startLinkedCase.executeWithOptions({ ...RECORD, startToCloseTimeout: '1 minute', summary: `开立新案件 Open linked case ${caseNo}` }, [
      plan.product === 'SCI_TECH'
        ? { product: 'SCI_TECH', input: { ...base, application: plan.sciTech! }, planLabel: PLAN_KIND_LABELS[plan.kind] }
        : { product: 'FAST_TRACK', input: { ...base, amountFen: plan.amountFen, assignees }, planLabel: PLAN_KIND_LABELS[plan.kind] },
    ]);
    state.linkedCase = { caseNo, product: plan.product, workflowId: linked.workflowId };
    state.stage = 'ACCEPTED';
    await this.project(`方案采纳，转入新案件 Plan accepted: case ${caseNo}`, 'accepted', 'ACCEPTED', state.reReview!.by, { caseNo, product: plan.product, workflowId: linked.workflowId });
    this.outcomeRecorded = true;
  }

  /** Search attributes and current details, for operators in Temporal UI. */
  refreshOperatorView(): void {
    const { state } = this;
    state.slaState = slaStateOf(state.slaState, {
      breached: state.breaches.length > 0,
      answered: consultationAnswered(state.stage),
      withdrawn: state.stage === 'WITHDRAWN',
      paused: this.pausePeriodRule && this.activePause() !== undefined,
      atRisk: this.level === 'AT_RISK',
    });
    upsertSearchAttributes([
      { key: CaseStage, value: state.stage },
      { key: SlaState, value: state.slaState },
      ...(state.dueAt ? [{ key: DueAt, value: new Date(state.dueAt) }] : []),
      { key: SlaBreaches, value: state.breaches.length },
      ...(state.linkedCase ? [{ key: ConsultationLink, value: state.linkedCase.caseNo }] : []),
    ]);
    setCurrentDetails(consultationDetails(state));
  }

  private project(summary: string, eventKey: string, type: string, actor: string, data: Record<string, unknown>): Promise<void> {
    return this.projector.project(summary, eventKey, type, actor, data);
  }

  /** Waits until the consultation is recorded, then checks again: another update may have moved it meanwhile. */
  private async whenOpened(validate: () => void): Promise<void> {
    await condition(() => this.state.recorded);
    revalidate(validate);
  }

  private activePause() {
    return this.state.materials.find((m) => !m.until);
  }

  /** Whether waits for materials follow PAUSE_PERIOD_RULE; asked only when one starts or ends. */
  private periodRule(): boolean {
    return (this.pausePeriodRule ||= patched(PAUSE_PERIOD_RULE));
  }

  // ---- The five working days -----------------------------------------------------------------

  /** The promise, extended by the time the firm took to supply materials. */
  private recomputeDue(): void {
    const c = this.calendar!;
    const paused = this.state.materials.reduce(
      (sum, m) => ({ workingDays: sum.workingDays + (m.pausedWorkingDays ?? 0), workingMs: sum.workingMs + (m.pausedWorkingMs ?? 0) }),
      NOT_PAUSED,
    );
    const due = consultationDue(c, this.openedAt, paused);
    this.state.dueAt = due.toISOString();
    this.state.atRiskAt = subtractWorkingTime(c, due, this.lead).toISOString();
    if (this.level === 'AT_RISK' && new Date() < new Date(this.state.atRiskAt)) this.level = 'ON_TRACK';
  }

  /** The promise while the clock runs; while the firm supplies materials, the wait's limit until it escalated. */
  private deadlines(): Deadline<Subject>[] {
    const wait = this.activePause();
    if (!wait) return [this.promise()];
    if (!wait.escalatesAt || wait.escalatedAt) return [];
    // No warning of its own (it starts AT_RISK): whoever asked for the materials knows it waits.
    const at = new Date(wait.escalatesAt);
    return [{ subject: 'PAUSE_LIMIT', label: `暂停超过${CONSULTATION_PAUSE_LIMIT_WORKING_DAYS}个工作日 pause longer than ${CONSULTATION_PAUSE_LIMIT_WORKING_DAYS} working days`, assignee: wait.by, atRiskAt: at, dueAt: at, level: 'AT_RISK', setLevel: () => undefined }];
  }

  /** Its level is read afresh: the clock plans from the deadline it checked (see SlaClock). */
  private promise(): Deadline<Subject> {
    const { atRiskAt, dueAt } = this.state;
    return deadlineOwningLevel({ subject: 'PROMISE', label: '', assignee: TASK_FORCE, atRiskAt: new Date(atRiskAt!), dueAt: new Date(dueAt!) }, { get: () => this.level, set: (l) => (this.level = l) });
  }

  private async onAtRisk(due: Date): Promise<void> {
    const { input, state } = this;
    const key = due.toISOString();
    const [leftZh, leftEn] = workingHoursLeftParts(this.calendar!, new Date(), key);
    await this.project('预警 At risk: consultation', `at-risk:${key}`, 'SLA_AT_RISK', 'system', { dueAt: key });
    await this.projector.notify('通知专班 Notify task force: consultation at risk', {
      eventKey: `notice:at-risk:${key}`,
      type: 'NOTIFICATION',
      audience: ESCALATION.consultation.atRisk(state.plan?.bankCode ?? input.refused.bankCode),
      zh: `【预警】${input.firm.name}的银行联合会诊 ${input.consultationId} 将于 ${shanghaiText(key)} 到期（阶段 ${state.stage}），${leftZh}。`,
      en: `[At risk] Joint consultation ${input.consultationId} (${input.firm.name}) is due ${shanghaiText(key)} (Asia/Shanghai); stage ${state.stage}; ${leftEn}.`,
    });
  }

  /** A wait for materials past its limit: on the timeline and to the coordination group, as a breach is (not counted as one). */
  private async onPauseTooLong(): Promise<void> {
    const { input } = this;
    const wait = this.activePause()!;
    wait.escalatedAt = new Date().toISOString();
    const seq = this.state.materials.indexOf(wait) + 1;
    const since = shanghaiText(wait.since);
    const limit = CONSULTATION_PAUSE_LIMIT_WORKING_DAYS;
    await this.project('暂停超限 Wait for materials past its limit', `pause-limit:${seq}`, 'SLA_PAUSE_LIMIT', 'system', { since: wait.since, by: wait.by, reason: wait.reason, missing: wait.missing, limitWorkingDays: limit });
    await this.projector.notify('升级至综合协调组 Escalate to coordination group: wait for materials', {
      eventKey: `escalated:pause-limit:${seq}`,
      type: 'ESCALATED',
      audience: ESCALATION.consultation.pauseTooLong(input.firm.streetCode),
      zh: `【暂停超限督办】${input.firm.name}的银行联合会诊 ${input.consultationId} 自 ${since} 起等待企业补充材料（${wait.missing.join('、')}），已超过${limit}个工作日（${wait.by} 暂停，原因：${wait.reason}）。请综合协调组督办。`,
      en: `[Pause past limit] Joint consultation ${input.consultationId} (${input.firm.name}) has waited for the firm's materials since ${since}, longer than ${limit} working days (paused by ${wait.by}: ${wait.reason}). Escalated to the task force's general coordination group.`,
    });
  }

  private async onBreached(due: Date): Promise<void> {
    const { input, state } = this;
    const key = due.toISOString();
    state.breaches.push({ dueAt: key, breachedAt: new Date().toISOString(), stage: state.stage });
    await this.project('超时 Breached: consultation', `breached:${key}`, 'SLA_BREACHED', 'system', { dueAt: key, stage: state.stage });
    await this.projector.notify('升级至综合协调组 Escalate to coordination group: consultation', {
      eventKey: `escalated:${key}`,
      type: 'ESCALATED',
      audience: ESCALATION.consultation.breached(input.firm.streetCode),
      zh: `【超时督办】${input.firm.name}的银行联合会诊 ${input.consultationId} 已于 ${shanghaiText(key)} 超过${CONSULTATION_PROMISE_WORKING_DAYS}个工作日，所处阶段 ${state.stage}。请综合协调组督办。`,
      en: `[SLA breached] Joint consultation ${input.consultationId} (${input.firm.name}) passed its ${CONSULTATION_PROMISE_WORKING_DAYS}-working-day due ${shanghaiText(key)}; stage ${state.stage}. Escalated to the task force's general coordination group.`,
    });
    if (patched(UNACKNOWLEDGED_BREACH_ESCALATES_EVERY_PRODUCT)) {
      const label = `${CONSULTATION_PROMISE_WORKING_DAYS}个工作日承诺 ${CONSULTATION_PROMISE_WORKING_DAYS}-working-day promise`;
      this.unacknowledged.watch({ eventKey: `escalated:${key}`, label, dueAt: due, settled: () => this.decided() }, this.calendar!);
    }
  }
}
