// Sci-tech credit (善科贷) through the HTTP API on the dev server: the officer opens a case
// from the online application, the scoring model decides or the bank's approver does, the
// bank pays; fast-track-only actions are refused with a reason. Then `npm start`'s demo data,
// seeded twice through the API, adds nothing the second time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import { SCI_TECH_POLICY } from '../../domain/sciTech/policy';
import { loadConfig } from '../../infra/config';
import { BORDERLINE_SOFTWARE_APPLICATION, LIANQIAN_BIOTECH_APPLICATION, httpDemoApi, seedDemo } from '../../dev/demo';
import { rebuildProjection } from '../../maintenance/rebuildProjection';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

jest.setTimeout(120_000);
const stack = useStack();
const HOUR = 3_600_000;

const sciTechBody = (orgBody8: string, over: object = {}) => ({
  product: 'SCI_TECH',
  firmName: '厦门莲前生物科技有限公司',
  creditCode: validSimingCode(orgBody8),
  street: 'lianqian',
  bank: 'ccb',
  amount: '1200000.00',
  purpose: '研发与临床试验',
  application: LIANQIAN_BIOTECH_APPLICATION,
  ...over,
});
const borderlineBody = (orgBody8: string) =>
  sciTechBody(orgBody8, { firmName: '厦门鹭江信息技术有限公司', street: 'lujiang', bank: 'xib', amount: '500000', application: BORDERLINE_SOFTWARE_APPLICATION });

const open = async (officer: string, body: object, key?: string) => {
  const req = request(stack.app).post('/api/v1/cases').set('authorization', await bearer(officer));
  return (key ? req.set('idempotency-key', key) : req).send(body);
};
const opened = async (officer: string, body: object, key?: string) => {
  const res = await open(officer, body, key);
  expect([res.status, res.body.detail]).toEqual([201, undefined]);
  return res;
};
const act = async (who: string, id: string, path: string, body: object) => request(stack.app).post(`/api/v1/cases/${id}${path}`).set('authorization', await bearer(who)).send(body);
const get = async (path: string, who = 'manager') => (await request(stack.app).get(`/api/v1${path}`).set('authorization', await bearer(who)).expect(200)).body;
const reaches = (id: string, stage: string) =>
  eventually(async () => {
    const c = await get(`/cases/${id}`);
    expect(c.stage).toBe(stage);
    return c;
  });

it('opens a sci-tech case that the scoring approves automatically, pays it inside 48 hours and shows every factor', async () => {
  const key = `sci-tech-auto-${Date.now()}`;
  const res = await opened('lianqian-officer', sciTechBody('MA8XTA01'), key);
  const id = res.body.id as string;
  expect(res.headers.location).toBe(`/api/v1/cases/${id}`);
  expect(res.body).toMatchObject({ product: 'SCI_TECH', street: { code: 'lianqian' }, bank: { code: 'ccb' }, amountFen: 120_000_000, live: true });
  expect(Date.parse(res.body.dueAt) - Date.parse(res.body.acceptedAt)).toBe(48 * HOUR);

  const paid = await reaches(id, 'DISBURSED');
  expect(paid).toMatchObject({
    slaState: 'MET',
    application: { rdSpendFen: 240_000_000, revenueFen: [600_000_000, 850_000_000, 1_200_000_000], requestedFen: 120_000_000 },
    scoring: { score: 100, band: 'AUTO_APPROVE', limit: { requestedFen: 120_000_000, recommendedFen: 120_000_000, bindingCap: 'REQUESTED' } },
    decision: { outcome: 'APPROVED', automatic: true, by: 'system:scoring', amountFen: 120_000_000, ...SCI_TECH_POLICY.autoTerms },
    disbursement: { amountFen: 120_000_000, reference: `FK-${id}` },
    temporalUi: `http://localhost:8233/namespaces/default/workflows/case-${id}`,
  });
  expect(paid.scoring.factors.map((f: { code: string; points: number }) => [f.code, f.points])).toEqual([
    ['PATENT_PORTFOLIO', 20],
    ['IP_COVERAGE', 20],
    ['RD_INTENSITY', 20],
    ['REVENUE_TREND', 20],
    ['YEARS_IN_OPERATION', 10],
    ['LEVERAGE', 10],
  ]);
  expect(paid.scoring.limit.perPatent).toHaveLength(5);
  expect(Date.parse(paid.disbursement.at) - Date.parse(paid.acceptedAt)).toBeLessThan(48 * HOUR);

  // The firm's SMS follows the payment (patch firm-disbursement-sms).
  const timeline = await eventually(async () => {
    const t = await get(`/cases/${id}/timeline`, 'ccb-manager');
    expect(t.events.map((e: { type: string }) => e.type)).toEqual(['ACCEPTED', 'EVALUATION_STARTED', 'EVALUATED', 'APPROVED', 'CONTRACT_SIGNED', 'DISBURSED', 'NOTIFICATION']);
    return t;
  });
  expect(timeline.product).toBe('SCI_TECH');

  // Lists, filters and the projection see it as a sci-tech case.
  const listed = await get('/cases?product=SCI_TECH&street=lianqian&limit=100');
  expect(listed.items.map((c: { id: string }) => c.id)).toContain(id);
  expect(new Set(listed.items.map((c: { product: string }) => c.product))).toEqual(new Set(['SCI_TECH']));
  expect((await get('/cases?product=FAST_TRACK&limit=100')).items.map((c: { id: string }) => c.id)).not.toContain(id);
  expect((await get('/cases?stage=DISBURSED&product=SCI_TECH&limit=100')).items.find((c: { id: string }) => c.id === id)).toMatchObject({ slaState: 'MET', dueAt: res.body.dueAt });

  // Repeated once the case has ended, the opening answers the case as it is and runs nothing again.
  await stack.client.workflow.getHandle(`case-${id}`).result();
  const again = await opened('lianqian-officer', sciTechBody('MA8XTA01'), key);
  expect([again.headers['idempotent-replayed'], again.body.id, again.body.stage]).toEqual(['true', id, 'DISBURSED']);
  expect(await stack.client.workflow.count(`WorkflowId = 'case-${id}'`)).toMatchObject({ count: 1 });

  // The record is rebuilt from the workflow's history, acceptance included.
  await stack.db.caseEvent.deleteMany({ where: { caseNo: id } });
  await stack.db.loanCase.delete({ where: { caseNo: id } });
  await rebuildProjection(stack.client, stack.db, `WorkflowId = 'case-${id}'`);
  expect(await stack.db.loanCase.findUnique({ where: { caseNo: id } })).toMatchObject({ product: 'SCI_TECH', stage: 'DISBURSED', slaState: 'MET', dueAt: new Date(res.body.dueAt) });
  expect(await stack.db.caseEvent.count({ where: { caseNo: id } })).toBe(7);

  // SLA reports count it with the cases accepted today.
  const today = shanghaiDate(new Date(res.body.acceptedAt));
  const summary = await get(`/sla/summary?from=${today}&to=${today}&groupBy=street&street=lianqian`, 'ccb-manager');
  expect(summary.overall).toMatchObject({ opened: expect.any(Number), disbursed: expect.any(Number) });
  expect(summary.overall.disbursed).toBeGreaterThanOrEqual(1);
});

it('sends an ambiguous score to the bank’s approver, who decides over HTTP within the product’s terms', async () => {
  const id = (await opened('lujiang-officer', borderlineBody('MA8XTB02'))).body.id as string;
  const review = await reaches(id, 'MANUAL_REVIEW');
  expect(review).toMatchObject({ approver: 'xib-approver', decision: null, scoring: { score: 64, band: 'MANUAL_REVIEW', reasons: [{ code: 'SCORE_AMBIGUOUS' }] } });

  // Another bank's approver does not see it; the body is checked against the sci-tech terms.
  expect((await act('ccb-approver', id, '/decision', { outcome: 'REJECTED', reasons: [{ code: 'LOW_SCORE' }] })).status).toBe(404);
  const overRate = await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '500000', rateBp: 1500, termMonths: 12 });
  expect(overRate.status).toBe(422);
  expect(overRate.body.errors).toEqual([expect.objectContaining({ field: 'rateBp' })]);
  const fastTrackReason = await act('xib-approver', id, '/decision', { outcome: 'REJECTED', reasons: [{ code: 'LOW_CREDIT_RATING' }] });
  expect(fastTrackReason.status).toBe(422);
  expect(fastTrackReason.body.errors).toEqual([expect.objectContaining({ field: 'reasons.0.code' })]);
  const overLimit = await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '600000', rateBp: 420, termMonths: 12 });
  expect(overLimit.status).toBe(409);
  expect(overLimit.body.detail).toContain('recommended limit');

  const decided = await act('xib-approver', id, '/decision', { outcome: 'APPROVED', amount: '500000', rateBp: 420, termMonths: 12 });
  expect(decided.status).toBe(200);
  expect(decided.body.decision).toMatchObject({ outcome: 'APPROVED', automatic: false, by: 'xib-approver', amountFen: 50_000_000, rateBp: 420 });
  const paid = await reaches(id, 'DISBURSED');
  expect(paid).toMatchObject({ slaState: 'MET', disbursement: { amountFen: 50_000_000 } });

  // Once the firm's SMS is sent the workflow has closed, and a decision is refused as on a closed case.
  await eventually(async () => expect((await act('xib-approver', id, '/decision', { outcome: 'REJECTED', reasons: [{ code: 'LOW_SCORE' }] })).body.type).toBe('urn:greenlane:problem:case-closed'));
});

it('backs a biotech with weak revenue by its patents: the approver grants the 120万 its two invention patents cover, within 48 hours, and no more', async () => {
  // Revenue 150万: the revenue cap gave 45万. Two invention patents (150万 each in the sandbox)
  // pledge 150万 at 50 %; the request is more than 30 % of revenue, so a person decides.
  const application = {
    patents: [
      { patentNo: 'ZL202210000041.1', type: 'INVENTION', remainingYears: 15 },
      { patentNo: 'ZL202210000042.1', type: 'INVENTION', remainingYears: 15 },
    ],
    rdSpend: '600000.00',
    revenue: ['800000.00', '1200000.00', '1500000.00'],
    yearsInOperation: 3,
    existingDebt: '0.00',
  };
  const res = await opened('lianqian-officer', sciTechBody('MA8XTD04', { application }));
  const id = res.body.id as string;
  const review = await reaches(id, 'MANUAL_REVIEW');
  expect(review).toMatchObject({
    approver: 'ccb-approver',
    scoring: { score: 80, band: 'MANUAL_REVIEW', limit: { ipValueFen: 150_000_000, recommendedFen: 120_000_000, bindingCap: 'REQUESTED' } },
  });
  expect(review.scoring.reasons.map((r: { code: string }) => r.code)).toEqual(['SCORE_ABOVE_PASS', 'WEAK_REVENUE']);
  expect(review.scoring.limit).not.toHaveProperty('revenueCapFen');
  expect(review.scoring.limit.perPatent.map((p: { pledgeRateBp: number; lendingValueFen: number }) => [p.pledgeRateBp, p.lendingValueFen])).toEqual([
    [5_000, 75_000_000],
    [5_000, 75_000_000],
  ]);

  const overLimit = await act('ccb-approver', id, '/decision', { outcome: 'APPROVED', amount: '1200000.01', rateBp: 420, termMonths: 24 });
  expect([overLimit.status, overLimit.body.detail]).toEqual([409, expect.stringContaining('exceeds the recommended limit 120000000')]);
  expect((await get(`/cases/${id}`)).decision).toBeNull();

  expect((await act('ccb-approver', id, '/decision', { outcome: 'APPROVED', amount: '1200000.00', rateBp: 420, termMonths: 24 })).status).toBe(200);
  const paid = await reaches(id, 'DISBURSED');
  expect(paid).toMatchObject({ slaState: 'MET', decision: { outcome: 'APPROVED', automatic: false, amountFen: 120_000_000 }, disbursement: { amountFen: 120_000_000 } });
  expect(Date.parse(paid.disbursement.at) - Date.parse(paid.acceptedAt)).toBeLessThan(48 * HOUR);
});

it('refuses fast-track-only actions on a sci-tech case with a bilingual 409, and withdraws it like any case', async () => {
  const id = (await opened('lujiang-officer', borderlineBody('MA8XTC03'))).body.id as string;
  await reaches(id, 'MANUAL_REVIEW');
  for (const [who, path, body] of [
    ['lujiang-grid', '/tasks/grid-submission/complete', { applicationNo: 'XYD20261127000999' }],
    ['lujiang-officer', '/tasks/due-diligence/reassign', { assignee: 'assessor', reason: '改派' }],
    ['xib-manager', '/tasks/bank-vip-channel/pause', { reason: '等待补充材料' }],
    ['task-force', '/sla/resume', {}],
  ] as const) {
    const res = await act(who, id, path, body);
    expect({ path, status: res.status, type: res.body.type }).toEqual({ path, status: 409, type: 'urn:greenlane:problem:not-for-product' });
    expect(res.body.detail).toMatch(/善科贷.*fast-track/);
  }
  // The case's own clock and stage are untouched.
  expect(await get(`/cases/${id}`)).toMatchObject({ stage: 'MANUAL_REVIEW', slaState: 'ON_TRACK', withdrawal: null });

  const withdrawn = await act('lujiang-officer', id, '/withdrawal', { reason: '企业已获其他融资' });
  expect(withdrawn.status).toBe(200);
  expect(withdrawn.body).toMatchObject({ product: 'SCI_TECH', stage: 'WITHDRAWN', withdrawal: { reason: '企业已获其他融资', by: 'lujiang-officer' } });
  expect((await act('lujiang-officer', id, '/withdrawal', { reason: '再次撤回' })).status).toBe(409);
});

it('validates the application with a 422 naming each field, and keeps fast-track the default', async () => {
  const errorsOf = async (body: object) => {
    const res = await open('lianqian-officer', body);
    expect(res.status).toBe(422);
    return res.body.errors.map((e: { field: string }) => e.field).sort();
  };
  const app = LIANQIAN_BIOTECH_APPLICATION;
  expect(await errorsOf({ ...sciTechBody('MA8XTD04'), product: 'LOAN' })).toEqual(['product']);
  expect(await errorsOf({ ...sciTechBody('MA8XTD04'), application: undefined })).toEqual(['application']);
  expect(
    await errorsOf(
      sciTechBody('MA8XTD04', {
        application: {
          ...app,
          patents: [{ ...app.patents[0], type: 'TRADEMARK' }, { ...app.patents[1], patentNo: 'CN123' }],
          revenue: ['6000000', '8500000'],
          rdSpend: '-1',
          yearsInOperation: 2.5,
        },
      }),
    ),
  ).toEqual(['application.patents.0.type', 'application.patents.1.patentNo', 'application.rdSpend', 'application.revenue', 'application.yearsInOperation']);
  expect(await errorsOf(sciTechBody('MA8XTD04', { application: { ...app, patents: [app.patents[0], app.patents[0]] } }))).toEqual(['application.patents']);
  // A fast-track case has no application.
  expect(await errorsOf({ ...sciTechBody('MA8XTD04'), product: 'FAST_TRACK' })).toEqual(['application']);

  const fastTrack = { firmName: '厦门莲前茶业贸易有限公司', creditCode: validSimingCode('MA8XTD05'), street: 'lianqian', bank: 'ccb', amount: '600000', purpose: '春茶收购' };
  const implicit = await opened('lianqian-officer', fastTrack);
  expect(implicit.body).toMatchObject({ product: 'FAST_TRACK', stage: 'PARALLEL_REVIEW' });
  expect(implicit.body.tasks).toHaveLength(3);
  expect((await opened('lianqian-officer', { ...fastTrack, product: 'FAST_TRACK', creditCode: validSimingCode('MA8XTD06') })).body.product).toBe('FAST_TRACK');
});

it('seeds the demo through the API; a second seeding adds nothing', async () => {
  const server = http.createServer(stack.app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const api = httpDemoApi(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, loadConfig({ ...process.env, GREENLANE_ENV: 'test' }));
    const demoCases = async () =>
      (await stack.db.caseRequestKey.findMany({ where: { scope: { contains: ':demo-' } }, select: { caseNo: true } })).map((k) => k.caseNo).sort();
    const lines: string[] = [];
    await seedDemo(api, (l) => lines.push(l));
    const first = await demoCases();
    // Six cases of this file's steps; other processes' demo steps may open more.
    expect(first.length).toBeGreaterThanOrEqual(6);
    expect(await stack.db.loanCase.count({ where: { caseNo: { in: first } } })).toBe(first.length);

    const byFirm = async (name: string) => (await stack.db.loanCase.findFirstOrThrow({ where: { caseNo: { in: first }, firmName: name } })).caseNo;
    const biotech = await byFirm('厦门莲前生物科技有限公司');
    const food = await byFirm('厦门鹭江食品贸易有限公司');
    expect(await reaches(biotech, 'DISBURSED')).toMatchObject({ product: 'SCI_TECH', amountFen: 120_000_000, bank: { code: 'ccb' }, decision: { automatic: true } });
    await reaches(food, 'DISBURSED');
    expect(await reaches(await byFirm('厦门鹭江装饰工程有限公司'), 'PARALLEL_REVIEW')).toMatchObject({ product: 'FAST_TRACK', amountFen: 514_000_000, bank: { code: 'xib' } });
    await reaches(await byFirm('厦门鹭江冷链物流有限公司'), 'CREDIT_DECISION');
    await reaches(await byFirm('厦门鹭江信息技术有限公司'), 'MANUAL_REVIEW');
    // Paid cases' workflows end: seeding again must answer them, not start them again.
    for (const id of [biotech, food]) await stack.client.workflow.getHandle(`case-${id}`).result();

    await seedDemo(api, (l) => lines.push(l));
    expect(await demoCases()).toEqual(first);
    // 鹭江's screening import, sent on every start, stays four firms, three flagged.
    expect(await stack.db.screenedFirm.groupBy({ by: ['flagged'], where: { creditCode: { startsWith: '91350203MA2LJC0' } }, _count: true, orderBy: { flagged: 'asc' } })).toEqual([
      { flagged: false, _count: 1 },
      { flagged: true, _count: 3 },
    ]);
    // The matching event is scheduled once, with its three firms and two meetings.
    const events = await stack.db.matchingEvent.findMany({ where: { titleZh: '软件园二期银企对接会' }, include: { _count: { select: { registrations: true, outcomes: true } } } });
    expect(events.map((e) => e._count)).toEqual([{ registrations: 3, outcomes: 2 }]);
    expect(await stack.db.loanCase.count({ where: { caseNo: { in: first } } })).toBe(first.length);
    const runs = [];
    for await (const wf of stack.client.workflow.list({ query: `WorkflowId IN (${first.map((id) => `'case-${id}'`).join(', ')})` })) runs.push(wf.workflowId);
    expect(runs.sort()).toEqual(first.map((id) => `case-${id}`).sort());
  } finally {
    await new Promise((r) => server.close(r));
  }
});
