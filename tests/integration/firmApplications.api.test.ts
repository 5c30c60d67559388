// 善科贷 applied for online, through the real API, Temporal and PostgreSQL: the firm applies
// itself and its sci-tech case is on its list with the firm as the one who applied (a double tap
// opens one case); a customer manager prepares an application for a firm of a street their bank
// serves, the firm reviews it and submits it, and the case records the guide; another firm gets
// 404, staff 403, a second submission 409; bad input is 422 naming the field and writes nothing.
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { BORDERLINE_SOFTWARE_APPLICATION, LIANQIAN_BIOTECH_APPLICATION } from '../../dev/demo';
import { bearer, bearerAs } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';
import { unreachableTemporal } from '../support/unreachableTemporal';

const stack = useStack();
const firmAs = async (sub: string, creditCode: string) => ({ authorization: await bearerAs({ sub, name: `${sub} 的负责人`, role: 'firm', creditCode }) });
const applied = { firmName: '厦门莲前自申科技有限公司', street: 'lianqian', bank: 'ccb', amount: '500000', purpose: '研发设备采购', application: BORDERLINE_SOFTWARE_APPLICATION };
const casesOf = (creditCode: string) => stack.db.loanCase.count({ where: { creditCode } });
const applicationsOf = (creditCode: string) => stack.db.firmApplication.count({ where: { creditCode } });
// The database outlives a run: keys are this run's, counts are compared with before.
const run = Date.now().toString(36);
/** 建设银行's customer manager prepares a 莲前 firm's application; its id. */
const prepareFor = async (creditCode: string, firmName: string): Promise<string> =>
  (
    await request(stack.app)
      .post('/api/v1/firm-applications')
      .set('authorization', await bearer('ccb-manager'))
      .send({ firmName, creditCode, street: 'lianqian', amount: '300000', purpose: '研发', application: BORDERLINE_SOFTWARE_APPLICATION })
      .expect(201)
  ).body.id;

it('lets a firm apply for 善科贷 itself: the case opens under its own code, on its list, with the firm as the one who applied, once per double tap', async () => {
  const code = validSimingCode('MA7FAPA1');
  const firm = await firmAs('firm-ma7fapa1', code);
  const before = await casesOf(code);

  // Bad input: the firm cannot name a credit code, and a malformed patent is named; nothing is written.
  const named = await request(stack.app).post('/api/v1/firm/applications').set(firm).send({ ...applied, creditCode: validSimingCode('MA7FAPZ9') }).expect(422);
  expect(named.body.errors).toEqual([expect.objectContaining({ field: 'creditCode' })]);
  const badPatent = { ...applied, application: { ...applied.application, patents: [{ patentNo: 'CN123', type: 'INVENTION', remainingYears: 5 }] } };
  const bad = await request(stack.app).post('/api/v1/firm/applications').set(firm).send(badPatent).expect(422);
  expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'application.patents.0.patentNo' })]);
  const unknownBank = await request(stack.app).post('/api/v1/firm/applications').set(firm).send({ ...applied, bank: 'nobank' }).expect(422);
  expect(unknownBank.body.errors).toEqual([expect.objectContaining({ field: 'bank' })]);
  expect(await casesOf(code)).toBe(before);

  const first = await request(stack.app).post('/api/v1/firm/applications').set(firm).set('Idempotency-Key', `firm-apply-${run}`).send(applied).expect(201);
  const id = first.body.id as string;
  expect(first.headers.location).toBe(`/api/v1/firm/cases/${id}`);
  expect(first.body).toMatchObject({ product: 'SCI_TECH', firmName: applied.firmName, amount: '500000.00', bank: { nameZh: '中国建设银行' }, street: { nameZh: '莲前街道' } });
  // The double tap: the same key and body answer the same case.
  const again = await request(stack.app).post('/api/v1/firm/applications').set(firm).set('Idempotency-Key', `firm-apply-${run}`).send(applied).expect(201);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect(again.body.id).toBe(id);
  expect(await casesOf(code)).toBe(before + 1);

  const list = await request(stack.app).get('/api/v1/firm/cases').set(firm).expect(200);
  expect(list.body.items[0]).toMatchObject({ id, product: 'SCI_TECH' });
  const staff = await request(stack.app).get(`/api/v1/cases/${id}`).set('authorization', await bearer('ccb-manager')).expect(200);
  expect(staff.body).toMatchObject({ product: 'SCI_TECH', firm: { creditCode: code }, guidedBy: null });
  expect(staff.body.events[0]).toMatchObject({ type: 'ACCEPTED', actor: 'firm-ma7fapa1' });
  // Not the firm's to use: staff routes stay closed to it, and the firm's routes to staff.
  await request(stack.app).post('/api/v1/firm/applications').set('authorization', await bearer('lianqian-officer')).send(applied).expect(403);
  await request(stack.app).post('/api/v1/firm-applications').set(firm).send({}).expect(403);
});

it('sends a firm whose pilot code fails its check character to a customer manager, who confirms it and prepares the application', async () => {
  const pilot = '91350203MA2XXXXX1X';
  const firm = await firmAs('firm-pilot-apply', pilot);
  const before = await casesOf(pilot);
  const refused = await request(stack.app).post('/api/v1/firm/applications').set(firm).send({ ...applied, firmName: '厦门试点自申有限公司' }).expect(422);
  expect(refused.body).toMatchObject({ type: expect.stringMatching(/credit-code-confirmation-required$/), detail: expect.stringMatching(/^您的统一社会信用代码.*客户经理/) });
  expect(await casesOf(pilot)).toBe(before);

  const manager = { authorization: await bearer('ccb-manager') };
  const prepared = { firmName: '厦门试点自申有限公司', creditCode: pilot, street: 'lianqian', amount: '400000', purpose: '研发', application: BORDERLINE_SOFTWARE_APPLICATION };
  const unconfirmed = await request(stack.app).post('/api/v1/firm-applications').set(manager).send(prepared).expect(422);
  expect(unconfirmed.body.errors).toEqual([expect.objectContaining({ field: 'creditCode' })]);
  const draft = await request(stack.app).post('/api/v1/firm-applications').set(manager).send({ ...prepared, confirmCreditCodeWarnings: true }).expect(201);
  const submitted = await request(stack.app).post(`/api/v1/firm/applications/${draft.body.id}/submit`).set(firm).expect(201);
  // The override is the customer manager's, who checked the licence.
  const overrides = await stack.db.auditEntry.findMany({ where: { action: 'CREDIT_CODE_OVERRIDE_CONFIRMED', after: { path: ['caseNo'], equals: submitted.body.id } } });
  expect(overrides.map((o) => o.actor)).toEqual(['ccb-manager']);
});

it('lets the customer manager prepare a firm’s application, which only that firm sees and submits once, and the case records the guide', async () => {
  const code = validSimingCode('MA7FAPB2');
  const firm = await firmAs('firm-ma7fapb2', code);
  const otherFirm = await firmAs('firm-ma7fapc3', validSimingCode('MA7FAPC3'));
  const manager = { authorization: await bearer('ccb-manager') };
  const prepared = { firmName: '厦门莲前生物科技有限公司', creditCode: code, street: 'lianqian', amount: '1200000', purpose: '研发设备采购', application: LIANQIAN_BIOTECH_APPLICATION };
  const [casesBefore, applicationsBefore] = [await casesOf(code), await applicationsOf(code)];

  // Outside the bank's streets (xib has no branch at 莲前), bad input, an unknown street: nothing is written.
  await request(stack.app).post('/api/v1/firm-applications').set('authorization', await bearer('xib-manager')).send(prepared).expect(403);
  const bad = await request(stack.app).post('/api/v1/firm-applications').set(manager).send({ ...prepared, amount: '-5' }).expect(422);
  expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'amount' })]);
  const street = await request(stack.app).post('/api/v1/firm-applications').set(manager).send({ ...prepared, street: 'nowhere' }).expect(422);
  expect(street.body.errors).toEqual([expect.objectContaining({ field: 'street' })]);
  await request(stack.app).post('/api/v1/firm-applications').set('authorization', await bearer('ccb-approver')).send(prepared).expect(403);
  expect(await applicationsOf(code)).toBe(applicationsBefore);

  const draft = await request(stack.app).post('/api/v1/firm-applications').set(manager).set('Idempotency-Key', `prepare-${run}`).send(prepared).expect(201);
  const replay = await request(stack.app).post('/api/v1/firm-applications').set(manager).set('Idempotency-Key', `prepare-${run}`).send(prepared).expect(201);
  expect(replay.body.id).toBe(draft.body.id);
  expect(await applicationsOf(code)).toBe(applicationsBefore + 1);
  const id = draft.body.id as string;
  expect(draft.body).toMatchObject({
    status: 'DRAFT',
    creditCode: code,
    bank: { code: 'ccb', nameZh: '中国建设银行' },
    street: { code: 'lianqian' },
    amount: '1200000.00',
    application: { rdSpend: '2400000.00', revenue: ['6000000.00', '8500000.00', '12000000.00'], patents: LIANQIAN_BIOTECH_APPLICATION.patents },
    preparedBy: '刘洋 (建设银行客户经理)',
    caseNo: null,
  });

  // Only the firm it names sees it; another firm cannot submit or discard it (404), nor staff (403).
  const mine = await request(stack.app).get('/api/v1/firm/applications').set(firm).expect(200);
  expect(mine.body.items[0]).toMatchObject({ id, status: 'DRAFT' });
  const theirs = await request(stack.app).get('/api/v1/firm/applications').set(otherFirm).expect(200);
  expect(theirs.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
  await request(stack.app).post(`/api/v1/firm/applications/${id}/submit`).set(otherFirm).expect(404);
  await request(stack.app).post(`/api/v1/firm/applications/${id}/discard`).set(otherFirm).expect(404);
  await request(stack.app).post(`/api/v1/firm/applications/${id}/submit`).set(manager).expect(403);
  await request(stack.app).post('/api/v1/firm/applications/FA-not-an-id/submit').set(firm).expect(404);
  expect(await casesOf(code)).toBe(casesBefore);

  const submitted = await request(stack.app).post(`/api/v1/firm/applications/${id}/submit`).set(firm).expect(201);
  const caseNo = submitted.body.id as string;
  expect(submitted.body).toMatchObject({ product: 'SCI_TECH', amount: '1200000.00', bank: { nameZh: '中国建设银行' } });
  // The firm's view names no staff: the guide is the bank's to read.
  expect(JSON.stringify(submitted.body)).not.toMatch(/ccb-manager|guidedBy/);
  const staff = await request(stack.app).get(`/api/v1/cases/${caseNo}`).set(manager).expect(200);
  expect(staff.body).toMatchObject({ guidedBy: 'ccb-manager', firm: { creditCode: code } });
  expect(staff.body.events[0]).toMatchObject({ type: 'ACCEPTED', actor: 'firm-ma7fapb2', data: expect.objectContaining({ guidedBy: 'ccb-manager', firmApplicationId: id }) });

  // Done once: a second submission or a discard is 409 naming the case; still one case.
  const second = await request(stack.app).post(`/api/v1/firm/applications/${id}/submit`).set(firm).expect(409);
  expect(second.body).toMatchObject({ type: expect.stringMatching(/application-submitted$/), detail: expect.stringContaining(caseNo) });
  await request(stack.app).post(`/api/v1/firm/applications/${id}/discard`).set(firm).expect(409);
  expect(await casesOf(code)).toBe(casesBefore + 1);
  const bankList = await request(stack.app).get('/api/v1/firm-applications').set(manager).expect(200);
  expect(bankList.body.items.find((a: { id: string }) => a.id === id)).toMatchObject({ status: 'SUBMITTED', caseNo });
  const xibList = await request(stack.app).get('/api/v1/firm-applications').set('authorization', await bearer('xib-manager')).expect(200);
  expect(xibList.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
  const audit = await stack.db.auditEntry.findMany({ where: { subject: `firm-application:${id}` }, orderBy: { id: 'asc' } });
  expect(audit.map((a) => [a.action, a.actor])).toEqual([
    ['FIRM_APPLICATION_PREPARED', 'ccb-manager'],
    ['FIRM_APPLICATION_SUBMITTED', 'firm-ma7fapb2'],
  ]);
  // A firm that applies online confirms its contract online: once the bank approves, the case waits for its 确认.
  await eventually(async () => {
    const view = (await request(stack.app).get(`/api/v1/firm/cases/${caseNo}`).set(firm).expect(200)).body;
    expect(view).toMatchObject({ stage: 'CONTRACTING', contractConfirmation: { confirmedAt: null } });
  }, 60_000);
});

it('lets the firm discard a prepared application, which then cannot be submitted', async () => {
  const code = validSimingCode('MA7FAPD4');
  const firm = await firmAs('firm-ma7fapd4', code);
  const before = await casesOf(code);
  const id = await prepareFor(code, '厦门莲前放弃有限公司');
  const discarded = await request(stack.app).post(`/api/v1/firm/applications/${id}/discard`).set(firm).expect(200);
  expect(discarded.body).toMatchObject({ status: 'DISCARDED', caseNo: null, decidedAt: expect.any(String) });
  const refused = await request(stack.app).post(`/api/v1/firm/applications/${id}/submit`).set(firm).expect(409);
  expect(refused.body.type).toMatch(/application-discarded$/);
  expect(await casesOf(code)).toBe(before);
});

it('opens one case when the firm taps 确认 twice at once', async () => {
  const code = validSimingCode('MA7FAPE5');
  const firm = await firmAs('firm-ma7fape5', code);
  const before = await casesOf(code);
  const id = await prepareFor(code, '厦门莲前连点有限公司');
  const taps = await Promise.all([1, 2].map(() => request(stack.app).post(`/api/v1/firm/applications/${id}/submit`).set(firm)));
  const opened = taps.filter((t) => t.status === 201);
  expect(opened.length).toBeGreaterThan(0);
  expect(taps.filter((t) => t.status !== 201).map((t) => t.body.type)).toEqual(taps.length === opened.length ? [] : [expect.stringMatching(/application-submitted$/)]);
  expect(new Set(opened.map((t) => t.body.id)).size).toBe(1);
  expect(await casesOf(code)).toBe(before + 1);
  const row = await stack.db.firmApplication.findUniqueOrThrow({ where: { id } });
  expect(row).toMatchObject({ status: 'SUBMITTED', caseNo: opened[0]!.body.id });
});

it('shows a draft whose stored body today’s rules refuse as outdated, refuses to submit it (409, nothing opens), and still lists and discards it', async () => {
  const code = validSimingCode('MA7FAPF6');
  const firm = await firmAs('firm-ma7fapf6', code);
  const before = await casesOf(code);
  const current = await prepareFor(code, '厦门莲前旧规有限公司');
  // Prepared under older rules: a patent number in a form the schema no longer takes.
  const id = `FA-${randomBytes(8).toString('hex').toUpperCase()}`;
  const oldPatents = [{ patentNo: 'CN202010000001.1', type: 'INVENTION', remainingYears: 5 }];
  const body = { product: 'SCI_TECH', firmName: '厦门莲前旧规有限公司', creditCode: code, street: 'lianqian', bank: 'ccb', amount: '300000', purpose: '研发', application: { ...BORDERLINE_SOFTWARE_APPLICATION, patents: oldPatents } };
  await stack.db.firmApplication.create({
    data: { id, creditCode: code, firmName: body.firmName, streetCode: 'lianqian', bankCode: 'ccb', body, preparedBy: 'ccb-manager', preparedByName: '刘洋 (建设银行客户经理)', preparedAt: new Date(), status: 'DRAFT' },
  });

  // Both lists answer, the outdated draft marked beside the current one.
  const mine = await request(stack.app).get('/api/v1/firm/applications').set(firm).expect(200);
  expect(mine.body.items.find((a: { id: string }) => a.id === id)).toMatchObject({ status: 'DRAFT', outdated: true, firmName: body.firmName, amount: null, purpose: null, application: null });
  expect(mine.body.items.find((a: { id: string }) => a.id === current)).toMatchObject({ status: 'DRAFT', outdated: false, amount: '300000.00' });
  const bankList = await request(stack.app).get('/api/v1/firm-applications').set('authorization', await bearer('ccb-manager')).expect(200);
  expect(bankList.body.items.find((a: { id: string }) => a.id === id)).toMatchObject({ outdated: true });

  // 确认 is refused, naming the field, Chinese first; it stays a draft and nothing opens.
  const refused = await request(stack.app).post(`/api/v1/firm/applications/${id}/submit`).set(firm).expect(409);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.body).toMatchObject({ type: 'urn:greenlane:problem:application-outdated', detail: expect.stringMatching(/^该申请.*客户经理重新准备.* ask the customer manager to prepare it again/) });
  expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'application.patents.0.patentNo' })]);
  expect(await stack.db.firmApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', caseNo: null });
  expect(await stack.db.caseRequestKey.count({ where: { scope: `firm-application:${id}` } })).toBe(0);
  expect(await casesOf(code)).toBe(before);

  const discarded = await request(stack.app).post(`/api/v1/firm/applications/${id}/discard`).set(firm).expect(200);
  expect(discarded.body).toMatchObject({ status: 'DISCARDED', outdated: true });
});

it('settles a submission nobody retried when the application is next read: DRAFT if its case never started, SUBMITTED once its case is recorded', async () => {
  const unreachable = { code: validSimingCode('MA7FAPG7'), sub: 'firm-ma7fapg7' };
  const workerless = { code: validSimingCode('MA7FAPH8'), sub: 'firm-ma7faph8' };
  const left = { code: validSimingCode('MA7FAPJ9'), sub: 'firm-ma7fapj9' };
  const leftBefore = await casesOf(left.code);
  const [a, b, c] = await Promise.all([unreachable, workerless, left].map(async (f) => ({ ...f, firm: await firmAs(f.sub, f.code), id: await prepareFor(f.code, `厦门莲前${f.sub}有限公司`) })));
  const listed = async (x: typeof a) => (await request(stack.app).get('/api/v1/firm/applications').set(x.firm).expect(200)).body.items.find((i: { id: string }) => i.id === x.id);
  const stale = (x: typeof a) => stack.db.firmApplication.update({ where: { id: x.id }, data: { decidedAt: new Date(Date.now() - 5 * 60_000) } });
  const drawn = async (x: typeof a) => (await stack.db.caseRequestKey.findUniqueOrThrow({ where: { scope: `firm-application:${x.id}` } })).caseNo;
  const down = await unreachableTemporal();
  try {
    // 确认 answered 503 twice: Temporal unreachable (nothing started), and no worker (the workflow started).
    await stack.stopWorker();
    const [first, second] = await Promise.all([
      request(stack.appOn(down)).post(`/api/v1/firm/applications/${a.id}/submit`).set(a.firm),
      request(stack.app).post(`/api/v1/firm/applications/${b.id}/submit`).set(b.firm),
    ]);
    expect([first.status, second.status]).toEqual([503, 503]);
  } finally {
    await stack.startWorker();
    await down.close();
  }
  // While a submission may still be under way it stays SUBMITTING.
  expect(await listed(a)).toMatchObject({ status: 'SUBMITTING', decidedAt: expect.any(String) });
  const aCase = await drawn(a);

  await Promise.all([stale(a), stale(b)]);
  // Its workflow never started: a draft again, and a later 确认 opens it under the number drawn.
  expect(await listed(a)).toMatchObject({ status: 'DRAFT', decidedAt: null, caseNo: null });
  const reopened = await request(stack.app).post(`/api/v1/firm/applications/${a.id}/submit`).set(a.firm).expect(201);
  expect(reopened.body.id).toBe(aCase);
  // Its workflow started: once the case is recorded, the bank's list reads it submitted, audited as the firm's.
  const bCase = await drawn(b);
  await eventually(async () => expect(await stack.db.loanCase.count({ where: { caseNo: bCase } })).toBe(1), 60_000);
  const bankList = await request(stack.app).get('/api/v1/firm-applications').set('authorization', await bearer('ccb-manager')).expect(200);
  expect(bankList.body.items.find((i: { id: string }) => i.id === b.id)).toMatchObject({ status: 'SUBMITTED', caseNo: bCase });
  const audit = await stack.db.auditEntry.findMany({ where: { subject: `firm-application:${b.id}`, action: 'FIRM_APPLICATION_SUBMITTED' } });
  expect(audit.map((x) => x.actor)).toEqual([b.sub]);

  // Left SUBMITTING before any number was drawn: the firm's discard settles it to a draft, then discards it.
  await stack.db.firmApplication.update({ where: { id: c.id }, data: { status: 'SUBMITTING' } });
  await stale(c);
  const discarded = await request(stack.app).post(`/api/v1/firm/applications/${c.id}/discard`).set(c.firm).expect(200);
  expect(discarded.body).toMatchObject({ status: 'DISCARDED', caseNo: null });
  expect(await casesOf(c.code)).toBe(leftBefore);
}, 150_000);
