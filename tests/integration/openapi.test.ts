// The contract: the served OpenAPI document is well-formed, names every route, its schemas
// compile, and every route answers a valid request with a body the document describes.
// (The stack checks every response of every integration file with the zod schemas too.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { OPERATIONS } from '../../api/routes';
import { OFFICIAL_NOTICES } from '../../domain/calendar/officialNotices';
import { shanghaiDate } from '../../domain/calendar/timeZone';
import { bearer, bearerAs } from '../support/auth';
import { holdPayment, reportPaid } from '../support/bankHold';
import { describeViolations } from '../support/contractRecorder';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const stack = useStack();
let doc: Obj;
beforeAll(async () => {
  doc = (await request(stack.app).get('/api/v1/openapi.json').expect(200).expect('content-type', /application\/json/)).body;
});

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const operations = () =>
  Object.entries(doc.paths as Obj).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Obj })));

/** Resolves a local JSON pointer (`#/components/schemas/X`) in the document. */
function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Obj)[key] : undefined), doc);
}

function refsIn(node: unknown, at = '#', out: { at: string; ref: string }[] = []) {
  if (Array.isArray(node)) node.forEach((n, i) => refsIn(n, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push({ at, ref: v });
      else refsIn(v, `${at}/${k}`, out);
    }
  }
  return out;
}

/** Ajv over the document's component schemas, each under its component name. */
function documentValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const [name, schema] of Object.entries(doc.components.schemas as Obj)) ajv.addSchema(schema, name);
  return ajv;
}
const componentOf = (ref: string) => ref.replace('#/components/schemas/', '');

describe('the document', () => {
  it('has the OpenAPI 3.1 required fields, bearer security and servers', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(typeof doc.info?.title).toBe('string');
    expect(typeof doc.info?.version).toBe('string');
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it('resolves every $ref', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter(({ ref }) => resolve(ref) === undefined)).toEqual([]);
  });

  it('has every registered route, with unique operation ids, responses and declared path parameters', () => {
    for (const r of OPERATIONS) expect(doc.paths[r.path]?.[r.method]?.operationId).toBe(r.operationId);
    const ops = operations();
    expect(ops).toHaveLength(OPERATIONS.length);
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    for (const { path, op } of ops) {
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      for (const r of Object.values(op.responses as Obj)) expect(typeof r.description).toBe('string');
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters as Obj[]).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort()).toEqual(templated);
      expect(declared.every((p) => p.required === true)).toBe(true);
      // A route that needs a token says what happens without one; errors are problem documents.
      if (!op.security) expect(op.responses['401']?.content?.['application/problem+json']).toBeDefined();
      for (const [status, r] of Object.entries(op.responses as Obj)) {
        if (Number(status) >= 400) expect(Object.keys(r.content)).toEqual(['application/problem+json']);
      }
      // A PUT repeats safely by itself; development sign-in and a notice's preview write nothing.
      if (op.requestBody) expect(op.parameters.some((p: Obj) => p.in === 'header' && p.name === 'Idempotency-Key') || ['loadCalendarYear', 'setStaffGroups', 'previewCalendarNoticeText', 'devSignIn'].includes(op.operationId)).toBe(true);
    }
  });

  it('has JSON Schemas that compile (JSON Schema 2020-12, strict)', () => {
    const ajv = documentValidator();
    for (const name of Object.keys(doc.components.schemas)) expect(() => ajv.getSchema(name)).not.toThrow();
    for (const { op } of operations()) {
      for (const p of op.parameters as Obj[]) expect(() => ajv.compile(p.schema)).not.toThrow();
      for (const r of Object.values(op.responses as Obj)) for (const h of Object.values((r.headers ?? {}) as Obj)) expect(() => ajv.compile(h.schema)).not.toThrow();
    }
  });

  it('is browsable at /api/v1/docs without a token, titled in Chinese first', async () => {
    const res = await request(stack.app).get('/api/v1/docs').expect(200).expect('content-type', /text\/html/);
    expect(res.text).toMatch(/<title>绿色通道接口文档 · Greenlane API documentation<\/title>/);
    for (const r of OPERATIONS) expect(res.text).toContain(r.path);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('every route, called as an allowed role, answers what the document says', () => {
  const today = shanghaiDate(new Date());
  const as = async (sub: string) => ({ authorization: await bearer(sub) });
  const newCase = async (firmName: string, orgBody: string, opening: object = {}) =>
    request(stack.app)
      .post('/api/v1/cases')
      .set(await as('lujiang-officer'))
      .set('idempotency-key', `contract-${orgBody}-${Date.now()}`)
      .send({ firmName, creditCode: validSimingCode(orgBody), street: 'lujiang', bank: 'xib', amount: '1200000.00', purpose: '采购原材料', ...opening });
  const post = async (who: string, path: string, body: object) => request(stack.app).post(path).set(await as(who)).send(body);
  const responses: { operationId: string; res: request.Response }[] = [];
  const call = async (operationId: string, res: request.Response | Promise<request.Response>) => {
    const r = await res;
    responses.push({ operationId, res: r });
    if (r.status >= 300) throw new Error(`${operationId} answered ${r.status}: ${r.text}`);
    return r;
  };

  it('walks two cases through every action and reads every resource', async () => {
    const pub = (path: string) => request(stack.app).get(path);
    await call('healthz', pub('/healthz'));
    await call('readyz', pub('/readyz'));
    await call('openapi', pub('/api/v1/openapi.json'));
    await call('docs', pub('/api/v1/docs'));
    await call('signInOptions', pub('/api/v1/sign-in/options'));
    await call('devSignIn', request(stack.app).post('/api/v1/dev/sign-in').send({ userId: 'manager' }));
    const get = async (who: string, path: string) => request(stack.app).get(path).set(await as(who));
    await call('metrics', get('operator', '/api/v1/metrics'));
    await call('listStreets', get('lujiang-officer', '/api/v1/streets'));
    await call('listBanks', get('xib-manager', '/api/v1/banks'));

    const a = (await call('createCase', newCase('厦门鹭江契约测试有限公司', 'MA4JRC01'))).body.id as string;
    const b = (await call('createCase', newCase('厦门鹭江契约撤回有限公司', 'MA4JRC02'))).body.id as string;
    await call('listCases', get('manager', `/api/v1/cases?street=lujiang&acceptedFrom=${today}&limit=5`));
    await call('getCase', get('xib-approver', `/api/v1/cases/${a}`));
    await call('getCaseTimeline', get('lujiang-grid', `/api/v1/cases/${a}/timeline`));
    await call('listTasks', get('lujiang-grid', '/api/v1/tasks?limit=5'));
    await call('listFirms', get('manager', '/api/v1/firms?q=契约'));
    await call('getFirm', get('lujiang-officer', `/api/v1/firms/${validSimingCode('MA4JRC01')}`));

    await call('pauseSla', post('lujiang-officer', `/api/v1/cases/${a}/tasks/grid-submission/pause`, { reason: '等待企业补充材料' }));
    await call('resumeSla', post('lujiang-grid', `/api/v1/cases/${a}/sla/resume`, { note: '材料已补齐' }));
    // Paused again, the firm of a answers the request itself from its page.
    const firmOfA = { authorization: await bearerAs({ sub: 'contract-firm', name: '厦门鹭江契约测试有限公司', role: 'firm', creditCode: validSimingCode('MA4JRC01') }) };
    await call('pauseSla', post('lujiang-officer', `/api/v1/cases/${a}/tasks/grid-submission/pause`, { reason: '请补充纳税证明' }));
    await call('answerFirmMaterials', request(stack.app).post(`/api/v1/firm/cases/${a}/materials`).set(firmOfA).send({ text: '已补充纳税证明', documents: ['2026年纳税证明'] }));
    await call('complete-grid-submission', post('lujiang-grid', `/api/v1/cases/${a}/tasks/grid-submission/complete`, { applicationNo: 'XYD20261127000777' }));
    await call('complete-bank-vip-channel', post('xib-manager', `/api/v1/cases/${a}/tasks/bank-vip-channel/complete`, { assessmentOutcome: 'RECOMMEND_WITH_CONDITIONS', note: '追加担保' }));
    await call('complete-due-diligence', post('assessor', `/api/v1/cases/${a}/tasks/due-diligence/complete`, { reportNo: 'DD-CONTRACT-1', riskRating: 'MEDIUM', summary: '经营正常' }));
    await call('listTasks', get('xib-approver', '/api/v1/tasks?slaState=ON_TRACK'));
    // The bank's payment system holds a's payment: its approver cancels the signed contract.
    const release = await holdPayment(stack.db, a);
    try {
      await call('decide', post('xib-approver', `/api/v1/cases/${a}/decision`, { outcome: 'APPROVED', amount: 1_000_000, rateBp: 385, termMonths: 12 }));
      await eventually(async () => expect((await get('manager', `/api/v1/cases/${a}`)).body.stage).toBe('DISBURSING'));
      await call('cancelContract', post('xib-approver', `/api/v1/cases/${a}/contract/cancellation`, { reason: '企业申请撤回' }));
    } finally {
      await release();
    }
    // The firm of a reads it on its own page: the bank's terms, the cancelled contract, in plain words.
    await call('listFirmCases', request(stack.app).get('/api/v1/firm/cases').set(firmOfA));
    await call('getFirmCase', request(stack.app).get(`/api/v1/firm/cases/${a}`).set(firmOfA));

    // 善科贷 online: a 莲前 firm applies itself; 建设银行's customer manager prepares two for another, which submits one and discards one.
    const application = { patents: [{ patentNo: 'ZL202110000011.1', type: 'INVENTION', remainingYears: 10 }], rdSpend: '600000', revenue: ['9000000', '9500000', '10000000'], yearsInOperation: 4, existingDebt: '0' };
    const applyingFirm = { authorization: await bearerAs({ sub: 'contract-applicant', name: '厦门莲前契约申请有限公司', role: 'firm', creditCode: validSimingCode('MA4JRC07') }) };
    await call('applyAsFirm', request(stack.app).post('/api/v1/firm/applications').set(applyingFirm).set('idempotency-key', `contract-apply-${Date.now()}`).send({ firmName: '厦门莲前契约申请有限公司', street: 'lianqian', bank: 'ccb', amount: '500000', purpose: '研发', application }));
    const guidedFirm = { authorization: await bearerAs({ sub: 'contract-guided', name: '厦门莲前契约代申有限公司', role: 'firm', creditCode: validSimingCode('MA4JRC08') }) };
    const prepare = () => post('ccb-manager', '/api/v1/firm-applications', { firmName: '厦门莲前契约代申有限公司', creditCode: validSimingCode('MA4JRC08'), street: 'lianqian', amount: '500000', purpose: '研发', application });
    const toSubmit = (await call('prepareFirmApplication', prepare())).body.id as string;
    const toDiscard = (await call('prepareFirmApplication', prepare())).body.id as string;
    await call('listBankFirmApplications', get('ccb-manager', '/api/v1/firm-applications'));
    await call('listFirmApplications', request(stack.app).get('/api/v1/firm/applications').set(guidedFirm));
    await call('submitFirmApplication', request(stack.app).post(`/api/v1/firm/applications/${toSubmit}/submit`).set(guidedFirm));
    await call('discardFirmApplication', request(stack.app).post(`/api/v1/firm/applications/${toDiscard}/discard`).set(guidedFirm));

    // The bank reports d's payment at another amount: its approver confirms the reported payment.
    const d = (await call('createCase', newCase('厦门鹭江契约差额有限公司', 'MA4JRC05'))).body.id as string;
    await reportPaid(stack.db, d, 'xib', 99_900_000);
    await call('complete-grid-submission', post('lujiang-grid', `/api/v1/cases/${d}/tasks/grid-submission/complete`, { applicationNo: 'XYD20261127000779' }));
    await call('complete-bank-vip-channel', post('xib-manager', `/api/v1/cases/${d}/tasks/bank-vip-channel/complete`, { assessmentOutcome: 'RECOMMEND' }));
    await call('complete-due-diligence', post('assessor', `/api/v1/cases/${d}/tasks/due-diligence/complete`, { reportNo: 'DD-CONTRACT-5', riskRating: 'LOW', summary: '经营正常' }));
    await call('decide', post('xib-approver', `/api/v1/cases/${d}/decision`, { outcome: 'APPROVED', amount: 1_000_000, rateBp: 385, termMonths: 12 }));
    await eventually(async () => expect((await get('manager', `/api/v1/cases/${d}`)).body.stage).toBe('DISBURSEMENT_HELD'));
    await call('getCase', get('xib-approver', `/api/v1/cases/${d}`));
    await call('resolveDisbursement', post('xib-approver', `/api/v1/cases/${d}/disbursement/resolution`, { action: 'CONFIRM_REPORTED', note: '企业确认到账' }));

    // e's firm confirms the approved terms on its own page; the bank then signs and pays.
    const e = (await call('createCase', newCase('厦门鹭江契约确认有限公司', 'MA4JRC09', { firmConfirmsContract: true }))).body.id as string;
    await call('complete-grid-submission', post('lujiang-grid', `/api/v1/cases/${e}/tasks/grid-submission/complete`, { applicationNo: 'XYD20261127000780' }));
    await call('complete-bank-vip-channel', post('xib-manager', `/api/v1/cases/${e}/tasks/bank-vip-channel/complete`, { assessmentOutcome: 'RECOMMEND' }));
    await call('complete-due-diligence', post('assessor', `/api/v1/cases/${e}/tasks/due-diligence/complete`, { reportNo: 'DD-CONTRACT-6', riskRating: 'LOW', summary: '经营正常' }));
    await call('decide', post('xib-approver', `/api/v1/cases/${e}/decision`, { outcome: 'APPROVED', amount: 1_000_000, rateBp: 385, termMonths: 12 }));
    await eventually(async () => expect((await get('manager', `/api/v1/cases/${e}`)).body.events.map((x: { type: string }) => x.type)).toContain('CONTRACT_CONFIRMATION_REQUESTED'));
    await call('getCase', get('xib-approver', `/api/v1/cases/${e}`));
    const firmOfE = { authorization: await bearerAs({ sub: 'contract-firm-e', name: '厦门鹭江契约确认有限公司', role: 'firm', creditCode: validSimingCode('MA4JRC09') }) };
    await call('getFirmCase', request(stack.app).get(`/api/v1/firm/cases/${e}`).set(firmOfE));
    await call('confirmFirmContract', request(stack.app).post(`/api/v1/firm/cases/${e}/contract-confirmation`).set(firmOfE).send({ amount: '1000000.00', rateBp: 385, termMonths: 12 }));

    // Due diligence goes to another assessor only (a task force member may not write it).
    await stack.db.staffMember.upsert({ where: { id: 'assessor-contract' }, create: { id: 'assessor-contract', name: '第二评估机构', role: 'assessor' }, update: {} });
    await call('reassignTask', post('task-force', `/api/v1/cases/${b}/tasks/due-diligence/reassign`, { assignee: 'assessor-contract', reason: '评估机构人手不足' }));
    await call('withdraw', post('lujiang-officer', `/api/v1/cases/${b}/withdrawal`, { reason: '企业已通过其他渠道融资' }));

    await call('calendarDays', get('manager', '/api/v1/calendar/days?from=2026-09-28&to=2026-10-09'));
    await call('calendarDeadline', get('lujiang-officer', `/api/v1/calendar/deadline?acceptedAt=${encodeURIComponent('2026-09-30T10:00:00+08:00')}&workingDays=5`));
    const { year: _year, ...notice } = OFFICIAL_NOTICES.find((n) => n.year === 2026)!;
    // A preview writes nothing, so files sharing the database are not disturbed.
    await call('loadCalendarYear', request(stack.app).put('/api/v1/calendar/years/2026?preview=true').set(await as('operator')).send(notice));
    const text = readFileSync(join(__dirname, '../fixtures/notices/2026.txt'), 'utf8');
    await call('previewCalendarNoticeText', request(stack.app).post('/api/v1/calendar/years/2026/notice-text').set(await as('operator')).send({ text, documentNo: notice.notice.documentNo }));

    await call('slaBreaches', get('manager', `/api/v1/sla/breaches?from=${today}&to=${today}`));
    await call('slaSummary', get('manager', `/api/v1/sla/summary?from=${today}&to=${today}&groupBy=bank`));
    const csv = await call('slaSummary', get('manager', `/api/v1/sla/summary?from=${today}&to=${today}&format=csv`));
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    await call('slaTrend', get('xib-approver', `/api/v1/sla/trend?from=${today}&to=${today}&groupBy=street&bucket=month`));
    expect((await call('slaTrend', get('manager', `/api/v1/sla/trend?from=${today}&to=${today}&format=csv`))).headers['content-type']).toMatch(/^text\/csv/);

    const run = await call('runReport', post('operator', '/api/v1/reports/daily/runs', { date: '2026-11-27' }));
    await call('listReports', get('manager', '/api/v1/reports?kind=DAILY&limit=5'));
    expect((await call('listReports', get('operator', '/api/v1/reports?limit=5&format=csv'))).headers['content-type']).toMatch(/^text\/csv/);
    await call('getReport', get('task-force', run.headers.location!));
    await call('getReport', get('manager', `${run.headers.location}?format=csv`));

    // Joint consultation: a rejected case's, through every action, and a batch's member withdrawn.
    const c = (await call('createCase', newCase('厦门鹭江契约会诊有限公司', 'MA4JRC03'))).body.id as string;
    await call('complete-grid-submission', post('lujiang-grid', `/api/v1/cases/${c}/tasks/grid-submission/complete`, { applicationNo: 'XYD20261127000778' }));
    await call('complete-bank-vip-channel', post('xib-manager', `/api/v1/cases/${c}/tasks/bank-vip-channel/complete`, { assessmentOutcome: 'NOT_RECOMMENDED' }));
    await call('complete-due-diligence', post('assessor', `/api/v1/cases/${c}/tasks/due-diligence/complete`, { reportNo: 'DD-CONTRACT-3', riskRating: 'HIGH', summary: '抵押不足' }));
    await call('listTasks', get('xib-approver', '/api/v1/tasks?slaState=ON_TRACK'));
    await call('decide', post('xib-approver', `/api/v1/cases/${c}/decision`, { outcome: 'REJECTED', reasons: [{ code: 'INSUFFICIENT_COLLATERAL' }] }));
    const jc = (await call('startConsultation', post('task-force', '/api/v1/consultations', { fromCaseNo: c }))).body.id as string;
    await call('getConsultation', get('lujiang-officer', `/api/v1/consultations/${jc}`));
    await call('recordConsultationReasons', post('task-force', `/api/v1/consultations/${jc}/reasons`, { reasons: [{ code: 'INSUFFICIENT_COLLATERAL' }, { code: 'HIGH_DEBT_RATIO' }] }));
    await call('proposeConsultationPlan', post('task-force', `/api/v1/consultations/${jc}/plan`, { kind: 'DIFFERENT_BANK', bank: 'ccb', amount: '1000000' }));
    await call('requestConsultationMaterials', post('task-force', `/api/v1/consultations/${jc}/materials/request`, { missing: ['审计报告'], reason: '建行需审计报告' }));
    await call('completeConsultationMaterials', post('task-force', `/api/v1/consultations/${jc}/materials/complete`, {}));
    await call('reReviewConsultation', post('ccb-approver', `/api/v1/consultations/${jc}/re-review`, { outcome: 'ACCEPTED' }));
    const batch = await call('startConsultationBatch', post('task-force', '/api/v1/consultation-batches', { bank: 'xib', firms: [{ name: '厦门鹭江契约批次有限公司', creditCode: validSimingCode('MA4JRC04'), street: 'lujiang', amount: '500000', purpose: '流动资金' }] }));
    await call('getConsultationBatch', get('xib-manager', batch.headers.location!));
    const member = `${batch.body.id}-001`;
    await eventually(async () => expect((await get('manager', `/api/v1/consultations/${member}`)).status).toBe(200));
    await call('withdrawConsultation', post('task-force', `/api/v1/consultations/${member}/withdrawal`, { reason: '企业放弃' }));
    await call('listConsultations', get('xib-approver', `/api/v1/consultations?batchId=${batch.body.id}`));
    await call('auditTrail', get('task-force', `/api/v1/audit?subject=case:${a}&limit=5`));
    await call('listStaff', get('operator', '/api/v1/staff'));
    // The development task force member's own group again: nothing changes for other tests.
    await call('setStaffGroups', request(stack.app).put('/api/v1/staff/task-force/groups').set(await as('operator')).send({ groups: ['TASK_FORCE:综合协调组'] }));
    await call('getConsultationBatchReport', get('manager', `${batch.headers.location!}/report`));

    // A notification as a breach's delivery writes it, read and acknowledged (no body) by its addressee.
    const delivered = await stack.db.notification.create({
      data: { source: a, eventKey: 'contract-walk', recipient: 'xib-approver', via: 'BANK:xib', type: 'ESCALATED', zh: '契约测试', en: 'contract walk', createdAt: new Date() },
    });
    await call('listNotifications', get('xib-approver', '/api/v1/notifications?unread=true&limit=5'));
    await call('acknowledgeNotification', request(stack.app).post(`/api/v1/notifications/${delivered.id}/acknowledge`).set(await as('xib-approver')));

    // The survey network, kept by the survey group (codes of this run), and a visit recorded on it.
    const put = async (who: string, path: string, body: object) => request(stack.app).put(path).set(await as(who)).send(body);
    const net = `contract-${Date.now().toString(36)}`;
    await call('putBank', put('operator', `/api/v1/banks/${net}`, { nameZh: '契约测试银行', nameEn: 'Contract test bank' }));
    await call('importBanks', request(stack.app).post('/api/v1/bank-imports').set(await as('operator')).send({ csv: `bank,branch,nameZh,nameEn,stations\n${net}-csv,,契约导入银行,Contract import bank,\n${net}-csv,${net}-csv-1,契约导入支行,Contract import sub-branch,zhonghua` }));
    await call('putBankBranch', put('operator', `/api/v1/banks/${net}/branches/${net}-1`, { nameZh: '契约测试支行', nameEn: 'Contract test sub-branch', stations: ['zhonghua'] }));
    await call('putCommunity', put('survey-group', `/api/v1/survey-network/communities/${net}`, { street: 'zhonghua', nameZh: '契约测试社区', nameEn: 'Contract test community' }));
    const members = [
      { seat: 'STREET', name: '契约街道', staffId: `${net}-street` },
      { seat: 'BANK', name: '契约银行', bank: net },
      { seat: 'PROPERTY', name: '契约物业', organisation: '契约物业公司' },
    ];
    await call('putVisitTeam', put('survey-group', `/api/v1/survey-network/teams/${net}-t1`, { community: net, nameZh: '契约走访组', nameEn: 'Contract team', members }));
    await call('putBuilding', put('task-force', `/api/v1/survey-network/buildings/${net}-b1`, { community: net, nameZh: '契约大厦', nameEn: 'Contract tower', address: '思明区中山路1号', team: `${net}-t1` }));
    await call('getSurveyNetwork', get('manager', '/api/v1/survey-network?street=zhonghua'));
    const visitor = { sub: `${net}-street`, name: '契约街道', role: 'visit_team_member' as const, street: 'zhonghua', community: net, team: `${net}-t1` };
    const firm = await call('addSurveyFirm', request(stack.app).post(`/api/v1/survey-network/buildings/${net}-b1/firms`).set({ authorization: await bearerAs(visitor) }).send({ name: '厦门中华契约有限公司', creditCode: validSimingCode('MA4JRC06') }));
    const visit = await call('recordVisit', request(stack.app).post('/api/v1/visits').set({ authorization: await bearerAs(visitor) }).send({ firmId: firm.body.id, outcome: 'NEED_FOUND', need: { amount: '800000', purpose: '流动资金', urgency: 'WITHIN_MONTH', patents: 2 } }));
    // A screening import flags a firm in the building: the visit list reads it as a screening-track entry.
    const screeningCsv = `creditCode,name,building,maturingLoansYuan\n${validSimingCode('MA4JRC07')},厦门中华筛查有限公司,${net}-b1,800000`;
    await call('importScreening', request(stack.app).post('/api/v1/streets/zhonghua/screening-imports').set(await as('survey-group')).send({ csv: screeningCsv, source: '信易贷' }));
    await call('getVisitList', get('xib-manager', '/api/v1/visit-list'));
    // A matching event: scheduled, a firm registered, a meeting's need recorded, read and reported.
    const event = await call('scheduleMatchingEvent', request(stack.app).post('/api/v1/matching-events').set(await as('task-force')).send({ titleZh: '契约对接会', titleEn: 'Contract matching event', place: '海丝中央法务区', date: '2026-12-12', organiser: 'SURVEY_GROUP', banks: ['xib'] }));
    const eventPath = `/api/v1/matching-events/${event.body.id}`;
    await call('registerMatchingFirm', request(stack.app).post(`${eventPath}/registrations`).set(await as('survey-group')).send({ name: '厦门法务区契约有限公司', creditCode: validSimingCode('MA4JRC08'), street: 'lujiang' }));
    await call('recordMatchingOutcome', request(stack.app).post(`${eventPath}/outcomes`).set(await as('xib-manager')).send({ creditCode: validSimingCode('MA4JRC08'), bank: 'xib', kind: 'NEED', need: { amount: '500000', purpose: '流动资金', urgency: 'IMMEDIATE', patents: 0 } }));
    await call('listMatchingEvents', get('xib-approver', '/api/v1/matching-events'));
    await call('getMatchingEvent', get('manager', eventPath));
    await call('getMatchingEventReport', get('operator', `${eventPath}/report`));
    await call('getVisitList', get('survey-group', '/api/v1/visit-list?street=zhonghua'));
    await call('listVisits', get('survey-group', '/api/v1/visits?street=zhonghua&limit=5'));

    // The visit's lead: contacted by its owner (the team's street seat), reassigned, converted; a second one closed.
    const lead = visit.body.lead as string;
    await call('listLeads', get('survey-group', '/api/v1/leads?street=zhonghua&limit=5'));
    await call('getLead', get('manager', `/api/v1/leads/${lead}`));
    await call('recordLeadContact', request(stack.app).post(`/api/v1/leads/${lead}/contact`).set({ authorization: await bearerAs(visitor) }).send({ note: '已联系' }));
    await call('reassignLead', post('survey-group', `/api/v1/leads/${lead}/reassign`, { owner: 'task-force', reason: '专班跟进' }));
    await call('convertLead', post('task-force', `/api/v1/leads/${lead}/convert`, { product: 'FAST_TRACK', bank: 'xib' }));
    const other = await request(stack.app).post(`/api/v1/survey-network/buildings/${net}-b1/firms`).set({ authorization: await bearerAs(visitor) }).send({ name: '厦门中华契约二有限公司', creditCode: validSimingCode('MA4JRC07') });
    const second = await request(stack.app).post('/api/v1/visits').set({ authorization: await bearerAs(visitor) }).send({ firmId: other.body.id, outcome: 'NEED_FOUND', need: { amount: '300000', purpose: '备货', urgency: 'LATER', patents: 0 } });
    await call('closeLead', post('survey-group', `/api/v1/leads/${second.body.lead}/close`, { reason: 'NO_LONGER_NEEDED' }));
    await call('surveyFunnel', get('survey-group', `/api/v1/survey/funnel?from=${today}&to=${today}&groupBy=team`));
    await call('surveyFunnel', get('xib-manager', `/api/v1/survey/funnel?from=${today}&to=${today}&format=csv`));

    // Every operation of the registry answered at least once with success.
    expect(OPERATIONS.map((r) => r.operationId).filter((id) => !responses.some((x) => x.operationId === id))).toEqual([]);

    // And each body matches the schema the *document* names (ajv), not only the zod one.
    const ajv = documentValidator();
    for (const { operationId, res } of responses) {
      const route = OPERATIONS.find((r) => r.operationId === operationId)!;
      const media = String(res.headers['content-type']).split(';')[0];
      const content = doc.paths[route.path][route.method].responses[String(res.status)]?.content?.[media];
      expect([operationId, res.status, media, content !== undefined]).toEqual([operationId, res.status, media, true]);
      if (media !== 'application/json') continue;
      const validate = ajv.getSchema(componentOf(content.schema.$ref))!;
      const valid = validate(res.body);
      expect([operationId, valid ? [] : validate.errors]).toEqual([operationId, []]);
    }
  });

  it('answers refusals and bad input with problem documents the document describes', async () => {
    const problems = [
      await request(stack.app).get('/api/v1/cases'),
      await request(stack.app).get('/api/v1/cases?limit=0').set(await as('manager')),
      await request(stack.app).get('/api/v1/cases/GL-2026-999999').set(await as('manager')),
      await request(stack.app).get('/api/v1/cases/not-a-case/timeline').set(await as('manager')),
      await request(stack.app).get('/api/v1/no-such-thing').set(await as('manager')),
      await request(stack.app).post('/api/v1/cases').set(await as('manager')).send({}),
      await request(stack.app).post('/api/v1/cases').set(await as('lujiang-officer')).set('content-type', 'text/plain').send('hello'),
      await request(stack.app).post('/api/v1/cases').set(await as('lujiang-officer')).set('content-type', 'application/json').send('{"firmName":'),
      await request(stack.app).post('/api/v1/cases').set(await as('lujiang-officer')).send({ stage: 'DISBURSED' }),
      await request(stack.app).get('/api/v1/calendar/days?from=2026-13-01&to=x').set(await as('manager')),
      await request(stack.app).get('/api/v1/sla/summary?from=2026-01-01&to=2025-01-01&groupBy=firm').set(await as('manager')),
      await request(stack.app).put('/api/v1/calendar/years/1999').set(await as('operator')).send({}),
      await request(stack.app).get('/api/v1/cases/%E0%A4%A').set(await as('manager')),
    ];
    expect(problems.map((r) => r.status)).toEqual([401, 422, 404, 404, 404, 403, 415, 400, 422, 422, 422, 422, 400]);
    const ajv = documentValidator();
    const validate = ajv.getSchema('ProblemDetails')!;
    for (const r of problems) {
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect([r.status, validate(r.body) ? [] : validate.errors]).toEqual([r.status, []]);
    }
  });

  it('recorded no response of this file that breaks the contract', () => {
    expect(describeViolations(stack.contract.violations)).toBe('');
  });
});
