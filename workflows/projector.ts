// How a workflow tells the world where it stands: every change is written to its PostgreSQL
// record with an increasing revision and one timeline event, and notices go out to people.
// Operators' view (search attributes, current details) is refreshed before each write.
import { getExternalWorkflowHandle, proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';
import type { CaseProgress, TaskRow } from '../activities/caseProgress';
import type { FastTrackAcceptance } from '../activities/caseRecords';
import { RECORD } from './activityOptions';
import type { LeadInput, LeadState } from './leadMessages';
import { localFirst } from './localFirst';
import { batchWorkflowId, consultationProgressSignal, type ConsultationState, type JointConsultationInput } from './jointConsultationMessages';

type Activities = ReturnType<typeof activities.createActivities>;

const act = proxyActivities<Activities>(RECORD);

export type TimelineEvent = CaseProgress['event'];

/** A notice for people, Chinese first; ESCALATED when it goes to the coordination group about a breach. */
export interface Notice {
  eventKey: string;
  type: 'NOTIFICATION' | 'ESCALATED';
  audience: string[];
  zh: string;
  en: string;
}

export interface ProjectionTarget<Rows> {
  /** Brings what operators see up to date; runs before every write. */
  refresh(): void;
  /** Writes the record at `revision` with one timeline event (and the rows it changed); what it answers is for the history, not the workflow. */
  record(summary: string, revision: number, event: TimelineEvent, rows: Rows | undefined): Promise<unknown>;
  notify(summary: string, notice: Notice & { at: string }): Promise<void>;
}

export class Projector<Rows = never> {
  // Orders projections: the database ignores a write older than the one it holds.
  private revision = 0;

  constructor(private readonly target: ProjectionTarget<Rows>) {}

  /** Writes the current state plus one timeline event; the payload is taken now, before any await. */
  project(summary: string, eventKey: string, type: string, actor: string, data: Record<string, unknown>, rows?: Rows): Promise<void> {
    this.target.refresh();
    return this.target.record(summary, ++this.revision, { eventKey, type, actor, at: new Date().toISOString(), data }, rows) as Promise<void>;
  }

  notify(summary: string, notice: Notice): Promise<void> {
    return this.target.notify(summary, { ...notice, at: new Date().toISOString() });
  }
}

/** A case's row as its record holds it. */
export type CaseRow = Pick<CaseProgress, 'stage' | 'slaState' | 'dueAt' | 'pause' | 'pausedWorkingDays' | 'dueProvisional' | 'dueExplanation' | 'quietUntil'>;

/** What a case's write carries besides its row and event: its branches' rows, and on a case's first write its acceptance record. */
export interface CaseWrite {
  tasks?: TaskRow[];
  acceptance?: FastTrackAcceptance;
  /** Part of acceptance, written inside the first workflow task (LOCAL_ACCEPTANCE). */
  inTask?: boolean;
}

/**
 * A fast-track or sci-tech case: its loan_case row, its branches' rows (fast-track only), its
 * timeline and notices; `localWrites` (decideLocalWrites) writes them inside the workflow's tasks.
 */
export function caseProjector(caseNo: string, refresh: () => void, row: () => CaseRow, localWrites: boolean): Projector<CaseWrite> {
  return new Projector<CaseWrite>({
    refresh,
    record: (summary, revision, event, write) => {
      const progress = { caseNo, revision, ...row(), event, ...(write?.tasks ? { tasks: write.tasks } : {}) };
      if (write?.acceptance) {
        const opened = { acceptance: write.acceptance, progress };
        return write.inTask ? localFirst('recordCaseOpened', summary, [opened]) : act.recordCaseOpened.executeWithOptions({ ...RECORD, summary }, [opened]);
      }
      return write?.inTask || localWrites
        ? localFirst('recordCaseProgress', summary, [progress])
        : act.recordCaseProgress.executeWithOptions({ ...RECORD, summary }, [progress]);
    },
    notify: (summary, { eventKey, type, at, audience, zh, en }) =>
      act.notify.executeWithOptions({ ...RECORD, summary }, [{ caseNo, eventKey, type, at, audience, zh, en }]),
  });
}

/** A joint consultation: its record and timeline, then its batch (if any) hears the news. */
export function consultationProjector(input: JointConsultationInput, refresh: () => void, state: ConsultationState): Projector {
  const { consultationId } = input;
  return new Projector({
    refresh,
    record: async (summary, revision, event) => {
      const snapshot = {
        consultationId,
        revision,
        stage: state.stage,
        slaState: state.slaState,
        dueAt: state.dueAt ?? undefined,
        reasons: state.reasons,
        plan: state.plan,
        linkedCaseNo: state.linkedCase?.caseNo,
        materials: state.materials,
        reReview: state.reReview,
        breaches: state.breaches,
        withdrawal: state.withdrawal,
        event,
      };
      const progress = {
        revision,
        consultationId,
        firmName: input.firm.name,
        creditCode: input.firm.creditCode,
        stage: state.stage,
        slaState: state.slaState,
        linkedCaseNo: state.linkedCase?.caseNo,
        linkedProduct: state.linkedCase?.product,
      };
      await act.recordConsultationProgress.executeWithOptions({ ...RECORD, summary }, [snapshot]);
      if (input.batchId) await getExternalWorkflowHandle(batchWorkflowId(input.batchId)).signal(consultationProgressSignal, progress);
    },
    notify: (summary, { eventKey, type, at, audience, zh, en }) =>
      act.notifyConsultation.executeWithOptions({ ...RECORD, summary }, [{ consultationId, eventKey, type, at, audience, zh, en }]),
  });
}

/** A lead: its record and timeline, and its notices. */
export function leadProjector(input: LeadInput, refresh: () => void, state: LeadState): Projector {
  const { leadId } = input;
  return new Projector({
    refresh,
    record: (summary, revision, event) => {
      const c = state.conversion;
      const progress = {
        leadId,
        revision,
        stage: state.stage,
        slaState: state.slaState,
        dueAt: state.dueAt!,
        owner: state.owner,
        ...(state.contact ? { contactedAt: state.contact.at } : {}),
        ...(c ? { conversion: { kind: c.kind, ...(c.caseNo ? { caseNo: c.caseNo } : {}), ...(c.consultationId ? { consultationId: c.consultationId } : {}) } } : {}),
        ...(state.closure ? { closeReason: state.closure.reason } : {}),
        event,
      };
      return act.recordLeadProgress.executeWithOptions({ ...RECORD, summary }, [progress]);
    },
    notify: (summary, { eventKey, type, at, audience, zh, en }) => act.notifyLead.executeWithOptions({ ...RECORD, summary }, [{ leadId, eventKey, type, at, audience, zh, en }]),
  });
}
