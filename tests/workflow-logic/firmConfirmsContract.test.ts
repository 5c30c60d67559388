// A case opened with firmConfirmsContract waits, once approved, for the firm to confirm the terms
// (确认) before the contract is signed: only the case's own firm, only while waiting, only the
// approved terms; each refusal changes nothing. The wait runs on its own working-day clock
// (two working days): the firm and its bank are reminded at noon of the last day, the street
// office and the bank told once it passed; a withdrawal ends the wait; a holiday notice taken in
// meanwhile moves the due. 2035 has no notice loaded; the weeks used here hold no holiday. The
// confirmed paths' histories join the replay test.
import { confirmContractUpdate, type ConfirmContractRequest } from '../../workflows/contractMessages';
import { calendarNoticeLoadedSignal, decideUpdate, getStateQuery, withdrawUpdate } from '../../workflows/fastTrackCase';
import { sciTechGetStateQuery } from '../../workflows/sciTechCase';
import { completeAllBranches, eventually, refusal, testNotice } from '../support/caseScenarios';
import { biotech, sciTechInput, startSciTech } from '../support/sciTechScenarios';
import { saveHistory } from '../workflows/historyFiles';
import { acceptCase, at, clockTo, finalResult, useStubbedWorker } from './harness';

const s = useStubbedWorker();
const approver = { actor: 'approver@xib', actorProfile: { role: 'credit_approver' as const, bank: 'xib' } };
const terms = { amountFen: 500_000_000, rateBp: 385, termMonths: 12 };

/** A flagged fast-track case accepted on `date` 10:00 with its branches done: the bank decides next. */
async function awaitingDecision(date: string) {
  const { input, handle } = await acceptCase(s, at(date, '10:00'), { firmConfirmsContract: true });
  await completeAllBranches(handle, input);
  const confirm = (req: Partial<ConfirmContractRequest> = {}) =>
    handle.executeUpdate(confirmContractUpdate, { args: [{ actor: 'lujiang-firm', actorCreditCode: input.firm.creditCode, ...terms, ...req }] });
  return { input, handle, confirm };
}

const entry = (caseNo: string, eventKey: string) => s.rec.timeline(caseNo).find((e) => e.eventKey === eventKey);

test('approved, the case waits for the firm; refusals change nothing; reminded at noon of the second working day; the confirmation signs and pays', async () => {
  const { input, handle, confirm } = await awaitingDecision('2035-03-05'); // a Monday
  expect(await refusal(confirm())).toMatch(/^案件处于CREDIT_DECISION，不在等待企业确认合同/);

  await clockTo(s.env, at('2035-03-08', '10:00')); // Thursday
  await handle.executeUpdate(decideUpdate, { args: [{ ...approver, outcome: 'APPROVED', ...terms }] });
  await eventually(async () => expect(s.rec.types(input.caseNo)).toContain('CONTRACT_CONFIRMATION_REQUESTED'));
  const waiting = await handle.query(getStateQuery);
  // Two working days after Thursday: Friday and Monday, so 24:00 Monday 12 March.
  expect(waiting).toMatchObject({ stage: 'CONTRACTING', contractConfirmation: { terms, dueAt: at('2035-03-12', '24:00').toISOString(), atRiskAt: at('2035-03-12', '12:00').toISOString(), level: 'ON_TRACK' } });
  expect(entry(input.caseNo, 'contract-confirmation-firm-sms')?.data).toMatchObject({ audience: [`FIRM:${input.firm.creditCode}`], zh: expect.stringContaining('请于2035-03-12前登录确认合同条款') });

  expect(await refusal(confirm({ actorCreditCode: '91350203MA2LJ1D178' }))).toMatch(/^只有申请企业本身可以确认合同/);
  expect(await refusal(confirm({ actorCreditCode: '' }))).toMatch(/^只有申请企业本身可以确认合同/);
  expect(await refusal(confirm({ rateBp: 350 }))).toBe(
    '您确认的条款与批准的不一致，请刷新页面后重新确认（批准条款：500万元，年利率3.85%，期限12个月） the terms confirmed differ from the approved ones in rateBp; reload the page and confirm again (approved: CNY 5000000.00 at 3.85% a year for 12 months)',
  );
  expect(await refusal(confirm({ amountFen: 514_000_000, termMonths: 24 }))).toMatch(/differ from the approved ones in amountFen, termMonths/);
  expect(await handle.query(getStateQuery)).toEqual(waiting);
  expect(s.rec.types(input.caseNo)).not.toContain('CONTRACT_SIGNED');

  // Friday and the weekend pass: 48 calendar hours are not two working days.
  await clockTo(s.env, at('2035-03-11', '18:00'));
  expect(entry(input.caseNo, 'notice:at-risk:contract-confirmation')).toBeUndefined();
  await clockTo(s.env, at('2035-03-12', '12:30'));
  await eventually(async () => expect(entry(input.caseNo, 'notice:at-risk:contract-confirmation')?.data).toMatchObject({ audience: [`FIRM:${input.firm.creditCode}`, 'BANK:xib'] }));

  const confirmed = await confirm();
  expect(confirmed.contractConfirmation).toMatchObject({ confirmedBy: 'lujiang-firm', level: 'AT_RISK' });
  const final = await finalResult(s, handle);
  expect(final).toMatchObject({ stage: 'DISBURSED', disbursement: { amountFen: terms.amountFen } });
  const types = s.rec.types(input.caseNo);
  expect(types.indexOf('CONTRACT_CONFIRMED')).toBeLessThan(types.indexOf('CONTRACT_SIGNED'));
  expect(s.rec.timeline(input.caseNo).find((e) => e.type === 'CONTRACT_CONFIRMED')).toMatchObject({ actor: 'lujiang-firm', data: terms });
  expect(entry(input.caseNo, 'escalated:contract-confirmation')).toBeUndefined();
  expect(entry(input.caseNo, 'disbursed-firm-sms')).toBeDefined();
  await saveHistory(handle, 'firm-confirmed-contract');
});

test('unconfirmed past its due: on the timeline and to the street office and the bank; a withdrawal then ends the wait with nothing signed', async () => {
  const { input, handle } = await awaitingDecision('2035-03-19'); // a Monday
  await clockTo(s.env, at('2035-03-21', '15:00')); // Wednesday: due 24:00 Friday
  await handle.executeUpdate(decideUpdate, { args: [{ ...approver, outcome: 'APPROVED', ...terms }] });
  await eventually(async () => expect(s.rec.types(input.caseNo)).toContain('CONTRACT_CONFIRMATION_REQUESTED'));

  await clockTo(s.env, at('2035-03-23', '23:00'));
  expect(entry(input.caseNo, 'escalated:contract-confirmation')).toBeUndefined();
  await clockTo(s.env, at('2035-03-24', '09:00')); // Saturday
  await eventually(async () =>
    expect(entry(input.caseNo, 'escalated:contract-confirmation')).toMatchObject({ type: 'ESCALATED', data: { audience: ['STREET_OFFICE:lujiang', 'BANK:xib'], zh: expect.stringContaining('【确认超时督办】') } }),
  );
  expect(s.rec.types(input.caseNo)).toContain('CONTRACT_CONFIRMATION_OVERDUE');
  expect((await handle.query(getStateQuery)).contractConfirmation?.level).toBe('BREACHED');

  await handle.executeUpdate(withdrawUpdate, { args: [{ reason: '企业不再需要贷款 the firm no longer needs the loan', actor: 'officer@lujiang' }] });
  const final = await finalResult(s, handle);
  expect(final.stage).toBe('WITHDRAWN');
  expect(final.contract).toBeUndefined();
  expect(s.rec.types(input.caseNo)).not.toContain('CONTRACT_SIGNED');
});

test('a sci-tech case approved automatically waits the same way, and is paid once its firm confirms', async () => {
  const acceptedAt = at('2035-04-02', '10:00'); // a Monday
  await clockTo(s.env, acceptedAt);
  const input = { ...sciTechInput(acceptedAt, biotech), firmConfirmsContract: true };
  const handle = await startSciTech(s, input);
  await eventually(async () => expect((await handle.query(sciTechGetStateQuery)).contractConfirmation).toBeDefined());
  const state = await handle.query(sciTechGetStateQuery);
  expect(state.stage).toBe('CONTRACTING');
  const confirmed = await handle.executeUpdate(confirmContractUpdate, { args: [{ actor: 'biotech-firm', actorCreditCode: input.firm.creditCode, ...state.contractConfirmation!.terms }] });
  expect(confirmed.contractConfirmation?.confirmedBy).toBe('biotech-firm');
  expect(await finalResult(s, handle)).toMatchObject({ stage: 'DISBURSED' });
});

test('a holiday notice taken in before the firm confirms moves its due: on the timeline, the old noon passes quietly, the new one reminds', async () => {
  const { input, handle, confirm } = await awaitingDecision('2035-04-16'); // a Monday
  await clockTo(s.env, at('2035-04-19', '10:00')); // Thursday: due 24:00 Monday the 23rd
  await handle.executeUpdate(decideUpdate, { args: [{ ...approver, outcome: 'APPROVED', ...terms }] });
  await eventually(async () => expect(s.rec.types(input.caseNo)).toContain('CONTRACT_CONFIRMATION_REQUESTED'));
  const before = at('2035-04-23', '24:00').toISOString();
  expect((await handle.query(getStateQuery)).contractConfirmation?.dueAt).toBe(before);

  // The notice rests on Friday the 20th: the firm's two working days are Monday and Tuesday.
  s.rec.calendarYears.push(testNotice(2035, '测试休息日', '2035-04-20'));
  try {
    await handle.signal(calendarNoticeLoadedSignal, { actor: 'calendar-admin', year: 2035 });
    const dueAt = at('2035-04-24', '24:00').toISOString();
    await eventually(async () =>
      expect(entry(input.caseNo, 'contract-confirmation-due-moved:1')).toMatchObject({
        type: 'CONTRACT_CONFIRMATION_DUE_MOVED',
        actor: 'calendar-admin',
        data: { before, dueAt, atRiskAt: at('2035-04-24', '12:00').toISOString(), year: 2035 },
      }),
    );
    expect((await handle.query(getStateQuery)).contractConfirmation).toMatchObject({ dueAt, level: 'ON_TRACK' });

    await clockTo(s.env, at('2035-04-23', '12:30'));
    expect(entry(input.caseNo, 'notice:at-risk:contract-confirmation')).toBeUndefined();
    await clockTo(s.env, at('2035-04-24', '12:30'));
    await eventually(async () => expect(entry(input.caseNo, 'notice:at-risk:contract-confirmation')?.data).toMatchObject({ zh: expect.stringContaining('请于 2035-04-24 24:00 前登录确认') }));

    await confirm();
    expect(await finalResult(s, handle)).toMatchObject({ stage: 'DISBURSED' });
    expect(entry(input.caseNo, 'escalated:contract-confirmation')).toBeUndefined();
    await saveHistory(handle, 'confirmation-due-follows-calendar');
  } finally {
    s.rec.resetCalendar();
  }
});
