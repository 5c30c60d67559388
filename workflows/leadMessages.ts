// The lead's messages (线索): what the API sends to a lead found by a visit (or a matching event),
// and what it answers. A lead is opened by openLead (api/services/leads.ts) and acted on by its
// owner, the street office and the task force.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CreditCodeWarning } from '../domain/creditCode';
import type { LeadCloseReason, LeadConversion, LeadStage } from '../domain/lead/policy';
import type { SlaStateValue } from '../domain/slaState';
import type { FinancingNeed } from '../domain/surveyNetwork';
import type { SciTechApplication } from './sciTechCaseMessages';

export type { LeadCloseReason, LeadConversion, LeadStage };

export const leadWorkflowId = (leadId: string) => `lead-${leadId}`;

/** Where a lead came from: a visit now; a matching event or the screening track later. */
export type LeadSource = { kind: 'VISIT'; id: string } | { kind: 'EVENT'; id: string } | { kind: 'SCREENING'; id: string };

/** Who acts, as the API authenticated them: the validators judge role and street from it. */
export interface LeadActor {
  id: string;
  role: string;
  street?: string;
}

export interface LeadInput {
  /** LD-<16 hex> derived from the source, so a repeated opening meets the same lead. */
  leadId: string;
  source: LeadSource;
  firm: { name: string; creditCode: string; creditCodeWarnings?: CreditCodeWarning[] };
  need: FinancingNeed;
  streetCode: string;
  communityCode?: string;
  teamCode?: string;
  /** Who makes first contact: the team's street-office seat, else the street's case officer. */
  owner: string;
  /** ISO-8601 instant the need was found: the first-contact clock starts here. */
  openedAt: string;
  openedBy: string;
  /** Working time before the due at which the lead turns AT_RISK (default half a working day). */
  atRiskLeadMs?: number;
}

export interface LeadConversionRecord {
  kind: LeadConversion;
  /** The case it opened (FAST_TRACK, SCI_TECH) or the consultation (JOINT_CONSULTATION). */
  caseNo?: string;
  consultationId?: string;
  workflowId: string;
  by: string;
  at: string;
}

export interface LeadState {
  leadId: string;
  stage: LeadStage;
  slaState: SlaStateValue;
  owner: string;
  openedAt: string;
  /** First contact due; null until the calendar is read at opening. */
  dueAt: string | null;
  atRiskAt?: string;
  recorded: boolean;
  contact?: { by: string; at: string; note?: string };
  conversion?: LeadConversionRecord;
  closure?: { reason: LeadCloseReason; note?: string; by: string; at: string };
  reassignments: { from: string; to: string; by: string; at: string; reason: string }[];
  breaches: { dueAt: string; breachedAt: string }[];
}

export interface RecordContactRequest {
  actor: LeadActor;
  note?: string;
}

/**
 * Converts in one action. A case takes its bank (not for a refused firm: the consultation
 * starts with the bank that refused); amount and purpose default to the need's; a sci-tech case
 * needs the firm's application (its patents and figures), the requested amount the lead's.
 */
export interface ConvertLeadRequest {
  actor: LeadActor;
  product: 'FAST_TRACK' | 'SCI_TECH';
  bankCode?: string;
  amountFen?: number;
  purpose?: string;
  sciTech?: Omit<SciTechApplication, 'requestedFen'>;
}

export interface CloseLeadRequest {
  actor: LeadActor;
  reason: LeadCloseReason;
  note?: string;
}

export interface ReassignLeadRequest {
  actor: LeadActor;
  owner: string;
  reason: string;
}

export const leadStateQuery = defineQuery<LeadState>('getLeadState');
/** Completes once the lead's record is written; used with update-with-start. */
export const leadOpenedUpdate = defineUpdate<LeadState>('leadOpened');
/** First contact made: the clock stops. */
export const recordContactUpdate = defineUpdate<LeadState, [RecordContactRequest]>('recordContact');
/** Answers once the case (or consultation) is open and on the lead's record. */
export const convertLeadUpdate = defineUpdate<LeadState, [ConvertLeadRequest]>('convertLead');
export const closeLeadUpdate = defineUpdate<LeadState, [CloseLeadRequest]>('closeLead');
export const reassignLeadUpdate = defineUpdate<LeadState, [ReassignLeadRequest]>('reassignLead');
