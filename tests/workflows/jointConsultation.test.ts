// One refused firm's joint consultation on the time-skipping server: reasons, a plan, the
// clock paused while the firm supplies materials, re-review and the linked case it opens.
import { extendByPauses } from '../../domain/calendar/shiftWorkingTime';
import { shanghaiDateTime } from '../../domain/calendar/timeZone';
import { calendarNoticeLoadedSignal } from '../../workflows/fastTrackCaseMessages';
import { CaseStage, ConsultationLink, SlaState } from '../../workflows/searchAttributes';
import {
  completeMaterialsUpdate,
  consultationStateQuery,
  proposePlanUpdate,
  reReviewUpdate,
  requestMaterialsUpdate,
  withdrawConsultationUpdate,
} from '../../workflows/jointConsultation';
import { advanceTo, calendar, eventsOf, eventually, nextWorkingMorning, refusal, saveHistory, settled, useHarnessWithWorker } from './caseHarness';
import { ccbApprover, ccbManager, consultationEvents, consultationInput, startConsultation, taskForce, xibApprover, xibManager } from './consultationHarness';

const h = useHarnessWithWorker();

test('a plan with a different bank: materials pause the clock, re-review accepts, a linked fast-track case opens', async () => {
  const openedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, openedAt);
  const input = consultationInput(openedAt);
  const handle = await startConsultation(h, input);
  const opened = await handle.query(consultationStateQuery);
  const dueBefore = new Date(opened.dueAt!);
  expect(dueBefore).toEqual(calendar.addWorkingDays(openedAt, 5).dueAt);
  expect(opened.stage).toBe('REASONS_RECORDED');

  // Validators give the precise reason and change nothing.
  const ccbPlan = { kind: 'DIFFERENT_BANK' as const, product: 'FAST_TRACK' as const, bankCode: 'ccb', amountFen: 250_000_000, note: '建行抵押要求较低 CCB asks less collateral' };
  expect(await refusal(handle.executeUpdate(proposePlanUpdate, { args: [{ actor: xibManager, plan: ccbPlan }] }))).toMatch(/只能处理本行的方案 xib-manager works for xib, not ccb/);
  expect(await refusal(handle.executeUpdate(proposePlanUpdate, { args: [{ actor: taskForce, plan: { ...ccbPlan, bankCode: 'xib' } }] }))).toMatch(/更换银行方案须换一家银行/);
  expect(await refusal(handle.executeUpdate(reReviewUpdate, { args: [{ actor: ccbApprover, outcome: 'ACCEPTED' }] }))).toMatch(/会诊处于REASONS_RECORDED，不能复审/);

  expect((await handle.executeUpdate(proposePlanUpdate, { args: [{ actor: ccbManager, plan: ccbPlan }] })).stage).toBe('PLAN_PROPOSED');
  const paused = await handle.executeUpdate(requestMaterialsUpdate, { args: [{ actor: taskForce, missing: ['2025年度审计报告 2025 audited accounts'], reason: '建行需要审计报告 CCB needs audited accounts' }] });
  expect([paused.stage, paused.slaState]).toEqual(['MATERIALS', 'PAUSED']);

  // Two working days pass while the firm gathers its accounts: the due moves by as much.
  const resumeAt = new Date(calendar.addWorkingDays(openedAt, 2).dueAt.getTime() - 14 * 60 * 60 * 1000); // 10:00 the second working day on
  await advanceTo(h.env, resumeAt);
  const resumed = await handle.executeUpdate(completeMaterialsUpdate, { args: [{ actor: taskForce, note: '审计报告已补 accounts supplied' }] });
  expect(resumed.stage).toBe('RE_REVIEW');
  expect(resumed.materials[0].pausedWorkingDays).toBe(2);
  expect(resumed.dueAt).toBe(extendByPauses(calendar, dueBefore, { workingDays: 2, workingMs: 0 }).toISOString());
  expect(resumed.slaState).toBe('ON_TRACK');

  expect(await refusal(handle.executeUpdate(reReviewUpdate, { args: [{ actor: xibApprover, outcome: 'ACCEPTED' }] }))).toMatch(/xib-approver works for xib, not ccb/);
  const accepted = await handle.executeUpdate(reReviewUpdate, { args: [{ actor: ccbApprover, outcome: 'ACCEPTED', note: '同意按250万授信 agreed at 2.5m' }] });
  expect(accepted.stage).toBe('ACCEPTED');
  const { caseNo, workflowId, product } = accepted.linkedCase!;
  expect(caseNo).toMatch(/^GL-\d{4}-\d{6,}$/);
  expect(product).toBe('FAST_TRACK');
  const [final] = await settled(handle);
  expect(final).toMatchObject({ stage: 'ACCEPTED', slaState: 'MET', linkedCase: { caseNo } });

  // The link both ways: the case names the consultation in Temporal UI and in its record.
  const described = await h.env.client.workflow.getHandle(workflowId).describe();
  expect(described.typedSearchAttributes.get(ConsultationLink)).toBe(input.consultationId);
  expect(described.status.name).toBe('RUNNING');
  const record = await eventually(() => h.db.loanCase.findUniqueOrThrow({ where: { caseNo } }));
  expect(record).toMatchObject({ product: 'FAST_TRACK', bankCode: 'ccb', streetCode: 'lujiang', amountFen: 250_000_000n, workflowId, createdBy: 'ccb-approver' });
  expect((await eventsOf(h.db, caseNo))[0]).toMatchObject({ type: 'ACCEPTED', data: { consultationId: input.consultationId } });
  expect((await handle.describe()).typedSearchAttributes.get(ConsultationLink)).toBe(caseNo);
  expect((await handle.describe()).typedSearchAttributes.get(CaseStage)).toBe('ACCEPTED');

  const row = await h.db.consultation.findUniqueOrThrow({ where: { consultationId: input.consultationId } });
  expect(row).toMatchObject({ stage: 'ACCEPTED', slaState: 'MET', linkedCaseNo: caseNo, planBankCode: 'ccb', dueAt: new Date(resumed.dueAt!) });
  expect((await consultationEvents(h, input.consultationId)).map((e) => e.type)).toEqual(['OPENED', 'PLAN_PROPOSED', 'MATERIALS_REQUESTED', 'MATERIALS_COMPLETE', 'ACCEPTED']);
  await saveHistory(handle, 'joint-consultation-accepted');
});

test('left alone, a consultation turns AT_RISK then BREACHED and is escalated; a withdrawal closes it', async () => {
  const openedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, openedAt);
  const input = consultationInput(openedAt, { reasons: undefined });
  const handle = await startConsultation(h, input);
  const { dueAt } = await handle.query(consultationStateQuery);
  expect(await refusal(handle.executeUpdate(proposePlanUpdate, { args: [{ actor: taskForce, plan: { kind: 'SMALLER_AMOUNT', product: 'FAST_TRACK', bankCode: 'xib', amountFen: 1 } }] }))).toMatch(/请先记录拒贷原因/);

  await advanceTo(h.env, new Date(new Date(dueAt!).getTime() + 60_000));
  await eventually(async () => expect((await handle.query(consultationStateQuery)).slaState).toBe('BREACHED'));
  const events = await eventually(async () => {
    const e = await consultationEvents(h, input.consultationId);
    expect(e.map((x) => x.type)).toEqual(['OPENED', 'SLA_AT_RISK', 'NOTIFICATION', 'SLA_BREACHED', 'ESCALATED']);
    return e;
  });
  expect((events[4].data as { text: string }).text).toMatch(/^【超时督办】厦门鹭江五金制品有限公司的银行联合会诊 .* 已于 .* 超过5个工作日，所处阶段 OPENED/);
  expect((await handle.describe()).typedSearchAttributes.get(SlaState)).toBe('BREACHED');

  const withdrawn = await handle.executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '企业已另行融资 the firm found other funding' }] });
  expect(withdrawn).toMatchObject({ stage: 'WITHDRAWN', slaState: 'BREACHED' });
  await settled(handle);
  await saveHistory(handle, 'joint-consultation-breached');
});

test('a plan declined at re-review is on the record when the approver gets the answer', async () => {
  const openedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, openedAt);
  const input = consultationInput(openedAt);
  const handle = await startConsultation(h, input);
  await handle.executeUpdate(proposePlanUpdate, { args: [{ actor: xibManager, plan: { kind: 'SMALLER_AMOUNT', product: 'FAST_TRACK', bankCode: 'xib', amountFen: 100_000_000 } }] });
  expect((await handle.executeUpdate(completeMaterialsUpdate, { args: [{ actor: taskForce }] })).stage).toBe('RE_REVIEW');

  const declined = await handle.executeUpdate(reReviewUpdate, { args: [{ actor: xibApprover, outcome: 'DECLINED', note: '营收仍不足 revenue still short' }] });
  expect([declined.stage, declined.slaState]).toEqual(['DECLINED', 'MET']);
  // Read at once, as the batch report is: the decline is already written.
  expect(await h.db.consultation.findUniqueOrThrow({ where: { consultationId: input.consultationId } })).toMatchObject({ stage: 'DECLINED' });
  expect((await consultationEvents(h, input.consultationId)).find((e) => e.type === 'DECLINED')).toMatchObject({ actor: 'xib-approver', data: { note: '营收仍不足 revenue still short' } });
  await settled(handle);
  // Patch re-review-answers-once-recorded.
  await saveHistory(handle, 'joint-consultation-declined-answered-once-recorded');
});

// 2029 is a year no other test reads from the shared database (holiday.test.ts uses 2028), so
// the test notice cannot disturb tests running in parallel; it is removed afterwards. Last in
// the file: the server clock stays in 2029.
test("loading a year's notice moves a running consultation's due, as the calendar API signals it", async () => {
  const openedAt = shanghaiDateTime('2029-03-05', '14:00'); // a Monday
  await advanceTo(h.env, openedAt);
  const input = consultationInput(openedAt);
  const handle = await startConsultation(h, input);
  // No 2029 notice: counted 03-06, 07, 08, 09, 12; due at 24:00 of 2029-03-12.
  expect((await handle.query(consultationStateQuery)).dueAt).toBe(shanghaiDateTime('2029-03-13').toISOString());

  await h.db.calendarYear.create({
    data: {
      year: 2029,
      source: 'test',
      loadedBy: 'calendar-admin',
      arrangement: {
        year: 2029,
        notice: { title: '测试通知 test notice', documentNo: '测试〔2029〕1号', publishedOn: '2028-11-01' },
        holidays: [{ name: '测试休息日', nameEn: 'test rest days', from: '2029-03-07', to: '2029-03-08' }],
        makeupWorkdays: [],
      },
    },
  });
  try {
    await handle.signal(calendarNoticeLoadedSignal, { actor: 'calendar-admin', year: 2029 });
    // Counted now 03-06, 09, 12, 13, 14: due at 24:00 of 2029-03-14.
    const due = shanghaiDateTime('2029-03-15').toISOString();
    await eventually(async () => expect((await handle.query(consultationStateQuery)).dueAt).toBe(due));
    const moved = await eventually(async () => {
      const e = (await consultationEvents(h, input.consultationId)).find((x) => x.type === 'DUE_RECOMPUTED');
      expect(e).toBeDefined();
      return e!;
    });
    expect(moved).toMatchObject({ actor: 'calendar-admin', data: { before: shanghaiDateTime('2029-03-13').toISOString(), after: due, year: 2029 } });
    expect((await h.db.consultation.findUniqueOrThrow({ where: { consultationId: input.consultationId } })).dueAt?.toISOString()).toBe(due);
  } finally {
    await h.db.calendarYear.delete({ where: { year: 2029 } });
  }
  await handle.executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '测试结束 test over' }] });
  await settled(handle);
});
