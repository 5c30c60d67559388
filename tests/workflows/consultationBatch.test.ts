// A bank refused 55 firms at once: one batch, one consultation each. Some plans are
// accepted and open linked fast-track or sci-tech cases, some are declined, some wait on the
// firm's materials, some are withdrawn, and the one nobody touched breaches five working days.
import type { WorkflowHandle } from '@temporalio/client';
import {
  batchProgressQuery,
  consultationBatchWorkflow,
  type BatchFirm,
} from '../../workflows/consultationBatch';
import {
  batchMemberId,
  batchWorkflowId,
  completeMaterialsUpdate,
  consultationOpenedUpdate,
  consultationWorkflowId,
  proposePlanUpdate,
  reReviewUpdate,
  requestMaterialsUpdate,
  withdrawConsultationUpdate,
  type ConsultationActor,
  type jointConsultationWorkflow,
  type ProposedPlan,
} from '../../workflows/jointConsultation';
import { ConsultationBatch, ConsultationLink, SlaState } from '../../workflows/searchAttributes';
import { advanceTo, calendar, eventsOf, eventually, nextWorkingMorning, saveHistory, useHarnessWithWorker } from './caseHarness';
import { ccbApprover, ccbManager, firmCode, sciTechApplication, taskForce, xibApprover, xibManager } from './consultationHarness';

const h = useHarnessWithWorker();
const FIRMS = 55;
const REFUSED_FEN = 200_000_000;

// Who does what to firm i.
const ACCEPTED = { from: 0, to: 12 }; // 0-2 smaller amount, 3-5 guarantee, 6-7 another bank, 8-11 sci-tech
const DECLINED = { from: 12, to: 18 };
const MATERIALS = { from: 18, to: 36 };
const WITHDRAWN = { from: 36, to: 54 };
const UNTOUCHED = 54;
const range = ({ from, to }: { from: number; to: number }) => Array.from({ length: to - from }, (_, k) => from + k);

function planFor(i: number): { plan: ProposedPlan; proposer: ConsultationActor; approver: ConsultationActor } {
  if (i < 3) return { plan: { kind: 'SMALLER_AMOUNT', product: 'FAST_TRACK', bankCode: 'xib', amountFen: 120_000_000 }, proposer: xibManager, approver: xibApprover };
  if (i < 6) {
    return { plan: { kind: 'GUARANTEE', product: 'FAST_TRACK', bankCode: 'xib', amountFen: REFUSED_FEN, guarantee: { guarantor: '厦门市融资担保有限公司', coverFen: 160_000_000 } }, proposer: taskForce, approver: xibApprover };
  }
  if (i < 8) return { plan: { kind: 'DIFFERENT_BANK', product: 'FAST_TRACK', bankCode: 'ccb', amountFen: REFUSED_FEN }, proposer: ccbManager, approver: ccbApprover };
  if (i < 12) return { plan: { kind: 'OTHER_PRODUCT', product: 'SCI_TECH', bankCode: 'xib', amountFen: 120_000_000, sciTech: sciTechApplication(120_000_000) }, proposer: xibManager, approver: xibManager };
  return { plan: { kind: 'SMALLER_AMOUNT', product: 'FAST_TRACK', bankCode: 'xib', amountFen: 100_000_000 }, proposer: xibManager, approver: xibApprover };
}

test('55 refused firms: accepted plans open linked cases, the rest decline, wait, withdraw or breach', async () => {
  const openedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, openedAt);
  const batchId = `CB-T${Date.now().toString(36).toUpperCase()}`;
  const run = String(Date.now() % 10_000).padStart(4, '0');
  const firms: BatchFirm[] = Array.from({ length: FIRMS }, (_, i) => ({
    name: `厦门思明测试企业${String(i + 1).padStart(2, '0')}有限公司`,
    creditCode: firmCode(i, run),
    streetCode: i % 2 === 0 ? 'lujiang' : 'lianqian',
    amountFen: REFUSED_FEN,
    purpose: '流动资金 working capital',
    reasons: [{ code: i % 3 === 0 ? 'LOW_CREDIT_RATING' : 'INSUFFICIENT_COLLATERAL' }],
  }));
  const input = { batchId, bankCode: 'xib', firms, openedAt: openedAt.toISOString(), openedBy: 'task-force' };
  const start = () =>
    h.env.client.workflow.start(consultationBatchWorkflow, {
      workflowId: batchWorkflowId(batchId),
      taskQueue: h.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      typedSearchAttributes: [{ key: ConsultationBatch, value: batchId }],
    });
  const batch = await start();
  // A retried request meets the same batch: the same run, and no second set of consultations.
  expect((await start()).firstExecutionRunId).toBe(batch.firstExecutionRunId);

  const member = (i: number): WorkflowHandle<typeof jointConsultationWorkflow> =>
    h.env.client.workflow.getHandle(consultationWorkflowId(batchMemberId(batchId, i + 1)));
  await Promise.all(firms.map((_, i) => eventually(() => member(i).executeUpdate(consultationOpenedUpdate), 90_000)));
  expect(await h.db.consultation.count({ where: { batchId } })).toBe(FIRMS);

  const linked = new Map<number, string>();
  await Promise.all([
    ...range(ACCEPTED).map(async (i) => {
      const { plan, proposer, approver } = planFor(i);
      await member(i).executeUpdate(proposePlanUpdate, { args: [{ actor: proposer, plan }] });
      await member(i).executeUpdate(completeMaterialsUpdate, { args: [{ actor: taskForce }] });
      const s = await member(i).executeUpdate(reReviewUpdate, { args: [{ actor: approver, outcome: 'ACCEPTED' }] });
      linked.set(i, s.linkedCase!.caseNo);
    }),
    ...range(DECLINED).map(async (i) => {
      const { plan, proposer, approver } = planFor(i);
      await member(i).executeUpdate(proposePlanUpdate, { args: [{ actor: proposer, plan }] });
      await member(i).executeUpdate(completeMaterialsUpdate, { args: [{ actor: taskForce }] });
      await member(i).executeUpdate(reReviewUpdate, { args: [{ actor: approver, outcome: 'DECLINED', note: '现金流不足以覆盖还款 cash flow does not cover repayments' }] });
    }),
    ...range(MATERIALS).map(async (i) => {
      await member(i).executeUpdate(proposePlanUpdate, { args: [{ actor: xibManager, plan: planFor(i).plan }] });
      await member(i).executeUpdate(requestMaterialsUpdate, { args: [{ actor: taskForce, missing: ['近三个月银行流水 bank statements'], reason: '核实经营流水 verify cash flow' }] });
    }),
    ...range(WITHDRAWN).map((i) => member(i).executeUpdate(withdrawConsultationUpdate, { args: [{ actor: taskForce, reason: '企业放弃融资 the firm no longer needs the loan' }] })),
  ]);

  // Past the five working days: only the consultation nobody acted on breaches.
  await advanceTo(h.env, new Date(calendar.addWorkingDays(openedAt, 5).dueAt.getTime() + 60_000));
  const progress = await eventually(async () => {
    const p = await batch.query(batchProgressQuery);
    expect(p.breached.map((b) => b.consultationId)).toEqual([batchMemberId(batchId, UNTOUCHED + 1)]);
    return p;
  });
  expect(progress).toMatchObject({
    batchId,
    bankCode: 'xib',
    total: 55,
    open: 19,
    byStage: { OPENED: 0, REASONS_RECORDED: 1, PLAN_PROPOSED: 0, MATERIALS: 18, RE_REVIEW: 0, ACCEPTED: 12, DECLINED: 6, WITHDRAWN: 18 },
  });
  expect(new Map(progress.accepted.map((a) => [a.consultationId, a.caseNo]))).toEqual(new Map(range(ACCEPTED).map((i) => [batchMemberId(batchId, i + 1), linked.get(i)])));
  expect(progress.accepted.filter((a) => a.product === 'SCI_TECH')).toHaveLength(4);
  expect((await member(UNTOUCHED).describe()).typedSearchAttributes.get(SlaState)).toBe('BREACHED');
  expect((await member(MATERIALS.from).describe()).typedSearchAttributes.get(SlaState)).toBe('PAUSED');

  // Every accepted plan's case runs on its own, points back to its consultation and is recorded like an API case.
  for (const i of range(ACCEPTED)) {
    const caseNo = linked.get(i)!;
    const consultationId = batchMemberId(batchId, i + 1);
    const described = await h.env.client.workflow.getHandle(`case-${caseNo}`).describe();
    expect(described.typedSearchAttributes.get(ConsultationLink)).toBe(consultationId);
    const record = await h.db.loanCase.findUniqueOrThrow({ where: { caseNo } });
    expect(record).toMatchObject({ product: planFor(i).plan.product, bankCode: planFor(i).plan.bankCode, amountFen: BigInt(planFor(i).plan.amountFen), streetCode: firms[i].streetCode });
    expect((await eventsOf(h.db, caseNo))[0]).toMatchObject({ type: 'ACCEPTED', data: { consultationId } });
    expect(await h.db.consultation.findUniqueOrThrow({ where: { consultationId } })).toMatchObject({ stage: 'ACCEPTED', linkedCaseNo: caseNo });
  }
  const rows = await h.db.consultation.groupBy({ by: ['stage', 'slaState'], where: { batchId }, _count: true, orderBy: [{ stage: 'asc' }, { slaState: 'asc' }] });
  expect(rows.map((r) => [r.stage, r.slaState, r._count])).toEqual([
    ['ACCEPTED', 'MET', 12],
    ['DECLINED', 'MET', 6],
    ['MATERIALS', 'PAUSED', 18],
    ['REASONS_RECORDED', 'BREACHED', 1],
    ['WITHDRAWN', 'ON_TRACK', 18],
  ]);
  expect(await h.db.consultation.count({ where: { batchId } })).toBe(FIRMS);
  expect((await batch.describe()).status.name).toBe('RUNNING');

  // Workflow ids and summaries are stored in clear: a member is named by its place in the batch.
  const untouched = await member(UNTOUCHED).describe();
  expect(untouched.workflowId).toBe(`consultation-${batchId}-055`);
  expect(await untouched.staticSummary()).toBe(`${batchId}-055 · 联合会诊 joint consultation · xib`);

  // The path of patch batch-member-ids-without-credit-code ('consultation-batch' is the path before it).
  await saveHistory(batch, 'consultation-batch-member-ids');
});

test('a pilot firm confirmed at the batch carries its code to the case its accepted plan opens, audited at both', async () => {
  const openedAt = await nextWorkingMorning(h.env);
  await advanceTo(h.env, openedAt);
  const batchId = `CB-P${Date.now().toString(36).toUpperCase()}`;
  // A code whose GB 32100 check character fails, as early pilot codes do; the officer confirmed it.
  const valid = firmCode(90);
  const creditCode = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  const firm: BatchFirm = { name: '厦门鹭江早期试点企业有限公司', creditCode, creditCodeWarnings: ['CHECK_CHARACTER_MISMATCH'], streetCode: 'lujiang', amountFen: REFUSED_FEN, purpose: '流动资金 working capital', reasons: [{ code: 'LOW_CREDIT_RATING' }] };
  const batch = await h.env.client.workflow.start(consultationBatchWorkflow, {
    workflowId: batchWorkflowId(batchId),
    taskQueue: h.taskQueue,
    args: [{ batchId, bankCode: 'xib', firms: [firm], openedAt: openedAt.toISOString(), openedBy: 'task-force' }],
    typedSearchAttributes: [{ key: ConsultationBatch, value: batchId }],
  });
  const consultationId = batchMemberId(batchId, 1);
  const member: WorkflowHandle<typeof jointConsultationWorkflow> = h.env.client.workflow.getHandle(consultationWorkflowId(consultationId));
  await eventually(() => member.executeUpdate(consultationOpenedUpdate), 60_000);
  const { plan, proposer, approver } = planFor(0);
  await member.executeUpdate(proposePlanUpdate, { args: [{ actor: proposer, plan }] });
  await member.executeUpdate(completeMaterialsUpdate, { args: [{ actor: taskForce }] });
  const caseNo = (await member.executeUpdate(reReviewUpdate, { args: [{ actor: approver, outcome: 'ACCEPTED' }] })).linkedCase!.caseNo;

  const audits = await h.db.auditEntry.findMany({ where: { subject: `firm:${creditCode}`, action: 'CREDIT_CODE_OVERRIDE_CONFIRMED' }, orderBy: { id: 'asc' } });
  expect(audits.map((a) => [a.actor, a.after])).toEqual([
    ['task-force', { consultationId, batchId, warnings: ['CHECK_CHARACTER_MISMATCH'] }],
    [approver.id, { caseNo, warnings: ['CHECK_CHARACTER_MISMATCH'] }],
  ]);
  await eventually(async () => expect((await batch.query(batchProgressQuery)).accepted).toEqual([expect.objectContaining({ consultationId, caseNo })]));
  await saveHistory(batch, 'consultation-batch-pilot-firm');
  await saveHistory(member, 'joint-consultation-pilot-firm');
});
