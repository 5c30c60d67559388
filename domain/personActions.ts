// Which timeline events record an action a person took on a case, consultation or lead (an update they
// sent), as opposed to the workflow's own progress (branches starting, SLA warnings, payment, dues
// moved by a calendar load that has its own audit row). The projection writes one audit row for
// each such event, in the transaction that writes the event.
const PERSON_ACTIONS = new Set([
  // cases
  'TASK_COMPLETED',
  'TASK_REASSIGNED',
  'SLA_PAUSED',
  'SLA_RESUMED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
  // joint consultations
  'OPENED',
  'REASONS_RECORDED',
  'PLAN_PROPOSED',
  'MATERIALS_REQUESTED',
  'MATERIALS_COMPLETE',
  'DECLINED',
  'ACCEPTED',
  // leads (OPENED above too)
  'CONTACTED',
  'CONVERTED',
  'CLOSED',
  'REASSIGNED',
]);

/** Whether `event` is a person's action: a decision taken by scoring (`system:…`) is not. */
export function isPersonAction(event: { type: string; actor: string }): boolean {
  return PERSON_ACTIONS.has(event.type) && !event.actor.startsWith('system');
}
