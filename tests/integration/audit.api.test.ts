// The audit trail cannot be lost: a change's row is written in the change's own transaction (a
// case action's by the workflow's projection, with its timeline event), a read's before the read
// is answered, and a read whose row cannot be written is refused (503) rather than served.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { refuseInserts } from '../support/refusedInserts';
import { useStack } from '../support/stack';

const stack = useStack();
const FIRM = '厦门鹭江审计测试有限公司';
let caseNo: string;
let officer: string;

const rows = (where: { subject?: string; action?: string; actor?: string }) => stack.db.auditEntry.findMany({ where, orderBy: { id: 'asc' } });
const byRequest = (requestId: string) => stack.db.auditEntry.findMany({ where: { after: { path: ['requestId'], equals: requestId } } });

beforeAll(async () => {
  officer = await bearer('lujiang-officer');
  const res = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', officer)
    .send({ firmName: FIRM, creditCode: validSimingCode('MA7AUDT1'), street: 'lujiang', bank: 'xib', amount: '600000.00', purpose: '审计测试 audit test' })
    .expect(201);
  caseNo = res.body.id;
});

describe('changes', () => {
  it('an opened case has exactly one row, written with the record', async () => {
    const opened = await rows({ subject: `case:${caseNo}`, action: 'CASE_OPENED' });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ actor: 'lujiang-officer', after: { firm: { name: FIRM }, street: 'lujiang', bank: 'xib', amountFen: 60_000_000 } });
  });

  it('a refused or invalid action leaves no row; a successful one exactly one, however often it is retried', async () => {
    const subject = `case:${caseNo}`;
    const before = (await rows({ subject })).length;
    // Refused by the workflow (a case officer may not write the grid officer's submission): 409.
    await request(stack.app).post(`/api/v1/cases/${caseNo}/tasks/grid-submission/complete`).set('authorization', officer).send({ applicationNo: 'XYD20261130000001' }).expect(409);
    // Invalid (no reason): 422 before anything is sent.
    await request(stack.app).post(`/api/v1/cases/${caseNo}/tasks/grid-submission/pause`).set('authorization', officer).send({}).expect(422);
    // Outside the caller's scope: 404.
    await request(stack.app).post(`/api/v1/cases/${caseNo}/withdrawal`).set('authorization', await bearer('lianqian-officer')).send({ reason: '越权 out of scope' }).expect(404);
    expect((await rows({ subject })).length).toBe(before);

    const pause = () =>
      request(stack.app).post(`/api/v1/cases/${caseNo}/tasks/grid-submission/pause`).set('authorization', officer).set('idempotency-key', `audit-pause-${caseNo}`).send({ reason: '等待企业补充材料' });
    await pause().expect(200);
    await pause().expect(200);
    const paused = await rows({ subject, action: 'SLA_PAUSED' });
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({ actor: 'lujiang-officer', after: { eventKey: 'sla-paused:1', data: { kind: 'GRID_SUBMISSION', reason: '等待企业补充材料' } } });
    expect((await rows({ subject })).length).toBe(before + 1);
  });
});

describe('reads and exports', () => {
  it('a case read leaves one row before it is answered: who, which case, the request', async () => {
    const requestId = randomUUID();
    const res = await request(stack.app).get(`/api/v1/cases/${caseNo}`).set('authorization', officer).set('x-request-id', requestId).expect(200);
    expect(res.body.firm.name).toBe(FIRM);
    // Written before the answer left: no waiting.
    expect(await byRequest(requestId)).toEqual([
      expect.objectContaining({ actor: 'lujiang-officer', action: 'CASE_READ', subject: `case:${caseNo}`, after: expect.objectContaining({ role: 'case_officer', requestId }) }),
    ]);
  });

  it('a CSV export leaves one row that says it was CSV', async () => {
    const requestId = randomUUID();
    const res = await request(stack.app).get('/api/v1/sla/summary?from=2026-11-01&to=2026-11-30&groupBy=bank&format=csv').set('authorization', await bearer('manager')).set('x-request-id', requestId).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(await byRequest(requestId)).toEqual([
      expect.objectContaining({ actor: 'manager', action: 'SLA_SUMMARY_READ', subject: 'sla/summary', after: expect.objectContaining({ contentType: expect.stringMatching(/^text\/csv/), query: expect.objectContaining({ format: 'csv' }) }) }),
    ]);
  });

  it('a refused read (out of scope) leaves no row', async () => {
    const requestId = randomUUID();
    await request(stack.app).get(`/api/v1/cases/${caseNo}`).set('authorization', await bearer('lianqian-officer')).set('x-request-id', requestId).expect(404);
    expect(await byRequest(requestId)).toEqual([]);
  });

  describe('when the audit trail cannot be written', () => {
    // PostgreSQL itself refuses the row of the requests this test marks, as a full disk or a
    // revoked grant would.
    const failing = `audit_fails_${randomUUID().replace(/-/g, '')}`;
    const marked: string[] = [];
    let allow: () => Promise<void>;
    beforeAll(async () => {
      await stack.db.$executeRawUnsafe(`CREATE TABLE ${failing} (request_id text PRIMARY KEY)`);
      allow = await refuseInserts(stack.db, 'audit_entry', `EXISTS (SELECT 1 FROM ${failing} WHERE request_id = NEW.after->>'requestId')`, 'audit store unavailable');
    });
    afterAll(async () => {
      await allow?.();
      await stack.db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${failing}`);
    });
    const mark = async () => {
      const requestId = randomUUID();
      marked.push(requestId);
      await stack.db.$executeRawUnsafe(`INSERT INTO ${failing} VALUES ($1)`, requestId);
      return requestId;
    };

    it('a case read is answered 503 problem+json, without the case', async () => {
      const res = await request(stack.app).get(`/api/v1/cases/${caseNo}`).set('authorization', officer).set('x-request-id', await mark()).expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('10');
      expect(res.body.type).toBe('urn:greenlane:problem:audit-unavailable');
      expect(res.text).not.toContain(FIRM);
      expect(res.text).not.toContain('600000');
    });

    it('an export is answered 503, not as an attachment', async () => {
      const res = await request(stack.app).get('/api/v1/sla/summary?from=2026-11-01&to=2026-11-30&groupBy=street&format=csv').set('authorization', await bearer('manager')).set('x-request-id', await mark()).expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['content-disposition']).toBeUndefined();
    });

    it('and nothing of those reads is on the trail', async () => {
      for (const id of marked) expect(await byRequest(id)).toEqual([]);
    });
  });
});

describe('GET /api/v1/audit', () => {
  const trail = async (query: string) => request(stack.app).get(`/api/v1/audit?${query}`).set('authorization', await bearer('task-force')).expect(200);

  it('filters by object, person and action, newest first, and pages', async () => {
    const requestId = randomUUID();
    await request(stack.app).get(`/api/v1/cases/${caseNo}/timeline`).set('authorization', officer).set('x-request-id', requestId).expect(200);
    const mine = (await trail(`subject=case:${caseNo}&actor=lujiang-officer`)).body;
    expect(mine.items[0]).toMatchObject({ action: 'CASE_TIMELINE_READ', subject: `case:${caseNo}`, actor: 'lujiang-officer', after: { requestId } });
    expect(mine.items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['CASE_OPENED', 'SLA_PAUSED', 'CASE_READ']));
    expect(mine.items.every((i: { subject: string; actor: string }) => i.subject === `case:${caseNo}` && i.actor === 'lujiang-officer')).toBe(true);

    const first = (await trail(`subject=case:${caseNo}&limit=1`)).body;
    expect(first.items).toHaveLength(1);
    const second = (await trail(`subject=case:${caseNo}&limit=1&cursor=${first.nextCursor}`)).body;
    expect(Number(second.items[0].id)).toBeLessThan(Number(first.items[0].id));

    const opened = (await trail(`subject=case:${caseNo}&action=CASE_OPENED&from=${encodeURIComponent('2000-01-01T00:00:00+08:00')}`)).body;
    expect(opened.items).toHaveLength(1);
    expect((await trail(`subject=case:${caseNo}&to=${encodeURIComponent('2000-01-01T00:00:00+08:00')}`)).body.items).toEqual([]);
  });

  it('reading the trail is on the trail', async () => {
    const requestId = randomUUID();
    await request(stack.app).get('/api/v1/audit?limit=1').set('authorization', await bearer('task-force')).set('x-request-id', requestId).expect(200);
    expect(await byRequest(requestId)).toEqual([expect.objectContaining({ actor: 'task-force', action: 'AUDIT_TRAIL_READ', subject: 'audit' })]);
  });

  it('answers a bad filter 422', async () => {
    const res = await request(stack.app).get('/api/v1/audit?from=yesterday&cursor=x').set('authorization', await bearer('task-force')).expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['cursor', 'from']);
  });
});
