// A lead (线索) as its workflow keeps it: the state, what each update does to it, the opening
// and conversion steps, and the first-contact clock on the shared SlaClock. Every method that
// writes is part of the workflow's history: keep the order of its commands.
import { condition, proxyActivities, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type * as activities from '../activities';
import { shanghaiDate, yearOf } from '../domain/calendar/timeZone';
import { subtractWorkingTime } from '../domain/calendar/shiftWorkingTime';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { ESCALATION } from '../domain/escalation';
import { LEAD_AT_RISK_LEAD_MS, LEAD_CLOSE_REASONS, LEAD_ENDED_STAGES, LEAD_FIRST_CONTACT_WORKING_DAYS, firstContactDue } from '../domain/lead/policy';
import { formatWan } from '../domain/money';
import { slaStateOf } from '../domain/slaState';
import { RECORD } from './activityOptions';
import { loadWorkingCalendar } from './calendarYears';
import { shanghaiText, workingHoursLeftParts } from './caseDetails';
import type { CalendarChangedRequest } from './fastTrackCaseMessages';
import type { CloseLeadRequest, ConvertLeadRequest, LeadConversionRecord, LeadInput, LeadState, ReassignLeadRequest, RecordContactRequest } from './leadMessages';
import * as rules from './leadValidators';
import { leadProjector, type Projector } from './projector';
import { CaseStage, DueAt, SlaBreaches, SlaState } from './searchAttributes';
import { SlaClock, deadlineOwningLevel, type Deadline, type SlaLevel } from './slaClock';
import { UnacknowledgedBreaches } from './unacknowledgedBreaches';
import { revalidate } from './validation';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

/** How the lead's case or consultation names where it came from. */
const FROM_LEAD = '走访线索 visit lead';

export class Lead {
  readonly state: LeadState;
  /** One deadline, first contact; it stops once contact is made or the lead ends. */
  readonly clock: SlaClock<Deadline<'FIRST_CONTACT'>>;
  readonly unacknowledged: UnacknowledgedBreaches;
  private readonly projector: Projector;
  private calendar: WorkingCalendar | undefined;
  private level: SlaLevel = 'ON_TRACK';
  /** Set while a conversion opens its case: no other action may slip in meanwhile. */
  private converting = false;
  private calendarChanges = 0;

  constructor(private readonly input: LeadInput) {
    this.state = {
      leadId: input.leadId,
      stage: 'OPEN',
      slaState: 'ON_TRACK',
      owner: input.owner,
      openedAt: input.openedAt,
      dueAt: null,
      recorded: false,
      reassignments: [],
      breaches: [],
    };
    this.clock = new SlaClock({
      deadlines: () => (this.state.stage === 'OPEN' && this.state.dueAt ? [this.firstContact()] : []),
      stopped: () => this.state.stage !== 'OPEN',
      onAtRisk: (d) => this.onAtRisk(d.dueAt),
      onBreached: (d) => this.onBreached(d.dueAt),
    });
    this.projector = leadProjector(input, () => this.refreshOperatorView(), this.state);
    this.unacknowledged = new UnacknowledgedBreaches(input.leadId, [`${input.firm.name}的线索 ${input.leadId}`, `Lead ${input.leadId}`], (summary, notice) => this.projector.notify(summary, notice));
  }

  ended(): boolean {
    return LEAD_ENDED_STAGES.includes(this.state.stage);
  }

  // ---- What people's messages do -------------------------------------------------------------

  async opened(): Promise<LeadState> {
    await condition(() => this.state.recorded);
    return this.state;
  }

  validate(check: () => void): void {
    if (this.converting) throw new Error('线索正在转为案件 the lead is being converted');
    check();
  }

  async recordContact(req: RecordContactRequest): Promise<LeadState> {
    await this.whenOpened(() => rules.validateRecordContact(this.state, this.input, req));
    this.state.contact = { by: req.actor.id, at: new Date().toISOString(), ...(req.note ? { note: req.note } : {}) };
    this.state.stage = 'CONTACTED';
    this.clock.replan();
    await this.project('首次联系 First contact made', 'contacted', 'CONTACTED', req.actor.id, { note: req.note ?? null, dueAt: this.state.dueAt });
    return this.state;
  }

  /** Opens the case (or, for a firm a bank refused, the joint consultation) and answers once it is on the lead's record. */
  async convert(req: ConvertLeadRequest): Promise<LeadState> {
    await this.whenOpened(() => rules.validateConvert(this.state, this.input, req));
    this.converting = true;
    try {
      this.state.conversion = this.input.need.refusedBy ? await this.openConsultation(req) : await this.openCase(req);
    } finally {
      this.converting = false;
    }
    const c = this.state.conversion;
    this.state.stage = 'CONVERTED';
    this.clock.replan();
    await this.project(`转化 Converted: ${c.caseNo ?? c.consultationId}`, 'converted', 'CONVERTED', req.actor.id, { ...c });
    return this.state;
  }

  async close(req: CloseLeadRequest): Promise<LeadState> {
    await this.whenOpened(() => rules.validateClose(this.state, this.input, req));
    this.state.closure = { reason: req.reason, by: req.actor.id, at: new Date().toISOString(), ...(req.note ? { note: req.note } : {}) };
    this.state.stage = 'CLOSED';
    this.clock.replan();
    await this.project(`关闭线索 Closed: ${LEAD_CLOSE_REASONS[req.reason]}`, 'closed', 'CLOSED', req.actor.id, { reason: req.reason, note: req.note ?? null });
    return this.state;
  }

  async reassign(req: ReassignLeadRequest): Promise<LeadState> {
    await this.whenOpened(() => rules.validateReassign(this.state, this.input, req));
    const change = { from: this.state.owner, to: req.owner, by: req.actor.id, at: new Date().toISOString(), reason: req.reason };
    this.state.reassignments.push(change);
    this.state.owner = req.owner;
    // The clock's notices go to the new owner from now on.
    this.clock.replan();
    await this.project(`改派 Reassigned to ${req.owner}`, `reassigned:${this.state.reassignments.length}`, 'REASSIGNED', req.actor.id, { ...change });
    return this.state;
  }

  /**
   * Loading a year's notice (PUT /api/v1/calendar/years/:year) signals open leads as it signals
   * cases: first contact is recounted on the new calendar while it is still awaited.
   */
  async calendarNoticeLoaded({ actor, year }: CalendarChangedRequest): Promise<void> {
    await condition(() => this.state.recorded);
    if (this.state.stage !== 'OPEN') return;
    this.calendar = await loadWorkingCalendar(new Date(this.input.openedAt), true);
    const before = this.state.dueAt;
    this.computeDue();
    if (this.state.dueAt === before) return;
    this.clock.replan();
    await this.project('日历变更，重算首次联系时限 Calendar changed: first-contact due recomputed', `due-recomputed:${++this.calendarChanges}`, 'DUE_RECOMPUTED', actor, { before, after: this.state.dueAt, year });
  }

  // ---- Steps ---------------------------------------------------------------------------------

  /** The calendar, the first-contact due and the lead's record; updates wait for this. */
  async open(): Promise<void> {
    const { input, state } = this;
    this.calendar = await loadWorkingCalendar(new Date(input.openedAt));
    this.computeDue();
    await act.recordLeadOpened.executeWithOptions({ ...RECORD, summary: `登记线索 Record lead ${input.leadId}` }, [{ input, dueAt: state.dueAt! }]);
    await this.project('发现融资需求 Lead opened', 'opened', 'OPENED', input.openedBy, { source: input.source, owner: input.owner, dueAt: state.dueAt, need: input.need });
    state.recorded = true;
  }

  /** First contact's due and warning on the calendar as loaded; a warning given for an earlier due is taken back if the due moved on. */
  private computeDue(): void {
    const due = firstContactDue(this.calendar!, new Date(this.input.openedAt));
    this.state.dueAt = due.toISOString();
    this.state.atRiskAt = subtractWorkingTime(this.calendar!, due, this.input.atRiskLeadMs ?? LEAD_AT_RISK_LEAD_MS).toISOString();
    if (this.level === 'AT_RISK' && new Date() < new Date(this.state.atRiskAt)) this.level = 'ON_TRACK';
  }

  /** Search attributes and current details, for operators in Temporal UI. */
  refreshOperatorView(): void {
    const { state } = this;
    state.slaState = slaStateOf(state.slaState, {
      breached: state.breaches.length > 0,
      answered: state.stage !== 'OPEN',
      withdrawn: false,
      paused: false,
      atRisk: this.level === 'AT_RISK',
    });
    upsertSearchAttributes([
      { key: CaseStage, value: state.stage },
      { key: SlaState, value: state.slaState },
      ...(state.dueAt ? [{ key: DueAt, value: new Date(state.dueAt) }] : []),
      { key: SlaBreaches, value: state.breaches.length },
    ]);
    const c = state.conversion;
    setCurrentDetails(
      [
        `阶段 stage: ${state.stage} · 时限 SLA: ${state.slaState}${state.dueAt ? ` · 首次联系截止 first contact due ${shanghaiText(state.dueAt)}` : ''}`,
        `负责人 owner: ${state.owner}`,
        ...(c ? [`转为 converted to: ${c.kind} ${c.caseNo ?? c.consultationId}`] : []),
        ...(state.closure ? [`关闭 closed: ${LEAD_CLOSE_REASONS[state.closure.reason]}`] : []),
      ].join('\n'),
    );
  }

  private project(summary: string, eventKey: string, type: string, actor: string, data: Record<string, unknown>): Promise<void> {
    return this.projector.project(summary, eventKey, type, actor, data);
  }

  /** Waits until the lead is recorded, then checks again: another update may have moved it meanwhile. */
  private async whenOpened(validate: () => void): Promise<void> {
    await condition(() => this.state.recorded);
    revalidate(() => this.validate(validate));
  }

  /**
   * The case is started by activities, as a consultation's accepted plan starts one: the number
   * is drawn first and kept in this history, so a retried start meets workflow case-<caseNo>.
   */
  private async openCase(req: ConvertLeadRequest): Promise<LeadConversionRecord> {
    const { input } = this;
    const at = new Date();
    const bankCode = req.bankCode!;
    const { caseNo, assignees } = await act.prepareLinkedCase.executeWithOptions({ ...RECORD, summary: `分配案件编号 Allocate case number (${req.product})` }, [
      { year: yearOf(shanghaiDate(at)), streetCode: input.streetCode, bankCode },
    ]);
    const amountFen = req.amountFen ?? input.need.amountFen;
    const base = {
      caseNo,
      firm: { name: input.firm.name, creditCode: input.firm.creditCode, creditCodeWarnings: input.firm.creditCodeWarnings ?? [] },
      streetCode: input.streetCode,
      bankCode,
      purpose: req.purpose ?? `${input.need.purpose}（走访线索 ${input.leadId}）`,
      acceptedAt: at.toISOString(),
      acceptedBy: req.actor.id,
      leadId: input.leadId,
    };
    const linked = await act.startLinkedCase.executeWithOptions({ ...RECORD, startToCloseTimeout: '1 minute', summary: `开立案件 Open case ${caseNo} (${formatWan(amountFen)})` }, [
      req.product === 'SCI_TECH'
        ? { product: 'SCI_TECH', input: { ...base, application: { ...req.sciTech!, requestedFen: amountFen } }, planLabel: FROM_LEAD }
        : { product: 'FAST_TRACK', input: { ...base, amountFen, assignees }, planLabel: FROM_LEAD },
    ]);
    return { kind: req.product, caseNo, workflowId: linked.workflowId, by: req.actor.id, at: at.toISOString() };
  }

  /** A firm a bank already refused: the joint consultation (JC-<leadId>) with the refusing bank, its reasons recorded there by the task force. */
  private async openConsultation(req: ConvertLeadRequest): Promise<LeadConversionRecord> {
    const { input } = this;
    const refused = input.need.refusedBy!;
    const at = new Date().toISOString();
    const consultationId = `JC-${input.leadId}`;
    const { workflowId } = await act.startLeadConsultation.executeWithOptions({ ...RECORD, startToCloseTimeout: '1 minute', summary: `发起联合会诊 Open joint consultation ${consultationId}` }, [
      {
        consultationId,
        firm: { name: input.firm.name, creditCode: input.firm.creditCode, streetCode: input.streetCode, ...(input.firm.creditCodeWarnings?.length ? { creditCodeWarnings: input.firm.creditCodeWarnings } : {}) },
        refused: { product: req.product, bankCode: refused.bankCode, amountFen: req.amountFen ?? input.need.amountFen, purpose: req.purpose ?? `${input.need.purpose}（拒贷原因：${refused.reason}）` },
        openedAt: at,
        openedBy: req.actor.id,
        leadId: input.leadId,
      },
    ]);
    return { kind: 'JOINT_CONSULTATION', consultationId, workflowId, by: req.actor.id, at };
  }

  // ---- First contact -------------------------------------------------------------------------

  private firstContact(): Deadline<'FIRST_CONTACT'> {
    const { owner, atRiskAt, dueAt } = this.state;
    return deadlineOwningLevel(
      { subject: 'FIRST_CONTACT', label: '首次联系 first contact', assignee: owner, atRiskAt: new Date(atRiskAt!), dueAt: new Date(dueAt!) },
      { get: () => this.level, set: (l) => (this.level = l) },
    );
  }

  private async onAtRisk(due: Date): Promise<void> {
    const { input, state } = this;
    const key = due.toISOString();
    const [leftZh, leftEn] = workingHoursLeftParts(this.calendar!, new Date(), key);
    await this.project('预警 At risk: first contact', `at-risk:${key}`, 'SLA_AT_RISK', 'system', { dueAt: key, owner: state.owner });
    await this.projector.notify('通知负责人 Notify owner: first contact at risk', {
      eventKey: `notice:at-risk:${key}`,
      type: 'NOTIFICATION',
      audience: ESCALATION.lead.atRisk(state.owner, input.streetCode),
      zh: `【预警】${input.firm.name}的融资需求线索 ${input.leadId} 须于 ${shanghaiText(key)} 前首次联系企业（负责人 ${state.owner}），${leftZh}。`,
      en: `[At risk] Lead ${input.leadId} (${input.firm.name}): first contact is due ${shanghaiText(key)} (Asia/Shanghai), owner ${state.owner}; ${leftEn}.`,
    });
  }

  private async onBreached(due: Date): Promise<void> {
    const { input, state } = this;
    const key = due.toISOString();
    state.breaches.push({ dueAt: key, breachedAt: new Date().toISOString() });
    await this.project('超时 Breached: first contact', `breached:${key}`, 'SLA_BREACHED', 'system', { dueAt: key, owner: state.owner });
    await this.projector.notify('升级至综合协调组 Escalate to coordination group: first contact', {
      eventKey: `escalated:${key}`,
      type: 'ESCALATED',
      audience: ESCALATION.lead.breached(state.owner, input.streetCode),
      zh: `【超时督办】${input.firm.name}的融资需求线索 ${input.leadId} 未在${LEAD_FIRST_CONTACT_WORKING_DAYS}个工作日内（${shanghaiText(key)} 前）首次联系企业，负责人 ${state.owner}。请综合协调组督办。`,
      en: `[SLA breached] Lead ${input.leadId} (${input.firm.name}) passed its ${LEAD_FIRST_CONTACT_WORKING_DAYS}-working-day first-contact due ${shanghaiText(key)}; owner ${state.owner}. Escalated to the task force's general coordination group.`,
    });
    const label = `首次联系 first contact`;
    this.unacknowledged.watch({ eventKey: `escalated:${key}`, label, dueAt: due, settled: () => this.state.stage !== 'OPEN' }, this.calendar!);
  }
}
