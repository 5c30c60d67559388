// Fast-track parallel approval (并联审批): the street office accepts a firm's case; the grid
// submission on 信易贷, the bank's VIP channel and the third-party due diligence run at once;
// the bank decides; contract and money follow, all within five working days of acceptance.
// The case's state and what each step does live in FastTrackCase (fastTrackCaseModel.ts);
// this is the order of steps.
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import {
  acceptanceUpdate,
  answerMaterialsUpdate,
  calendarChangedUpdate,
  calendarNoticeLoadedSignal,
  completeTaskUpdate,
  decideUpdate,
  getStateQuery,
  pauseSlaUpdate,
  reassignTaskUpdate,
  resumeSlaUpdate,
  withdrawUpdate,
  type CaseState,
  type FastTrackCaseInput,
} from './fastTrackCaseMessages';
import { FastTrackCase } from './fastTrackCaseModel';
import { setPaymentHandlers } from './contractThenDisburse';
import {
  validateAnswerMaterials,
  validateCalendarChanged,
  validateCompleteTask,
  validateDecide,
  validatePauseSla,
  validateReassignTask,
  validateResumeSla,
  validateWithdraw,
} from './fastTrackCaseValidators';

export * from './fastTrackCaseMessages';

export async function fastTrackCaseWorkflow(input: FastTrackCaseInput): Promise<CaseState> {
  const c = new FastTrackCase(input);

  setHandler(getStateQuery, () => c.state);
  setHandler(acceptanceUpdate, () => c.accepted());
  setHandler(withdrawUpdate, (req) => c.withdraw(req), { validator: (req) => validateWithdraw(c.state, req) });
  setHandler(completeTaskUpdate, (req) => c.completeTask(req), { validator: (req) => validateCompleteTask(c.state, req, input) });
  setHandler(reassignTaskUpdate, (req) => c.reassignTask(req), { validator: (req) => validateReassignTask(c.state, req, input) });
  setHandler(decideUpdate, (req) => c.decide(req), { validator: (req) => validateDecide(c.state, req, input.amountFen, input) });
  setHandler(pauseSlaUpdate, (req) => c.pauseSla(req), { validator: (req) => validatePauseSla(c.state, req) });
  setHandler(resumeSlaUpdate, (req) => c.resumeSla(req), { validator: (req) => validateResumeSla(c.state, req) });
  setHandler(answerMaterialsUpdate, (req) => c.answerMaterials(req), { validator: (req) => validateAnswerMaterials(c.state, req, input.firm) });
  setPaymentHandlers(input, c.approvedCase());
  setHandler(calendarChangedUpdate, (req) => c.calendarChanged(req), { validator: (req) => validateCalendarChanged(c.state, req) });
  // A signal is durable even while no worker runs: how the API tells every running case that
  // a notice was loaded, without waiting on each of them.
  setHandler(calendarNoticeLoadedSignal, (req) => c.calendarNoticeLoaded(req));

  await c.accept();
  await c.openBranches();
  const clock = c.clock.run();

  await condition(() => c.branchesDone() || c.ended());
  if (!c.ended()) {
    await c.awaitCreditDecision();
    await condition(() => c.state.decision !== undefined || c.ended());
  }

  if (!c.ended() && c.state.decision?.outcome === 'REJECTED') await c.recordRejection();
  if (!c.ended() && c.state.decision?.outcome === 'APPROVED') await c.approveAndDisburse();

  await clock;
  await c.unacknowledged.settled();
  await condition(allHandlersFinished);
  c.refreshOperatorView();
  return c.state;
}
