// A rejected fast-track case goes to a joint bank consultation through the HTTP API: the task
// force starts it, another bank proposes a plan, the firm supplies materials, the bank accepts
// at re-review and a linked case opens; plus the refusals along the way and a small batch.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpDemoApi } from '../../dev/demo';
import { seedConsultationDemo } from '../../dev/demoConsultations';
import { loadConfig } from '../../infra/config';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';
import { apiAs } from '../support/apiAs';

const stack = useStack();
const run = String(Date.now() % 10_000).padStart(4, '0');

const { post, get } = apiAs(stack);

async function rejectedCase(): Promise<string> {
  const opened = await post('lujiang-officer', '/cases', { firmName: '厦门鹭江会诊测试有限公司', creditCode: validSimingCode(`JC${run}01`), street: 'lujiang', bank: 'xib', amount: '3000000', purpose: '流动资金' });
  expect(opened.status).toBe(201);
  const id = opened.body.id as string;
  // Not rejected (yet): no consultation.
  const early = await post('task-force', '/consultations', { fromCaseNo: id });
  expect(early.status).toBe(409);
  expect(early.body).toMatchObject({ type: 'urn:greenlane:problem:case-not-rejected', detail: `案件 ${id} 处于 PARALLEL_REVIEW，未被拒绝，不能发起联合会诊。 Case ${id} is PARALLEL_REVIEW, not REJECTED` });

  expect((await post('lujiang-grid', `/cases/${id}/tasks/grid-submission/complete`, { applicationNo: 'XYD20261127000456' })).status).toBe(200);
  expect((await post('xib-manager', `/cases/${id}/tasks/bank-vip-channel/complete`, { assessmentOutcome: 'NOT_RECOMMENDED', note: '抵押不足' })).status).toBe(200);
  expect((await post('assessor', `/cases/${id}/tasks/due-diligence/complete`, { reportNo: 'DD-2026-0901', riskRating: 'MEDIUM', summary: '经营正常，抵押物不足' })).status).toBe(200);
  const rejected = await post('xib-approver', `/cases/${id}/decision`, { outcome: 'REJECTED', reasons: [{ code: 'INSUFFICIENT_COLLATERAL' }, { code: 'OTHER', note: '行业集中度 sector concentration' }] });
  expect(rejected.status).toBe(200);
  await eventually(async () => expect((await get('manager', `/cases/${id}`)).body.stage).toBe('REJECTED'));
  return id;
}

it('takes a rejected case through a consultation to an accepted plan that opens a linked case', async () => {
  const caseNo = await rejectedCase();
  expect((await post('xib-manager', '/consultations', { fromCaseNo: caseNo })).status).toBe(403);

  const started = await post('task-force', '/consultations', { fromCaseNo: caseNo });
  expect(started.status).toBe(201);
  const id = started.body.id as string;
  expect(id).toBe(`JC-${caseNo}`);
  expect(started.headers.location).toBe(`/api/v1/consultations/${id}`);
  expect(started.body).toMatchObject({
    fromCaseNo: caseNo,
    stage: 'REASONS_RECORDED',
    slaState: 'ON_TRACK',
    refused: { product: 'FAST_TRACK', bank: 'xib', amountFen: 300_000_000 },
    reasons: [{ code: 'INSUFFICIENT_COLLATERAL' }, { code: 'OTHER', note: '行业集中度 sector concentration' }],
    linkedCase: null,
  });
  // Starting it again meets the same consultation.
  const again = await post('task-force', '/consultations', { fromCaseNo: caseNo });
  expect(again.status).toBe(200);
  expect(again.body.id).toBe(id);

  // Who sees it: the refusing bank and the street, not another bank (yet) or another street.
  expect((await get('xib-manager', `/consultations/${id}`)).status).toBe(200);
  expect((await get('lujiang-officer', `/consultations/${id}`)).status).toBe(200);
  expect((await get('ccb-manager', `/consultations/${id}`)).status).toBe(404);
  expect((await get('lianqian-officer', `/consultations/${id}`)).status).toBe(404);
  expect((await get('manager', '/consultations/JC-GL-2026-999999')).status).toBe(404);

  const plan = { kind: 'DIFFERENT_BANK', bank: 'ccb', amount: '2500000', note: '建行接受较低抵押率' };
  const sameBank = await post('task-force', `/consultations/${id}/plan`, { ...plan, bank: 'xib' });
  expect(sameBank.status).toBe(409);
  expect(sameBank.body.detail).toMatch(/更换银行方案须换一家银行/);
  expect((await post('xib-manager', `/consultations/${id}/plan`, plan)).body.detail).toMatch(/xib-manager works for xib, not ccb/);
  const invalid = await post('task-force', `/consultations/${id}/plan`, { ...plan, kind: 'MAGIC', amount: '-1' });
  expect(invalid.status).toBe(422);
  expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'kind']);
  expect((await post('task-force', `/consultations/${id}/plan`, { ...plan, bank: 'nobank' })).status).toBe(422);
  expect((await post('task-force', `/consultations/${id}/re-review`, { outcome: 'ACCEPTED' })).status).toBe(403);

  const proposed = await post('task-force', `/consultations/${id}/plan`, plan);
  expect(proposed.status).toBe(200);
  expect(proposed.body).toMatchObject({ stage: 'PLAN_PROPOSED', plan: { kind: 'DIFFERENT_BANK', bankCode: 'ccb', amountFen: 250_000_000, by: 'task-force' } });
  // The proposed bank now sees the consultation.
  expect((await get('ccb-approver', `/consultations/${id}`)).status).toBe(200);

  const paused = await post('task-force', `/consultations/${id}/materials/request`, { missing: ['2025年度审计报告'], reason: '建行需审计报告' });
  expect(paused.body).toMatchObject({ stage: 'MATERIALS', materials: [{ missing: ['2025年度审计报告'], by: 'task-force' }] });
  const early = await post('ccb-approver', `/consultations/${id}/re-review`, { outcome: 'ACCEPTED' });
  expect(early.status).toBe(409);
  expect(early.body.detail).toMatch(/会诊处于MATERIALS，不能复审/);
  const complete = await post('task-force', `/consultations/${id}/materials/complete`, { note: '已补审计报告' });
  expect(complete.body.stage).toBe('RE_REVIEW');
  expect(complete.body.materials[0].until).toBeDefined();

  expect((await post('ccb-approver', `/consultations/${id}/re-review`, { outcome: 'DECLINED' })).status).toBe(422);
  expect((await post('xib-approver', `/consultations/${id}/re-review`, { outcome: 'ACCEPTED' })).body.detail).toMatch(/works for xib, not ccb/);
  const accepted = await post('ccb-approver', `/consultations/${id}/re-review`, { outcome: 'ACCEPTED', note: '同意250万' }, `rr-${id}`);
  expect(accepted.status).toBe(200);
  expect(accepted.body).toMatchObject({ stage: 'ACCEPTED', slaState: 'MET', reReview: { outcome: 'ACCEPTED', by: 'ccb-approver' } });
  const linked = accepted.body.linkedCase.caseNo as string;
  expect(accepted.body.linkedCase.url).toBe(`/api/v1/cases/${linked}`);

  // The linked case is a case like any other, at the proposed bank, and names the consultation.
  const c = await get('ccb-manager', `/cases/${linked}`);
  expect(c.status).toBe(200);
  expect(c.body).toMatchObject({ product: 'FAST_TRACK', bank: { code: 'ccb' }, amountFen: 250_000_000, firm: { name: '厦门鹭江会诊测试有限公司' } });
  expect(c.body.events[0]).toMatchObject({ type: 'ACCEPTED', actor: 'ccb-approver', data: { consultationId: id } });
  expect(Object.fromEntries(c.body.tasks.map((t: { kind: string; assignee: string }) => [t.kind, t.assignee]))).toMatchObject({ BANK_VIP_CHANNEL: 'ccb-manager', GRID_SUBMISSION: 'lujiang-grid' });

  const closed = await post('task-force', `/consultations/${id}/withdrawal`, { reason: '已转案件' });
  expect(closed.status).toBe(409);
  const final = await eventually(async () => {
    const v = (await get('manager', `/consultations/${id}`)).body;
    expect(v.live).toBe(true);
    expect(v.events.map((e: { type: string }) => e.type)).toEqual(['OPENED', 'PLAN_PROPOSED', 'MATERIALS_REQUESTED', 'MATERIALS_COMPLETE', 'ACCEPTED']);
    return v;
  });
  expect(final.linkedCase.caseNo).toBe(linked);

  // Once its workflow has nothing in flight the record answers, and shows what the workflow shows.
  const fromRecord = await eventually(async () => {
    const v = (await get('manager', `/consultations/${id}`)).body;
    expect(v).toMatchObject({ answeredBy: 'RECORD', live: true });
    return v;
  });
  const fromWorkflow = (await get('manager', `/consultations/${id}?live=true`)).body;
  expect(fromWorkflow.answeredBy).toBe('WORKFLOW');
  expect({ ...fromRecord, answeredBy: 'WORKFLOW' }).toEqual(fromWorkflow);
  expect(fromRecord.materials).toEqual([expect.objectContaining({ by: 'task-force', until: complete.body.materials[0].until })]);
  expect(fromRecord.reReview).toMatchObject({ outcome: 'ACCEPTED', by: 'ccb-approver', note: '同意250万' });

  // Each person's action is on the audit trail once, by whom it was taken; the refusals are not.
  const trail = await stack.db.auditEntry.findMany({ where: { subject: `consultation:${id}`, action: { not: 'CONSULTATION_READ' } }, orderBy: { id: 'asc' } });
  expect(trail.map((r) => [r.action, r.actor])).toEqual([
    ['OPENED', 'task-force'],
    ['PLAN_PROPOSED', 'task-force'],
    ['MATERIALS_REQUESTED', 'task-force'],
    ['MATERIALS_COMPLETE', 'task-force'],
    ['ACCEPTED', 'ccb-approver'],
  ]);
  // The case the plan opened is on it too, opened by the bank's approver who accepted.
  expect(await stack.db.auditEntry.count({ where: { subject: `case:${linked}`, action: 'CASE_OPENED', actor: 'ccb-approver' } })).toBe(1);
});

it('starts a batch once per Idempotency-Key and reports its progress to managers and the refusing bank', async () => {
  const firms = [1, 2].map((n) => ({ name: `厦门批次会诊企业${n}`, creditCode: validSimingCode(`JB${run}0${n}`), street: n === 1 ? 'lujiang' : 'lianqian', amount: '1000000', purpose: '流动资金', reasons: [{ code: 'HIGH_DEBT_RATIO' }] }));
  const key = `batch-${run}-0001`;
  const first = await post('task-force', '/consultation-batches', { bank: 'xib', firms }, key);
  expect(first.status).toBe(202);
  expect(first.body).toMatchObject({ bank: 'xib', firms: 2 });
  const batchId = first.body.id as string;
  expect(first.headers.location).toBe(`/api/v1/consultation-batches/${batchId}`);
  expect((await post('task-force', '/consultation-batches', { bank: 'xib', firms }, key)).body.id).toBe(batchId);

  const progress = await eventually(async () => {
    const p = await get('manager', `/consultation-batches/${batchId}`);
    expect(p.status).toBe(200);
    expect(p.body.byStage.REASONS_RECORDED).toBe(2);
    return p.body;
  });
  expect(progress).toMatchObject({ batchId, bankCode: 'xib', total: 2, firmCount: 2, open: 2, accepted: [], breached: [] });
  expect((await get('xib-approver', `/consultation-batches/${batchId}`)).status).toBe(200);
  expect((await get('ccb-manager', `/consultation-batches/${batchId}`)).status).toBe(404);
  const member = progress.members[0].consultationId as string;
  // The batch knows its members at once; each records itself a moment later.
  await eventually(async () => expect((await get('xib-manager', `/consultations/${member}`)).body).toMatchObject({ batchId, stage: 'REASONS_RECORDED', reasons: [{ code: 'HIGH_DEBT_RATIO' }] }));

  // The batch's list: each firm with its clock and whose move; the refusing bank sees it, another bank nothing, a street its own firms.
  const listed = await eventually(async () => {
    const l = await get('xib-approver', `/consultations?batchId=${batchId}`);
    expect(l.body.items).toHaveLength(2);
    return l.body.items as { firm: { name: string }; stage: string; whoseMove: string; dueAt: string | null; linkedCaseNo: string | null }[];
  });
  expect(listed.map((c) => c.firm.name).sort()).toEqual(['厦门批次会诊企业1', '厦门批次会诊企业2']);
  for (const c of listed) expect(c).toMatchObject({ stage: 'REASONS_RECORDED', whoseMove: 'TASK_FORCE_OR_BANK', dueAt: expect.any(String), linkedCaseNo: null });
  expect((await get('ccb-manager', `/consultations?batchId=${batchId}`)).body.items).toEqual([]);
  expect((await get('lujiang-officer', `/consultations?batchId=${batchId}`)).body.items.map((c: { firm: { name: string } }) => c.firm.name)).toEqual(['厦门批次会诊企业1']);
  expect((await get('manager', '/consultations?batchId=CB-x')).status).toBe(422);

  const duplicate = await post('task-force', '/consultation-batches', { bank: 'xib', firms: [firms[0], firms[0]] });
  expect(duplicate.status).toBe(422);
  expect(duplicate.body.errors).toEqual([{ field: 'firms', message: 'lists a firm (credit code) twice' }]);
  const unknown = await post('task-force', '/consultation-batches', { bank: 'nobank', firms: [{ ...firms[0], street: 'nowhere' }] });
  expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['bank', 'firms.0.street']);
  expect((await post('manager', '/consultation-batches', { bank: 'xib', firms })).status).toBe(403);
});

it('seeds the consultation demo through the API; a second seeding adds nothing', async () => {
  const server = http.createServer(stack.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const api = httpDemoApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, loadConfig({ ...process.env, GREENLANE_ENV: 'test' }));
    // Its own batch key: dev/demo.ts's seeding in another file must not meet this one.
    const key = `demo-consultation-test-${run}`;
    const lines: string[] = [];
    const batchId = await seedConsultationDemo(api, (l) => lines.push(l), key);
    const snapshot = async () =>
      (await stack.db.consultation.findMany({ where: { batchId }, orderBy: { firmName: 'asc' } })).map((c) => [c.firmName, c.stage, c.linkedCaseNo, c.revision]);
    const first = await eventually(async () => {
      const rows = await stack.db.consultation.findMany({ where: { batchId } });
      expect(Object.fromEntries(rows.map((r) => [r.firmName, r.stage]))).toEqual({
        厦门鹭江五金制品有限公司: 'PLAN_PROPOSED',
        厦门鹭江文化传媒有限公司: 'MATERIALS',
        厦门莲前机电设备有限公司: 'ACCEPTED',
        厦门莲前餐饮管理有限公司: 'REASONS_RECORDED',
      });
      return snapshot();
    });
    const linked = first.find(([name]) => name === '厦门莲前机电设备有限公司')![2] as string;
    expect((await get('manager', `/cases/${linked}`)).body).toMatchObject({ product: 'FAST_TRACK', bank: { code: 'xib' }, amountFen: 200_000_000 });

    // The repeated actions are the same updates (same ids): answered, not applied again.
    expect(await seedConsultationDemo(api, (l) => lines.push(l), key)).toBe(batchId);
    expect(await snapshot()).toEqual(first);
    expect(await stack.db.consultationEvent.count({ where: { consultation: { batchId }, type: 'PLAN_PROPOSED' } })).toBe(3);
  } finally {
    await new Promise((r) => server.close(r));
  }
});
