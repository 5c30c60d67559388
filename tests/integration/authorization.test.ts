// Every route as every role, and without a token: who is let in (and to which
// case). Mutating calls carry a body the route refuses after authorisation
// (422) or an action the case refuses (409), so the table changes nothing.
import request from 'supertest';
import type { Role } from '../../api/auth/principal';
import { DEV_USERS } from '../../infra/devUsers';
import { bearer } from '../support/auth';
import { validSimingCode } from '../support/creditCodes';
import { useStack } from '../support/stack';

const stack = useStack();
let caseId: string;
let firmCode: string;
beforeAll(async () => {
  firmCode = validSimingCode('MA7AUTH1');
  const res = await request(stack.app)
    .post('/api/v1/cases')
    .set('authorization', await bearer('lujiang-officer'))
    .send({ firmName: '厦门鹭江权限测试有限公司', creditCode: firmCode, street: 'lujiang', bank: 'xib', amount: '300000', purpose: '流动资金' })
    .expect(201);
  caseId = res.body.id;
});

// The Lujiang street / Xiamen International Bank case, and who sees it.
const SEES_CASE = new Set(['lujiang-officer', 'lujiang-grid', 'xib-manager', 'xib-approver', 'assessor', 'task-force', 'manager', 'operator']);

interface Route {
  method: 'get' | 'post' | 'put';
  path: () => string;
  body?: object;
  /** Roles the route admits; others get 403. */
  roles: Role[] | 'all';
  /** A route about one case: 404 to whoever may not see it. */
  scoped: boolean;
  /** What an admitted caller gets with this request. */
  ok: number;
}

const ALL_ROLES: Role[] = ['case_officer', 'grid_officer', 'customer_manager', 'credit_approver', 'assessor', 'task_force', 'manager', 'operator'];
const routes: Route[] = [
  { method: 'get', path: () => '/api/v1/streets', roles: 'all', scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/banks', roles: 'all', scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/cases?limit=5', roles: 'all', scoped: false, ok: 200 },
  { method: 'post', path: () => '/api/v1/cases', body: { firmName: '' }, roles: ['case_officer'], scoped: false, ok: 422 },
  { method: 'get', path: () => `/api/v1/cases/${caseId}`, roles: 'all', scoped: true, ok: 200 },
  { method: 'get', path: () => `/api/v1/cases/${caseId}/timeline`, roles: 'all', scoped: true, ok: 200 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/tasks/grid-submission/complete`, body: {}, roles: 'all', scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/tasks/due-diligence/reassign`, body: {}, roles: ['case_officer', 'task_force'], scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/tasks/grid-submission/pause`, body: {}, roles: ['case_officer', 'task_force', 'grid_officer', 'customer_manager'], scoped: true, ok: 422 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/sla/resume`, body: {}, roles: ['case_officer', 'task_force', 'grid_officer', 'customer_manager'], scoped: true, ok: 409 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/decision`, body: { outcome: 'REJECTED', reasons: [{ code: 'OTHER' }] }, roles: ['credit_approver'], scoped: true, ok: 409 },
  { method: 'post', path: () => `/api/v1/cases/${caseId}/withdrawal`, body: {}, roles: ['case_officer', 'task_force'], scoped: true, ok: 422 },
  { method: 'get', path: () => '/api/v1/firms?limit=5', roles: 'all', scoped: false, ok: 200 },
  { method: 'get', path: () => `/api/v1/firms/${firmCode}`, roles: 'all', scoped: true, ok: 200 },
  { method: 'get', path: () => '/api/v1/calendar/days?from=2026-10-01&to=2026-10-07', roles: 'all', scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/calendar/deadline?acceptedAt=2026-09-30T10:00:00%2B08:00&workingDays=5', roles: 'all', scoped: false, ok: 200 },
  { method: 'put', path: () => '/api/v1/calendar/years/2026?preview=true', body: {}, roles: ['operator'], scoped: false, ok: 422 },
  { method: 'get', path: () => '/api/v1/sla/breaches?from=2026-11-01&to=2026-11-30', roles: 'all', scoped: false, ok: 200 },
  { method: 'get', path: () => '/api/v1/sla/summary?from=2026-11-01&to=2026-11-30&groupBy=bank', roles: 'all', scoped: false, ok: 200 },
];

// Route names with the case and firm as placeholders: the ids exist only after beforeAll.
const nameOf = (r: Route) => `${r.method.toUpperCase()} ${r.path.toString().replace(/^.*?`|`$|^\(\)\s*=>\s*'|'$/g, '')}`;
const cases = routes.flatMap((r) => [
  ...DEV_USERS.map((u) => {
    const admitted = r.roles === 'all' || r.roles.includes(u.role);
    const expected = !admitted ? 403 : r.scoped && !SEES_CASE.has(u.sub) ? 404 : r.ok;
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
});
