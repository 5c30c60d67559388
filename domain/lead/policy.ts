// A lead (线索): a financing need found by a visit (or, later, a matching event or the screening
// track) that someone must act on. Its owner makes first contact with the firm within the
// policy's working days, then converts it into a case (or a joint consultation for a firm a bank
// already refused) or closes it with a reason. Who may do what lives here; the lead workflow's
// validators enforce it.
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { NOT_PAUSED, workingDaysPromise } from '../calendar/shiftWorkingTime';
import { DEFAULT_AT_RISK_LEAD_MS } from '../fastTrack/policy';
import type { Role } from '../people';

export const LEAD_STAGES = ['OPEN', 'CONTACTED', 'CONVERTED', 'CLOSED'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export const LEAD_ENDED_STAGES: readonly LeadStage[] = ['CONVERTED', 'CLOSED'];

/** Working days from the lead's opening to first contact with the firm (the day it opened not counted). */
export const LEAD_FIRST_CONTACT_WORKING_DAYS = 2;
/** How long before the first-contact due a lead turns AT_RISK: half a working day, as a case. */
export const LEAD_AT_RISK_LEAD_MS = DEFAULT_AT_RISK_LEAD_MS;

/** 24:00 of the last working day for first contact. */
export function firstContactDue(calendar: WorkingCalendar, openedAt: Date): Date {
  return workingDaysPromise(calendar, openedAt, LEAD_FIRST_CONTACT_WORKING_DAYS, NOT_PAUSED).dueAt;
}

/** Why a lead went nowhere, Chinese first; OTHER needs a note. */
export const LEAD_CLOSE_REASONS = {
  NO_LONGER_NEEDED: '企业已无融资需求 The firm no longer needs financing',
  FINANCED_ELSEWHERE: '已通过其他渠道获得融资 Financed elsewhere',
  UNREACHABLE: '多次联系未果 The firm could not be reached',
  NOT_ELIGIBLE: '不符合政策或产品条件 Not eligible for the policy or products',
  DUPLICATE: '与已有线索或案件重复 Duplicates another lead or case',
  OTHER: '其他（须说明） Other (explain in the note)',
} as const;
export type LeadCloseReason = keyof typeof LEAD_CLOSE_REASONS;
export const LEAD_CLOSE_REASON_CODES = Object.keys(LEAD_CLOSE_REASONS) as [LeadCloseReason, ...LeadCloseReason[]];

/** What a lead becomes: a case of either product, or the joint consultation for a refused firm. */
export const LEAD_CONVERSIONS = ['FAST_TRACK', 'SCI_TECH', 'JOINT_CONSULTATION'] as const;
export type LeadConversion = (typeof LEAD_CONVERSIONS)[number];

/**
 * Who acts on a lead besides its owner (`owner: true`: the owner may, whatever their role).
 * Street roles act only on their street's leads. Converting opens a case, which is the street
 * office's (or the task force's) to do.
 */
export const LEAD_ACTIONS = {
  recordContact: { owner: true, roles: ['case_officer', 'grid_officer', 'task_force', 'survey_officer'] },
  convert: { owner: false, roles: ['case_officer', 'task_force'] },
  close: { owner: true, roles: ['case_officer', 'task_force', 'survey_officer'] },
  reassign: { owner: false, roles: ['case_officer', 'task_force', 'survey_officer'] },
} as const satisfies Record<string, { owner: boolean; roles: readonly Role[] }>;
export type LeadAction = keyof typeof LEAD_ACTIONS;

/** Roles whose reach is one street: they act only on leads of their street. */
export const STREET_ROLES: readonly string[] = ['case_officer', 'grid_officer'];

/** Who is let through the API's door for an action: its roles, plus whoever may own a lead. */
export const LEAD_OWNER_ROLES = ['visit_team_member', 'community_coordinator', 'case_officer', 'grid_officer', 'customer_manager', 'task_force', 'survey_officer'] as const satisfies readonly Role[];
