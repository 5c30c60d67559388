// Every route as every role, and without a token: who is let in (and to which
// case). Mutating calls carry a body the route refuses after authorisation
// (422) or an action the case refuses (409), so the table changes nothing.
import request from 'supertest';
import type { Role } from '../../domain/people';
import { BORDERLINE_SOFTWARE_APPLICATION } from '../../dev/demo';
import { DEV_USERS } from '../../infra/devUsers';
import { bearer, bearerAs } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { eventually } from '../support/eventually';
import { useStack } from '../support/stack';

const stack = useStack();
let caseId: string;
let sciTechId: string;
// The fast-track case is the development firm's own; the sci-tech case is another firm's.
const FIRM = DEV_USERS.find((u) => u.role === 'firm')!;
const firmCode = FIRM.creditCode!;
const lookedUpFirm = validSimingCode('MA7AUTH5');
beforeAll(async () => {
  const res = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: '厦门鹭江权限测试有限公司', creditCode: firmCode, street: 'lujiang', bank: 'xib', amount: '300000', purpose: '流动资金' })
    .expect(201);
  caseId = res.body.id;
  // A sci-tech case of the same street and bank; its score sends it to MANUAL_REVIEW, where it stays.
  const sciTech = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ product: 'SCI_TECH', firmName: '厦门鹭江权限科创有限公司', creditCode: validSimingCode('MA7AUTH2'), street: 'lujiang', bank: 'xib', amount: '500000', purpose: '研发', application: BORDERLINE_SOFTWARE_APPLICATION })
    .expect(201);
  sciTechId = sciTech.body.id;
  // A firm only this file opens cases for: the development firm's code also names the demo's 莲前 case.
  await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: '厦门鹭江权限查询有限公司', creditCode: lookedUpFirm, street: 'lujiang', bank: 'xib', amount: '200000', purpose: '流动资金' })
    .expect(201);
});

// A joint consultation batch of the bank xib with one 鹭江 firm.
let batchId: string;
let consultationId: string;
beforeAll(async () => {
  const creditCode = validSimingCode('MA7AUTH3');
  const res = await request(stack.app)
    .post('/api/v1/consultation-batches')
    .set('authorization', await bearer('task-force'))
    .send({ bank: 'xib', firms: [{ name: '厦门鹭江权限会诊有限公司', creditCode, street: 'lujiang', amount: '800000', purpose: '流动资金', reasons: [{ code: 'LOW_CREDIT_RATING' }] }] })
    .expect(202);
  batchId = res.body.id;
  consultationId = `${batchId}-001`;
  await eventually(async () => {
    await request(stack.app).get(`/api/v1/consultations/${consultationId}`).set('authorization', await bearer('manager')).expect(200);
  });
});
// A matching event the bank xib attends: the district and xib's staff see it.
let eventId: string;
const SEES_EVENT = new Set(['xib-manager', 'xib-approver', 'survey-group', 'task-force', 'task-force-lead', 'manager', 'operator']);
beforeAll(async () => {
  const res = await request(stack.app)
    .post('/api/v1/matching-events')
    .set('authorization', await bearer('task-force'))
    .send({ titleZh: '权限测试对接会', titleEn: 'Authorization matching event', place: '软件园二期', date: '2026-12-10', organiser: 'TASK_FORCE', banks: ['xib'] })
    .expect(201);
  eventId = res.body.id;
});
// A notification addressed to the bank's customer manager: only they may acknowledge it.
let notificationId: string;
const SEES_NOTIFICATION = new Set(['xib-manager']);
beforeAll(async () => {
  const n = await stack.db.notification.create({
    data: { source: caseId, eventKey: 'authorization-matrix', recipient: 'xib-manager', via: 'BANK:xib', type: 'ESCALATED', zh: '权限测试', en: 'authorization test', createdAt: new Date() },
  });
  notificationId = n.id;
});

// A lead of 鹭江's first team: a need its development visitor found. Both development banks are
// stationed at 鹭江 (xib by the seed; ccb by a branch of this file, as the demo may also do), so
// their staff reach it whatever else has run on the database.
let leadId: string;
beforeAll(async () => {
  await request(stack.app)
    .put('/api/v1/banks/ccb/branches/ccb-auth-lujiang')
    .set('authorization', await bearer('operator'))
    .send({ nameZh: '建设银行权限测试支行', nameEn: 'CCB authorization test sub-branch', stations: ['lujiang'] })
    .expect((res) => expect([200, 201]).toContain(res.status));
  const visitor = await bearer('lujiang-visitor');
  const firm = await request(stack.app)
    .post('/api/v1/survey-network/buildings/lujiang-01-b1/firms')
    .set('authorization', visitor)
    .send({ name: '厦门鹭江权限线索有限公司', creditCode: validSimingCode('MA7AUTH4'), unit: '901' });
  const visit = await request(stack.app)
    .post('/api/v1/visits')
    .set('authorization', visitor)
    .send({ firmId: firm.body.id, outcome: 'NEED_FOUND', need: { amount: '600000', purpose: '流动资金', urgency: 'WITHIN_MONTH', patents: 0 } })
    .expect(201);
  leadId = visit.body.lead;
});

// 善科贷 applications 建设银行's customer manager prepared at 莲前, where its branch is stationed:
// one for the development firm, which it discarded (done: 409), one for another firm (404 to it).
const prepared = (creditCode: string) => ({ firmName: '厦门莲前权限申请有限公司', creditCode, street: 'lianqian', amount: '300000', purpose: '研发', application: BORDERLINE_SOFTWARE_APPLICATION });
let discardedId: string;
let othersDraftId: string;
beforeAll(async () => {
  const manager = await bearer('ccb-manager');
  const own = await request(stack.app).post('/api/v1/firm-applications').set('authorization', manager).send(prepared(firmCode)).expect(201);
  discardedId = own.body.id;
  await request(stack.app).post(`/api/v1/firm/applications/${discardedId}/discard`).set('authorization', await bearer(FIRM.sub)).expect(200);
  othersDraftId = (await request(stack.app).post('/api/v1/firm-applications').set('authorization', manager).send(prepared(lookedUpFirm)).expect(201)).body.id;
});
// A bank prepares applications only for firms of the streets its branches are stationed at: xib has none at 莲前.
const PILOT_AT_LIANQIAN = { ...prepared('91350203MA2XXXXX1X'), confirmCreditCodeWarnings: false };

// Consultations: the district, the street's officers and the refusing bank's staff; a batch: the district and that bank.
const DISTRICT = ['task-force', 'task-force-lead', 'manager', 'operator'];
const SEES_CONSULTATION = new Set(['lujiang-officer', 'lujiang-grid', 'xib-manager', 'xib-approver', ...DISTRICT]);
const SEES_BATCH = new Set(['xib-manager', 'xib-approver', ...DISTRICT]);

// The Lujiang street / Xiamen International Bank case, and who sees it.
const SEES_CASE = new Set(['lujiang-officer', 'lujiang-grid', 'xib-manager', 'xib-approver', 'assessor', FIRM.sub, ...DISTRICT]);
// The sci-tech case has no tasks, so no assessor is assigned to it; it is another firm's.
const SEES_SCI_TECH = new Set([...SEES_CASE].filter((u) => u !== 'assessor' && u !== FIRM.sub));

interface Route {
  method: 'get' | 'post' | 'put';
  path: () => string;
  body?: object;
  /** Roles the route admits; others get 403. */
  roles: readonly Role[] | 'all';
  /** A route about one case: 404 to whoever may not see it. */
  scoped: boolean;
  /** Who sees the route's case, when it is not the fast-track one. */
  sees?: Set<string>;
  /** Admitted callers the route refuses for what the body names (403), e.g. a street outside their bank's. */
  refuses?: Set<string>;
  /** What an admitted caller gets with this request. */
  ok: number;
}

const ALL_ROLES: Role[] = ['case_officer', 'grid_officer', 'customer_manager', 'credit_approver', 'assessor', 'task_force', 'manager', 'operator', 'visit_team_member', 'community_coordinator', 'survey_officer', 'firm'];
// Staff: everyone but the firm, which reads its own cases at /firm/cases and nothing of other firms or the district.
const STAFF = ALL_ROLES.filter((r) => r !== 'firm');
// The survey: every staff role but the assessor reads within their reach; the task force, its survey group and operators keep the network.
const SURVEY_READERS = STAFF.filter((r) => r !== 'assessor');
const NETWORK_KEEPERS: Role[] = ['task_force', 'survey_officer', 'operator'];
const EVENT_READERS: Role[] = ['task_force', 'survey_officer', 'manager', 'operator', 'customer_manager', 'credit_approver'];
// 鹭江's first building is on the development visitor's team's list, in the coordinator's community.
const REACHES_LUJIANG_BUILDING = new Set(['lujiang-visitor', 'lujiang-community', 'survey-group']);
const IMPORTS_FOR_LUJIANG = new Set(['lujiang-officer', 'task-force', 'task-force-lead', 'survey-group']);
// A lead found there: the team, the community, the street's officers, the banks stationed at 鹭江 and the district.
const SEES_LEAD = new Set([...REACHES_LUJIANG_BUILDING, 'lujiang-officer', 'lujiang-grid', 'xib-manager', 'xib-approver', 'ccb-manager', 'ccb-approver', ...DISTRICT]);
const LEAD_ACTORS: Role[] = ['visit_team_member', 'community_coordinator', 'case_officer', 'grid_officer', 'customer_manager', 'task_force', 'survey_officer'];
const routes: Route[] = [
  { method: 'get', path: () => '/api/v1/streets', roles: 'all', scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/banks', roles: 'all', scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/cases?limit=5', roles: STAFF, scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/tasks?limit=5', roles: STAFF, scoped: false, ok: 200 },
  { method: 'post', path: () => '/api/v1/cases', body: { firmName: '' }, roles: ['case_officer'], scoped: false, ok: 422 },
  { method: 'get', path: () => `/api/v1/cases/${caseId}`, roles: STAFF, scoped: true, ok: 200 },
  { method: 'get', path: () => `/api/v1/cases/${caseId}/timeline`, roles: STAFF, scoped: true, ok: 200 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/tasks/grid-submission/complete`, body: {}, roles: STAFF, scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/tasks/due-diligence/reassign`, body: {}, roles: ['case_officer', 'task_force'], scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/tasks/grid-submission/pause`, body: {}, roles: ['case_officer', 'task_force', 'grid_officer', 'customer_manager'], scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/sla/resume`, body: {}, roles: ['case_officer', 'task_force', 'grid_officer', 'customer_manager'], scoped: true, ok: 409 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/decision`, body: { outcome: 'REJECTED', reasons: [{ code: 'OTHER' }] }, roles: ['credit_approver'], scoped: true, ok: 409 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/withdrawal`, body: {}, roles: ['case_officer', 'task_force'], scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/contract/cancellation`, body: {}, roles: ['credit_approver'], scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/disbursement/resolution`, body: {}, roles: ['credit_approver'], scoped: true, ok: 422 },
  // Sci-tech: the same paths; task and clock actions do not exist for it (409 before the body is read),
  // and a decision's body is checked against the sci-tech terms (a 15 % rate is over its maximum).
  { method: 'post', path: () => '/api/v1/cases', body: { product: 'SCI_TECH' }, roles: ['case_officer'], scoped: false, ok: 422 },
  { method: 'get', path: () => '/api/v1/cases?product=SCI_TECH&limit=5', roles: STAFF, scoped: false, ok: 200 },
  { method: 'get', path: () => `/api/v1/cases/${sciTechId}`, roles: STAFF, scoped: true, sees: SEES_SCI_TECH, ok: 200 },
  { method: 'get', path: () => `/api/v1/cases/${sciTechId}/timeline`, roles: STAFF, scoped: true, sees: SEES_SCI_TECH, ok: 200 },
  { method: 'post', path: () => `/api/v1/cases/${sciTechId}/tasks/grid-submission/complete`, body: {}, roles: STAFF, scoped: true, sees: SEES_SCI_TECH, ok: 409 },
  { method: 'post', path: () => `/api/v1/cases/${sciTechId}/tasks/due-diligence/reassign`, body: {}, roles: ['case_officer', 'task_force'], scoped: true, sees: SEES_SCI_TECH, ok: 409 },
  { method: 'post', path: () => `/api/v1/cases/${sciTechId}/tasks/grid-submission/pause`, body: {}, roles: ['case_officer', 'task_force', 'grid_officer', 'customer_manager'], scoped: true, sees: SEES_SCI_TECH, ok: 409 },
  { method: 'post', path: () => `/api/v1/cases/${sciTechId}/sla/resume`, body: {}, roles: ['case_officer', 'task_force', 'grid_officer', 'customer_manager'], scoped: true, sees: SEES_SCI_TECH, ok: 409 },
  { method: 'post', path: () => `/api/v1/cases/${sciTechId}/decision`, body: { outcome: 'APPROVED', amount: '500000', rateBp: 1500, termMonths: 12 }, roles: ['credit_approver'], scoped: true, sees: SEES_SCI_TECH, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${sciTechId}/withdrawal`, body: {}, roles: ['case_officer', 'task_force'], scoped: true, sees: SEES_SCI_TECH, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${sciTechId}/contract/cancellation`, body: {}, roles: ['credit_approver'], scoped: true, sees: SEES_SCI_TECH, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${sciTechId}/disbursement/resolution`, body: {}, roles: ['credit_approver'], scoped: true, sees: SEES_SCI_TECH, ok: 422 },
  // The firm's own page: its cases by credit code; another firm's case, or none, is 404.
  { method: 'get', path: () => '/api/v1/firm/cases', roles: ['firm'], scoped: false, ok: 200 },
  { method: 'get', path: () => `/api/v1/firm/cases/${caseId}`, roles: ['firm'], scoped: true, ok: 200 },
  { method: 'get', path: () => `/api/v1/firm/cases/${sciTechId}`, roles: ['firm'], scoped: true, sees: SEES_SCI_TECH, ok: 200 },
  { method: 'get', path: () => '/api/v1/firm/cases/GL-2026-999999', roles: ['firm'], scoped: true, sees: new Set(), ok: 200 },
  { method: 'post', path: () => `/api/v1/firm/cases/${caseId}/materials`, body: {}, roles: ['firm'], scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/firm/cases/${sciTechId}/materials`, body: {}, roles: ['firm'], scoped: true, sees: SEES_SCI_TECH, ok: 422 },
  // 善科贷 online: the firm applies under its own code; it submits or discards only what names it, once.
  { method: 'post', path: () => '/api/v1/firm/applications', body: { firmName: '' }, roles: ['firm'], scoped: false, ok: 422 },
  { method: 'get', path: () => '/api/v1/firm/applications', roles: ['firm'], scoped: false, ok: 200 },
  { method: 'post', path: () => `/api/v1/firm/applications/${discardedId}/submit`, roles: ['firm'], scoped: true, sees: new Set([FIRM.sub]), ok: 409 },
  { method: 'post', path: () => `/api/v1/firm/applications/${discardedId}/discard`, roles: ['firm'], scoped: true, sees: new Set([FIRM.sub]), ok: 409 },
  { method: 'post', path: () => `/api/v1/firm/applications/${othersDraftId}/submit`, roles: ['firm'], scoped: true, sees: new Set(), ok: 201 },
  { method: 'post', path: () => `/api/v1/firm/applications/${othersDraftId}/discard`, roles: ['firm'], scoped: true, sees: new Set(), ok: 200 },
  // A customer manager prepares for their bank's streets: an unconfirmed pilot code at 莲前 is 422 to 建设银行's, 403 to 厦门国际银行's.
  { method: 'post', path: () => '/api/v1/firm-applications', body: {}, roles: ['customer_manager'], scoped: false, ok: 422 },
  { method: 'post', path: () => '/api/v1/firm-applications', body: PILOT_AT_LIANQIAN, roles: ['customer_manager'], scoped: false, refuses: new Set(['xib-manager']), ok: 422 },
  { method: 'get', path: () => '/api/v1/firm-applications', roles: ['customer_manager'], scoped: false, ok: 200 },
  { method: 'post', path: () => `/api/v1/firm/cases/${caseId}/contract-confirmation`, body: {}, roles: ['firm'], scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/firm/cases/${sciTechId}/contract-confirmation`, body: {}, roles: ['firm'], scoped: true, sees: SEES_SCI_TECH, ok: 422 },
  // Notifications: everyone reads their own; acknowledging another person's is 404, as if it did not exist.
  { method: 'get', path: () => '/api/v1/notifications?limit=5', roles: 'all', scoped: false, ok: 200 },
  { method: 'post', path: () => `/api/v1/notifications/${notificationId}/acknowledge`, roles: 'all', scoped: true, sees: SEES_NOTIFICATION, ok: 200 },
  { method: 'get', path: () => '/api/v1/firms?limit=5', roles: STAFF, scoped: false, ok: 200 },
  { method: 'get', path: () => `/api/v1/firms/${lookedUpFirm}`, roles: STAFF, scoped: true, ok: 200 },
  { method: 'get', path: () => '/api/v1/calendar/days?from=2026-10-01&to=2026-10-07', roles: 'all', scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/calendar/deadline?acceptedAt=2026-09-30T10:00:00%2B08:00&workingDays=5', roles: 'all', scoped: false, ok: 200 },
  { method: 'put', path: () => '/api/v1/calendar/years/2026?preview=true', body: {}, roles: ['operator'], scoped: false, ok: 422 },
  // A notice's text: a sentence it cannot read refuses the load; the preview reads it and writes nothing.
  { method: 'put', path: () => '/api/v1/calendar/years/2026', body: { text: '一、元旦：1月1日（周五）放假1天。' }, roles: ['operator'], scoped: false, ok: 422 },
  { method: 'post', path: () => '/api/v1/calendar/years/2026/notice-text', body: { text: '一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。' }, roles: ['operator'], scoped: false, ok: 200 },
  { method: 'post', path: () => '/api/v1/calendar/years/2026/notice-text', body: {}, roles: ['operator'], scoped: false, ok: 422 },
  { method: 'get', path: () => '/api/v1/sla/breaches?from=2026-11-01&to=2026-11-30', roles: STAFF, scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/sla/summary?from=2026-11-01&to=2026-11-30&groupBy=bank', roles: STAFF, scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/sla/trend?from=2026-09-01&to=2026-11-30&groupBy=street&bucket=month', roles: STAFF, scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/sla/trend?from=2026-11-01&to=2026-11-30&groupBy=bank&format=csv', roles: STAFF, scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/reports?limit=5', roles: ['manager', 'task_force', 'operator'], scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/reports?kind=WEEKLY&limit=5&format=csv', roles: ['manager', 'task_force', 'operator'], scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/reports/daily-2001-01-01', roles: ['manager', 'task_force', 'operator'], scoped: false, ok: 404 },
  { method: 'post', path: () => '/api/v1/reports/daily/runs', body: {}, roles: ['operator'], scoped: false, ok: 422 },
  { method: 'post', path: () => '/api/v1/consultations', body: {}, roles: ['task_force'], scoped: false, ok: 422 },
  { method: 'get', path: () => `/api/v1/consultations?batchId=${batchId}`, roles: STAFF, scoped: false, ok: 200 },
  { method: 'get', path: () => `/api/v1/consultations/${consultationId}`, roles: STAFF, scoped: true, sees: SEES_CONSULTATION, ok: 200 },
  { method: 'post', path: () => `/api/v1/consultations/${consultationId}/reasons`, body: {}, roles: ['task_force'], scoped: true, sees: SEES_CONSULTATION, ok: 422 },
  { method: 'post', path: () => `/api/v1/consultations/${consultationId}/plan`, body: {}, roles: ['task_force', 'customer_manager', 'credit_approver'], scoped: true, sees: SEES_CONSULTATION, ok: 422 },
  { method: 'post', path: () => `/api/v1/consultations/${consultationId}/materials/request`, body: {}, roles: ['task_force'], scoped: true, sees: SEES_CONSULTATION, ok: 422 },
  { method: 'post', path: () => `/api/v1/consultations/${consultationId}/materials/complete`, body: {}, roles: ['task_force'], scoped: true, sees: SEES_CONSULTATION, ok: 409 },
  { method: 'post', path: () => `/api/v1/consultations/${consultationId}/re-review`, body: {}, roles: ['customer_manager', 'credit_approver'], scoped: true, sees: SEES_CONSULTATION, ok: 422 },
  { method: 'post', path: () => `/api/v1/consultations/${consultationId}/withdrawal`, body: {}, roles: ['task_force'], scoped: true, sees: SEES_CONSULTATION, ok: 422 },
  { method: 'post', path: () => '/api/v1/consultation-batches', body: {}, roles: ['task_force'], scoped: false, ok: 422 },
  { method: 'get', path: () => `/api/v1/consultation-batches/${batchId}`, roles: STAFF, scoped: true, sees: SEES_BATCH, ok: 200 },
  { method: 'get', path: () => `/api/v1/consultation-batches/${batchId}/report`, roles: STAFF, scoped: true, sees: SEES_BATCH, ok: 200 },
  // The survey network, the visit list and visits (a refused body changes nothing).
  { method: 'get', path: () => '/api/v1/survey-network?street=lujiang', roles: SURVEY_READERS, scoped: false, ok: 200 },
  { method: 'put', path: () => '/api/v1/banks/xib', body: {}, roles: NETWORK_KEEPERS, scoped: false, ok: 422 },
  { method: 'put', path: () => '/api/v1/banks/xib/branches/xib-siming', body: {}, roles: NETWORK_KEEPERS, scoped: false, ok: 422 },
  { method: 'post', path: () => '/api/v1/bank-imports', body: {}, roles: NETWORK_KEEPERS, scoped: false, ok: 422 },
  { method: 'put', path: () => '/api/v1/survey-network/communities/lujiang-01', body: {}, roles: NETWORK_KEEPERS, scoped: false, ok: 422 },
  { method: 'put', path: () => '/api/v1/survey-network/buildings/lujiang-01-b1', body: {}, roles: NETWORK_KEEPERS, scoped: false, ok: 422 },
  { method: 'put', path: () => '/api/v1/survey-network/teams/lujiang-01-t1', body: {}, roles: NETWORK_KEEPERS, scoped: false, ok: 422 },
  { method: 'get', path: () => '/api/v1/visit-list', roles: SURVEY_READERS, scoped: false, ok: 200 },
  { method: 'post', path: () => '/api/v1/survey-network/buildings/lujiang-01-b1/firms', body: {}, roles: ['visit_team_member', 'community_coordinator', 'survey_officer'], scoped: true, sees: REACHES_LUJIANG_BUILDING, ok: 422 },
  { method: 'post', path: () => '/api/v1/visits', body: {}, roles: ['visit_team_member'], scoped: false, ok: 422 },
  { method: 'get', path: () => '/api/v1/visits?limit=5', roles: SURVEY_READERS, scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/survey/funnel?from=2026-11-01&to=2026-11-30&groupBy=community', roles: SURVEY_READERS, scoped: false, ok: 200 },
  // The screening track: a street's officer imports for their street, the task force and its survey group for any.
  { method: 'post', path: () => '/api/v1/streets/lujiang/screening-imports', body: {}, roles: ['case_officer', 'task_force', 'survey_officer'], scoped: true, sees: IMPORTS_FOR_LUJIANG, ok: 422 },
  // Matching events: the task force and its survey group organise; the district and the attending banks read; a bank records its own meetings.
  { method: 'post', path: () => '/api/v1/matching-events', body: {}, roles: ['task_force', 'survey_officer'], scoped: false, ok: 422 },
  { method: 'get', path: () => '/api/v1/matching-events', roles: EVENT_READERS, scoped: false, ok: 200 },
  { method: 'get', path: () => `/api/v1/matching-events/${eventId}`, roles: EVENT_READERS, scoped: true, sees: SEES_EVENT, ok: 200 },
  { method: 'get', path: () => `/api/v1/matching-events/${eventId}/report`, roles: EVENT_READERS, scoped: true, sees: SEES_EVENT, ok: 200 },
  { method: 'post', path: () => `/api/v1/matching-events/${eventId}/registrations`, body: {}, roles: ['task_force', 'survey_officer'], scoped: true, sees: SEES_EVENT, ok: 422 },
  { method: 'post', path: () => `/api/v1/matching-events/${eventId}/outcomes`, body: {}, roles: ['task_force', 'survey_officer', 'customer_manager'], scoped: true, sees: SEES_EVENT, ok: 422 },
  // Leads: read within the survey reach; the owner, the street office and the task force act (a refused body changes nothing).
  { method: 'get', path: () => '/api/v1/leads?limit=5', roles: SURVEY_READERS, scoped: false, ok: 200 },
  { method: 'get', path: () => `/api/v1/leads/${leadId}`, roles: SURVEY_READERS, scoped: true, sees: SEES_LEAD, ok: 200 },
  { method: 'post', path: () => `/api/v1/leads/${leadId}/contact`, body: { note: 5 }, roles: LEAD_ACTORS, scoped: true, sees: SEES_LEAD, ok: 422 },
  { method: 'post', path: () => `/api/v1/leads/${leadId}/convert`, body: {}, roles: ['case_officer', 'task_force'], scoped: true, sees: SEES_LEAD, ok: 422 },
  { method: 'post', path: () => `/api/v1/leads/${leadId}/close`, body: {}, roles: LEAD_ACTORS, scoped: true, sees: SEES_LEAD, ok: 422 },
  { method: 'post', path: () => `/api/v1/leads/${leadId}/reassign`, body: {}, roles: ['case_officer', 'task_force', 'survey_officer'], scoped: true, sees: SEES_LEAD, ok: 422 },
  // Metrics count every route and status: an operator's, not the public's.
  { method: 'get', path: () => '/api/v1/metrics', roles: ['operator'], scoped: false, ok: 200 },
  // The audit trail (who read and changed which firm's data): the task force's oversight alone.
  { method: 'get', path: () => `/api/v1/audit?subject=case:${caseId}&limit=5`, roles: ['task_force'], scoped: false, ok: 200 },
  // Who the task force's groups are: the task force's to know and the operators' to set.
  { method: 'get', path: () => '/api/v1/staff?group=TASK_FORCE:专班负责人', roles: ['task_force', 'operator'], scoped: false, ok: 200 },
  { method: 'put', path: () => '/api/v1/staff/task-force/groups', body: { groups: ['TASK_FORCE:nobody'] }, roles: ['operator'], scoped: false, ok: 422 },
];

// Route names with the case and firm as placeholders: the ids exist only after beforeAll.
const nameOf = (r: Route) => `${r.method.toUpperCase()} ${r.path.toString().replace(/^.*?`|`$|^\(\)\s*=>\s*'|'$/g, '')}`;
const cases = routes.flatMap((r) => [
  ...DEV_USERS.map((u) => {
    const admitted = r.roles === 'all' || r.roles.includes(u.role);
    const expected = !admitted || r.refuses?.has(u.sub) ? 403 : r.scoped && !(r.sees ?? SEES_CASE).has(u.sub) ? 404 : r.ok;
    return [nameOf(r), u.sub, expected, r] as const;
  }),
  [nameOf(r), '(no token)', 401, r] as const,
]);

it('covers every role', () => {
  expect(new Set(DEV_USERS.map((u) => u.role))).toEqual(new Set(ALL_ROLES));
});

it.each(cases)('%s as %s → %d', async (_name, who, expected, route) => {
  let req = request(stack.app)[route.method](route.path());
  if (who !== '(no token)') req = req.set('authorization', await bearer(who));
  const res = await (route.body ? req.send(route.body) : req);
  expect({ status: res.status, type: res.body?.type }).toMatchObject({ status: expected });
  if (expected >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
});

it('changed nothing on the case', async () => {
  const c = await request(stack.app).get(`/api/v1/cases/${caseId}`).set('authorization', await bearer('manager')).expect(200);
  expect(c.body).toMatchObject({ stage: 'PARALLEL_REVIEW', pauses: [], decision: null, withdrawal: null });
  expect(c.body.tasks.map((t: { status: string }) => t.status)).toEqual(['OPEN', 'OPEN', 'OPEN']);
  const s = await request(stack.app).get(`/api/v1/cases/${sciTechId}`).set('authorization', await bearer('manager')).expect(200);
  expect(s.body).toMatchObject({ product: 'SCI_TECH', stage: expect.stringMatching(/^(EVALUATING|MANUAL_REVIEW)$/), decision: null, withdrawal: null });
});

it.each(DEV_USERS.filter((u) => u.role !== 'firm').map((u) => [u.sub, SEES_CONSULTATION.has(u.sub)] as const))('lists the consultation to %s: %s', async (who, sees) => {
  const res = await request(stack.app).get(`/api/v1/consultations?batchId=${batchId}`).set('authorization', await bearer(who)).expect(200);
  expect(res.body.items.map((c: { id: string }) => c.id)).toEqual(sees ? [consultationId] : []);
});

it('shows the firm its own case in plain words, and nothing of staff or of another firm', async () => {
  const list = await request(stack.app).get('/api/v1/firm/cases').set('authorization', await bearer(FIRM.sub)).expect(200);
  const ids = list.body.items.map((c: { id: string }) => c.id);
  expect(ids).toContain(caseId);
  expect(ids).not.toContain(sciTechId);
  const own = list.body.items.find((c: { id: string }) => c.id === caseId);
  expect(own).toMatchObject({ stage: 'PARALLEL_REVIEW', bank: { nameZh: '厦门国际银行' }, status: { waitingOn: 'STREET', zh: expect.stringMatching(/^并联审批中，等待网格员协助.*承诺\d+月\d+日前办结。$/) } });
  // No assignee, actor, evidence, workflow or Temporal link reaches the firm.
  expect(JSON.stringify(own)).not.toMatch(/"(lujiang-grid|xib-manager|assessor)"|assignee|actor|evidence|workflowId|temporal/i);
});

it('changed nothing on the applications', async () => {
  const rows = await stack.db.firmApplication.findMany({ where: { id: { in: [discardedId, othersDraftId] } }, orderBy: { preparedAt: 'asc' } });
  expect(rows.map((r) => [r.status, r.caseNo])).toEqual([
    ['DISCARDED', null],
    ['DRAFT', null],
  ]);
});

it('refuses a firm token that names no credit code', async () => {
  const res = await request(stack.app).get('/api/v1/firm/cases').set('authorization', await bearerAs({ sub: 'nameless-firm', name: '无代码企业', role: 'firm' }));
  expect(res.status).toBe(401);
});

it('changed nothing on the consultation', async () => {
  const c = await request(stack.app).get(`/api/v1/consultations/${consultationId}`).set('authorization', await bearer('manager')).expect(200);
  expect(c.body).toMatchObject({ stage: 'REASONS_RECORDED', plan: null, materials: [], withdrawal: null, reasons: [{ code: 'LOW_CREDIT_RATING' }] });
});

it('changed nothing on the lead', async () => {
  const l = await request(stack.app).get(`/api/v1/leads/${leadId}`).set('authorization', await bearer('manager')).expect(200);
  expect(l.body).toMatchObject({ stage: 'OPEN', owner: 'lujiang-visitor', contactedAt: null, conversion: null, closure: null });
  expect(l.body.timeline.map((e: { type: string }) => e.type)).toEqual(['OPENED']);
});

it('changed nothing on the survey network', async () => {
  const n = await request(stack.app).get('/api/v1/survey-network?street=lujiang').set('authorization', await bearer('manager')).expect(200);
  const first = n.body.communities.find((c: { code: string }) => c.code === 'lujiang-01');
  // The demo (seeded by another file) may have added a second team and building.
  expect(first).toMatchObject({
    nameZh: '鹭江第1社区',
    retiredAt: null,
    teams: expect.arrayContaining([expect.objectContaining({ code: 'lujiang-01-t1', retiredAt: null })]),
    buildings: expect.arrayContaining([expect.objectContaining({ code: 'lujiang-01-b1', team: 'lujiang-01-t1', retiredAt: null })]),
  });
});
