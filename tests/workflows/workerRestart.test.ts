import { SandboxAssessor, SandboxBank, SandboxIpValuation, SandboxNotificationChannel, SandboxXinyidai } from '../../activities/adapters';
import { decideUpdate, getStateQuery } from '../../workflows/fastTrackCase';
import { advanceTo, caseInput, completeAllBranches, createHarness, eventsOf, eventually, nextWorkingMorning, saveHistory, startCase, type Harness } from './caseHarness';

jest.setTimeout(40_000);
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.teardown());

test('a worker dies right after the bank paid; its replacement finishes the case without paying twice', async () => {
  // Worker 1's bank commits the payment, then the worker is stopped before it can answer.
  let paid!: () => void;
  const paymentCommitted = new Promise<void>((r) => (paid = r));
  const crashingBank = new SandboxBank(h.db, {
    afterPayment: (_caseNo, signal) =>
      new Promise<void>((_, reject) => {
        paid();
        signal?.addEventListener('abort', () => reject(new Error('worker stopped mid-call')));
      }),
  });
  const first = await h.startWorker({ xinyidai: new SandboxXinyidai(), bank: crashingBank, assessor: new SandboxAssessor(), ipValuation: new SandboxIpValuation(), notifications: new SandboxNotificationChannel() }, {
    shutdownGraceTime: '200ms',
    // No workflow cache, so no sticky queue: the time-skipping test server never moves a
    // dead worker's sticky tasks back to the shared queue, as a real server does.
    maxCachedWorkflows: 0,
  });

  const acceptedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, acceptedAt);
  const input = caseInput(acceptedAt);
  const handle = await startCase(h, input);
  await completeAllBranches(handle, input);
  await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: 480_000_000, rateBp: 395, termMonths: 12 }] });

  await paymentCommitted;
  expect((await handle.query(getStateQuery)).stage).toBe('DISBURSING');
  await first.stop();

  // Worker 2's bank also loses its first answer: a second retry, still one payment.
  await h.startWorker({ xinyidai: new SandboxXinyidai(), bank: new SandboxBank(h.db, { loseResponseFirst: 1 }), assessor: new SandboxAssessor(), ipValuation: new SandboxIpValuation(), notifications: new SandboxNotificationChannel() });
  const state = await handle.result();

  expect(state.stage).toBe('DISBURSED');
  expect(state.disbursement).toMatchObject({ reference: `FK-${input.caseNo}`, amountFen: 480_000_000 });
  const { payments, contracts } = await new SandboxBank(h.db).ledger([input.caseNo]);
  expect(payments).toHaveLength(1);
  expect(payments[0]!.amountFen).toBe(480_000_000);
  expect(contracts).toHaveLength(1);
  await eventually(async () => {
    const disbursed = (await eventsOf(h.db, input.caseNo)).filter((e) => e.type === 'DISBURSED');
    expect(disbursed).toHaveLength(1);
  });
  const history = await handle.fetchHistory();
  const disburseAttempts = history.events!.filter((e) => e.activityTaskStartedEventAttributes && e.activityTaskStartedEventAttributes.attempt! > 1);
  expect(disburseAttempts.length).toBeGreaterThanOrEqual(1);
  await saveHistory(handle, 'worker-restart');
});
