// Joint bank consultation (银行联合会诊) for one refused firm: the task force records and
// categorises why the bank said no, banks and the task force propose an optimised plan,
// the firm completes missing materials (the clock stands still), the bank re-reviews, and an
// accepted plan opens a new fast-track or sci-tech case linked to the consultation. Five
// working days, with the fast-track case's AT_RISK/BREACHED vocabulary and escalation.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type * as activities from '../activities';
import { shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { PLAN_KIND_LABELS } from '../domain/consultation/plan';
import { CONSULTATION_AT_RISK_LEAD_MS, CONSULTATION_PROMISE_WORKING_DAYS, consultationDue } from '../domain/consultation/promise';
import { REASON_LABELS } from '../domain/consultation/reasons';
import { ESCALATION, TASK_FORCE } from '../domain/escalation';
import { subtractWorkingTime } from '../domain/fastTrack/workingTime';
import { formatWan } from '../domain/money';
import { CLOSED_STAGES } from '../domain/stages';
import { shanghaiText, workingHoursLeftParts } from './caseDetails';
import {
  completeMaterialsUpdate,
  consultationOpenedUpdate,
  consultationStateQuery,
  proposePlanUpdate,
  reReviewUpdate,
  recordReasonsUpdate,
  requestMaterialsUpdate,
  withdrawConsultationUpdate,
  type ConsultationState,
  type JointConsultationInput,
} from './jointConsultationMessages';
import {
  validateCompleteMaterials,
  validateProposePlan,
  validateReReview,
  validateRecordReasons,
  validateRequestMaterials,
  validateWithdrawConsultation,
} from './jointConsultationValidators';
import { calendarNoticeLoadedSignal } from './fastTrackCaseMessages';
import { CaseStage, ConsultationLink, DueAt, SlaBreaches, SlaState } from './searchAttributes';
import { RECORD } from './activityOptions';
import { SlaClock, type Deadline, type SlaLevel } from './slaClock';
import { consultationProjector } from './projector';

export * from './jointConsultationMessages';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

export async function jointConsultationWorkflow(input: JointConsultationInput): Promise<ConsultationState> {
  const openedAt = new Date(input.openedAt);
  const lead = input.atRiskLeadMs ?? CONSULTATION_AT_RISK_LEAD_MS;
  const state: ConsultationState = {
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
  let calendar: WorkingCalendar | undefined;
  let level: SlaLevel = 'ON_TRACK';
  // Told of every change that moves the due instant or stops the clock: it re-plans.
  const sla = new SlaClock<Deadline<'PROMISE'>>({
    // One promise, standing still while the firm supplies materials.
    deadlines: () => (activePause() ? [] : [promise()]),
    stopped: () => decided(),
    onAtRisk: (d) => onAtRisk(d.dueAt),
    onBreached: (d) => onBreached(d.dueAt),
    planFromChecked: true,
  });
  const projector = consultationProjector(input, refreshOperatorView, state);

  const now = () => new Date();
  const ended = () => CLOSED_STAGES.includes(state.stage);
  // The clock stops once the bank has re-reviewed: the consultation's promise is a decision.
  const decided = () => ended() || state.reReview !== undefined;
  const activePause = () => state.materials.find((m) => !m.until);

  function refreshOperatorView(): void {
    if (state.breaches.length > 0) state.slaState = 'BREACHED';
    else if (state.stage === 'ACCEPTED' || state.stage === 'DECLINED') state.slaState = 'MET';
    else if (state.stage !== 'WITHDRAWN') state.slaState = level === 'AT_RISK' ? 'AT_RISK' : 'ON_TRACK';
    upsertSearchAttributes([
      { key: CaseStage, value: state.stage },
      { key: SlaState, value: state.slaState },
      ...(state.dueAt ? [{ key: DueAt, value: new Date(state.dueAt) }] : []),
      { key: SlaBreaches, value: state.breaches.length },
      ...(state.linkedCase ? [{ key: ConsultationLink, value: state.linkedCase.caseNo }] : []),
    ]);
    const plan = state.plan ? `方案 plan: ${PLAN_KIND_LABELS[state.plan.kind]} · ${state.plan.bankCode} · ${formatWan(state.plan.amountFen)}` : '方案 plan: —';
    setCurrentDetails(
      [
        `阶段 stage: ${state.stage} · 时限 SLA: ${state.slaState}${state.dueAt ? ` · 截止 due ${shanghaiText(state.dueAt)}` : ''}${activePause() ? ' · 计时暂停 clock paused (materials)' : ''}`,
        `原因 reasons: ${state.reasons.map((r) => REASON_LABELS[r.code]).join('; ') || '—'}`,
        plan,
        ...(state.linkedCase ? [`新案件 linked case: ${state.linkedCase.caseNo} (${state.linkedCase.product})`] : []),
      ].join('\n'),
    );
  }

  function project(summary: string, eventKey: string, type: string, actor: string, data: Record<string, unknown>): Promise<void> {
    return projector.project(summary, eventKey, type, actor, data);
  }

  function notify(summary: string, eventKey: string, audience: string[], zh: string, en: string): Promise<void> {
    return projector.notify(summary, { eventKey, type: eventKey.startsWith('escalated') ? 'ESCALATED' : 'NOTIFICATION', audience, zh, en });
  }

  /** The promise, extended by the working time the firm took to supply materials. */
  function recomputeDue(): void {
    const c = calendar!;
    const paused = state.materials.reduce((sum, m) => sum + (m.pausedWorkingMs ?? 0), 0);
    const due = consultationDue(c, openedAt, paused);
    state.dueAt = due.toISOString();
    state.atRiskAt = subtractWorkingTime(c, due, lead).toISOString();
    if (level === 'AT_RISK' && now() < new Date(state.atRiskAt)) level = 'ON_TRACK';
  }

  /** Waits until the consultation is recorded, then checks again: another update may have moved it meanwhile. */
  async function whenOpened(validate: () => void): Promise<void> {
    await condition(() => state.recorded);
    try {
      validate();
    } catch (err) {
      // Only a Temporal failure fails an update; any other error would fail the workflow task.
      throw ApplicationFailure.nonRetryable((err as Error).message, 'InvalidForState');
    }
  }

  // ---- People's messages -------------------------------------------------------------

  setHandler(consultationStateQuery, () => state);
  setHandler(consultationOpenedUpdate, async () => {
    await condition(() => state.recorded);
    return state;
  });

  let reasonRecords = 0;
  setHandler(
    recordReasonsUpdate,
    async ({ actor, reasons }) => {
      await whenOpened(() => validateRecordReasons(state, { actor, reasons }));
      state.reasons = reasons;
      state.reasonsBy = actor.id;
      state.stage = 'REASONS_RECORDED';
      await project('记录拒贷原因 Record rejection reasons', `reasons:${++reasonRecords}`, 'REASONS_RECORDED', actor.id, { reasons });
      return state;
    },
    { validator: (req) => validateRecordReasons(state, req) },
  );

  let plans = 0;
  setHandler(
    proposePlanUpdate,
    async ({ actor, plan }) => {
      await whenOpened(() => validateProposePlan(state, { actor, plan }, input.refused));
      state.plan = { ...plan, by: actor.id, at: now().toISOString() };
      state.stage = 'PLAN_PROPOSED';
      await project(`提出方案 Propose plan: ${plan.kind}`, `plan:${++plans}`, 'PLAN_PROPOSED', actor.id, { plan });
      return state;
    },
    { validator: (req) => validateProposePlan(state, req, input.refused) },
  );

  setHandler(
    requestMaterialsUpdate,
    async ({ actor, missing, reason }) => {
      await whenOpened(() => validateRequestMaterials(state, { actor, missing, reason }));
      state.materials.push({ missing, reason, by: actor.id, since: now().toISOString() });
      state.stage = 'MATERIALS';
      sla.replan();
      await project('补充材料，暂停计时 Materials requested: clock paused', `materials-requested:${state.materials.length}`, 'MATERIALS_REQUESTED', actor.id, { missing, reason });
      return state;
    },
    { validator: (req) => validateRequestMaterials(state, req) },
  );

  let completions = 0;
  setHandler(
    completeMaterialsUpdate,
    async ({ actor, note }) => {
      await whenOpened(() => validateCompleteMaterials(state, { actor, note }));
      const pause = activePause();
      if (pause) {
        const at = now();
        pause.until = at.toISOString();
        pause.pausedWorkingMs = calendar!.workingTimeRemaining(new Date(pause.since), at);
        // The firm's wait does not count against the five working days.
        recomputeDue();
      }
      state.stage = 'RE_REVIEW';
      sla.replan();
      await project('材料齐全，提交复审 Materials complete: plan to re-review', `materials-complete:${++completions}`, 'MATERIALS_COMPLETE', actor.id, {
        note: note ?? null,
        pausedWorkingMs: pause?.pausedWorkingMs ?? 0,
        dueAt: state.dueAt,
      });
      return state;
    },
    { validator: (req) => validateCompleteMaterials(state, req) },
  );

  setHandler(
    reReviewUpdate,
    async ({ actor, outcome, note }) => {
      await whenOpened(() => validateReReview(state, { actor, outcome, note }));
      state.reReview = { outcome, by: actor.id, at: now().toISOString(), ...(note ? { note } : {}) };
      sla.replan();
      // Answers with the linked case once it is open (or the decline recorded).
      await condition(() => ended());
      return state;
    },
    { validator: (req) => validateReReview(state, req) },
  );

  setHandler(
    withdrawConsultationUpdate,
    async ({ actor, reason }) => {
      await whenOpened(() => validateWithdrawConsultation(state, { actor, reason }));
      const pause = activePause();
      if (pause) pause.until = now().toISOString();
      state.withdrawal = { reason, by: actor.id, at: now().toISOString() };
      state.stage = 'WITHDRAWN';
      sla.replan();
      await project('撤回会诊 Withdraw consultation', 'withdrawn', 'WITHDRAWN', actor.id, { reason });
      return state;
    },
    { validator: (req) => validateWithdrawConsultation(state, req) },
  );

  // Loading a year's notice (PUT /api/v1/calendar/years/:year) signals running consultations
  // as it signals cases: the five working days are recounted on the new calendar. A new
  // handler adds no command to histories without the signal, so they replay unchanged.
  let calendarChanges = 0;
  setHandler(calendarNoticeLoadedSignal, async ({ actor, year: noticeYear }) => {
    await condition(() => state.recorded);
    if (decided()) return;
    const from = yearOf(shanghaiDate(openedAt));
    calendar = new WorkingCalendar(
      await act.loadCalendarYears.executeWithOptions({ ...RECORD, summary: `重新载入工作日历 Reload working calendar ${from}-${from + 1}` }, [{ fromYear: from, toYear: from + 1 }]),
    );
    const before = state.dueAt;
    recomputeDue();
    if (state.dueAt === before) return;
    sla.replan();
    calendarChanges++;
    await project('日历变更，重算时限 Calendar changed: due recomputed', `due-recomputed:${calendarChanges}`, 'DUE_RECOMPUTED', actor, {
      before,
      after: state.dueAt,
      year: noticeYear,
    });
  });

  // ---- Opening -----------------------------------------------------------------------

  // The calendar enters through an activity: notices change while consultations run.
  const year = yearOf(shanghaiDate(openedAt));
  calendar = new WorkingCalendar(
    await act.loadCalendarYears.executeWithOptions({ ...RECORD, summary: `载入工作日历 Load working calendar ${year}-${year + 1}` }, [{ fromYear: year, toYear: year + 1 }]),
  );
  recomputeDue();
  await act.recordConsultationOpened.executeWithOptions({ ...RECORD, summary: `登记会诊 Record consultation ${input.consultationId}` }, [{ input, dueAt: state.dueAt! }]);
  await project('会诊开始 Consultation opened', 'opened', 'OPENED', input.openedBy, { dueAt: state.dueAt, reasons: state.reasons, refused: input.refused });
  state.recorded = true;

  const clock = sla.run();

  await condition(() => decided());
  if (!ended() && state.reReview?.outcome === 'DECLINED') {
    state.stage = 'DECLINED';
    await project('复审未采纳 Plan declined at re-review', 'declined', 'DECLINED', state.reReview.by, { note: state.reReview.note });
  }
  if (!ended() && state.reReview?.outcome === 'ACCEPTED') {
    await openLinkedCase();
  }

  await clock;
  await condition(allHandlersFinished);
  refreshOperatorView();
  return state;

  /**
   * The accepted plan's case is started by an activity, not as a child workflow: a case lives
   * for days after its consultation closes, and a child that outlives its parent (ABANDON)
   * stalls the time-skipping test server once it completes, so no test could follow it. The
   * case number is drawn first and kept in this history, which makes the start idempotent
   * (a retry meets workflow case-<caseNo>). The case writes its own loan_case record like an
   * API-opened one and carries the consultation id in its input, its acceptance event and
   * its ConsultationLink search attribute; this consultation holds the case number.
   */
  async function openLinkedCase(): Promise<void> {
    const plan = state.plan!;
    const at = now();
    const { caseNo, assignees } = await act.prepareLinkedCase.executeWithOptions({ ...RECORD, summary: `分配案件编号 Allocate case number (${plan.product})` }, [
      { year: yearOf(shanghaiDate(at)), streetCode: input.firm.streetCode, bankCode: plan.bankCode },
    ]);
    const base = {
      caseNo,
      firm: { name: input.firm.name, creditCode: input.firm.creditCode, creditCodeWarnings: [] },
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
    await project(`方案采纳，转入新案件 Plan accepted: case ${caseNo}`, 'accepted', 'ACCEPTED', state.reReview!.by, { caseNo, product: plan.product, workflowId: linked.workflowId });
  }

  // ---- SLA clock ------------------------------------------------------------------------

  function promise(): Deadline<'PROMISE'> {
    return {
      subject: 'PROMISE',
      label: '',
      assignee: TASK_FORCE,
      atRiskAt: new Date(state.atRiskAt!),
      dueAt: new Date(state.dueAt!),
      get level() {
        return level;
      },
      setLevel: (l) => (level = l),
    };
  }

  async function onAtRisk(due: Date): Promise<void> {
    const key = due.toISOString();
    const [leftZh, leftEn] = workingHoursLeftParts(calendar!, now(), key);
    await project('预警 At risk: consultation', `at-risk:${key}`, 'SLA_AT_RISK', 'system', { dueAt: key });
    await notify(
      '通知专班 Notify task force: consultation at risk',
      `notice:at-risk:${key}`,
      ESCALATION.consultation.atRisk(state.plan?.bankCode ?? input.refused.bankCode),
      `【预警】${input.firm.name}的银行联合会诊 ${input.consultationId} 将于 ${shanghaiText(key)} 到期（阶段 ${state.stage}），${leftZh}。`,
      `[At risk] Joint consultation ${input.consultationId} (${input.firm.name}) is due ${shanghaiText(key)} (Asia/Shanghai); stage ${state.stage}; ${leftEn}.`,
    );
  }

  async function onBreached(due: Date): Promise<void> {
    const at = now();
    const key = due.toISOString();
    state.breaches.push({ dueAt: key, breachedAt: at.toISOString(), stage: state.stage });
    await project('超时 Breached: consultation', `breached:${key}`, 'SLA_BREACHED', 'system', { dueAt: key, stage: state.stage });
    await notify(
      '升级至综合协调组 Escalate to coordination group: consultation',
      `escalated:${key}`,
      ESCALATION.consultation.breached(input.firm.streetCode),
      `【超时督办】${input.firm.name}的银行联合会诊 ${input.consultationId} 已于 ${shanghaiText(key)} 超过${CONSULTATION_PROMISE_WORKING_DAYS}个工作日，所处阶段 ${state.stage}。请综合协调组督办。`,
      `[SLA breached] Joint consultation ${input.consultationId} (${input.firm.name}) passed its ${CONSULTATION_PROMISE_WORKING_DAYS}-working-day due ${shanghaiText(key)}; stage ${state.stage}. Escalated to the task force's general coordination group.`,
    );
  }
}
