// Sci-tech credit (善科贷 style): an asset-light tech firm applies online; the IP valuation
// service values its patents; the scoring model decides automatically inside policy limits,
// or a bank approver decides; the money follows. 48 CALENDAR hours from acceptance to
// disbursement, with the fast-track case's AT_RISK/BREACHED vocabulary. The case's state and
// what each step does live in SciTechCase (sciTechCaseModel.ts); this is the order of steps.
import { ApplicationFailure, allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { applicationProblems } from '../domain/sciTech/scoring';
import {
  sciTechAcceptanceUpdate,
  sciTechDecideUpdate,
  sciTechGetStateQuery,
  sciTechWithdrawUpdate,
  type SciTechCaseInput,
  type SciTechCaseState,
} from './sciTechCaseMessages';
import { takes } from './changeGenerations';
import { SciTechCase, WITHDRAWAL_DURING_SCORING_STANDS } from './sciTechCaseModel';
import { setPaymentHandlers } from './contractThenDisburse';
import { validateSciTechDecide, validateSciTechWithdraw } from './sciTechCaseValidators';

export * from './sciTechCaseMessages';

export async function sciTechCaseWorkflow(input: SciTechCaseInput): Promise<SciTechCaseState> {
  const problems = applicationProblems({ ...input.application, patents: input.application.patents.map((p) => ({ ...p, valuationFen: 0 })) });
  if (problems.length > 0) throw ApplicationFailure.nonRetryable(`申请资料不完整 the application cannot be scored: ${problems.join('; ')}`, 'InvalidApplication');
  const c = new SciTechCase(input);

  setHandler(sciTechGetStateQuery, () => c.state);
  setHandler(sciTechAcceptanceUpdate, () => c.accepted());
  setHandler(sciTechWithdrawUpdate, (req) => c.withdraw(req), { validator: (req) => validateSciTechWithdraw(c.state, req) });
  setHandler(sciTechDecideUpdate, (req) => c.decide(req), { validator: (req) => validateSciTechDecide(c.state, req, input) });
  setPaymentHandlers(input, c.approvedCase());

  await c.accept();
  const clock = c.clock.run();

  // Evaluation: the patents' value from the outside service, the score in here.
  const valuations = await c.valuePatents();
  if (!c.ended()) {
    await c.score(valuations);
    // A withdrawal that lands while the score is recorded stands: earlier cases went on to review
    // regardless, which let an approver approve and pay a withdrawn case.
    if (takes(WITHDRAWAL_DURING_SCORING_STANDS) && c.ended()) {
      // Nothing more to decide.
    } else if (c.state.band === 'MANUAL_REVIEW') {
      await c.enterManualReview();
      await c.notifyApprover();
      await condition(() => c.state.decision !== undefined || c.ended());
    } else {
      c.decideAutomatically();
    }
  }

  if (!c.ended() && c.state.decision?.outcome === 'REJECTED') await c.recordRejection();
  if (!c.ended() && c.state.decision?.outcome === 'APPROVED') await c.approveAndDisburse();

  await clock;
  await c.unacknowledged.settled();
  await condition(allHandlersFinished);
  c.refreshOperatorView();
  return c.state;
}
