// The fast-track case's messages: what people and the API send to a running case.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RejectionReason, TaskKind } from '../domain/fastTrack/policy';
import type { StaffProfile } from '../domain/people';
import type { SlaStateValue } from '../domain/slaState';
import type { FastTrackStage } from '../domain/stages';
import type { ContractConfirmation, DisbursementHold, SignedContract } from './contractMessages';

export type { RejectionReason, SlaStateValue, TaskKind };

export type Stage = FastTrackStage;
export type TaskStatus = 'OPEN' | 'COMPLETING' | 'DONE';

export interface FastTrackCaseInput {
  caseNo: string;
  firm: { name: string; creditCode: string; creditCodeWarnings: string[] };
  streetCode: string;
  bankCode: string;
  amountFen: number;
  purpose: string;
  /** ISO-8601 instant the street office accepted the case. */
  acceptedAt: string;
  acceptedBy: string;
  /** The joint consultation whose accepted plan opened this case, if any. */
  consultationId?: string;
  /** The lead (线索) converted into this case, if any. */
  leadId?: string;
  /** Who holds each branch at the start; defaults name the role at the street or bank. */
  assignees?: Partial<Record<TaskKind, string>>;
  /** Working time before a due instant at which the case turns AT_RISK (default half a working day). */
  atRiskLeadMs?: number;
  /** Same-day due diligence only for a case accepted before this time (HH:MM, Asia/Shanghai); default 15:00. */
  dueDiligenceCutoff?: string;
  /** A pause for the firm longer than this many working days escalates to the task force; default 10. */
  pauseLimitWorkingDays?: number;
  /** The firm confirms the approved terms online before the contract is signed (docs/firm.md). */
  firmConfirmsContract?: boolean;
}

export interface Pause {
  kind: TaskKind;
  reason: string;
  by: string;
  since: string;
  until?: string;
  /** Working days the pause lasted (its own day not counted, the resumption day counted); the branch's and the case's due move on by them. */
  pausedWorkingDays?: number;
  /** Working time the clock stood still, for pauses resumed before the period rule; added to the dues. */
  pausedWorkingMs?: number;
  /** 24:00 of the pause limit's last working day: still paused then, the pause escalates to the task force. */
  escalatesAt?: string;
  /** When the pause escalated for lasting past its limit. */
  escalatedAt?: string;
}

export interface Breach {
  /** A branch, or PROMISE for the case's five-working-day promise. */
  subject: TaskKind | 'PROMISE';
  assignee: string;
  stage: Stage;
  dueAt: string;
  breachedAt: string;
  /** Working time past due when the late work was finally done; null while still open. */
  lateWorkingMs: number | null;
}

export interface TaskState {
  kind: TaskKind;
  assignee: string;
  dueAt: string;
  atRiskAt: string;
  status: TaskStatus;
  slaState: Exclude<SlaStateValue, 'MET' | 'PAUSED'>;
  evidence?: Record<string, unknown>;
  completedAt?: string;
  completedBy?: string;
  /** Who last reassigned the task (absent: assigned at acceptance). */
  assignedBy?: string;
}

export interface CreditDecision {
  outcome: 'APPROVED' | 'REJECTED';
  by: string;
  at: string;
  amountFen?: number;
  rateBp?: number;
  termMonths?: number;
  reasons?: { code: RejectionReason; note?: string }[];
}

export interface CaseState {
  caseNo: string;
  stage: Stage;
  slaState: SlaStateValue;
  acceptedAt: string;
  /** The case's five-working-day promise. */
  dueAt: string | null;
  dueProvisional: boolean;
  dueExplanation: string[];
  recorded: boolean;
  promiseAtRiskAt?: string;
  tasks: TaskState[];
  pauses: Pause[];
  breaches: Breach[];
  decision?: CreditDecision;
  /** The firm's confirmation of the terms, for a case opened with firmConfirmsContract. */
  contractConfirmation?: ContractConfirmation;
  contract?: SignedContract;
  /** Set while a payment the bank reports at another amount waits for the approver. */
  disbursementHold?: DisbursementHold;
  disbursement?: { reference: string; amountFen: number; at: string };
  withdrawal?: { reason: string; by: string; at: string };
}

export interface WithdrawRequest {
  reason: string;
  actor: string;
}

export interface GridSubmissionEvidence {
  /** 信易贷 application number. */
  applicationNo: string;
}
export interface VipChannelEvidence {
  /** The bank's cross-department joint assessment. */
  assessmentOutcome: 'RECOMMEND' | 'RECOMMEND_WITH_CONDITIONS' | 'NOT_RECOMMENDED';
  note?: string;
}
export interface DueDiligenceEvidence {
  reportNo: string;
  riskRating: 'LOW' | 'MEDIUM' | 'HIGH';
  summary: string;
}

/** `actorProfile`: the completer's role and reach, judged when they assigned the task to themselves. */
export type CompleteTaskRequest = { actor: string; actorProfile?: StaffProfile } & (
  | { kind: 'GRID_SUBMISSION'; evidence: GridSubmissionEvidence }
  | { kind: 'BANK_VIP_CHANNEL'; evidence: VipChannelEvidence }
  | { kind: 'DUE_DILIGENCE'; evidence: DueDiligenceEvidence }
);

export interface ReassignTaskRequest {
  kind: TaskKind;
  assignee: string;
  /** The new assignee's role and reach, from the staff directory: they must be able to hold the task. */
  assigneeProfile: StaffProfile;
  actor: string;
  reason: string;
}

/** `actorProfile`: the decider's role and bank; the decision belongs to the case's bank's credit approver. */
export type DecideRequest = { actor: string; actorProfile: StaffProfile } & (
  | { outcome: 'APPROVED'; amountFen: number; rateBp: number; termMonths: number }
  | { outcome: 'REJECTED'; reasons: { code: RejectionReason; note?: string }[] }
);

export interface PauseSlaRequest {
  kind: TaskKind;
  reason: string;
  actor: string;
}
export interface ResumeSlaRequest {
  actor: string;
  note?: string;
  /** The documents the firm says it sent, when its own answer resumes the clock. */
  documents?: string[];
}

/** The firm answers the materials its paused case waits for: its words and the documents it names. */
export interface AnswerMaterialsRequest {
  actor: string;
  /** The credit code the caller's token carries; the validator holds it to the case's firm. */
  actorCreditCode: string;
  text: string;
  documents: string[];
}

export interface CalendarChangedRequest {
  /** Who loaded the new State Council notice (or corrected one). */
  actor: string;
  /** The year whose notice was loaded; names the reason on the case's timeline. */
  year?: number;
}

export const getStateQuery = defineQuery<CaseState>('getState');
/** Completes once the case is accepted and its record written; used with update-with-start. */
export const acceptanceUpdate = defineUpdate<CaseState>('acceptance');
export const withdrawUpdate = defineUpdate<CaseState, [WithdrawRequest]>('withdraw');
export const completeTaskUpdate = defineUpdate<CaseState, [CompleteTaskRequest]>('completeTask');
export const reassignTaskUpdate = defineUpdate<CaseState, [ReassignTaskRequest]>('reassignTask');
export const decideUpdate = defineUpdate<CaseState, [DecideRequest]>('decide');
export const pauseSlaUpdate = defineUpdate<CaseState, [PauseSlaRequest]>('pauseSla');
export const resumeSlaUpdate = defineUpdate<CaseState, [ResumeSlaRequest]>('resumeSla');
/** The firm's answer to a materials request: the paused clock resumes. */
export const answerMaterialsUpdate = defineUpdate<CaseState, [AnswerMaterialsRequest]>('answerMaterials');
/** A holiday notice was loaded or corrected: reload the calendar and move the dues. */
export const calendarChangedUpdate = defineUpdate<CaseState, [CalendarChangedRequest]>('calendarChanged');
/** The same, as a signal: delivered whenever the case's worker next runs. */
export const calendarNoticeLoadedSignal = defineSignal<[CalendarChangedRequest]>('calendarNoticeLoaded');
