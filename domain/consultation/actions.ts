// Who may do what to a joint consultation, and in which stages: the workflow's validators
// enforce it and the console shows an action only where it applies. Pure data.
import type { Role } from '../people';
import type { ConsultationStage } from '../stages';

/** The bank roles: they propose plans and re-review them (a bank only its own plans). */
export const BANK_ROLES = ['customer_manager', 'credit_approver'] as const satisfies readonly Role[];

export const CONSULTATION_ACTIONS = {
  recordReasons: { roles: ['task_force'], stages: ['OPENED', 'REASONS_RECORDED'] },
  proposePlan: { roles: ['task_force', ...BANK_ROLES], stages: ['REASONS_RECORDED', 'PLAN_PROPOSED'] },
  requestMaterials: { roles: ['task_force'], stages: ['PLAN_PROPOSED'] },
  completeMaterials: { roles: ['task_force'], stages: ['PLAN_PROPOSED', 'MATERIALS'] },
  reReview: { roles: BANK_ROLES, stages: ['RE_REVIEW'] },
  // Once the bank re-reviews, the outcome is theirs.
  withdraw: { roles: ['task_force'], stages: ['OPENED', 'REASONS_RECORDED', 'PLAN_PROPOSED', 'MATERIALS'] },
} as const satisfies Record<string, { roles: readonly Role[]; stages: readonly ConsultationStage[] }>;
export type ConsultationAction = keyof typeof CONSULTATION_ACTIONS;

/** Whether `role` may take `action` in `stage` (a bank's own plan is checked on top, by the workflow). */
export function mayTake(action: ConsultationAction, role: string, stage: string): boolean {
  const { roles, stages } = CONSULTATION_ACTIONS[action];
  return (roles as readonly string[]).includes(role) && (stages as readonly string[]).includes(stage);
}

/** Whose move it is in each stage; in MATERIALS the firm is supplying documents (the clock stands still). */
export const WHOSE_MOVE = {
  OPENED: 'TASK_FORCE',
  REASONS_RECORDED: 'TASK_FORCE_OR_BANK',
  PLAN_PROPOSED: 'TASK_FORCE',
  MATERIALS: 'FIRM',
  RE_REVIEW: 'BANK',
  ACCEPTED: null,
  DECLINED: null,
  WITHDRAWN: null,
} as const satisfies Record<ConsultationStage, string | null>;
