import { shanghaiDateTime } from '../../domain/calendar/timeZone';
import { calendarChangedUpdate, decideUpdate, getStateQuery, withdrawUpdate } from '../../workflows/fastTrackCase';
import { DueAt } from '../../workflows/searchAttributes';
import { HOUR, advanceTo, caseInput, completeAllBranches, eventsOf, eventually, saveHistory, startCase, useHarnessWithWorker } from './caseHarness';

const h = useHarnessWithWorker();

// The server clock only moves forward, so the long holiday is the next Spring Festival
// after today: 2027, whose State Council notice is not loaded yet, so the promise is
// provisional: the statutory holidays 除夕–初三 (Fri 02-05 to Mon 02-08), and, since 初一 and 初二
// fall on the weekend, their substitute rest days Tue 02-09 and Wed 02-10 (art. 6).
// 2027-02-04 is the Thursday before it.
const ACCEPTED = shanghaiDateTime('2027-02-04', '10:00');

test('the five-working-day promise skips the Spring Festival and its substitute rest days, and is marked provisional', async () => {
  await advanceTo(h.env, ACCEPTED);
  const input = caseInput(ACCEPTED);
  const handle = await startCase(h, input);

  let state = await handle.query(getStateQuery);
  // Counted: 02-11, 12, 15, 16, 17.
  expect(state.dueAt).toBe(shanghaiDateTime('2027-02-18').toISOString());
  expect(state.dueProvisional).toBe(true);
  expect(state.dueExplanation.join('\n')).toMatch(/2027-02-05 .*春节/);
  expect(state.dueExplanation.join('\n')).toMatch(/2027-02-08 .*春节/);
  expect(state.dueExplanation.join('\n')).toMatch(/2027-02-09 .*补假.*春节补假/);
  expect(state.dueExplanation.join('\n')).toMatch(/2027-02-10 .*春节补假/);
  expect((await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } })).dueAt?.toISOString()).toBe(state.dueAt);

  // Branches done before the break; the bank decides after it.
  await completeAllBranches(handle, input);

  // The night before the last working day: still on track.
  await advanceTo(h.env, shanghaiDateTime('2027-02-16', '23:00'));
  state = await handle.query(getStateQuery);
  expect(state.slaState).toBe('ON_TRACK');
  expect((await eventsOf(h.db, input.caseNo)).map((e) => e.type)).not.toContain('SLA_AT_RISK');

  // Half a working day before 24:00 of 2027-02-17 the promise is at risk.
  await advanceTo(h.env, shanghaiDateTime('2027-02-17', '12:30'));
  await eventually(async () => expect((await handle.query(getStateQuery)).slaState).toBe('AT_RISK'));
  const atRisk = await eventually(async () => {
    const n = (await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'SLA_AT_RISK');
    expect(n).toBeDefined();
    return n!;
  });
  expect(atRisk.data).toMatchObject({ subject: 'PROMISE' });

  await handle.executeUpdate(decideUpdate, { args: [{ outcome: 'APPROVED', actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, amountFen: 300_000_000, rateBp: 365, termMonths: 12 }] });
  state = await handle.result();
  expect(state.stage).toBe('DISBURSED');
  expect(state.slaState).toBe('MET');
  const disbursed = (await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'DISBURSED')!;
  expect(disbursed.data).toMatchObject({ withinPromise: true, workingDaysUsed: 5 });
  expect(new Date(state.disbursement!.at).getTime()).toBeGreaterThan(0);
  expect(new Date(state.dueAt!).getTime() - ACCEPTED.getTime()).toBe(13 * 24 * HOUR + 14 * HOUR);
  // holiday.json is this path before the rule (patch provisional-substitute-rest-days).
  await saveHistory(handle, 'provisional-substitute-rest-days');
});

// 2028 is a year no other test reads from the shared database, so loading a notice for it
// cannot disturb tests running in parallel; the notice is test data, removed afterwards.
test("when a year's State Council notice is loaded, a running case's dues move and stop being provisional", async () => {
  const acceptedAt = shanghaiDateTime('2028-03-06', '14:00'); // a Monday
  await advanceTo(h.env, acceptedAt);
  const input = caseInput(acceptedAt);
  const handle = await startCase(h, input);
  let state = await handle.query(getStateQuery);
  expect(state.dueProvisional).toBe(true);
  expect(state.dueAt).toBe(shanghaiDateTime('2028-03-14').toISOString()); // 24:00 of 2028-03-13

  await h.db.calendarYear.create({
    data: {
      year: 2028,
      source: 'test',
      loadedBy: 'calendar-admin',
      arrangement: {
        year: 2028,
        notice: { title: '测试通知 test notice', documentNo: '测试〔2028〕1号', publishedOn: '2027-11-01' },
        holidays: [{ name: '测试休息日', nameEn: 'test rest days', from: '2028-03-08', to: '2028-03-09' }],
        makeupWorkdays: [],
      },
    },
  });
  try {
    state = await handle.executeUpdate(calendarChangedUpdate, { args: [{ actor: 'calendar-admin' }] });
  } finally {
    await h.db.calendarYear.delete({ where: { year: 2028 } });
  }
  // Working days after 2028-03-06 are now 03-07, 10, 13, 14, 15.
  expect(state.dueAt).toBe(shanghaiDateTime('2028-03-16').toISOString());
  expect(state.dueProvisional).toBe(false);
  expect(state.tasks.find((t) => t.kind === 'BANK_VIP_CHANNEL')!.dueAt).toBe(shanghaiDateTime('2028-03-14').toISOString());
  expect((await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } })).dueAt?.toISOString()).toBe(state.dueAt);
  expect((await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'DUES_RECOMPUTED')).toMatchObject({
    actor: 'calendar-admin',
    data: { before: { dueAt: shanghaiDateTime('2028-03-14').toISOString(), provisional: true }, after: { dueAt: state.dueAt, provisional: false } },
  });
  expect((await handle.describe()).typedSearchAttributes.get(DueAt)?.toISOString()).toBe(state.dueAt);

  await handle.executeUpdate(withdrawUpdate, { args: [{ reason: '测试结束 end of test', actor: 'officer@lujiang' }] });
  await handle.result();
  await saveHistory(handle, 'calendar-changed');
});
