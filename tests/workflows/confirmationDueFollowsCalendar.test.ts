// Against the real activities, PostgreSQL and the API: a holiday notice loaded while the firm has
// not yet confirmed its contract terms moves the firm's due, and both the officer's view and the
// firm's own read the moved due from the record. 2030 is a year no other test reads from the
// shared database; its notice is test data, removed afterwards.
import request from 'supertest';
import { shanghaiDateTime } from '../../domain/calendar/timeZone';
import { confirmContractUpdate } from '../../workflows/contractMessages';
import { calendarChangedUpdate, decideUpdate } from '../../workflows/fastTrackCase';
import { bearer, bearerAs } from '../support/auth';
import { advanceTo, apiCaseNo, caseInput, completeAllBranches, eventsOf, eventually, startCase, testNotice, useHarnessWithApi } from './caseHarness';

const h = useHarnessWithApi();
const terms = { amountFen: 300_000_000, rateBp: 365, termMonths: 12 };
const approval = { outcome: 'APPROVED' as const, actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' }, ...terms };

test('a notice loaded before the firm confirms moves the firm’s due, as the officer and the firm read it from the record', async () => {
  const acceptedAt = shanghaiDateTime('2030-06-17', '10:00'); // a Monday
  await advanceTo(h.env, acceptedAt);
  // A number of the API's shape: the officer and the firm read the case through the API.
  const input = caseInput(acceptedAt, { caseNo: apiCaseNo(2030), firmConfirmsContract: true });
  const handle = await startCase(h, input);
  await completeAllBranches(handle, input);
  await advanceTo(h.env, shanghaiDateTime('2030-06-19', '10:00')); // Wednesday: due 24:00 Friday the 21st
  await handle.executeUpdate(decideUpdate, { args: [approval] });
  await eventually(async () => expect((await eventsOf(h.db, input.caseNo)).map((e) => e.type)).toContain('CONTRACT_CONFIRMATION_REQUESTED'));

  // The notice rests on Thursday the 20th: the firm's two working days are Friday and Monday.
  await h.db.calendarYear.create({ data: { year: 2030, source: 'test', loadedBy: 'calendar-admin', arrangement: testNotice(2030, '测试休息日', '2030-06-20') as object } });
  try {
    await handle.executeUpdate(calendarChangedUpdate, { args: [{ actor: 'calendar-admin', year: 2030 }] });
    await eventually(async () => expect((await eventsOf(h.db, input.caseNo)).map((e) => e.type)).toContain('CONTRACT_CONFIRMATION_DUE_MOVED'));
  } finally {
    await h.db.calendarYear.delete({ where: { year: 2030 } });
  }
  const dueAt = shanghaiDateTime('2030-06-25').toISOString(); // 24:00 of Monday the 24th
  expect((await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'CONTRACT_CONFIRMATION_DUE_MOVED')).toMatchObject({
    actor: 'calendar-admin',
    data: { before: shanghaiDateTime('2030-06-22').toISOString(), dueAt, year: 2030 },
  });

  const officer = await eventually(async () => {
    const res = await request(h.app).get(`/api/v1/cases/${input.caseNo}`).set('authorization', await bearer('lujiang-officer')).expect(200);
    expect(res.body.answeredBy).toBe('RECORD');
    return res.body;
  });
  expect(officer.contractConfirmation).toMatchObject({ dueAt, confirmedAt: null });
  const firm = await bearerAs({ sub: 'firm-confirming', name: input.firm.name, role: 'firm', creditCode: input.firm.creditCode });
  const own = await request(h.app).get(`/api/v1/firm/cases/${input.caseNo}`).set('authorization', firm).expect(200);
  expect(own.body.contractConfirmation).toMatchObject({ dueDate: '2030-06-24', confirmedAt: null });

  await handle.executeUpdate(confirmContractUpdate, { args: [{ actor: 'firm-confirming', actorCreditCode: input.firm.creditCode, ...terms }] });
  expect(await handle.result()).toMatchObject({ stage: 'DISBURSED' });
});
