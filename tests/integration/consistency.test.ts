// The consistency check (`npm run verify:consistency`, maintenance/consistency.ts) on the
// dev-server stack: cases driven through the API pass it, and each kind of damage an
// outage or a bug could leave behind is reported against its case number.
import { SandboxBank } from '../../activities/adapters';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { checkConsistency, judgeCase, type CaseSnapshot, type ConsistencyOptions } from '../../maintenance/consistency';
import { rebuildProjection } from '../../maintenance/rebuildProjection';
import { fastTrackCaseWorkflow, type CaseState } from '../../workflows/fastTrackCase';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { testDatabaseUrl, testTemporalAddress } from '../support/env';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

jest.setTimeout(120_000);

const stack = useStack();

let firmSeq = 0;
const openCase = async () => {
  const n = String(++firmSeq).padStart(2, '0');
  const res = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: `厦门一致性检查${n}号有限公司`, creditCode: validSimingCode(`MA7CK${n}X`.slice(0, 8)), street: 'lujiang', bank: 'xib', amount: '800000', purpose: '备货' })
    .expect(201);
  return res.body.id as string;
};
const act = async (who: string, id: string, p: string, body: object) =>
  request(stack.app).post(`/api/v1/cases/${id}${p}`).set('authorization', await bearer(who)).send(body).expect(200);
const completeBranches = async (id: string) => {
  await act('lujiang-grid', id, '/tasks/grid-submission/complete', { applicationNo: 'XYD20261127000321' });
  await act('xib-manager', id, '/tasks/bank-vip-channel/complete', { assessmentOutcome: 'RECOMMEND' });
  await act('assessor', id, '/tasks/due-diligence/complete', { reportNo: 'DD-2026-0321', riskRating: 'LOW', summary: '经营正常' });
};
const recordStage = (id: string, stage: string) =>
  eventually(async () => expect((await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } })).stage).toBe(stage));

const check = (caseNos: string[], options: Partial<ConsistencyOptions> = {}) =>
  checkConsistency({ client: stack.client, db: stack.db, bank: new SandboxBank(stack.db), caseNos, rounds: 2, settleMs: 300, ...options });

/** A case number the API never hands out (year 2099). */
const unusedCaseNo = () => `GL-2099-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;

/** What the check reports, per case: `{ caseNo: [kinds] }`. */
const reported = (r: Awaited<ReturnType<typeof check>>) =>
  r.violations.reduce<Record<string, string[]>>((acc, x) => ({ ...acc, [x.caseNo]: [...(acc[x.caseNo] ?? []), x.kind] }), {});

describe('on the dev-server stack', () => {
  let disbursed: string;
  let rejected: string;
  let withdrawn: string;
  let waiting: string;

  beforeAll(async () => {
    [disbursed, rejected, withdrawn, waiting] = [await openCase(), await openCase(), await openCase(), await openCase()];
    await completeBranches(disbursed);
    await act('xib-approver', disbursed, '/decision', { outcome: 'APPROVED', amount: '800000', rateBp: 385, termMonths: 12 });
    await completeBranches(rejected);
    await act('xib-approver', rejected, '/decision', { outcome: 'REJECTED', reasons: [{ code: 'LOW_CREDIT_RATING' }] });
    await act('lujiang-officer', withdrawn, '/withdrawal', { reason: '企业撤回申请' });
    await recordStage(disbursed, 'DISBURSED');
  });

  it('passes cases that went through the API in every state, a running one included', async () => {
    const report = await check([disbursed, rejected, withdrawn, waiting]);
    expect(report.violations).toEqual([]);
    expect(report).toMatchObject({ ok: true, cases: 4, records: 4, workflows: { running: 1, closed: 3 } });
    expect(report.stages).toEqual({ DISBURSED: 1, REJECTED: 1, WITHDRAWN: 1, PARALLEL_REVIEW: 1 });
  });

  it('reports a deleted record, a second payment, a changed stage and a terminated workflow, each by case number', async () => {
    const [noRecord, changed, terminated] = [await openCase(), await openCase(), await openCase()];
    const [contract] = (await new SandboxBank(stack.db).ledger([disbursed])).contracts;
    const secondPayment = `${disbursed}-again`;

    await stack.db.$transaction([
      stack.db.caseEvent.deleteMany({ where: { caseNo: noRecord } }),
      stack.db.caseTask.deleteMany({ where: { caseNo: noRecord } }),
      stack.db.loanCase.delete({ where: { caseNo: noRecord } }),
    ]);
    // Paid again under another key, against the same contract: the bank's key alone cannot catch it.
    // (Written into the sandbox bank's own books: no bank would take this through its API.)
    await stack.db.$executeRaw`INSERT INTO sandbox_bank.disbursement (idempotency_key, reference, bank_code, contract_no, amount_fen)
      VALUES (${secondPayment}, ${`FK-${disbursed}-2`}, 'xib', ${contract!.contractNo}, 80000000)`;
    await stack.db.loanCase.update({ where: { caseNo: changed }, data: { stage: 'CREDIT_DECISION' } });
    await stack.client.workflow.getHandle(`case-${terminated}`).terminate('consistency test');

    try {
      const all = [disbursed, rejected, withdrawn, waiting, noRecord, changed, terminated];
      const report = await check(all);
      expect(reported(report)).toEqual({
        [noRecord]: ['RECORD_MISSING'],
        [disbursed]: ['DISBURSED_TWICE'],
        [changed]: ['STATE_MISMATCH'],
        [terminated]: ['WORKFLOW_NOT_COMPLETED'],
      });
      expect(report.violations.find((x) => x.caseNo === changed)!.message).toContain('stage CREDIT_DECISION ≠ PARALLEL_REVIEW');

      // The command operators run: non-zero exit, the same findings as JSON.
      const cli = await verifyConsistencyCli(['--json', ...all]);
      expect(cli.code).toBe(1);
      const json = JSON.parse(cli.stdout) as { ok: boolean; violations: { caseNo: string; kind: string }[] };
      expect(json.ok).toBe(false);
      expect(json.violations.map((x) => `${x.caseNo} ${x.kind}`).sort()).toEqual(
        [`${noRecord} RECORD_MISSING`, `${disbursed} DISBURSED_TWICE`, `${changed} STATE_MISMATCH`, `${terminated} WORKFLOW_NOT_COMPLETED`].sort(),
      );

      // Rebuilding the projection from the workflow brings the deleted record back; the check then passes for it.
      await rebuildProjection(stack.client, stack.db, `WorkflowId = 'case-${noRecord}'`);
      expect((await check([noRecord])).violations).toEqual([]);
    } finally {
      await stack.db.$executeRaw`DELETE FROM sandbox_bank.disbursement WHERE idempotency_key = ${secondPayment}`;
    }
  });

  it("reports a timeline that tells another story than the workflow: what a case shows once its workflow is gone", async () => {
    const event = await stack.db.caseEvent.findFirstOrThrow({ where: { caseNo: rejected, type: 'REJECTED' } });
    await stack.db.caseEvent.update({ where: { id: event.id }, data: { data: { reasons: [{ code: 'OTHER' }] } } });
    try {
      const report = await check([rejected]);
      expect(reported(report)).toEqual({ [rejected]: ['STATE_MISMATCH'] });
      expect(report.violations[0]!.message).toContain("decision in the timeline ≠ the workflow's");
    } finally {
      await stack.db.caseEvent.update({ where: { id: event.id }, data: { data: event.data as object } });
    }
    expect((await check([rejected])).violations).toEqual([]);
  });

  it("reports a record whose due explanation or branch clock is not the workflow's: what GET /cases/:id answers from the record", async () => {
    const before = await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: waiting }, include: { tasks: true } });
    const grid = before.tasks.find((t) => t.kind === 'GRID_SUBMISSION')!;
    await stack.db.loanCase.update({ where: { caseNo: waiting }, data: { dueExplanation: ['2099-01-01 虚构假日'] } });
    await stack.db.caseTask.update({ where: { caseNo_kind: { caseNo: waiting, kind: 'GRID_SUBMISSION' } }, data: { slaState: 'AT_RISK' } });
    try {
      const report = await check([waiting]);
      expect(reported(report)).toEqual({ [waiting]: ['STATE_MISMATCH'] });
      expect(report.violations[0]!.message).toContain('task GRID_SUBMISSION clock AT_RISK');
      expect(report.violations[0]!.message).toContain('2099-01-01 虚构假日');
    } finally {
      await stack.db.loanCase.update({ where: { caseNo: waiting }, data: { dueExplanation: before.dueExplanation } });
      await stack.db.caseTask.update({ where: { caseNo_kind: { caseNo: waiting, kind: 'GRID_SUBMISSION' } }, data: { slaState: grid.slaState } });
    }
    expect((await check([waiting])).violations).toEqual([]);
  });

  it('reports a record whose workflow does not exist', async () => {
    const caseNo = unusedCaseNo();
    const source = await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: waiting } });
    await stack.db.loanCase.create({ data: { ...source, caseNo, workflowId: `case-${caseNo}` } });
    try {
      expect(reported(await check([caseNo]))).toEqual({ [caseNo]: ['WORKFLOW_MISSING'] });
    } finally {
      await stack.db.loanCase.delete({ where: { caseNo } });
    }
  });

  it('reports a case whose workflow task no worker picks up', async () => {
    const caseNo = unusedCaseNo();
    const handle = await stack.client.workflow.start(fastTrackCaseWorkflow, {
      workflowId: `case-${caseNo}`,
      taskQueue: `nobody-polls-${randomUUID()}`,
      args: [{ caseNo, firm: { name: '厦门无人处理有限公司', creditCode: validSimingCode('MA7CK9YX'), creditCodeWarnings: [] }, streetCode: 'lujiang', bankCode: 'xib', amountFen: 100_000, purpose: '测试', acceptedAt: new Date().toISOString(), acceptedBy: 'lujiang-officer' }],
    });
    try {
      await new Promise((r) => setTimeout(r, 1_500));
      const report = await check([caseNo], { stalledAfterMs: 1_000 });
      expect(reported(report)).toEqual({ [caseNo]: ['WORKFLOW_TASK_STALLED', 'RECORD_MISSING'] });
    } finally {
      await handle.terminate('consistency test');
    }
  });
});

describe('judging a running case with nothing pending', () => {
  const now = new Date('2026-11-30T04:00:00Z');
  const state = (over: Partial<CaseState>): CaseState => ({
    caseNo: 'GL-2026-000042', stage: 'PARALLEL_REVIEW', slaState: 'ON_TRACK', acceptedAt: '2026-11-27T02:00:00Z', dueAt: '2026-12-04T16:00:00Z',
    dueProvisional: false, dueExplanation: [], recorded: true, tasks: [], pauses: [], breaches: [], ...over,
  });
  const snapshot = (s: CaseState, pending: Partial<NonNullable<CaseSnapshot['workflow']>> = {}): CaseSnapshot => ({
    caseNo: s.caseNo,
    record: { stage: s.stage, slaState: s.slaState, dueAt: s.dueAt, tasks: [] },
    workflow: { type: 'fastTrackCaseWorkflow', status: 'RUNNING', state: s, pendingActivities: [], openTimers: 0, ...pending },
    contracts: [],
    disbursements: [],
  });
  const kinds = (s: CaseSnapshot) => judgeCase(s, { now, stalledAfterMs: 60_000 }).violations.map((x) => x.kind);

  it('needs an SLA timer while a due instant lies ahead', () => {
    expect(kinds(snapshot(state({})))).toEqual(['SLA_TIMER_MISSING']);
    expect(kinds(snapshot(state({}), { openTimers: 1 }))).toEqual([]);
  });

  it('lets a breached case wait on people without a timer, but not a case in an automatic stage', () => {
    const breached = state({ slaState: 'BREACHED', dueAt: '2026-11-28T16:00:00Z', breaches: [{ subject: 'PROMISE', assignee: 'x', stage: 'CREDIT_DECISION', dueAt: '2026-11-28T16:00:00Z', breachedAt: '2026-11-28T16:00:00Z', lateWorkingMs: null }], stage: 'CREDIT_DECISION' });
    expect(kinds(snapshot(breached))).toEqual([]);
    expect(kinds(snapshot({ ...breached, stage: 'CONTRACTING' }))).toEqual(['STUCK']);
  });

  it('lets a held payment and a cancelled contract wait on people past their due, with the bank’s books as they are', () => {
    const breached = state({ slaState: 'BREACHED', dueAt: '2026-11-28T16:00:00Z', breaches: [{ subject: 'PROMISE', assignee: 'x', stage: 'DISBURSING', dueAt: '2026-11-28T16:00:00Z', breachedAt: '2026-11-28T16:00:00Z', lateWorkingMs: null }] });
    const contract = { contractNo: 'HT-XIB-GL-2026-000042', signedAt: '2026-11-28T02:00:00Z' };
    const held = snapshot({ ...breached, stage: 'DISBURSEMENT_HELD', contract });
    held.contracts = [{ contractNo: contract.contractNo }];
    held.disbursements = [{ reference: 'FK-GL-2026-000042', amountFen: 79_900_000 } as CaseSnapshot['disbursements'][number]];
    expect(kinds(held)).toEqual([]);
    const cancelled = snapshot({ ...breached, stage: 'CONTRACT_CANCELLED', contract: { ...contract, cancellation: { reason: '撤约', by: 'xib-approver', at: '2026-11-29T02:00:00Z' } } });
    cancelled.contracts = [{ contractNo: contract.contractNo }];
    expect(kinds(cancelled)).toEqual([]);
  });

  it('allows the record to trail only while a projection write is pending', () => {
    const behind = snapshot(state({ stage: 'CREDIT_DECISION' }), { openTimers: 1 });
    behind.record!.stage = 'PARALLEL_REVIEW';
    expect(judgeCase(behind, { now, stalledAfterMs: 60_000 })).toMatchObject({ violations: [{ kind: 'STATE_MISMATCH' }], lagging: false });
    behind.workflow!.pendingActivities = [{ type: 'recordCaseProgress', attempt: 3 }];
    expect(judgeCase(behind, { now, stalledAfterMs: 60_000 })).toEqual({ violations: [], lagging: true });
  });

  it('allows it while a workflow task runs (local activities write inside it), not once that task has stalled', () => {
    const behind = snapshot(state({ stage: 'CREDIT_DECISION' }), { openTimers: 1, pendingWorkflowTask: { ageMs: 2_000, attempt: 1 } });
    behind.record!.stage = 'PARALLEL_REVIEW';
    expect(judgeCase(behind, { now, stalledAfterMs: 60_000 })).toEqual({ violations: [], lagging: true });
    behind.workflow!.pendingWorkflowTask = { ageMs: 90_000, attempt: 1 };
    expect(judgeCase(behind, { now, stalledAfterMs: 60_000 }).violations.map((x) => x.kind)).toEqual(['WORKFLOW_TASK_STALLED', 'STATE_MISMATCH']);
  });
});

function verifyConsistencyCli(args: string[]): Promise<{ code: number; stdout: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: testDatabaseUrl(), TEMPORAL_ADDRESS: testTemporalAddress(), TEMPORAL_NAMESPACE: 'default' };
  delete env.NODE_OPTIONS;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/verify-consistency.ts', ...args], { cwd: path.join(__dirname, '..', '..'), env }, (err, stdout) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout });
    });
  });
}
