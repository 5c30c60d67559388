// One level up when nobody answers: after a breach's notice goes out, the workflow waits the
// policy's working hours on the case's working-time calendar, asks (through an activity, so the
// answer is in the history) whether anyone it reached acknowledged it, and if nobody did tells
// the task force's leaders. A breach whose late work is done, or whose case ended, meanwhile
// needs nobody's attention: the wait ends there.
import { condition, proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';
import { addWorkingTime } from '../domain/calendar/shiftWorkingTime';
import type { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { ESCALATION, UNACKNOWLEDGED_BREACH_WORKING_MS } from '../domain/escalation';
import { RECORD } from './activityOptions';
import { shanghaiText } from './caseDetails';
import type { Notice } from './projector';

type Activities = ReturnType<typeof activities.createActivities>;

/** The patch under which a fast-track case's unanswered breach goes to the leaders. */
export const UNACKNOWLEDGED_BREACH_ESCALATES = 'unacknowledged-breach-escalates';
/** The same step for sci-tech cases and joint consultations; histories before it stop at the coordination group. */
export const UNACKNOWLEDGED_BREACH_ESCALATES_EVERY_PRODUCT = 'unacknowledged-breach-escalates-every-product';

const act = proxyActivities<Activities>(RECORD);

export interface BreachNotice {
  /** The breach notice's event key, as its notification rows carry it. */
  eventKey: string;
  /** What breached, Chinese first: e.g. '第三方尽调 due diligence'. */
  label: string;
  dueAt: Date;
  /** True once the late work is done or nothing is left to chase. */
  settled(): boolean;
}

export class UnacknowledgedBreaches {
  private readonly watches: Promise<void>[] = [];

  constructor(
    private readonly source: string,
    /** How the notice names what it is about, Chinese and English: e.g. ['案件 GL-2026-000123', 'Case GL-2026-000123']. */
    private readonly title: readonly [string, string],
    private readonly notify: (summary: string, notice: Notice) => Promise<void>,
  ) {}

  /** Starts the wait for one breach notice sent now; it runs beside the workflow. */
  watch(breach: BreachNotice, calendar: WorkingCalendar): void {
    this.watches.push(this.escalateIfUnanswered(breach, calendar));
  }

  /** Resolves once every wait is over (each ends at once when its breach settled). */
  settled(): Promise<void> {
    return Promise.all(this.watches).then(() => undefined);
  }

  private async escalateIfUnanswered(b: BreachNotice, calendar: WorkingCalendar): Promise<void> {
    const { source, title } = this;
    const hours = UNACKNOWLEDGED_BREACH_WORKING_MS / 3_600_000;
    const until = addWorkingTime(calendar, new Date(), UNACKNOWLEDGED_BREACH_WORKING_MS);
    const [labelZh] = b.label.split(' ');
    if (await condition(b.settled, until.getTime() - Date.now(), { summary: `待确认 awaiting acknowledgement ${b.label} @ ${shanghaiText(until.toISOString())}` })) return;
    if (await act.noticeAcknowledged.executeWithOptions({ ...RECORD, summary: `超时是否已确认 Breach acknowledged? ${b.label}` }, [{ source, eventKey: b.eventKey }])) return;
    await this.notify(`升级至专班负责人 Escalate to the task force's leaders: ${b.label}`, {
      eventKey: `unacknowledged:${b.eventKey}`,
      type: 'ESCALATED',
      audience: [...ESCALATION.unacknowledged()],
      zh: `【超时无人确认】${title[0]}的${labelZh}已于 ${shanghaiText(b.dueAt.toISOString())} 超时，${hours} 个工作小时内无人确认，升级至专班负责人。`,
      en: `[Breach unacknowledged] ${title[1]}: ${b.label} passed its due ${shanghaiText(b.dueAt.toISOString())} and nobody acknowledged it within ${hours} working hours; escalated to the task force's leaders.`,
    });
  }
}
