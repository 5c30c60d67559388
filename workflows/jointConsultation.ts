// Joint bank consultation (银行联合会诊) for one refused firm: the task force records and
// categorises why the bank said no, banks and the task force propose an optimised plan,
// the firm completes missing materials (the clock stands still), the bank re-reviews, and an
// accepted plan opens a new fast-track or sci-tech case linked to the consultation. Five
// working days, with the fast-track case's AT_RISK/BREACHED vocabulary and escalation. The
// consultation's state and what each step does live in JointConsultation
// (jointConsultationModel.ts); this is the order of steps.
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { calendarNoticeLoadedSignal } from './fastTrackCaseMessages';
import {
  completeMaterialsUpdate,
  consultationOpenedUpdate,
  consultationStateQuery,
  proposePlanUpdate,
  reReviewUpdate,
  recordReasonsUpdate,
  requestMaterialsUpdate,
  withdrawConsultationUpdate,
  type ConsultationState,
  type JointConsultationInput,
} from './jointConsultationMessages';
import { JointConsultation } from './jointConsultationModel';
import {
  validateCompleteMaterials,
  validateProposePlan,
  validateReReview,
  validateRecordReasons,
  validateRequestMaterials,
  validateWithdrawConsultation,
} from './jointConsultationValidators';

export * from './jointConsultationMessages';

export async function jointConsultationWorkflow(input: JointConsultationInput): Promise<ConsultationState> {
  const c = new JointConsultation(input);

  setHandler(consultationStateQuery, () => c.state);
  setHandler(consultationOpenedUpdate, () => c.opened());
  setHandler(recordReasonsUpdate, (req) => c.recordReasons(req), { validator: (req) => validateRecordReasons(c.state, req) });
  setHandler(proposePlanUpdate, (req) => c.proposePlan(req), { validator: (req) => validateProposePlan(c.state, req, input.refused) });
  setHandler(requestMaterialsUpdate, (req) => c.requestMaterials(req), { validator: (req) => validateRequestMaterials(c.state, req) });
  setHandler(completeMaterialsUpdate, (req) => c.completeMaterials(req), { validator: (req) => validateCompleteMaterials(c.state, req) });
  setHandler(reReviewUpdate, (req) => c.reReview(req), { validator: (req) => validateReReview(c.state, req) });
  setHandler(withdrawConsultationUpdate, (req) => c.withdraw(req), { validator: (req) => validateWithdrawConsultation(c.state, req) });
  setHandler(calendarNoticeLoadedSignal, (req) => c.calendarNoticeLoaded(req));

  await c.open();
  const clock = c.clock.run();

  // The bank's re-review decides: a declined plan closes the consultation, an accepted one opens a case.
  await condition(() => c.decided());
  if (!c.ended() && c.state.reReview?.outcome === 'DECLINED') await c.decline();
  if (!c.ended() && c.state.reReview?.outcome === 'ACCEPTED') await c.openLinkedCase();

  await clock;
  await c.unacknowledged.settled();
  await condition(allHandlersFinished);
  c.refreshOperatorView();
  return c.state;
}
