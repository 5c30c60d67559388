import request from 'supertest';
import { validSimingCode } from '../support/creditCodes';
import { bearer } from '../support/auth';
import { useStack } from '../support/stack';

// A real, checksum-valid Siming code and a pilot-style code whose check characters fail.
const VALID_CODE = validSimingCode('MA31W6J7');
const PILOT_CODE = '91350203MA2XXXXX1X';

const validBody = {
  firmName: '厦门鹭江装饰工程有限公司',
  creditCode: VALID_CODE,
  street: 'lujiang',
  bank: 'xib',
  amount: '5140000.00',
  purpose: '新订单备料 materials for a new order',
};

const stack = useStack();
let officer: string;
beforeAll(async () => {
  officer = await bearer('lujiang-officer');
});

const countCases = () => stack.db.loanCase.count();

describe('POST /api/v1/cases then GET', () => {
  it('creates the record and the workflow, visible to operators with search attributes and a summary', async () => {
    const created = await request(stack.app).post('/api/v1/cases').set('authorization', officer).send(validBody).expect(201);
    const id: string = created.body.id;
    expect(id).toMatch(/^GL-\d{4}-\d{6}$/);
    expect(created.headers.location).toBe(`/api/v1/cases/${id}`);
    expect(created.body).toMatchObject({
      workflowId: `case-${id}`,
      amount: '5140000.00',
      amountFen: 514_000_000,
      stage: 'PARALLEL_REVIEW',
      slaState: 'ON_TRACK',
      street: { code: 'lujiang', nameZh: '鹭江街道' },
      bank: { code: 'xib', nameZh: '厦门国际银行' },
      live: true,
    });
    // Five working days after the acceptance day, ending at 24:00 Shanghai time (16:00 UTC).
    expect(created.body.dueAt).toMatch(/T16:00:00\.000Z$/);
    expect(new Date(created.body.dueAt).getTime()).toBeGreaterThan(new Date(created.body.acceptedAt).getTime() + 5 * 86_400_000);

    const fetched = await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', officer).expect(200);
    expect(fetched.body).toMatchObject({ id, stage: 'PARALLEL_REVIEW', live: true, dueAt: created.body.dueAt });
    expect(fetched.body.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'ACCEPTED', actor: 'lujiang-officer' })]));

    const record = await stack.db.loanCase.findUniqueOrThrow({ where: { caseNo: id } });
    expect(record.amountFen).toBe(514_000_000n);
    expect(record.creditCode).toBe(VALID_CODE);

    const description = await stack.client.workflow.getHandle(`case-${id}`).describe();
    const sa = description.searchAttributes as Record<string, unknown[]>;
    expect(sa.CaseStage).toEqual(['PARALLEL_REVIEW']);
    expect(sa.SlaState).toEqual(['ON_TRACK']);
    expect(sa.Street).toEqual(['lujiang']);
    expect(sa.Bank).toEqual(['xib']);
    expect(sa.Product).toEqual(['FAST_TRACK']);
    expect(sa.AmountFen).toEqual([514_000_000]);
    expect((sa.DueAt[0] as Date).toISOString()).toBe(created.body.dueAt);
    // The summary is stored in clear beside the sealed payloads: the case number, not the firm.
    expect(await description.staticSummary()).toBe(`${id} · 514万元 · 鹭江街道`);
    // Search attributes are plain too: none carries the firm's name or credit code.
    expect(JSON.stringify(sa)).not.toMatch(new RegExp(`厦门鹭江装饰工程有限公司|${VALID_CODE}`));

    // Operators find it with the UI's list filter.
    const found: string[] = [];
    for await (const wf of stack.client.workflow.list({ query: `Street = 'lujiang' AND Bank = 'xib' AND WorkflowId = 'case-${id}'` })) {
      found.push(wf.workflowId);
    }
    expect(found).toEqual([`case-${id}`]);
  });

  it('answers 404 problem+json for a case that does not exist', async () => {
    const res = await request(stack.app).get('/api/v1/cases/GL-2026-999999').set('authorization', officer).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'urn:greenlane:problem:not-found', status: 404 });
  });
});

describe('bad input gets a precise 4xx and writes nothing', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a missing firm name', { ...validBody, firmName: undefined }, 'firmName'],
    // PostgreSQL's text holds no NUL: accepted, the case's record could never be written.
    ['a NUL character in the purpose', { ...validBody, purpose: '备料\u0000' }, 'purpose'],
    ['a code of the wrong length', { ...validBody, creditCode: '9135020' }, 'creditCode'],
    ['a code with a forbidden letter', { ...validBody, creditCode: 'I1350203MA31W6J7X0' }, 'creditCode'],
    ['a fractional fen', { ...validBody, amount: '100.001' }, 'amount'],
    ['a floating-point amount', { ...validBody, amount: 1200.5 }, 'amount'],
    ['a zero amount', { ...validBody, amount: '0' }, 'amount'],
    ['an unknown street', { ...validBody, street: 'nowhere' }, 'street'],
    ['an unknown bank', { ...validBody, bank: 'nobank' }, 'bank'],
    ['a stage set by the caller', { ...validBody, stage: 'DISBURSED' }, 'stage'],
  ];

  it.each(cases)('rejects %s, naming the field', async (_name, body, field) => {
    const before = await countCases();
    const res = await request(stack.app).post('/api/v1/cases').set('authorization', officer).send(body as object).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('urn:greenlane:problem:validation');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await countCases()).toBe(before);
  });

  it('rejects malformed JSON with 400 and a non-JSON body with 415', async () => {
    const bad = await request(stack.app).post('/api/v1/cases').set('authorization', officer).set('content-type', 'application/json').send('{"firmName":').expect(400);
    expect(bad.body.type).toBe('urn:greenlane:problem:malformed-json');
    const text = await request(stack.app).post('/api/v1/cases').set('authorization', officer).set('content-type', 'text/plain').send('hello').expect(415);
    expect(text.body.type).toBe('urn:greenlane:problem:unsupported-media-type');
  });
});

describe('a pilot credit code whose check character fails', () => {
  it('is not locked out: the officer confirms it and the override is audited', async () => {
    const body = { ...validBody, creditCode: PILOT_CODE, firmName: '厦门试点企业有限公司' };
    const before = await countCases();
    const refused = await request(stack.app).post('/api/v1/cases').set('authorization', officer).send(body).expect(422);
    expect(refused.body.type).toBe('urn:greenlane:problem:credit-code-confirmation-required');
    expect(refused.body.errors[0].field).toBe('creditCode');
    expect(await countCases()).toBe(before);

    const created = await request(stack.app).post('/api/v1/cases').set('authorization', officer).send({ ...body, confirmCreditCodeWarnings: true }).expect(201);
    const audit = await stack.db.auditEntry.findMany({ where: { subject: `firm:${PILOT_CODE}`, action: 'CREDIT_CODE_OVERRIDE_CONFIRMED', after: { path: ['caseNo'], equals: created.body.id } } });
    expect(audit).toEqual([expect.objectContaining({ actor: 'lujiang-officer', after: { caseNo: created.body.id, warnings: expect.arrayContaining(['CHECK_CHARACTER_MISMATCH']) } })]);
  });
});

describe('who may do what', () => {
  let caseId: string;
  beforeAll(async () => {
    const created = await request(stack.app).post('/api/v1/cases').set('authorization', officer).send(validBody).expect(201);
    caseId = created.body.id;
  });

  it('answers 401 problem+json without a valid token, and writes nothing', async () => {
    const before = await countCases();
    const none = await request(stack.app).post('/api/v1/cases').send(validBody).expect(401);
    expect(none.body.type).toBe('urn:greenlane:problem:unauthenticated');
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    await request(stack.app).get(`/api/v1/cases/${caseId}`).set('authorization', 'Bearer not.a.token').expect(401);
    const forged = officer.slice(0, -4) + (officer.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await request(stack.app).get(`/api/v1/cases/${caseId}`).set('authorization', forged).expect(401);
    expect(await countCases()).toBe(before);
  });

  it('lets only case officers open cases, and only for their own street', async () => {
    const asManager = await request(stack.app).post('/api/v1/cases').set('authorization', await bearer('xib-manager')).send(validBody).expect(403);
    expect(asManager.body.type).toBe('urn:greenlane:problem:forbidden');
    const otherStreet = await request(stack.app).post('/api/v1/cases').set('authorization', await bearer('lianqian-officer')).send(validBody).expect(403);
    expect(otherStreet.body.detail).toContain('lianqian');
  });

  it.each([
    ['lujiang-officer', 200],
    ['lujiang-grid', 200],
    ['xib-manager', 200],
    ['xib-approver', 200],
    ['task-force', 200],
    ['manager', 200],
    ['operator', 200],
    ['lianqian-officer', 404],
    ['ccb-manager', 404],
    ['ccb-approver', 404],
    ['assessor', 200], // its due diligence is assigned to them
  ])('shows the Lujiang/XIB case to %s with %d (404 outside scope: existence does not leak)', async (sub, status) => {
    const res = await request(stack.app).get(`/api/v1/cases/${caseId}`).set('authorization', await bearer(sub)).expect(status);
    if (status === 404) expect(res.body).toMatchObject({ type: 'urn:greenlane:problem:not-found', detail: `No case ${caseId}` });
  });
});

describe('Idempotency-Key on POST /api/v1/cases', () => {
  it('turns concurrent repeats into one case and one workflow, returning the first result to each', async () => {
    const key = `create-${Date.now()}-concurrent`;
    const body = { ...validBody, firmName: '厦门幂等测试有限公司' };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => request(stack.app).post('/api/v1/cases').set('authorization', officer).set('idempotency-key', key).send(body)),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(await stack.db.loanCase.count({ where: { caseNo: id } })).toBe(1);
    const runs: string[] = [];
    for await (const wf of stack.client.workflow.list({ query: `WorkflowId = 'case-${id}'` })) runs.push(wf.runId);
    expect(runs).toHaveLength(1);

    // Later, the same key and body: the same case again, marked as a replay; nothing new is written.
    const before = await countCases();
    const again = await request(stack.app).post('/api/v1/cases').set('authorization', officer).set('idempotency-key', key).send(body).expect(201);
    expect(again.body.id).toBe(id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countCases()).toBe(before);
  });

  it('refuses the same key with a different body, and writes nothing', async () => {
    const key = `create-${Date.now()}-changed`;
    await request(stack.app).post('/api/v1/cases').set('authorization', officer).set('idempotency-key', key).send(validBody).expect(201);
    const before = await countCases();
    const res = await request(stack.app)
      .post('/api/v1/cases')
      .set('authorization', officer)
      .set('idempotency-key', key)
      .send({ ...validBody, amount: '6000000.00' })
      .expect(422);
    expect(res.body.type).toBe('urn:greenlane:problem:idempotency-key-reused');
    expect(await countCases()).toBe(before);
  });

  it('rejects a malformed key', async () => {
    const res = await request(stack.app).post('/api/v1/cases').set('authorization', officer).set('idempotency-key', 'x').send(validBody).expect(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'Idempotency-Key', message: expect.stringMatching(/8-128 characters/) });
  });
});
