// A lead (线索): a financing need a visit found (or, later, a matching event). Its owner must
// make first contact within the policy's working days (AT_RISK, BREACHED and escalated as a
// case's promise); then, in one action, it becomes a fast-track or sci-tech case, or the joint
// consultation for a firm a bank already refused, or it is closed with a reason. State and what
// each step does live in Lead (leadModel.ts); this is the order of steps.
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { calendarNoticeLoadedSignal } from './fastTrackCaseMessages';
import {
  closeLeadUpdate,
  convertLeadUpdate,
  leadOpenedUpdate,
  leadStateQuery,
  reassignLeadUpdate,
  recordContactUpdate,
  type LeadInput,
  type LeadState,
} from './leadMessages';
import { Lead } from './leadModel';
import { validateClose, validateConvert, validateReassign, validateRecordContact } from './leadValidators';

export * from './leadMessages';

export async function leadWorkflow(input: LeadInput): Promise<LeadState> {
  const lead = new Lead(input);
  const { state } = lead;

  setHandler(leadStateQuery, () => state);
  setHandler(leadOpenedUpdate, () => lead.opened());
  setHandler(recordContactUpdate, (req) => lead.recordContact(req), { validator: (req) => lead.validate(() => validateRecordContact(state, input, req)) });
  setHandler(convertLeadUpdate, (req) => lead.convert(req), { validator: (req) => lead.validate(() => validateConvert(state, input, req)) });
  setHandler(closeLeadUpdate, (req) => lead.close(req), { validator: (req) => lead.validate(() => validateClose(state, input, req)) });
  setHandler(reassignLeadUpdate, (req) => lead.reassign(req), { validator: (req) => lead.validate(() => validateReassign(state, input, req)) });
  setHandler(calendarNoticeLoadedSignal, (req) => lead.calendarNoticeLoaded(req));

  await lead.open();
  await lead.clock.run();

  // Contact made: the clock is done; the lead waits for its conversion or closure.
  await condition(() => lead.ended());
  await lead.unacknowledged.settled();
  await condition(allHandlersFinished);
  lead.refreshOperatorView();
  return state;
}
