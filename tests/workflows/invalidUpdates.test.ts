import { SandboxAssessor, SandboxBank, SandboxIpValuation, SandboxNotificationChannel, SandboxXinyidai } from '../../activities/adapters';
import {
  completeTaskUpdate,
  decideUpdate,
  getStateQuery,
  pauseSlaUpdate,
  reassignTaskUpdate,
  resumeSlaUpdate,
  withdrawUpdate,
  type CaseState,
  type DecideRequest,
} from '../../workflows/fastTrackCase';
import { advanceTo, caseInput, createHarness, ddEvidence, eventsOf, gridEvidence, nextWorkingMorning, refusal, saveHistory, startCase, vipEvidence, type Harness } from './caseHarness';

jest.setTimeout(120_000);
const UNKNOWN_APPLICATION = 'XYD20260000000000';
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.startWorker({
    xinyidai: new SandboxXinyidai({ unknownApplications: [UNKNOWN_APPLICATION] }),
    bank: new SandboxBank(h.db),
    assessor: new SandboxAssessor(),
    ipValuation: new SandboxIpValuation(),
    notifications: new SandboxNotificationChannel(),
  });
});
afterAll(() => h?.teardown());

test('updates invalid for the state are refused with a precise reason and change nothing', async () => {
  const acceptedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, acceptedAt);
  const input = caseInput(acceptedAt);
  const handle = await startCase(h, input);
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor@default', evidence: ddEvidence }] });

  const before: CaseState = await handle.query(getStateQuery);
  const eventsBefore = (await eventsOf(h.db, input.caseNo)).length;
  const refused = (p: Promise<unknown>) => refusal(p);

  // Deciding before the branches are done.
  expect(await refused(handle.executeUpdate(decideUpdate, { args: [{ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: 1, rateBp: 400, termMonths: 12 }] }))).toMatch(
    /before every branch is done; still open: GRID_SUBMISSION, BANK_VIP_CHANNEL/,
  );
  // Completing a finished task.
  expect(await refused(handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', actor: 'assessor@default', evidence: ddEvidence }] }))).toMatch(
    /DUE_DILIGENCE is already done \(by assessor@default/,
  );
  // Someone other than the assignee.
  expect(await refused(handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'someone@else', evidence: gridEvidence }] }))).toMatch(
    /GRID_SUBMISSION is assigned to grid-officer@lujiang, not someone@else/,
  );
  // A malformed 信易贷 number.
  expect(await refused(handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: { applicationNo: '12345' } }] }))).toMatch(
    /applicationNo must be a 信易贷 application number/,
  );
  // Due diligence is same-day: policy does not allow pausing it.
  expect(await refused(handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'DUE_DILIGENCE', reason: '等待补充材料 awaiting materials', actor: 'officer@lujiang' }] }))).toMatch(
    /policy does not allow pausing DUE_DILIGENCE/,
  );
  expect(await refused(handle.executeUpdate(pauseSlaUpdate, { args: [{ kind: 'GRID_SUBMISSION', reason: '', actor: 'officer@lujiang' }] }))).toMatch(/pause reason is required/);
  expect(await refused(handle.executeUpdate(resumeSlaUpdate, { args: [{ actor: 'officer@lujiang' }] }))).toMatch(/the SLA clock is not paused/);
  expect(await refused(handle.executeUpdate(reassignTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', assignee: 'grid-officer@lujiang', assigneeProfile: { role: 'grid_officer', street: 'lujiang' }, actor: 'officer@lujiang', reason: 'x' }] }))).toMatch(
    /already assigned to grid-officer@lujiang/,
  );
  expect(await refused(handle.executeUpdate(reassignTaskUpdate, { args: [{ kind: 'DUE_DILIGENCE', assignee: 'assessor@other', assigneeProfile: { role: 'assessor' }, actor: 'officer@lujiang', reason: 'x' }] }))).toMatch(
    /DUE_DILIGENCE is DONE and can no longer be reassigned/,
  );
  expect(await refused(handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'NOPE' as never, actor: 'x', evidence: gridEvidence } as never] }))).toMatch(/unknown task kind "NOPE"/);

  // Nothing changed: not the workflow's state, not the records.
  expect(await handle.query(getStateQuery)).toEqual(before);
  expect((await eventsOf(h.db, input.caseNo)).length).toBe(eventsBefore);

  // 信易贷 does not know the number: the handler's activity refuses it and the task stays open.
  expect(
    await refused(handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: { applicationNo: UNKNOWN_APPLICATION } }] })),
  ).toMatch(/not confirmed: .*application XYD20260000000000 not found on 信易贷/);
  expect((await handle.query(getStateQuery)).tasks.find((t) => t.kind === 'GRID_SUBMISSION')!.status).toBe('OPEN');

  // Now the decision itself: a wrong amount, rate or reason.
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'GRID_SUBMISSION', actor: 'grid-officer@lujiang', evidence: gridEvidence }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ kind: 'BANK_VIP_CHANNEL', actor: 'customer-manager@xib', evidence: vipEvidence }] });
  expect((await handle.query(getStateQuery)).stage).toBe('CREDIT_DECISION');
  const decide = (req: unknown) => refused(handle.executeUpdate(decideUpdate, { args: [req as DecideRequest] }));
  expect(await decide({ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: input.amountFen + 1, rateBp: 400, termMonths: 12 })).toMatch(
    /amountFen 514000001 exceeds the requested 514000000/,
  );
  expect(await decide({ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: 1000.5, rateBp: 400, termMonths: 12 })).toMatch(/positive integer number of fen/);
  expect(await decide({ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: 1000, rateBp: 0, termMonths: 12 })).toMatch(/rateBp must be an integer/);
  expect(await decide({ outcome: 'REJECTED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, reasons: [] })).toMatch(/at least one categorised reason/);
  expect(await decide({ outcome: 'REJECTED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, reasons: [{ code: 'BAD_LUCK' }] })).toMatch(/unknown rejection reason "BAD_LUCK"/);
  expect(await decide({ outcome: 'REJECTED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, reasons: [{ code: 'OTHER' }] })).toMatch(/reason OTHER needs a note/);
  expect((await handle.query(getStateQuery)).decision).toBeUndefined();

  await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: 200_000_000, rateBp: 420, termMonths: 36 }] });
  expect(await decide({ outcome: 'REJECTED', actor: 'approver2@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, reasons: [{ code: 'LOW_CREDIT_RATING' }] })).toMatch(/the bank already decided: APPROVED by approver@xib/);
  expect((await handle.result()).stage).toBe('DISBURSED');
  // After the money moved the case is over.
  expect(await refused(handle.executeUpdate(withdrawUpdate, { args: [{ reason: 'too late', actor: 'officer@lujiang' }] }))).toMatch(/./);
  await saveHistory(handle, 'invalid-updates');
});
