// GET /api/v1/cases/:id answers from the record (PostgreSQL) and queries the workflow only when
// asked (?live=true) or while the record trails it. Each kind of write is read back at once over
// the real API and shows; once the case is at rest the record's answer is the workflow's, field
// for field; ?live=true answers what the workflow holds even when the record says otherwise.
import request from 'supertest';
import { BORDERLINE_SOFTWARE_APPLICATION } from '../../dev/demo';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { refuseInserts } from '../support/refusedInserts';
import { useStack } from '../support/stack';
import { unreachableTemporal } from '../support/unreachableTemporal';

const stack = useStack();

type View = Record<string, unknown> & { tasks: { kind: string; status: string; assignee: string; slaState: string; atRiskAt?: string }[] };

const open = async (firmName: string, code: string, extra: object = {}) => {
  const res = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName, creditCode: validSimingCode(code), street: 'lujiang', bank: 'xib', amount: '900000', purpose: '流动资金', ...extra })
    .expect(201);
  return res.body as View & { id: string };
};
const act = async (who: string, id: string, path: string, body: object) => {
  const res = await request(stack.app).post(`/api/v1/cases/${id}${path}`).set('authorization', await bearer(who)).send(body);
  expect({ status: res.status, detail: res.body.detail }).toEqual({ status: 200, detail: undefined });
  return res.body as View;
};
const read = async (id: string, query = '') => (await request(stack.app).get(`/api/v1/cases/${id}${query}`).set('authorization', await bearer('manager')).expect(200)).body as View;
const task = (v: View, kind: string) => v.tasks.find((t) => t.kind === kind)!;

/** The case at rest: the record answers, and exactly what the workflow answers beside it. */
const atRest = (id: string) =>
  eventually(async () => {
    const [recorded, live] = [await read(id), await read(id, '?live=true')];
    expect(recorded).toMatchObject({ answeredBy: 'RECORD', live: true });
    expect(live).toMatchObject({ answeredBy: 'WORKFLOW', live: true });
    expect({ ...recorded, answeredBy: 'WORKFLOW' }).toEqual(live);
    return recorded;
  });

it('reads every kind of write on a fast-track case right after it, and at rest the record answers what the workflow does', async () => {
  const opened = await open('厦门鹭江读记录有限公司', 'MA4RDR01');
  const id = opened.id;
  const accepted = await read(id);
  expect(accepted).toMatchObject({ stage: 'PARALLEL_REVIEW', dueAt: opened.dueAt, dueProvisional: opened.dueProvisional, dueExplanation: opened.dueExplanation });
  expect(accepted.tasks).toEqual(opened.tasks);
  expect(accepted.tasks.every((t) => t.atRiskAt)).toBe(true);
  await atRest(id);

  await stack.db.staffMember.upsert({ where: { id: 'assessor-reads' }, create: { id: 'assessor-reads', name: '读记录评估机构', role: 'assessor' }, update: {} });
  await act('lujiang-officer', id, '/tasks/due-diligence/reassign', { assignee: 'assessor-reads', reason: '评估机构人手不足' });
  expect(task(await read(id), 'DUE_DILIGENCE').assignee).toBe('assessor-reads');
  await act('lujiang-officer', id, '/tasks/due-diligence/reassign', { assignee: 'assessor', reason: '原评估机构恢复' });
  expect(task(await read(id), 'DUE_DILIGENCE').assignee).toBe('assessor');

  await act('lujiang-grid', id, '/tasks/grid-submission/pause', { reason: '等待企业补充材料' });
  expect(await read(id)).toMatchObject({ slaState: 'PAUSED', paused: { by: 'lujiang-grid', reason: '等待企业补充材料' } });
  await atRest(id);

  const resumed = await act('lujiang-grid', id, '/sla/resume', { note: '材料已补齐' });
  expect(await read(id)).toMatchObject({ slaState: resumed.slaState, paused: null, dueAt: resumed.dueAt, pauses: [expect.objectContaining({ until: expect.any(String) })] });

  await act('lujiang-grid', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261130000501' });
  expect(task(await read(id), 'GRID_SUBMISSION')).toMatchObject({ status: 'DONE', completedBy: 'lujiang-grid', evidence: { applicationNo: 'XYD20261130000501' } });
  await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND', note: '联合评估通过' });
  expect(task(await read(id), 'BANK_VIP_CHANNEL').status).toBe('DONE');
  await act('assessor', id, '/tasks/due-diligence/complete', { reportNo: 'DD-READS-1', riskRating: 'LOW', summary: '经营正常' });
  expect(await read(id)).toMatchObject({ stage: 'CREDIT_DECISION' });
  await atRest(id);

  await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '900000', rateBp: 385, termMonths: 12 });
  expect((await read(id)).decision).toMatchObject({ outcome: 'APPROVED', by: 'xib-approver', amountFen: 90_000_000 });
  await eventually(async () => expect((await read(id)).stage).toBe('DISBURSED'));
  expect(await atRest(id)).toMatchObject({ stage: 'DISBURSED', disbursement: { amountFen: 90_000_000 } });
});

it('reads a rejection, a withdrawal and a sci-tech decision right after them', async () => {
  const rejected = await open('厦门鹭江读记录拒贷有限公司', 'MA4RDR02');
  for (const [who, kind, evidence] of [
    ['lujiang-grid', 'grid-submission', { applicationNo: 'XYD20261130000502' }],
    ['xib-manager', 'bank-vip-channel', { assessmentOutcome: 'NOT_RECOMMENDED' }],
    ['assessor', 'due-diligence', { reportNo: 'DD-READS-2', riskRating: 'HIGH', summary: '负债偏高' }],
  ] as const) {
    await act(who, rejected.id, `/tasks/${kind}/complete`, evidence);
  }
  await act('xib-approver', rejected.id, '/decision', { outcome: 'REJECTED', reasons: [{ code: 'OTHER', note: '负债偏高' }] });
  expect(await read(rejected.id)).toMatchObject({ stage: 'REJECTED', decision: { outcome: 'REJECTED', reasons: [{ code: 'OTHER', note: '负债偏高' }] } });

  const withdrawn = await open('厦门鹭江读记录撤回有限公司', 'MA4RDR03');
  await act('lujiang-officer', withdrawn.id, '/withdrawal', { reason: '企业已通过其他渠道融资' });
  expect(await read(withdrawn.id)).toMatchObject({ stage: 'WITHDRAWN', withdrawal: { reason: '企业已通过其他渠道融资', by: 'lujiang-officer' } });

  const sciTech = await open('厦门鹭江读记录科创有限公司', 'MA4RDR04', { product: 'SCI_TECH', amount: '500000', purpose: '研发', application: BORDERLINE_SOFTWARE_APPLICATION });
  expect((await read(sciTech.id)).application).toEqual(sciTech.application);
  await eventually(async () => expect(await read(sciTech.id)).toMatchObject({ stage: 'MANUAL_REVIEW', approver: 'xib-approver' }));
  await atRest(sciTech.id);
  await act('xib-approver', sciTech.id, '/decision', { outcome: 'APPROVED', amount: '500000', rateBp: 385, termMonths: 12 });
  expect((await read(sciTech.id)).decision).toMatchObject({ outcome: 'APPROVED', by: 'xib-approver', automatic: false });

  for (const id of [rejected.id, withdrawn.id]) await atRest(id);
  await eventually(async () => expect((await read(sciTech.id)).stage).toBe('DISBURSED'));
  await atRest(sciTech.id);
});

it('answers ?live=true from the workflow, even where the record says otherwise', async () => {
  const { id } = await open('厦门鹭江读工作流有限公司', 'MA4RDR05');
  const truth = await atRest(id);
  // The record altered behind the workflow's back: only the record's answer shows it.
  await stack.db.loanCase.update({ where: { caseNo: id }, data: { dueAt: new Date('2031-01-01T00:00:00Z') } });
  try {
    expect(await read(id)).toMatchObject({ answeredBy: 'RECORD', dueAt: '2031-01-01T00:00:00.000Z' });
    expect(await read(id, '?live=true')).toMatchObject({ answeredBy: 'WORKFLOW', live: true, dueAt: truth.dueAt });
    expect(await read(id, '?live=false')).toMatchObject({ answeredBy: 'RECORD' });
  } finally {
    await stack.db.loanCase.update({ where: { caseNo: id }, data: { dueAt: new Date(truth.dueAt as string) } });
  }
  const bad = await request(stack.app).get(`/api/v1/cases/${id}?live=yes`).set('authorization', await bearer('manager'));
  expect(bad.status).toBe(422);
  expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'live', message: 'must be true or false' })]);
});

it('answers from the workflow while the record trails a write it has not yet taken', async () => {
  const { id } = await open('厦门鹭江读滞后有限公司', 'MA4RDR06');
  await atRest(id);
  // PostgreSQL refuses this case's timeline for a while: the workflow has the completion, its record not yet.
  const allow = await refuseInserts(stack.db, 'case_event', `NEW.case_no = '${id}'`, 'timeline unavailable');
  let completing: Promise<View> | undefined;
  try {
    completing = act('lujiang-grid', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261130000506' });
    const trailing = await eventually(async () => {
      const v = await read(id);
      expect(task(v, 'GRID_SUBMISSION').status).toBe('DONE');
      return v;
    });
    expect(trailing).toMatchObject({ answeredBy: 'WORKFLOW', live: true });
    // What tells the read to ask: the update in flight, counted on the record.
    expect(await stack.db.loanCase.findUnique({ where: { caseNo: id } })).toMatchObject({ updatesInFlight: 1 });
    expect(await stack.db.caseTask.findUnique({ where: { caseNo_kind: { caseNo: id, kind: 'GRID_SUBMISSION' } } })).toMatchObject({ status: 'OPEN' });
  } finally {
    await allow();
  }
  // The person's action answers once its record is written; from then on the record answers it.
  expect(task(await completing!, 'GRID_SUBMISSION').status).toBe('DONE');
  expect(task(await read(id), 'GRID_SUBMISSION').status).toBe('DONE');
  expect(task(await atRest(id), 'GRID_SUBMISSION')).toMatchObject({ status: 'DONE', completedBy: 'lujiang-grid' });
  expect(await stack.db.loanCase.findUnique({ where: { caseNo: id } })).toMatchObject({ updatesInFlight: 0 });
}, 60_000);

it('reads the stage an action led the case to while the write of that stage is still on its way', async () => {
  const { id } = await open('厦门鹭江读后续有限公司', 'MA4RDR08');
  await atRest(id);
  // PostgreSQL refuses this case's stage change for a while: the last branch's completion (its own
  // write done) answers before the credit decision's stage it led to is written.
  const allow = await refuseInserts(stack.db, 'case_event', `NEW.case_no = '${id}' AND NEW.type = 'STAGE_CHANGED'`, 'stage unavailable');
  try {
    await act('lujiang-grid', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261130000508' });
    await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND', note: '联合评估通过' });
    const last = await act('assessor', id, '/tasks/due-diligence/complete', { reportNo: 'DD-READS-8', riskRating: 'LOW', summary: '经营正常' });
    expect(last.stage).toBe('CREDIT_DECISION');
    expect(await stack.db.loanCase.findUnique({ where: { caseNo: id } })).toMatchObject({ stage: 'PARALLEL_REVIEW', quietUntil: null, updatesInFlight: 0 });
    // The record cannot vouch for itself, so the read asks the workflow.
    expect(await read(id)).toMatchObject({ stage: 'CREDIT_DECISION', answeredBy: 'WORKFLOW', live: true });
  } finally {
    await allow();
  }
  expect(await atRest(id)).toMatchObject({ stage: 'CREDIT_DECISION' });
  expect((await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } })).quietUntil).not.toBeNull();
}, 120_000);

it('answers from the record alone while it shows nothing in flight, and asks Temporal whenever it cannot tell', async () => {
  const { id } = await open('厦门鹭江读静止有限公司', 'MA4RDR07');
  const settled = await atRest(id);
  // The workflow wrote its next timer with the record: the first branch warning, still ahead.
  const record = await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } });
  const warnings = settled.tasks.map((t) => new Date(t.atRiskAt!).getTime());
  expect(record.quietUntil!.getTime()).toBe(Math.min(...warnings));
  expect(record.quietUntil!.getTime()).toBeGreaterThan(Date.now());

  // With Temporal unreachable, the record still answers as the case's current state: it was not asked.
  const down = await unreachableTemporal();
  try {
    const readDown = async () => (await request(stack.appOn(down)).get(`/api/v1/cases/${id}`).set('authorization', await bearer('manager')).expect(200)).body as View;
    expect(await readDown()).toEqual(settled);
    // Each thing the record cannot vouch for sends the read to Temporal, which cannot answer here:
    // the record answers as last written (live: false).
    const unsure = [
      { updatesInFlight: 1 }, // a person's update not yet answered
      { quietUntil: new Date(Date.now() - 1_000) }, // a timer due, its change not yet written
      { quietUntil: null }, // no timer known (a calendar notice loaded, or a rebuilt record)
      { stage: 'CONTRACTING' }, // the bank's contract awaited
    ];
    for (const data of unsure) {
      await stack.db.loanCase.update({ where: { caseNo: id }, data });
      try {
        expect(await readDown()).toMatchObject({ answeredBy: 'RECORD', live: false });
      } finally {
        await stack.db.loanCase.update({ where: { caseNo: id }, data: { updatesInFlight: 0, quietUntil: record.quietUntil, stage: record.stage } });
      }
    }
    expect(await readDown()).toEqual(settled);
  } finally {
    await down.close();
  }
}, 120_000);
