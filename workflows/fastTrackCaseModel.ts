// A fast-track case as its workflow keeps it: the state, what each update and the calendar
// signal do to it, the steps the workflow (fastTrackCase.ts) runs in order, and the clock over
// the three branches and the five-working-day promise. Every method that writes is part of
// the workflow's history: keep the order of its commands.
import { ApplicationFailure, condition, proxyActivities, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type * as activities from '../activities';
import type { TaskRow } from '../activities/caseProgress';
import type { FastTrackAcceptance } from '../activities/caseRecords';
import { shanghaiDate } from '../domain/calendar/timeZone';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { ESCALATION } from '../domain/escalation';
import {
  DEFAULT_AT_RISK_LEAD_MS,
  DEFAULT_DUE_DILIGENCE_CUTOFF,
  DEFAULT_PAUSE_LIMIT_WORKING_DAYS,
  MIN_NOTICE_MS,
  PROMISE_WORKING_DAYS,
  TASK_KINDS,
  TASK_LABELS,
  branchDue,
  branchWarning,
  defaultAssignee,
  type BranchTiming,
} from '../domain/fastTrack/policy';
import { promiseDue } from '../domain/fastTrack/promiseDue';
import { NOT_PAUSED, endPause, extendByPauses, pauseLimitAt, subtractWorkingTime, type PausedTime } from '../domain/calendar/shiftWorkingTime';
import { formatWan } from '../domain/money';
import { slaStateOf } from '../domain/slaState';
import { caseAnswered, caseEnded } from '../domain/stages';
import { RECORD } from './activityOptions';
import { confirmWithOutsideSystem } from './branchConfirmations';
import { PROVISIONAL_SUBSTITUTE_REST_DAYS, loadWorkingCalendar } from './calendarYears';
import { takes } from './changeGenerations';
import { LOCAL_ACCEPTANCE, decideLocalWrites } from './localFirst';
import { caseDetails, shanghaiText, workingHoursLeftParts } from './caseDetails';
import { CONTRACT_PATCHES, approvedLoanParties, contractThenDisburse, type ApprovedCase, type CalendarNotices, type Payout } from './contractThenDisburse';
import type {
  AnswerMaterialsRequest,
  CalendarChangedRequest,
  CaseState,
  CompleteTaskRequest,
  DecideRequest,
  FastTrackCaseInput,
  Pause,
  PauseSlaRequest,
  ReassignTaskRequest,
  ResumeSlaRequest,
  TaskKind,
  TaskState,
  WithdrawRequest,
} from './fastTrackCaseMessages';
import { validateWithdraw } from './fastTrackCaseValidators';
import { caseProjector, type CaseRow, type CaseWrite, type Projector } from './projector';
import { BranchesOpen, CaseStage, DueAt, PausedSince, SlaBreaches, SlaState } from './searchAttributes';
import { PAUSE_ENDS_WITH_CASE, PAUSE_PERIOD_RULE, SlaClock, type Deadline, type SlaLevel } from './slaClock';
import { UNACKNOWLEDGED_BREACH_ESCALATES, UnacknowledgedBreaches } from './unacknowledgedBreaches';
import { DECISION_ANSWERS_ONCE_RECORDED } from './sharedPatches';
import { revalidate } from './validation';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

/** A branch, the case's five-working-day promise, or the limit of a pause for the firm. */
type Subject = TaskKind | 'PROMISE' | 'PAUSE_LIMIT';

/** Acceptance answers after one record write instead of two (the acceptance, then the branches). */
const ACCEPTANCE_WRITTEN_ONCE = 'acceptance-written-once';

/** Branches answer by the afternoon cut-off, quiet in their first hour; earlier runs kept the 24:00 rule alone. */
const DUE_DILIGENCE_CUTOFF = 'due-diligence-cutoff';

/** Every change a fast-track run takes, in the order a run started before its generations decides them (decideLocalWrites). */
const PATCHES = [
  DUE_DILIGENCE_CUTOFF, LOCAL_ACCEPTANCE, PROVISIONAL_SUBSTITUTE_REST_DAYS, ACCEPTANCE_WRITTEN_ONCE, DECISION_ANSWERS_ONCE_RECORDED,
  PAUSE_PERIOD_RULE, PAUSE_ENDS_WITH_CASE, UNACKNOWLEDGED_BREACH_ESCALATES, ...CONTRACT_PATCHES,
];

/** A fast-track run's code generations, newest first: each takes its changes by one marker (workflows/changeGenerations.ts). */
const GENERATIONS = [{ id: 'fast-track-2026-12', changes: PATCHES }];

export class FastTrackCase {
  readonly state: CaseState;
  /** Whether the bank may still cancel the signed contract (contractThenDisburse sets it). */
  private readonly payout: Payout = { cancellable: false, holds: 0 };
  /** Over the open branches and the promise; told of every change that moves a due or closes one. */
  readonly clock: SlaClock<Deadline<Subject>>;
  /** Breach notices waiting for someone to acknowledge them, else for the task force's leaders. */
  readonly unacknowledged: UnacknowledgedBreaches;
  private readonly projector: Projector<CaseWrite>;
  private readonly acceptedAt: Date;
  private readonly lead: number;
  // The afternoon cut-off and the first hour's quiet (domain/fastTrack/policy.ts); absent for cases
  // accepted before them, which keep the 24:00 rule alone.
  private timing: BranchTiming | undefined;
  private calendar: WorkingCalendar | undefined;
  private promiseLevel: SlaLevel = 'ON_TRACK';
  // Set once the decision's event and stage are in the record (see decide).
  private decisionRecorded = false;
  // Event keys must be unique per reassignment and per recomputation.
  private readonly reassignments: Partial<Record<TaskKind, number>> = {};
  private calendarChanges = 0;
  // Every notice taken in, moved dues or not: the firm's contract confirmation follows them too.
  private readonly calendarNotices: CalendarNotices = { count: 0 };
  // Set once a pause ran under PAUSE_PERIOD_RULE; it stays so for the rest of the case.
  private pausePeriodRule = false;
  private readonly pauseLimit: number;
  // The acceptance record, written with the branches' first progress (ACCEPTANCE_WRITTEN_ONCE).
  private acceptance: FastTrackAcceptance | undefined;
  // Whether acceptance runs inside the first workflow task (LOCAL_ACCEPTANCE).
  private inTask = false;

  constructor(private readonly input: FastTrackCaseInput) {
    // First, before any other patch or command.
    const localWrites = decideLocalWrites(GENERATIONS, PATCHES);
    this.acceptedAt = new Date(input.acceptedAt);
    this.lead = input.atRiskLeadMs ?? DEFAULT_AT_RISK_LEAD_MS;
    this.pauseLimit = input.pauseLimitWorkingDays ?? DEFAULT_PAUSE_LIMIT_WORKING_DAYS;
    this.state = {
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
    this.clock = new SlaClock({
      deadlines: () => this.deadlines(),
      stopped: () => this.ended(),
      onAtRisk: (d) => this.onAtRisk(d),
      onBreached: (d) => this.onBreached(d),
    });
    this.projector = caseProjector(input.caseNo, () => this.refreshOperatorView(), () => this.row(), localWrites);
    this.unacknowledged = new UnacknowledgedBreaches(input.caseNo, [`案件 ${input.caseNo}（${input.firm.name}）`, `Case ${input.caseNo}`], (summary, notice) => this.projector.notify(summary, notice));
  }

  ended(): boolean {
    return caseEnded(this.state.stage);
  }

  branchesDone(): boolean {
    return this.state.tasks.every((t) => t.status === 'DONE');
  }

  // ---- What people's messages do -------------------------------------------------------------

  async accepted(): Promise<CaseState> {
    await condition(() => this.state.recorded);
    return this.state;
  }

  async withdraw({ reason, actor }: WithdrawRequest): Promise<CaseState> {
    await condition(() => this.state.recorded);
    // Re-checked: the case may have moved on while acceptance finished.
    revalidate(() => validateWithdraw(this.state, { reason, actor }));
    const at = new Date();
    // A pause standing now ends with the case, so nothing reads it as waiting for the firm; the
    // dues stay as they stood (no clock runs on), and so does the level beneath the pause.
    const pause = this.activePause();
    const pauseEnded = pause && takes(PAUSE_ENDS_WITH_CASE) ? { kind: pause.kind, ...endPause(this.calendar!, pause, at, this.periodRule()) } : undefined;
    this.state.withdrawal = { reason, by: actor, at: at.toISOString() };
    this.state.stage = 'WITHDRAWN';
    await this.project('记录撤回 Record withdrawal', 'withdrawn', 'WITHDRAWN', actor, { reason, ...(pauseEnded ? { pauseEnded } : {}) });
    return this.state;
  }

  async completeTask(req: CompleteTaskRequest): Promise<CaseState> {
    const { state } = this;
    const t = this.task(req.kind);
    t.status = 'COMPLETING';
    let receipt: Record<string, unknown>;
    try {
      receipt = await confirmWithOutsideSystem(this.input, req);
    } catch (err) {
      t.status = 'OPEN';
      throw ApplicationFailure.nonRetryable(`外部系统未确认 ${TASK_LABELS[req.kind]} not confirmed: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`, 'OutsideSystemRejected');
    }
    if (this.ended()) {
      t.status = 'OPEN';
      throw ApplicationFailure.nonRetryable(`案件已结束 the case ended (${state.stage}) while ${req.kind} was being confirmed`, 'CaseEnded');
    }
    const at = new Date();
    t.status = 'DONE';
    t.completedAt = at.toISOString();
    t.completedBy = req.actor;
    t.evidence = { ...req.evidence, ...receipt };
    const breach = state.breaches.find((b) => b.subject === req.kind && b.lateWorkingMs === null);
    if (breach && this.calendar) breach.lateWorkingMs = -this.calendar.workingTimeRemaining(at, new Date(t.dueAt));
    this.clock.replan();
    await this.project(`${TASK_LABELS[req.kind]} 完成 done`, `task-done:${req.kind}`, 'TASK_COMPLETED', req.actor, { kind: req.kind, evidence: t.evidence, lateWorkingMs: breach?.lateWorkingMs ?? 0 }, [req.kind]);
    return state;
  }

  async reassignTask({ kind, assignee, actor, reason }: ReassignTaskRequest): Promise<CaseState> {
    const t = this.task(kind);
    const from = t.assignee;
    t.assignee = assignee;
    t.assignedBy = actor;
    const seq = (this.reassignments[kind] = (this.reassignments[kind] ?? 0) + 1);
    await this.project(`${TASK_LABELS[kind]} 转派 reassigned to ${assignee}`, `reassigned:${kind}:${seq}`, 'TASK_REASSIGNED', actor, { kind, from, to: assignee, reason }, [kind]);
    return this.state;
  }

  async decide(req: DecideRequest): Promise<CaseState> {
    const at = new Date().toISOString();
    this.state.decision =
      req.outcome === 'APPROVED'
        ? { outcome: 'APPROVED', by: req.actor, at, amountFen: req.amountFen, rateBp: req.rateBp, termMonths: req.termMonths }
        : { outcome: 'REJECTED', by: req.actor, at, reasons: req.reasons };
    // Answer once the decision is on the record, so whoever reads the case next sees it (a
    // consultation for a rejected firm starts from the record). Earlier cases answered as soon
    // as the stage moved on.
    if (takes(DECISION_ANSWERS_ONCE_RECORDED)) await condition(() => this.decisionRecorded || this.state.stage === 'WITHDRAWN');
    else await condition(() => this.state.stage !== 'CREDIT_DECISION');
    return this.state;
  }

  async pauseSla({ kind, reason, actor }: PauseSlaRequest): Promise<CaseState> {
    const seq = this.state.pauses.length + 1;
    const pause: Pause = { kind, reason, by: actor, since: new Date().toISOString() };
    if (this.periodRule()) pause.escalatesAt = this.pauseLimitAt(pause);
    this.state.pauses.push(pause);
    this.clock.replan();
    await this.project(`暂停计时 Pause SLA for ${kind}`, `sla-paused:${seq}`, 'SLA_PAUSED', actor, { kind, reason, ...(pause.escalatesAt ? { escalatesAt: pause.escalatesAt } : {}) });
    return this.state;
  }

  async resumeSla({ actor, note, documents }: ResumeSlaRequest): Promise<CaseState> {
    const { state } = this;
    const pause = this.activePause()!;
    const seq = state.pauses.indexOf(pause) + 1;
    const paused = endPause(this.calendar!, pause, new Date(), this.periodRule());
    // The firm's wait does not count against the branch or the promise.
    this.recomputeDues();
    const t = this.task(pause.kind);
    this.clock.replan();
    await this.project(`恢复计时 Resume SLA for ${pause.kind}`, `sla-resumed:${seq}`, 'SLA_RESUMED', actor, {
      kind: pause.kind,
      note: note ?? null,
      ...(documents ? { documents } : {}),
      ...paused,
      taskDueAt: t.dueAt,
      caseDueAt: state.dueAt,
    }, [pause.kind]);
    return state;
  }

  /** The firm's own answer resumes its clock, with what it sent on the timeline. */
  answerMaterials({ actor, text, documents }: AnswerMaterialsRequest): Promise<CaseState> {
    return this.resumeSla({ actor, note: text, documents });
  }

  async calendarChanged(req: CalendarChangedRequest): Promise<CaseState> {
    await this.applyCalendarChange(req);
    return this.state;
  }

  async calendarNoticeLoaded(req: CalendarChangedRequest): Promise<void> {
    await condition(() => this.state.recorded);
    if (!this.ended()) await this.applyCalendarChange(req);
  }

  // ---- Steps, in the workflow's order ---------------------------------------------------------

  /** The calendar, the branches and every due, and the acceptance record. */
  async accept(): Promise<void> {
    const { input, state } = this;
    if (takes(DUE_DILIGENCE_CUTOFF)) this.timing = { dueDiligenceCutoff: input.dueDiligenceCutoff ?? DEFAULT_DUE_DILIGENCE_CUTOFF, minNoticeMs: MIN_NOTICE_MS };
    // The calendar read and the first record run inside the first workflow task, so acceptance
    // answers without a round trip to the server; earlier cases scheduled both as activities.
    this.inTask = takes(LOCAL_ACCEPTANCE);
    this.calendar = await loadWorkingCalendar(this.acceptedAt, false, this.inTask);
    state.tasks = TASK_KINDS.map((kind) => ({
      kind,
      assignee: input.assignees?.[kind] ?? defaultAssignee(kind, input),
      dueAt: '',
      atRiskAt: '',
      status: 'OPEN',
      slaState: 'ON_TRACK',
    }));
    this.recomputeDues();
    const acceptance = { input, dueAt: state.dueAt!, dueProvisional: state.dueProvisional };
    // Written with the branches' first progress, one activity and one transaction before acceptance
    // answers; earlier cases wrote it alone first.
    if (takes(ACCEPTANCE_WRITTEN_ONCE)) this.acceptance = acceptance;
    else await act.recordCaseAccepted.executeWithOptions({ ...RECORD, summary: `登记受理 Record acceptance ${input.caseNo}` }, [acceptance]);
  }

  /** Parallel review: three branches at once. Acceptance answers only now, so whoever opened the case sees its branches recorded too. */
  async openBranches(): Promise<void> {
    const { state } = this;
    state.stage = 'PARALLEL_REVIEW';
    await this.project('并联审批开始 Start parallel review', 'branches-started', 'BRANCHES_STARTED', 'system', {
      tasks: state.tasks.map((t) => ({ kind: t.kind, assignee: t.assignee, dueAt: t.dueAt })),
    }, [...TASK_KINDS], this.acceptance && { acceptance: this.acceptance, inTask: this.inTask });
    state.recorded = true;
  }

  awaitCreditDecision(): Promise<void> {
    this.state.stage = 'CREDIT_DECISION';
    return this.project('进入授信审批 Await credit decision', 'stage:CREDIT_DECISION', 'STAGE_CHANGED', 'system', { stage: this.state.stage });
  }

  async recordRejection(): Promise<void> {
    const decision = this.state.decision!;
    this.state.stage = 'REJECTED';
    await this.project('记录拒贷原因 Record rejection', 'rejected', 'REJECTED', decision.by, { decidedAt: decision.at, reasons: decision.reasons });
    this.decisionRecorded = true;
  }

  async approveAndDisburse(): Promise<void> {
    const { input, state } = this;
    const d = state.decision!;
    state.stage = 'CONTRACTING';
    await this.project('授信批准 Credit approved', 'approved', 'APPROVED', d.by, { decidedAt: d.at, amountFen: d.amountFen, rateBp: d.rateBp, termMonths: d.termMonths });
    this.decisionRecorded = true;
    await contractThenDisburse({ ...approvedLoanParties(input), amountFen: d.amountFen!, rateBp: d.rateBp!, termMonths: d.termMonths! }, this.approvedCase());
  }

  /** What the contract-then-money step and its updates read and move on this case. */
  approvedCase(): ApprovedCase & { readonly state: CaseState } {
    const { state } = this;
    return {
      state,
      project: (summary, eventKey, type, actor, data) => this.project(summary, eventKey, type, actor, data),
      notify: (summary, notice) => this.projector.notify(summary, notice),
      ended: () => this.ended(),
      payout: this.payout,
      calendarNotices: this.calendarNotices,
      promiseKept: () => {
        // Kept in N working days, not counting those waiting for the firm.
        const paused = state.pauses.reduce((sum, p) => sum + (p.pausedWorkingDays ?? 0), 0);
        return {
          workingDaysUsed: this.calendar!.workingDaysBetween(shanghaiDate(this.acceptedAt), shanghaiDate(new Date())) - paused,
          pausedWorkingDays: paused,
          withinPromise: new Date() <= new Date(state.dueAt!),
        };
      },
    };
  }

  /** Search attributes and current details, for operators in Temporal UI. */
  refreshOperatorView(): void {
    const { state } = this;
    state.slaState = slaStateOf(state.slaState, {
      breached: state.breaches.length > 0,
      answered: caseAnswered(state.stage),
      withdrawn: state.stage === 'WITHDRAWN',
      paused: this.pausePeriodRule && this.activePause() !== undefined,
      atRisk: this.promiseLevel === 'AT_RISK' || state.tasks.some((t) => t.status !== 'DONE' && t.slaState === 'AT_RISK'),
    });
    const paused = this.activePause();
    upsertSearchAttributes([
      { key: CaseStage, value: state.stage },
      { key: SlaState, value: state.slaState },
      ...(state.dueAt ? [{ key: DueAt, value: new Date(state.dueAt) }] : []),
      ...(this.pausePeriodRule ? [{ key: PausedSince, value: paused ? new Date(paused.since) : null }] : []),
      { key: BranchesOpen, value: state.tasks.filter((t) => t.status !== 'DONE').map((t) => t.kind) },
      { key: SlaBreaches, value: state.breaches.length },
    ]);
    setCurrentDetails(caseDetails(this.input, state, this.calendar, new Date()));
  }

  /** Writes the record with one timeline event and the rows of the branches it names (and the acceptance record, on the first write). */
  private project(summary: string, eventKey: string, type: string, actor: string, data: Record<string, unknown>, kinds: TaskKind[] = [], opening?: Pick<CaseWrite, 'acceptance' | 'inTask'>): Promise<void> {
    return this.projector.project(summary, eventKey, type, actor, data, { tasks: kinds.map((k) => taskRow(this.task(k))), ...opening });
  }

  /** The loan_case row: stage, SLA state, due, and the pause standing now with the working days of those finished. */
  private row(): CaseRow {
    const { state } = this;
    const p = this.activePause();
    return {
      stage: state.stage,
      slaState: state.slaState,
      dueAt: state.dueAt ?? undefined,
      pause: p ? { since: p.since, by: p.by, reason: p.reason } : null,
      pausedWorkingDays: state.pauses.reduce((sum, x) => sum + (x.pausedWorkingDays ?? 0), 0),
      dueProvisional: state.dueProvisional,
      dueExplanation: state.dueExplanation,
      // Until the clock's next change, only people's updates and outside answers change the case (caseFreshness.ts).
      quietUntil: this.clock.nextChange()?.toISOString(),
    };
  }

  private task(kind: TaskKind): TaskState {
    return this.state.tasks.find((t) => t.kind === kind) as TaskState;
  }

  private activePause() {
    return this.state.pauses.find((p) => !p.until);
  }

  /** Whether pauses follow PAUSE_PERIOD_RULE; asked only when a pause starts or ends, where the marker belongs. */
  private periodRule(): boolean {
    return (this.pausePeriodRule ||= takes(PAUSE_PERIOD_RULE));
  }

  private pauseLimitAt(pause: Pause): string {
    return pauseLimitAt(this.calendar!, new Date(pause.since), this.pauseLimit).toISOString();
  }

  // ---- Dues and the clock ---------------------------------------------------------------------

  /**
   * Every due follows from the calendar, the acceptance instant and the finished pauses, so a
   * new holiday notice or a resumed pause recomputes them all the same way.
   */
  private recomputeDues(): void {
    const { state, acceptedAt, lead, timing } = this;
    const c = this.calendar!;
    const pausedFor = (kind?: TaskKind): PausedTime =>
      state.pauses
        .filter((p) => p.until !== undefined && (kind === undefined || p.kind === kind))
        .reduce((sum, p) => ({ workingDays: sum.workingDays + (p.pausedWorkingDays ?? 0), workingMs: sum.workingMs + (p.pausedWorkingMs ?? 0) }), NOT_PAUSED);
    const at = new Date();
    const pause = this.activePause();
    if (pause?.escalatesAt) pause.escalatesAt = this.pauseLimitAt(pause);
    for (const t of state.tasks) {
      if (t.status === 'DONE') continue;
      const due = extendByPauses(c, branchDue(c, t.kind, acceptedAt, timing), pausedFor(t.kind));
      t.dueAt = due.toISOString();
      t.atRiskAt = branchWarning(c, due, lead, acceptedAt, timing).toISOString();
      if (t.slaState === 'AT_RISK' && at < new Date(t.atRiskAt)) t.slaState = 'ON_TRACK';
    }
    const promise = promiseDue(c, acceptedAt, pausedFor());
    const due = promise.dueAt;
    state.dueAt = due.toISOString();
    state.dueProvisional = promise.provisional;
    state.dueExplanation = promise.explanation.skipped.map((s) => `${s.date} ${s.reason}`);
    state.promiseAtRiskAt = subtractWorkingTime(c, due, lead).toISOString();
    if (this.promiseLevel === 'AT_RISK' && at < new Date(state.promiseAtRiskAt)) this.promiseLevel = 'ON_TRACK';
  }

  private async applyCalendarChange({ actor, year: noticeYear }: CalendarChangedRequest): Promise<void> {
    const { state } = this;
    const before = { dueAt: state.dueAt, provisional: state.dueProvisional, tasks: state.tasks.map((t) => t.dueAt) };
    const pause = this.activePause();
    const limitBefore = pause?.escalatesAt;
    this.calendar = await loadWorkingCalendar(this.acceptedAt, true);
    this.recomputeDues();
    this.clock.replan();
    Object.assign(this.calendarNotices, { count: this.calendarNotices.count + 1, actor, year: noticeYear });
    const moved = before.dueAt !== state.dueAt || before.provisional !== state.dueProvisional || state.tasks.some((t, i) => t.dueAt !== before.tasks[i]) || limitBefore !== pause?.escalatesAt;
    if (moved) {
      this.calendarChanges++;
      await this.project('日历变更，重算时限 Calendar changed: dues recomputed', `dues-recomputed:${this.calendarChanges}`, 'DUES_RECOMPUTED', actor, {
        before,
        after: { dueAt: state.dueAt, provisional: state.dueProvisional, tasks: state.tasks.map((t) => t.dueAt), ...(pause?.escalatesAt ? { pauseEscalatesAt: pause.escalatesAt } : {}) },
        // Payload only (no new command): histories recorded before this field still replay.
        ...(noticeYear !== undefined ? { year: noticeYear, message: dueMovedMessage(before.dueAt, state.dueAt, noticeYear) } : {}),
      }, state.tasks.filter((t) => t.status !== 'DONE').map((t) => t.kind));
    }
  }

  /** The open branches and the promise, except what stands paused for the firm; the pause's own limit while it stands. */
  private deadlines(): Deadline<Subject>[] {
    const { state } = this;
    const paused = this.activePause();
    const list: Deadline<Subject>[] = state.tasks
      .filter((t) => t.status !== 'DONE' && t.kind !== paused?.kind)
      .map((t) => ({
        subject: t.kind,
        label: TASK_LABELS[t.kind],
        assignee: t.assignee,
        atRiskAt: new Date(t.atRiskAt),
        dueAt: new Date(t.dueAt),
        level: t.slaState,
        setLevel: (l: SlaLevel) => (t.slaState = l),
      }));
    if (!paused && state.dueAt && state.promiseAtRiskAt) {
      list.push({
        subject: 'PROMISE',
        label: `${PROMISE_WORKING_DAYS}个工作日承诺 ${PROMISE_WORKING_DAYS}-working-day promise`,
        assignee: `street-office@${this.input.streetCode}`,
        atRiskAt: new Date(state.promiseAtRiskAt),
        dueAt: new Date(state.dueAt),
        level: this.promiseLevel,
        setLevel: (l: SlaLevel) => (this.promiseLevel = l),
      });
    }
    if (paused?.escalatesAt && !paused.escalatedAt) {
      // No warning of its own (it starts AT_RISK): the street already knows it is waiting.
      list.push({
        subject: 'PAUSE_LIMIT',
        label: `暂停超过${this.pauseLimit}个工作日 pause longer than ${this.pauseLimit} working days`,
        assignee: paused.by,
        atRiskAt: new Date(paused.escalatesAt),
        dueAt: new Date(paused.escalatesAt),
        level: 'AT_RISK',
        setLevel: () => undefined,
      });
    }
    return list;
  }

  private async onAtRisk(d: Deadline<Subject>): Promise<void> {
    const { input } = this;
    const key = `${d.subject}:${d.dueAt.toISOString()}`;
    const [leftZh, leftEn] = workingHoursLeftParts(this.calendar!, new Date(), d.dueAt.toISOString());
    // The branch's row too (payload only), so the record shows it at risk as the workflow does.
    await this.project(`预警 At risk: ${d.subject}`, `at-risk:${key}`, 'SLA_AT_RISK', 'system', { subject: d.subject, assignee: d.assignee, dueAt: d.dueAt.toISOString() }, branchOf(d.subject));
    await this.projector.notify(`通知街道与专班 Notify street office and task force: ${d.subject} at risk`, {
      eventKey: `notice:at-risk:${key}`,
      type: 'NOTIFICATION',
      audience: ESCALATION.fastTrack.atRisk(input.streetCode),
      zh: `【预警】案件 ${input.caseNo}（${input.firm.name}）的${d.label.split(' ')[0]}将于 ${shanghaiText(d.dueAt.toISOString())} 到期，负责人 ${d.assignee}，${leftZh}。`,
      en: `[At risk] Case ${input.caseNo} (${input.firm.name}): ${d.label} is due ${shanghaiText(d.dueAt.toISOString())} (Asia/Shanghai); owner ${d.assignee}; ${leftEn}.`,
    });
  }

  private async onBreached(d: Deadline<Subject>): Promise<void> {
    if (d.subject === 'PAUSE_LIMIT') return this.onPauseTooLong();
    const { input, state } = this;
    const at = new Date();
    state.breaches.push({
      subject: d.subject,
      assignee: d.assignee,
      stage: state.stage,
      dueAt: d.dueAt.toISOString(),
      breachedAt: at.toISOString(),
      lateWorkingMs: null,
    });
    const key = `${d.subject}:${d.dueAt.toISOString()}`;
    await this.project(`超时 Breached: ${d.subject}`, `breached:${key}`, 'SLA_BREACHED', 'system', {
      subject: d.subject,
      assignee: d.assignee,
      stage: state.stage,
      dueAt: d.dueAt.toISOString(),
      lateWorkingMs: -this.calendar!.workingTimeRemaining(at, d.dueAt),
    }, branchOf(d.subject));
    await this.projector.notify(`升级至综合协调组 Escalate to coordination group: ${d.subject}`, {
      eventKey: `escalated:${key}`,
      type: 'ESCALATED',
      audience: ESCALATION.fastTrack.breached(d.assignee, input.streetCode, input.bankCode),
      zh: `【超时督办】案件 ${input.caseNo}（${input.firm.name}，${formatWan(input.amountFen)}）的${d.label.split(' ')[0]}已于 ${shanghaiText(d.dueAt.toISOString())} 超时，负责人 ${d.assignee}，所处阶段 ${state.stage}。请综合协调组督办。`,
      en: `[SLA breached] Case ${input.caseNo}: ${d.label} passed its due ${shanghaiText(d.dueAt.toISOString())}; owner ${d.assignee}; stage ${state.stage}. Escalated to the task force's general coordination group.`,
    });
    if (takes(UNACKNOWLEDGED_BREACH_ESCALATES)) {
      const settled = d.subject === 'PROMISE' ? () => caseAnswered(state.stage) || this.ended() : () => this.task(d.subject as TaskKind).status === 'DONE' || this.ended();
      this.unacknowledged.watch({ eventKey: `escalated:${key}`, label: d.label, dueAt: d.dueAt, settled }, this.calendar!);
    }
  }

  /** A pause past its limit: on the timeline and to the coordination group, as a breach is (not counted as one). */
  private async onPauseTooLong(): Promise<void> {
    const { input } = this;
    const pause = this.activePause()!;
    pause.escalatedAt = new Date().toISOString();
    const seq = this.state.pauses.indexOf(pause) + 1;
    const since = shanghaiText(pause.since);
    await this.project(`暂停超限 Pause past its limit: ${pause.kind}`, `pause-limit:${seq}`, 'SLA_PAUSE_LIMIT', 'system', {
      kind: pause.kind,
      since: pause.since,
      by: pause.by,
      reason: pause.reason,
      limitWorkingDays: this.pauseLimit,
    });
    await this.projector.notify(`升级至综合协调组 Escalate to coordination group: pause of ${pause.kind}`, {
      eventKey: `escalated:pause-limit:${seq}`,
      type: 'ESCALATED',
      audience: ESCALATION.fastTrack.pauseTooLong(input.streetCode),
      zh: `【暂停超限督办】案件 ${input.caseNo}（${input.firm.name}，${formatWan(input.amountFen)}）的${TASK_LABELS[pause.kind].split(' ')[0]}自 ${since} 起等待企业补充材料，已超过${this.pauseLimit}个工作日（${pause.by} 暂停，原因：${pause.reason}）。请综合协调组督办。`,
      en: `[Pause past limit] Case ${input.caseNo}: ${TASK_LABELS[pause.kind]} has waited for the firm since ${since}, longer than ${this.pauseLimit} working days (paused by ${pause.by}: ${pause.reason}). Escalated to the task force's general coordination group.`,
    });
  }
}

/** The branch a deadline's subject names, if it names one. */
function branchOf(subject: Subject): TaskKind[] {
  return subject === 'PROMISE' || subject === 'PAUSE_LIMIT' ? [] : [subject];
}

function taskRow(t: TaskState): TaskRow {
  return { kind: t.kind, assignee: t.assignee, status: t.status === 'DONE' ? 'DONE' : 'OPEN', slaState: t.slaState, dueAt: t.dueAt, atRiskAt: t.atRiskAt, evidence: t.evidence, completedAt: t.completedAt, completedBy: t.completedBy };
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
