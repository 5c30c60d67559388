// Sci-tech credit (善科贷) on the time-skipping server, with real activities and the test database.
import { SANDBOX_BASE_VALUATION_FEN, SandboxBank } from '../../activities/adapters';
import { SCI_TECH_POLICY } from '../../domain/sciTech/policy';
import { AmountFen, CaseStage, Product, SlaBreaches, SlaState } from '../../workflows/searchAttributes';
import { sciTechCaseWorkflow, sciTechDecideUpdate, sciTechGetStateQuery, sciTechWithdrawUpdate } from '../../workflows/sciTechCase';
import { biotech, borderline, sciTechInput, startSciTech, weak } from '../support/sciTechScenarios';
import { HOUR, advanceTo, eventsOf, eventually, patchMarkers, patchesMarkedAfterLocalActivity, refusal, saveHistory, useHarnessWithWorker } from './caseHarness';

const h = useHarnessWithWorker();

async function acceptNow(): Promise<Date> {
  // Whole minute; any hour of any day: the promise is in calendar hours.
  const t = await h.env.currentTimeMs();
  return new Date(t - (t % 60_000) + 60_000);
}

test('the 莲前 biotech firm: automatic approval, paid well inside 48 hours, exactly once', async () => {
  const acceptedAt = await acceptNow();
  await advanceTo(h.env, acceptedAt);
  const input = sciTechInput(acceptedAt, biotech);
  const handle = await h.env.client.workflow.start(sciTechCaseWorkflow, { workflowId: `case-${input.caseNo}`, taskQueue: h.taskQueue, args: [input] });
  const state = await handle.result();

  expect(state).toMatchObject({ stage: 'DISBURSED', slaState: 'MET', score: 100, band: 'AUTO_APPROVE', breaches: [] });
  expect(state.dueAt).toBe(new Date(acceptedAt.getTime() + 48 * HOUR).toISOString());
  expect(state.decision).toMatchObject({ outcome: 'APPROVED', automatic: true, by: 'system:scoring', amountFen: 120_000_000, ...SCI_TECH_POLICY.autoTerms });
  expect(state.valuations!.map((v) => v.valuationFen)).toEqual([...Array(3).fill(SANDBOX_BASE_VALUATION_FEN.INVENTION), ...Array(2).fill(SANDBOX_BASE_VALUATION_FEN.UTILITY_MODEL)]);
  expect(state.factors!.map((f) => [f.code, f.points])).toEqual([
    ['PATENT_PORTFOLIO', 20],
    ['IP_COVERAGE', 20],
    ['RD_INTENSITY', 20],
    ['REVENUE_TREND', 20],
    ['YEARS_IN_OPERATION', 10],
    ['LEVERAGE', 10],
  ]);
  expect(state.disbursement).toMatchObject({ amountFen: 120_000_000, reference: `FK-${input.caseNo}` });

  // Well inside 48 calendar hours on the server's clock.
  const desc = await handle.describe();
  const elapsed = desc.closeTime!.getTime() - acceptedAt.getTime();
  expect(elapsed).toBeLessThan(48 * HOUR);
  const events = await eventsOf(h.db, input.caseNo);
  expect(events.map((e) => e.type)).toEqual(['ACCEPTED', 'EVALUATION_STARTED', 'EVALUATED', 'APPROVED', 'CONTRACT_SIGNED', 'DISBURSED', 'NOTIFICATION']);
  // The bank's SMS reached the firm, by its credit code, through the notification channel.
  expect(await h.db.notification.findMany({ where: { source: input.caseNo }, select: { recipient: true, zh: true, deliveredAt: true } })).toEqual([
    { recipient: `FIRM:${input.firm.creditCode}`, zh: `您申请的贷款120万元已放款到账（申请编号 ${input.caseNo}，放款流水号 FK-${input.caseNo}）。`, deliveredAt: expect.any(Date) },
  ]);
  const disbursed = events.find((e) => e.type === 'DISBURSED')!.data as { elapsedMs: number; withinPromise: boolean };
  expect(disbursed.withinPromise).toBe(true);
  expect(disbursed.elapsedMs).toBeLessThan(48 * HOUR);
  expect(events.find((e) => e.type === 'EVALUATED')!.data).toMatchObject({ score: 100, band: 'AUTO_APPROVE', limit: { recommendedFen: 120_000_000 } });

  const paid = (await new SandboxBank(h.db).ledger([input.caseNo])).payments;
  expect(paid).toHaveLength(1);
  expect(paid[0]!.amountFen).toBe(120_000_000);
  const record = await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } });
  expect(record).toMatchObject({ product: 'SCI_TECH', stage: 'DISBURSED', slaState: 'MET', streetCode: 'lianqian', amountFen: 120_000_000n });

  expect(desc.typedSearchAttributes.get(Product)).toBe('SCI_TECH');
  expect(desc.typedSearchAttributes.get(CaseStage)).toBe('DISBURSED');
  expect(desc.typedSearchAttributes.get(SlaState)).toBe('MET');
  expect(desc.typedSearchAttributes.get(AmountFen)).toBe(120_000_000);

  // Both acceptance writes ran inside the first workflow task (local activities): the valuation is
  // the first activity the server schedules.
  const history = (await handle.fetchHistory()).events ?? [];
  const valuation = history.findIndex((e) => e.activityTaskScheduledEventAttributes);
  expect(history[valuation]!.activityTaskScheduledEventAttributes!.activityType!.name).toBe('valuePatents');
  expect(history.slice(0, valuation).filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
  expect(history.slice(0, valuation).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(2);
  expect(patchMarkers(history)).toEqual(['sci-tech-2026-12']);
  expect(patchesMarkedAfterLocalActivity(history)).toEqual([]);
  await saveHistory(handle, 'sci-tech-auto-approved');
  await saveHistory(handle, 'sci-tech-local-acceptance');
  await saveHistory(handle, 'sci-tech-local-projections');
  await saveHistory(handle, 'sci-tech-2026-12');
});

test('a borderline score waits for the approver past 48 hours: AT_RISK, BREACHED and escalated, then paid with BREACHED kept', async () => {
  const acceptedAt = await acceptNow();
  await advanceTo(h.env, acceptedAt);
  const input = sciTechInput(acceptedAt, borderline);
  const handle = await startSciTech(h, input);

  const review = await eventually(async () => {
    const s = await handle.query(sciTechGetStateQuery);
    expect(s.stage).toBe('MANUAL_REVIEW');
    return s;
  });
  expect(review).toMatchObject({ score: 64, band: 'MANUAL_REVIEW', slaState: 'ON_TRACK', limit: { recommendedFen: 50_000_000 } });
  expect(review.bandReasons!.map((r) => r.code)).toEqual(['SCORE_AMBIGUOUS']);

  // Eight hours before the due instant (40 h after acceptance) it turns AT_RISK.
  await advanceTo(h.env, new Date(acceptedAt.getTime() + 39 * HOUR));
  expect((await handle.query(sciTechGetStateQuery)).slaState).toBe('ON_TRACK');
  await advanceTo(h.env, new Date(acceptedAt.getTime() + 40 * HOUR + 60_000));
  await eventually(async () => expect((await handle.query(sciTechGetStateQuery)).slaState).toBe('AT_RISK'));
  const notice = await eventually(async () => {
    const n = (await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'NOTIFICATION' && e.eventKey.startsWith('notice:at-risk'));
    expect(n).toBeDefined();
    return n!;
  });
  expect((notice.data as { audience: string[] }).audience).toEqual(['credit-approver@ccb', 'STREET_OFFICE:lianqian', 'TASK_FORCE']);
  expect((notice.data as { text: string }).text).toMatch(/^【预警】.*48小时承诺.*\n\[At risk\].*48-hour promise/s);

  // The 48 hours pass without a decision: breached, escalated, the case carries on.
  await advanceTo(h.env, new Date(acceptedAt.getTime() + 48 * HOUR + 60_000));
  const breached = await eventually(async () => {
    const s = await handle.query(sciTechGetStateQuery);
    expect(s.slaState).toBe('BREACHED');
    return s;
  });
  expect(breached.stage).toBe('MANUAL_REVIEW');
  expect(breached.breaches).toEqual([{ dueAt: breached.dueAt, breachedAt: expect.any(String), stage: 'MANUAL_REVIEW' }]);
  const escalated = await eventually(async () => {
    const e = (await eventsOf(h.db, input.caseNo)).find((x) => x.type === 'ESCALATED');
    expect(e).toBeDefined();
    return e!;
  });
  expect((escalated.data as { audience: string[] }).audience).toContain('TASK_FORCE:综合协调组');
  expect((await handle.describe()).typedSearchAttributes.get(SlaBreaches)).toBe(1);

  // The approver's update is checked against policy before it is accepted.
  const approve = { outcome: 'APPROVED' as const, actor: 'credit-approver@ccb', actorProfile: { role: 'credit_approver' as const, bank: 'ccb' }, amountFen: 50_000_000, rateBp: 420, termMonths: 12 };
  expect(await refusal(handle.executeUpdate(sciTechDecideUpdate, { args: [{ ...approve, amountFen: 50_000_001 }] }))).toMatch(/超过建议额度.*exceeds the recommended limit 50000000/);
  expect(await refusal(handle.executeUpdate(sciTechDecideUpdate, { args: [{ ...approve, rateBp: 3000 }] }))).toMatch(/利率超出政策范围/);
  expect(await refusal(handle.executeUpdate(sciTechDecideUpdate, { args: [{ ...approve, termMonths: 60 }] }))).toMatch(/期限超出政策范围/);
  const decided = await handle.executeUpdate(sciTechDecideUpdate, { args: [approve] });
  expect(decided.stage).not.toBe('MANUAL_REVIEW');
  const state = await handle.result();

  expect(state).toMatchObject({ stage: 'DISBURSED', slaState: 'BREACHED', decision: { automatic: false, by: 'credit-approver@ccb', amountFen: 50_000_000 } });
  const types = (await eventsOf(h.db, input.caseNo)).map((e) => e.type);
  expect(types.indexOf('SLA_AT_RISK')).toBeLessThan(types.indexOf('SLA_BREACHED'));
  expect(types.indexOf('SLA_BREACHED')).toBeLessThan(types.indexOf('APPROVED'));
  expect(types).toEqual(expect.arrayContaining(['MANUAL_REVIEW', 'ESCALATED', 'CONTRACT_SIGNED', 'DISBURSED']));
  const disbursed = (await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'DISBURSED')!;
  expect(disbursed.data).toMatchObject({ withinPromise: false });
  expect((await new SandboxBank(h.db).ledger([input.caseNo])).payments).toHaveLength(1);
  expect(await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } })).toMatchObject({ stage: 'DISBURSED', slaState: 'BREACHED' });
  await saveHistory(handle, 'sci-tech-manual-breached');
});

test('a weak application is rejected automatically, with the factors that produced it recorded', async () => {
  const acceptedAt = await acceptNow();
  await advanceTo(h.env, acceptedAt);
  const input = sciTechInput(acceptedAt, weak);
  const handle = await startSciTech(h, input);
  // Refused by the workflow while it records the rejection, or by the server once the case has ended
  // (its writes run inside its tasks, so it may end first; the API answers both as 409).
  expect(await refusal(handle.executeUpdate(sciTechDecideUpdate, { args: [{ outcome: 'APPROVED', actor: 'credit-approver@ccb', actorProfile: { role: 'credit_approver' as const, bank: 'ccb' }, amountFen: 1, rateBp: 400, termMonths: 6 }] }))).toMatch(
    /无需人工审批|已作出授信决定|already completed|update \S+ not found/,
  );
  const state = await handle.result();

  expect(state).toMatchObject({ stage: 'REJECTED', slaState: 'MET', score: 18, band: 'AUTO_REJECT' });
  expect(state.decision).toMatchObject({ outcome: 'REJECTED', automatic: true, reasons: [{ code: 'LOW_SCORE' }] });
  expect(state.decision!.reasons![0]!.note).toMatch(/知识产权价值覆盖 IP value coverage 0\/20/);
  const rejected = (await eventsOf(h.db, input.caseNo)).find((e) => e.type === 'REJECTED')!;
  const data = rejected.data as { factors: { code: string; points: number }[]; consultationEligible: boolean; score: number };
  expect(data.score).toBe(18);
  expect(data.consultationEligible).toBe(true);
  expect(data.factors.map((f) => [f.code, f.points])).toEqual([
    ['PATENT_PORTFOLIO', 1],
    ['IP_COVERAGE', 0],
    ['RD_INTENSITY', 5],
    ['REVENUE_TREND', 3],
    ['YEARS_IN_OPERATION', 3],
    ['LEVERAGE', 6],
  ]);
  expect((await new SandboxBank(h.db).ledger([input.caseNo])).contracts).toEqual([]);
  expect(await h.db.loanCase.findUniqueOrThrow({ where: { caseNo: input.caseNo } })).toMatchObject({ product: 'SCI_TECH', stage: 'REJECTED', slaState: 'MET' });
  await saveHistory(handle, 'sci-tech-auto-rejected');
});

test('the firm withdraws while the approver reviews: nothing is paid', async () => {
  const acceptedAt = await acceptNow();
  await advanceTo(h.env, acceptedAt);
  const input = sciTechInput(acceptedAt, borderline);
  const handle = await startSciTech(h, input);
  await eventually(async () => expect((await handle.query(sciTechGetStateQuery)).stage).toBe('MANUAL_REVIEW'));
  expect(await refusal(handle.executeUpdate(sciTechWithdrawUpdate, { args: [{ reason: ' ', actor: 'loan-officer@ccb-lianqian' }] }))).toMatch(/withdrawal reason is required/);
  await handle.executeUpdate(sciTechWithdrawUpdate, { args: [{ reason: '企业暂不需要资金 no longer needed', actor: 'loan-officer@ccb-lianqian' }] });
  const state = await handle.result();
  expect(state.stage).toBe('WITHDRAWN');
  expect((await new SandboxBank(h.db).ledger([input.caseNo])).contracts).toEqual([]);
});
