// In-memory stand-ins for the activities, as Temporal's samples test workflows: no PostgreSQL,
// no outside systems. They answer at once and record what the workflow asked for, in order,
// the way the case timeline stores it: one entry per event key (a retried write adds nothing).
import type { createActivities } from '../../activities';
import { SANDBOX_BASE_VALUATION_FEN } from '../../activities/adapters';
import type { FastTrackAcceptance } from '../../activities/caseRecords';
import { disbursedAmountDiffers } from '../../activities/loanPayout';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import type { YearArrangement } from '../../domain/calendar/types';

type Activities = ReturnType<typeof createActivities>;

/** One timeline entry of a case or consultation: a projected event or a notice sent. */
export interface Entry {
  eventKey: string;
  type: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

/** A notice as the people on its audience receive it. */
export interface Notice {
  type: string;
  at: string;
  audience: string[];
  zh: string;
  en: string;
}

/** What the record (loan_case, consultation row) holds after the newest projection. */
export interface Projection {
  revision: number;
  stage: string;
  slaState: string;
  dueAt?: string;
  /** The pause standing (loan_case's paused_since, paused_by, paused_reason); null once none stands, absent where the record keeps none. */
  pause?: { since: string; by: string; reason: string } | null;
  /** The SLA clock's next change as the workflow wrote it (loan_case.quiet_until); absent when none is pending. */
  quietUntil?: string;
}

/** A test's faults at one write: attempts still to refuse, a wait before each attempt, a hold on the next. */
interface Fault {
  refusals: number;
  hangMs: number;
  hold?: { reached: () => void; released: Promise<void> };
}

export class Recorder {
  private readonly timelines = new Map<string, Entry[]>();
  private readonly records = new Map<string, Projection>();
  /** What loadCalendarYears answers: the loaded State Council notices (tests add their own). */
  calendarYears: YearArrangement[] = [...OFFICIAL_NOTICES];
  private linkedCases = 0;
  /** The inputs of the cases and consultations the workflows started, in order. */
  readonly linkedStarts: object[] = [];
  /** Cases whose payment the bank reports at this amount (fen), whatever is asked. */
  readonly bankReports = new Map<string, number>();
  /** Payment attempts per case. */
  readonly disburseCalls = new Map<string, number>();
  /** Notices someone acknowledged, as `<case or consultation>/<event key>` (what noticeAcknowledged answers). */
  readonly acknowledged = new Set<string>();
  /** Record writes running now, and the most that ever ran at once. */
  private writing = 0;
  mostWritesAtOnce = 0;
  /** What a test made go wrong at the write of an event type (or the activity named, as 'disburse'). */
  private readonly faults = new Map<string, Fault>();

  add(id: string, entry: Entry): void {
    const timeline = this.timelines.get(id) ?? [];
    if (!timeline.some((e) => e.eventKey === entry.eventKey)) timeline.push(entry);
    this.timelines.set(id, timeline);
  }

  project(id: string, p: Projection): void {
    const held = this.records.get(id);
    if (!held || held.revision < p.revision) this.records.set(id, p);
  }

  /** A projection with its timeline event, as recordCaseProgress and recordConsultationProgress write them. */
  progress(id: string, { revision, stage, slaState, dueAt, pause, quietUntil, event }: Projection & { event: Entry }): void {
    this.add(id, event);
    this.project(id, { revision, stage, slaState, dueAt, ...(pause !== undefined ? { pause } : {}), ...(quietUntil !== undefined ? { quietUntil } : {}) });
  }

  /** A fast-track case's acceptance record, as recordCaseAccepted writes it. */
  accepted({ input, dueAt, dueProvisional }: FastTrackAcceptance): void {
    this.add(input.caseNo, { eventKey: 'accepted', type: 'ACCEPTED', actor: input.acceptedBy, at: input.acceptedAt, data: { dueAt, dueProvisional } });
    this.project(input.caseNo, { revision: 0, stage: 'PARALLEL_REVIEW', slaState: 'ON_TRACK', dueAt });
  }

  /** A notice sent, kept on the timeline as notify and notifyConsultation keep it. */
  notice(id: string, { eventKey, type, at, audience, zh, en }: Omit<Entry, 'actor' | 'data'> & Omit<Notice, 'type' | 'at'>): void {
    this.add(id, { eventKey, type, actor: 'system', at, data: { audience, zh, en } });
  }

  /** The timeline of a case (by case number) or a consultation (by id), oldest first. */
  timeline(id: string): Entry[] {
    return this.timelines.get(id) ?? [];
  }

  types(id: string): string[] {
    return this.timeline(id).map((e) => e.type);
  }

  /** The SLA clock's entries only: alarms, breaches and the notices they send. */
  slaEntries(id: string): Entry[] {
    return this.timeline(id).filter((e) => /^(at-risk|breached|notice:at-risk|escalated):/.test(e.eventKey));
  }

  slaTypes(id: string): string[] {
    return this.slaEntries(id).map((e) => e.type);
  }

  notices(id: string): Notice[] {
    return this.timeline(id)
      .filter((e) => Array.isArray(e.data.audience))
      .map((e) => ({ type: e.type, at: e.at, ...(e.data as { audience: string[]; zh: string; en: string }) }));
  }

  record(id: string): Projection | undefined {
    return this.records.get(id);
  }

  nextLinkedCaseNo(year: number): string {
    return `GL-${year}-${String(900_000 + ++this.linkedCases)}`;
  }

  /**
   * Holds the next projection of this event type (or the activity named, as 'disburse') until
   * `release()`: a race a test sets up, such as a withdrawal arriving while a step's record is
   * being written.
   */
  holdNext(type: string): { reached: Promise<void>; release(): void } {
    let reached!: () => void;
    let release!: () => void;
    const hold = { reached: new Promise<void>((r) => (reached = r)), released: new Promise<void>((r) => (release = r)) };
    this.fault(type).hold = { reached, released: hold.released };
    return { reached: hold.reached, release };
  }

  /** The next `attempts` attempts at writing an event of this type fail as they would with PostgreSQL down. */
  refuse(type: string, attempts: number): void {
    this.fault(type).refusals = attempts;
  }

  /** Every attempt at writing an event of this type waits `ms` before it writes, as on a PostgreSQL that hangs, until unhung (ms 0). */
  hang(type: string, ms: number): void {
    this.fault(type).hangMs = ms;
  }

  /** What a write of this type meets first: a refusal (thrown), then a hang, then a hold. */
  async passFaults(type: string): Promise<void> {
    const f = this.faults.get(type);
    if (!f) return;
    if (f.refusals > 0) {
      f.refusals--;
      throw new Error(`connect ECONNREFUSED 127.0.0.1:5432 (${type})`);
    }
    if (f.hangMs > 0) await new Promise((r) => setTimeout(r, f.hangMs));
    const hold = f.hold;
    if (!hold) return;
    f.hold = undefined;
    hold.reached();
    await hold.released;
  }

  private fault(type: string): Fault {
    let f = this.faults.get(type);
    if (!f) this.faults.set(type, (f = { refusals: 0, hangMs: 0 }));
    return f;
  }

  /** Runs one record write, counted while it runs. */
  async write<T>(run: () => Promise<T>): Promise<T> {
    this.mostWritesAtOnce = Math.max(this.mostWritesAtOnce, ++this.writing);
    try {
      return await run();
    } finally {
      this.writing--;
    }
  }

  /** Back to the loaded notices alone, after a test that loaded its own. */
  resetCalendar(): void {
    this.calendarYears = [...OFFICIAL_NOTICES];
  }
}

/** The activities the three case workflows call, each answering from memory. */
export function stubActivities(rec: Recorder) {
  return {
    async loadCalendarYears({ fromYear, toYear }) {
      return rec.calendarYears.filter((y) => y.year >= fromYear && y.year <= toYear);
    },

    async recordCaseAccepted(acceptance) {
      rec.accepted(acceptance);
    },
    async recordCaseOpened(opened) {
      await rec.passFaults(opened.progress.event.type);
      rec.accepted(opened.acceptance);
      rec.progress(opened.progress.caseNo, opened.progress);
      return opened;
    },
    async recordSciTechAccepted(accepted) {
      const { input, dueAt } = accepted;
      rec.add(input.caseNo, { eventKey: 'accepted', type: 'ACCEPTED', actor: input.acceptedBy, at: input.acceptedAt, data: { dueAt } });
      rec.project(input.caseNo, { revision: 0, stage: 'EVALUATING', slaState: 'ON_TRACK', dueAt });
      return accepted;
    },
    async recordCaseProgress(p) {
      return rec.write(async () => {
        await rec.passFaults(p.event.type);
        rec.progress(p.caseNo, p);
        return p;
      });
    },
    async notify(n) {
      rec.notice(n.caseNo, n);
    },
    async noticeAcknowledged({ source, eventKey }) {
      return rec.acknowledged.has(`${source}/${eventKey}`);
    },

    async confirmGridSubmission({ applicationNo }) {
      return { applicationNo, status: 'RECEIVED' as const, confirmedAt: new Date().toISOString() };
    },
    async dockVipChannel({ caseNo, bankCode }) {
      return { ticketNo: `VIP-${bankCode.toUpperCase()}-${caseNo}` };
    },
    async fileDueDiligenceReport({ caseNo, reportNo }) {
      return { reportRef: `${caseNo}/${reportNo}`, filedAt: new Date().toISOString() };
    },
    async signContract({ caseNo, bankCode }) {
      return { contractNo: `HT-${bankCode.toUpperCase()}-${caseNo}`, signedAt: new Date().toISOString() };
    },
    async cancelContract() {
      return { cancelledAt: new Date().toISOString() };
    },
    async disburse({ caseNo, amountFen }) {
      await rec.passFaults('disburse');
      rec.disburseCalls.set(caseNo, (rec.disburseCalls.get(caseNo) ?? 0) + 1);
      const paid = { reference: `FK-${caseNo}`, amountFen: rec.bankReports.get(caseNo) ?? amountFen, paidAt: new Date().toISOString() };
      if (paid.amountFen !== amountFen) throw disbursedAmountDiffers(`the bank reports ${paid.amountFen} fen, not ${amountFen}`, paid);
      return paid;
    },
    async valuePatents({ patents }) {
      const valuedAt = new Date().toISOString();
      return patents.map((p) => ({ ...p, valuationFen: SANDBOX_BASE_VALUATION_FEN[p.type], source: 'stub', valuedAt }));
    },

    async recordConsultationOpened({ input, dueAt }) {
      rec.project(input.consultationId, { revision: 0, stage: input.reasons?.length ? 'REASONS_RECORDED' : 'OPENED', slaState: 'ON_TRACK', dueAt });
    },
    async recordConsultationProgress(p) {
      rec.progress(p.consultationId, p);
    },
    async notifyConsultation(n) {
      rec.notice(n.consultationId, n);
    },
    async prepareLinkedCase({ year }) {
      return { caseNo: rec.nextLinkedCaseNo(year), assignees: {} };
    },
    /** The linked case is the fast-track or sci-tech workflow's business: tested on its own. */
    async startLinkedCase({ input }) {
      rec.linkedStarts.push(input);
      return { workflowId: `case-${input.caseNo}` };
    },

    async recordLeadOpened({ input, dueAt }) {
      rec.project(input.leadId, { revision: 0, stage: 'OPEN', slaState: 'ON_TRACK', dueAt });
    },
    async recordLeadProgress(p) {
      rec.progress(p.leadId, p);
    },
    async notifyLead(n) {
      rec.notice(n.leadId, n);
    },
    /** Like the linked case, the consultation is its own workflow's business. */
    async startLeadConsultation(input) {
      rec.linkedStarts.push(input);
      return { workflowId: `consultation-${input.consultationId}` };
    },
  } satisfies Partial<Activities>;
}
