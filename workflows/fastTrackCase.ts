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
import type { TaskRow } from '../activities/caseProgress';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import { DEFAULT_AT_RISK_LEAD_MS, PROMISE_WORKING_DAYS, TASK_KINDS, TASK_LABELS, branchDue } from '../domain/fastTrack/policy';
import { promiseDue } from '../domain/fastTrack/promiseDue';
import { addWorkingTime, subtractWorkingTime } from '../domain/fastTrack/workingTime';
import { ESCALATION } from '../domain/escalation';
import { formatWan } from '../domain/money';
import { caseEnded } from '../domain/stages';
import { caseDetails, shanghaiText, workingHoursLeftParts } from './caseDetails';
import {
  acceptanceUpdate,
  calendarChangedUpdate,
  calendarNoticeLoadedSignal,
  completeTaskUpdate,
  decideUpdate,
  getStateQuery,
  pauseSlaUpdate,
  reassignTaskUpdate,
  resumeSlaUpdate,
  withdrawUpdate,
  type CalendarChangedRequest,
  type CaseState,
  type CompleteTaskRequest,
  type FastTrackCaseInput,
  type TaskKind,
  type TaskState,
} from './fastTrackCaseMessages';
import {
  validateCalendarChanged,
  validateCompleteTask,
  validateDecide,
  validatePauseSla,
  validateReassignTask,
  validateResumeSla,
  validateWithdraw,
} from './fastTrackCaseValidators';
import { BranchesOpen, CaseStage, DueAt, SlaBreaches, SlaState } from './searchAttributes';
import { OUTSIDE_INTERACTIVE, RECORD } from './activityOptions';
import { contractThenDisburse } from './contractThenDisburse';
import { SlaClock, type Deadline, type SlaLevel as Level } from './slaClock';
import { caseProjector, type Notice } from './projector';

export * from './fastTrackCaseMessages';
export { PROMISE_WORKING_DAYS };

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

export async function fastTrackCaseWorkflow(input: FastTrackCaseInput): Promise<CaseState> {
  const acceptedAt = new Date(input.acceptedAt);
  const lead = input.atRiskLeadMs ?? DEFAULT_AT_RISK_LEAD_MS;
  const state: CaseState = {
    caseNo: input.caseNo,
    stage: 'ACCEPTED',
    slaState: 'ON_TRACK',
    acceptedAt: input.acceptedAt,
    dueAt: null,
    dueProvisional: false,
    dueExplanation: [],
    recorded: false,
    tasks: [],
    pauses: [],
    breaches: [],
  };
  let calendar: WorkingCalendar | undefined;
  let promiseLevel: Level = 'ON_TRACK';
  // Told of every change that moves a due instant or closes one: it re-plans.
  const sla = new SlaClock<Deadline<TaskKind | 'PROMISE'>>({ deadlines, stopped: () => ended(), onAtRisk, onBreached });
  const projector = caseProjector(input.caseNo, refreshOperatorView, () => ({ stage: state.stage, slaState: state.slaState, dueAt: state.dueAt ?? undefined }));

  const now = () => new Date();
  const ended = () => caseEnded(state.stage);
  // Set once the decision's event and stage are in the record (see decideUpdate).
  let decisionRecorded = false;
  const task = (kind: TaskKind) => state.tasks.find((t) => t.kind === kind) as TaskState;
  const activePause = () => state.pauses.find((p) => !p.until);

  function deriveSlaState(): void {
    if (state.breaches.length > 0) state.slaState = 'BREACHED';
    else if (state.stage === 'DISBURSED' || state.stage === 'REJECTED') state.slaState = 'MET';
    else if (state.stage === 'WITHDRAWN') return;
    else if (promiseLevel === 'AT_RISK' || state.tasks.some((t) => t.status !== 'DONE' && t.slaState === 'AT_RISK')) state.slaState = 'AT_RISK';
    else state.slaState = 'ON_TRACK';
  }

  function refreshOperatorView(): void {
    deriveSlaState();
    upsertSearchAttributes([
      { key: CaseStage, value: state.stage },
      { key: SlaState, value: state.slaState },
      ...(state.dueAt ? [{ key: DueAt, value: new Date(state.dueAt) }] : []),
      { key: BranchesOpen, value: state.tasks.filter((t) => t.status !== 'DONE').map((t) => t.kind) },
      { key: SlaBreaches, value: state.breaches.length },
    ]);
    setCurrentDetails(caseDetails(input, state, calendar, now()));
  }

  function taskRow(t: TaskState): TaskRow {
    return { kind: t.kind, assignee: t.assignee, status: t.status === 'DONE' ? 'DONE' : 'OPEN', slaState: t.slaState, dueAt: t.dueAt, evidence: t.evidence, completedAt: t.completedAt, completedBy: t.completedBy };
  }

  function project(summary: string, eventKey: string, type: string, actor: string, data: Record<string, unknown>, tasks: TaskKind[] = []): Promise<void> {
    return projector.project(summary, eventKey, type, actor, data, tasks.map((k) => taskRow(task(k))));
  }

  function notify(summary: string, eventKey: string, type: Notice['type'], audience: string[], zh: string, en: string): Promise<void> {
    return projector.notify(summary, { eventKey, type, audience, zh, en });
  }

  // ---- People's messages -------------------------------------------------------------

  setHandler(getStateQuery, () => state);

  setHandler(acceptanceUpdate, async () => {
    await condition(() => state.recorded);
    return state;
  });

  setHandler(
    withdrawUpdate,
    async ({ reason, actor }) => {
      await condition(() => state.recorded);
      // Re-checked: the case may have moved on while acceptance finished. Only a Temporal
      // failure fails an update; any other error would fail the workflow task instead.
      try {
        validateWithdraw(state, { reason, actor });
      } catch (err) {
        throw ApplicationFailure.nonRetryable((err as Error).message, 'InvalidForState');
      }
      const at = now().toISOString();
      state.withdrawal = { reason, by: actor, at };
      state.stage = 'WITHDRAWN';
      sla.replan();
      await project('记录撤回 Record withdrawal', 'withdrawn', 'WITHDRAWN', actor, { reason });
      return state;
    },
    { validator: (req) => validateWithdraw(state, req) },
  );

  setHandler(
    completeTaskUpdate,
    async (req) => {
      const t = task(req.kind);
      t.status = 'COMPLETING';
      let receipt: Record<string, unknown>;
      try {
        receipt = await confirmWithOutsideSystem(req);
      } catch (err) {
        t.status = 'OPEN';
        throw ApplicationFailure.nonRetryable(`外部系统未确认 ${TASK_LABELS[req.kind]} not confirmed: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`, 'OutsideSystemRejected');
      }
      if (ended()) {
        t.status = 'OPEN';
        throw ApplicationFailure.nonRetryable(`案件已结束 the case ended (${state.stage}) while ${req.kind} was being confirmed`, 'CaseEnded');
      }
      const at = now();
      t.status = 'DONE';
      t.completedAt = at.toISOString();
      t.completedBy = req.actor;
      t.evidence = { ...req.evidence, ...receipt };
      const breach = state.breaches.find((b) => b.subject === req.kind && b.lateWorkingMs === null);
      if (breach && calendar) breach.lateWorkingMs = -calendar.workingTimeRemaining(at, new Date(t.dueAt));
      sla.replan();
      await project(`${TASK_LABELS[req.kind]} 完成 done`, `task-done:${req.kind}`, 'TASK_COMPLETED', req.actor, { kind: req.kind, evidence: t.evidence, lateWorkingMs: breach?.lateWorkingMs ?? 0 }, [req.kind]);
      return state;
    },
    { validator: (req) => validateCompleteTask(state, req) },
  );

  async function confirmWithOutsideSystem(req: CompleteTaskRequest): Promise<Record<string, unknown>> {
    switch (req.kind) {
      case 'GRID_SUBMISSION':
        return act.confirmGridSubmission.executeWithOptions({ ...OUTSIDE_INTERACTIVE, summary: `信易贷确认申请 Confirm 信易贷 application ${req.evidence.applicationNo}` }, [
          { caseNo: input.caseNo, applicationNo: req.evidence.applicationNo, creditCode: input.firm.creditCode },
        ]);
      case 'BANK_VIP_CHANNEL':
        return act.dockVipChannel.executeWithOptions({ ...OUTSIDE_INTERACTIVE, summary: `银行VIP通道对接 Dock into ${input.bankCode} VIP channel` }, [
          { caseNo: input.caseNo, bankCode: input.bankCode, amountFen: input.amountFen, assessmentOutcome: req.evidence.assessmentOutcome },
        ]);
      case 'DUE_DILIGENCE':
        return act.fileDueDiligenceReport.executeWithOptions({ ...OUTSIDE_INTERACTIVE, summary: `提交尽调报告 File due-diligence report ${req.evidence.reportNo}` }, [
          { caseNo: input.caseNo, ...req.evidence },
        ]);
    }
  }

  // Event keys must be unique per reassignment.
  const reassignments: Partial<Record<TaskKind, number>> = {};
  setHandler(
    reassignTaskUpdate,
    async ({ kind, assignee, actor, reason }) => {
      const t = task(kind);
      const from = t.assignee;
      t.assignee = assignee;
      const seq = (reassignments[kind] = (reassignments[kind] ?? 0) + 1);
      await project(`${TASK_LABELS[kind]} 转派 reassigned to ${assignee}`, `reassigned:${kind}:${seq}`, 'TASK_REASSIGNED', actor, { kind, from, to: assignee, reason }, [kind]);
      return state;
    },
    { validator: (req) => validateReassignTask(state, req) },
  );

  setHandler(
    decideUpdate,
    async (req) => {
      const at = now().toISOString();
      state.decision =
        req.outcome === 'APPROVED'
          ? { outcome: 'APPROVED', by: req.actor, at, amountFen: req.amountFen, rateBp: req.rateBp, termMonths: req.termMonths }
          : { outcome: 'REJECTED', by: req.actor, at, reasons: req.reasons };
      // Answer once the decision is on the record, so whoever reads the case next sees it (a
      // consultation for a rejected firm starts from the record). Earlier cases answered as soon
      // as the stage moved on.
      if (patched('decision-answers-once-recorded')) await condition(() => decisionRecorded || state.stage === 'WITHDRAWN');
      else await condition(() => state.stage !== 'CREDIT_DECISION');
      return state;
    },
    { validator: (req) => validateDecide(state, req, input.amountFen) },
  );

  setHandler(
    pauseSlaUpdate,
    async ({ kind, reason, actor }) => {
      const seq = state.pauses.length + 1;
      state.pauses.push({ kind, reason, by: actor, since: now().toISOString() });
      sla.replan();
      await project(`暂停计时 Pause SLA for ${kind}`, `sla-paused:${seq}`, 'SLA_PAUSED', actor, { kind, reason });
      return state;
    },
    { validator: (req) => validatePauseSla(state, req) },
  );

  setHandler(
    resumeSlaUpdate,
    async ({ actor, note }) => {
      const pause = activePause()!;
      const seq = state.pauses.indexOf(pause) + 1;
      const at = now();
      const paused = calendar!.workingTimeRemaining(new Date(pause.since), at);
      pause.until = at.toISOString();
      pause.pausedWorkingMs = paused;
      // The firm's wait does not count against the branch or the promise.
      recomputeDues();
      const t = task(pause.kind);
      sla.replan();
      await project(`恢复计时 Resume SLA for ${pause.kind}`, `sla-resumed:${seq}`, 'SLA_RESUMED', actor, {
        kind: pause.kind,
        note: note ?? null,
        pausedWorkingMs: paused,
        taskDueAt: t.dueAt,
        caseDueAt: state.dueAt,
      }, [pause.kind]);
      return state;
    },
    { validator: (req) => validateResumeSla(state, req) },
  );

  /**
   * Every due follows from the calendar, the acceptance instant and the finished pauses, so a
   * new holiday notice or a resumed pause recomputes them all the same way.
   */
  function recomputeDues(): void {
    const c = calendar!;
    const pausedFor = (kind?: TaskKind) =>
      state.pauses.filter((p) => p.pausedWorkingMs !== undefined && (kind === undefined || p.kind === kind)).reduce((sum, p) => sum + p.pausedWorkingMs!, 0);
    const at = now();
    for (const t of state.tasks) {
      if (t.status === 'DONE') continue;
      const due = addWorkingTime(c, branchDue(c, t.kind, acceptedAt), pausedFor(t.kind));
      t.dueAt = due.toISOString();
      t.atRiskAt = subtractWorkingTime(c, due, lead).toISOString();
      if (t.slaState === 'AT_RISK' && at < new Date(t.atRiskAt)) t.slaState = 'ON_TRACK';
    }
    const promise = promiseDue(c, acceptedAt, pausedFor());
    const due = promise.dueAt;
    state.dueAt = due.toISOString();
    state.dueProvisional = promise.provisional;
    state.dueExplanation = promise.explanation.skipped.map((s) => `${s.date} ${s.reason}`);
    state.promiseAtRiskAt = subtractWorkingTime(c, due, lead).toISOString();
    if (promiseLevel === 'AT_RISK' && at < new Date(state.promiseAtRiskAt)) promiseLevel = 'ON_TRACK';
  }

  // Event keys must be unique per recomputation.
  let calendarChanges = 0;
  async function applyCalendarChange({ actor, year: noticeYear }: CalendarChangedRequest): Promise<void> {
    const before = { dueAt: state.dueAt, provisional: state.dueProvisional, tasks: state.tasks.map((t) => t.dueAt) };
    const from = yearOf(shanghaiDate(acceptedAt));
    const years = await act.loadCalendarYears.executeWithOptions({ ...RECORD, summary: `重新载入工作日历 Reload working calendar ${from}-${from + 1}` }, [
      { fromYear: from, toYear: from + 1 },
    ]);
    calendar = new WorkingCalendar(years);
    recomputeDues();
    sla.replan();
    const moved = before.dueAt !== state.dueAt || before.provisional !== state.dueProvisional || state.tasks.some((t, i) => t.dueAt !== before.tasks[i]);
    if (moved) {
      calendarChanges++;
      await project('日历变更，重算时限 Calendar changed: dues recomputed', `dues-recomputed:${calendarChanges}`, 'DUES_RECOMPUTED', actor, {
        before,
        after: { dueAt: state.dueAt, provisional: state.dueProvisional, tasks: state.tasks.map((t) => t.dueAt) },
        // Payload only (no new command): histories recorded before this field still replay.
        ...(noticeYear !== undefined ? { year: noticeYear, message: dueMovedMessage(before.dueAt, state.dueAt, noticeYear) } : {}),
      }, state.tasks.filter((t) => t.status !== 'DONE').map((t) => t.kind));
    }
  }
  setHandler(
    calendarChangedUpdate,
    async (req) => {
      await applyCalendarChange(req);
      return state;
    },
    { validator: (req) => validateCalendarChanged(state, req) },
  );
  // A signal is durable even while no worker runs: how the API tells every running case that
  // a notice was loaded, without waiting on each of them.
  setHandler(calendarNoticeLoadedSignal, async (req) => {
    await condition(() => state.recorded);
    if (!ended()) await applyCalendarChange(req);
  });

  // ---- Acceptance ----------------------------------------------------------------------

  // The calendar enters through an activity: notices change while cases run.
  const year = yearOf(shanghaiDate(acceptedAt));
  const notices = await act.loadCalendarYears.executeWithOptions({ ...RECORD, summary: `载入工作日历 Load working calendar ${year}-${year + 1}` }, [
    { fromYear: year, toYear: year + 1 },
  ]);
  calendar = new WorkingCalendar(notices);
  const cal = () => calendar!;
  state.tasks = TASK_KINDS.map((kind) => ({
    kind,
    assignee: input.assignees?.[kind] ?? defaultAssignee(kind, input),
    dueAt: '',
    atRiskAt: '',
    status: 'OPEN',
    slaState: 'ON_TRACK',
  }));
  recomputeDues();

  await act.recordCaseAccepted.executeWithOptions({ ...RECORD, summary: `登记受理 Record acceptance ${input.caseNo}` }, [
    { input, dueAt: state.dueAt!, dueProvisional: state.dueProvisional },
  ]);

  // ---- Parallel review: three branches at once -------------------------------------------
  state.stage = 'PARALLEL_REVIEW';
  await project('并联审批开始 Start parallel review', 'branches-started', 'BRANCHES_STARTED', 'system', {
    tasks: state.tasks.map((t) => ({ kind: t.kind, assignee: t.assignee, dueAt: t.dueAt })),
  }, [...TASK_KINDS]);
  // Acceptance answers only now, so whoever opened the case sees its branches recorded too.
  state.recorded = true;

  const clock = sla.run();

  await condition(() => state.tasks.every((t) => t.status === 'DONE') || ended());
  if (!ended()) {
    state.stage = 'CREDIT_DECISION';
    await project('进入授信审批 Await credit decision', 'stage:CREDIT_DECISION', 'STAGE_CHANGED', 'system', { stage: state.stage });
    await condition(() => state.decision !== undefined || ended());
  }

  if (!ended() && state.decision?.outcome === 'REJECTED') {
    state.stage = 'REJECTED';
    sla.replan();
    await project('记录拒贷原因 Record rejection', 'rejected', 'REJECTED', state.decision.by, { decidedAt: state.decision.at, reasons: state.decision.reasons });
    decisionRecorded = true;
  }

  if (!ended() && state.decision?.outcome === 'APPROVED') {
    const d = state.decision;
    state.stage = 'CONTRACTING';
    await project('授信批准 Credit approved', 'approved', 'APPROVED', d.by, { decidedAt: d.at, amountFen: d.amountFen, rateBp: d.rateBp, termMonths: d.termMonths });
    decisionRecorded = true;
    await contractThenDisburse(
      { caseNo: input.caseNo, bankCode: input.bankCode, amountFen: d.amountFen!, rateBp: d.rateBp!, termMonths: d.termMonths! },
      {
        state,
        project,
        ended,
        promiseKept: () => ({ workingDaysUsed: cal().workingDaysBetween(shanghaiDate(acceptedAt), shanghaiDate(now())), withinPromise: now() <= new Date(state.dueAt!) }),
      },
    );
  }

  await clock;
  await condition(allHandlersFinished);
  refreshOperatorView();
  return state;

  // ---- SLA clock ------------------------------------------------------------------------

  function deadlines(): Deadline<TaskKind | 'PROMISE'>[] {
    const paused = activePause();
    const list: Deadline<TaskKind | 'PROMISE'>[] = state.tasks
      .filter((t) => t.status !== 'DONE' && t.kind !== paused?.kind)
      .map((t) => ({
        subject: t.kind,
        label: TASK_LABELS[t.kind],
        assignee: t.assignee,
        atRiskAt: new Date(t.atRiskAt),
        dueAt: new Date(t.dueAt),
        level: t.slaState,
        setLevel: (l: Level) => (t.slaState = l),
      }));
    if (!paused && state.dueAt && state.promiseAtRiskAt) {
      list.push({
        subject: 'PROMISE',
        label: `${PROMISE_WORKING_DAYS}个工作日承诺 ${PROMISE_WORKING_DAYS}-working-day promise`,
        assignee: `street-office@${input.streetCode}`,
        atRiskAt: new Date(state.promiseAtRiskAt),
        dueAt: new Date(state.dueAt),
        level: promiseLevel,
        setLevel: (l: Level) => (promiseLevel = l),
      });
    }
    return list;
  }

  async function onAtRisk(d: Deadline<TaskKind | 'PROMISE'>): Promise<void> {
    const key = `${d.subject}:${d.dueAt.toISOString()}`;
    const [leftZh, leftEn] = workingHoursLeftParts(cal(), now(), d.dueAt.toISOString());
    await project(`预警 At risk: ${d.subject}`, `at-risk:${key}`, 'SLA_AT_RISK', 'system', { subject: d.subject, assignee: d.assignee, dueAt: d.dueAt.toISOString() });
    await notify(
      `通知街道与专班 Notify street office and task force: ${d.subject} at risk`,
      `notice:at-risk:${key}`,
      'NOTIFICATION',
      ESCALATION.fastTrack.atRisk(input.streetCode),
      `【预警】案件 ${input.caseNo}（${input.firm.name}）的${d.label.split(' ')[0]}将于 ${shanghaiText(d.dueAt.toISOString())} 到期，负责人 ${d.assignee}，${leftZh}。`,
      `[At risk] Case ${input.caseNo} (${input.firm.name}): ${d.label} is due ${shanghaiText(d.dueAt.toISOString())} (Asia/Shanghai); owner ${d.assignee}; ${leftEn}.`,
    );
  }

  async function onBreached(d: Deadline<TaskKind | 'PROMISE'>): Promise<void> {
    const at = now();
    state.breaches.push({
      subject: d.subject,
      assignee: d.assignee,
      stage: state.stage,
      dueAt: d.dueAt.toISOString(),
      breachedAt: at.toISOString(),
      lateWorkingMs: null,
    });
    const key = `${d.subject}:${d.dueAt.toISOString()}`;
    await project(`超时 Breached: ${d.subject}`, `breached:${key}`, 'SLA_BREACHED', 'system', {
      subject: d.subject,
      assignee: d.assignee,
      stage: state.stage,
      dueAt: d.dueAt.toISOString(),
      lateWorkingMs: -cal().workingTimeRemaining(at, d.dueAt),
    }, d.subject === 'PROMISE' ? [] : [d.subject]);
    await notify(
      `升级至综合协调组 Escalate to coordination group: ${d.subject}`,
      `escalated:${key}`,
      'ESCALATED',
      ESCALATION.fastTrack.breached(input.streetCode),
      `【超时督办】案件 ${input.caseNo}（${input.firm.name}，${formatWan(input.amountFen)}）的${d.label.split(' ')[0]}已于 ${shanghaiText(d.dueAt.toISOString())} 超时，负责人 ${d.assignee}，所处阶段 ${state.stage}。请综合协调组督办。`,
      `[SLA breached] Case ${input.caseNo}: ${d.label} passed its due ${shanghaiText(d.dueAt.toISOString())}; owner ${d.assignee}; stage ${state.stage}. Escalated to the task force's general coordination group.`,
    );
  }
}

/** The timeline's reason for a recomputation, Chinese first. */
function dueMovedMessage(from: string | null, to: string | null, year: number): string {
  const x = from ? shanghaiText(from) : '未定 none';
  const y = to ? shanghaiText(to) : '未定 none';
  if (from === to) {
    return `截止时间 ${y} 不变，各环节时限已重算：已载入 ${year} 年放假安排 / deadline stays ${y}; branch deadlines recomputed because the ${year} notice was loaded`;
  }
  return `截止时间由 ${x} 调整为 ${y}：已载入 ${year} 年放假安排 / deadline moved from ${x} to ${y} because the ${year} notice was loaded`;
}

function defaultAssignee(kind: TaskKind, input: FastTrackCaseInput): string {
  switch (kind) {
    case 'GRID_SUBMISSION':
      return `grid-officer@${input.streetCode}`;
    case 'BANK_VIP_CHANNEL':
      return `customer-manager@${input.bankCode}`;
    case 'DUE_DILIGENCE':
      return 'assessor@default';
  }
}
