import { extendByPauses } from '../../domain/calendar/shiftWorkingTime';
import { DueAt, PausedSince, SlaState } from '../../workflows/searchAttributes';
import { completeTaskUpdate, getStateQuery, pauseSlaUpdate, reassignTaskUpdate, resumeSlaUpdate, withdrawUpdate } from '../../workflows/fastTrackCase';
import {
  HOUR,
  advanceTo,
  calendar,
  caseInput,
  ddEvidence,
  eventsOf,
  gridEvidence,
  nextWorkingMorning,
  refusal,
  saveHistory,
  startCase,
  vipEvidence,
  useHarnessWithWorker,
} from './caseHarness';

const h = useHarnessWithWorker();

test('waiting for the firm pauses the clock (PAUSED, audited, in Temporal UI), and pushes the dues back by the working days of the pause; tasks can be reassigned', async () => {
  const acceptedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, acceptedAt);
  const input = caseInput(acceptedAt);
  const handle = await startCase(h, input);
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor@default', evidence: ddEvidence }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: 'customer-manager@xib', evidence: vipEvidence }] });
  const before = await handle.query(getStateQuery);
  const gridDue = new Date(before.tasks.find((t) => t.kind === 'GRID_SUBMISSION')!.dueAt);

  // 11:00: the firm must supplement its financial statements before the grid submission.
  const pausedAt = new Date(acceptedAt.getTime() + HOUR);
  await advanceTo(h.env, pausedAt);
  const reason = '企业补充财务报表 firm supplementing financial statements';
  const paused = await handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'GRID_SUBMISSION', reason, actor: 'officer@lujiang' }] });
  expect(paused.slaState).toBe('PAUSED');
  const attributes = (await handle.describe()).typedSearchAttributes;
  expect([attributes.get(SlaState), attributes.get(PausedSince)?.toISOString()]).toEqual(['PAUSED', paused.pauses[0]!.since]);
  expect(await refusal(handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'GRID_SUBMISSION', reason, actor: 'officer@lujiang' }] }))).toMatch(
    /already paused for GRID_SUBMISSION/,
  );

  expect(await refusal(handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] }))).toMatch(
    /the SLA clock for GRID_SUBMISSION is paused; resume it first/,
  );

  // The grid branch's AT_RISK instant (12:00 the next working day) passes while paused: no alarm.
  const resumedAt = new Date(gridDue.getTime() - 10 * HOUR); // 14:00 on the grid's due day
  await advanceTo(h.env, resumedAt);
  let state = await handle.query(getStateQuery);
  expect(state.slaState).toBe('PAUSED');
  state = await handle.executeUpdate(resumeSlaUpdate, { args: [{ actor: 'officer@lujiang', note: '材料已补齐 materials complete' }] });

  expect(state.pauses).toEqual([expect.objectContaining({ kind: 'GRID_SUBMISSION', reason, by: 'officer@lujiang' })]);
  // Paused on the acceptance day, resumed on the next working day: one working day.
  expect(state.pauses[0]!.pausedWorkingDays).toBe(1);
  const oneDay = { workingDays: 1, workingMs: 0 };
  const newGridDue = extendByPauses(calendar, gridDue, oneDay);
  expect(state.tasks.find((t) => t.kind === 'GRID_SUBMISSION')!.dueAt).toBe(newGridDue.toISOString());
  const newCaseDue = extendByPauses(calendar, new Date(before.dueAt!), oneDay);
  expect(state.dueAt).toBe(newCaseDue.toISOString());
  expect(state.slaState).toBe('ON_TRACK');

  // Audited on the timeline, and the record and the operators' DueAt follow.
  const events = await eventsOf(h.db, input.caseNo);
  expect(events.find((e) => e.type === 'SLA_PAUSED')).toMatchObject({ actor: 'officer@lujiang', data: { kind: 'GRID_SUBMISSION', reason } });
  expect(events.find((e) => e.type === 'SLA_RESUMED')).toMatchObject({ actor: 'officer@lujiang', data: { pausedWorkingDays: 1, caseDueAt: newCaseDue.toISOString() } });
  expect(events.map((e) => e.type)).not.toContain('SLA_AT_RISK');
  expect((await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } })).dueAt?.toISOString()).toBe(newCaseDue.toISOString());
  const resumedAttributes = (await handle.describe()).typedSearchAttributes;
  expect([resumedAttributes.get(DueAt)?.toISOString(), resumedAttributes.get(SlaState), resumedAttributes.get(PausedSince)]).toEqual([newCaseDue.toISOString(), 'ON_TRACK', undefined]);

  // The grid officer is off sick: the street reassigns the branch.
  await handle.executeUpdate(reassignTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', assignee: 'grid-officer2@lujiang', assigneeProfile: { role: 'grid_officer', street: 'lujiang' }, actor: 'officer@lujiang', reason: '原网格员病假 officer on sick leave' }] });
  expect(await refusal(handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] }))).toMatch(
    /assigned to grid-officer2@lujiang/,
  );
  state = await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer2@lujiang', evidence: gridEvidence }] });
  expect(state.stage).toBe('CREDIT_DECISION');
  const task = await h.db.caseTask.findUniqueOrThrow({ where: { caseNo_kind: { caseNo: input.caseNo, kind: 'GRID_SUBMISSION' } } });
  expect(task).toMatchObject({ assignee: 'grid-officer2@lujiang', status: 'DONE', completedBy: 'grid-officer2@lujiang' });
  expect((await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'TASK_REASSIGNED')).toMatchObject({ data: { from: 'grid-officer@lujiang', to: 'grid-officer2@lujiang' } });

  await handle.executeUpdate(withdrawUpdate, { args: [{ reason: '企业改用其他融资 firm chose other financing', actor: 'officer@lujiang' }] });
  expect((await handle.result()).stage).toBe('WITHDRAWN');
  await saveHistory(handle, 'pause-and-reassign');
});
