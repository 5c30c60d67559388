// Cases: opening one (it starts its workflow), lists, the caller's work, a case and its timeline.
import { STAFF_ROLES } from '../../domain/people';
import { z } from 'zod';
import { B, P, R, authed, ok, problem, withBody } from '../contract';
import { CaseListQuery, CaseParams, RecordReadQuery, IdempotencyKeyHeader, TaskListQuery } from '../schemas';
import { route } from './route';

export const CASE_SCOPE = 'Cases of the caller’s street (case and grid officers), bank (customer managers, credit approvers), assigned to them (assessors), or the district (task force, manager, operator); others get 404';
const LIST_SCOPE = CASE_SCOPE.replace('; others get 404', '');

/** A read of one case: any staff role, within its scope (a firm reads its own at /api/v1/firm/cases). */
const caseRead = (description: string, body: typeof R.CaseView | typeof R.CaseTimeline) => ({
  method: 'get' as const,
  tags: ['Cases'],
  roles: STAFF_ROLES,
  scope: CASE_SCOPE,
  pathParams: CaseParams,
  responses: { 200: ok(description, body), ...authed, 400: P.badPath, 403: P[403], 404: P[404] },
});

const caseView = caseRead('The case', R.CaseView);

export const CASE_ROUTES = [
  route({
    operationId: 'createCase',
    method: 'post',
    path: '/api/v1/cases',
    summary: '受理 Open a case (starts its workflow): fast-track by default, sci-tech credit (善科贷, 48 h) with product SCI_TECH and the online application',
    tags: ['Cases'],
    roles: ['case_officer'],
    scope: 'Only for the officer’s own street (403 otherwise). Stage, SLA state and assignees are the workflow’s: the body is allow-listed.',
    headers: IdempotencyKeyHeader,
    body: B.CreateCaseBody,
    responses: {
      201: {
        ...ok('Created. A repeat with the same Idempotency-Key and body answers the same case', R.CaseView),
        headers: {
          Location: { description: 'The case’s URL', required: true, schema: z.string().regex(/^\/api\/v1\/cases\/GL-\d{4}-\d{6,}$/) },
          'Idempotent-Replayed': { description: '`true` when this answers a repeat of an earlier request', schema: z.literal('true') },
        },
      },
      ...withBody,
      403: P[403],
      422: problem('Validation failed, the credit code needs confirming (…:credit-code-confirmation-required), or the Idempotency-Key was used for another body (…:idempotency-key-reused)'),
      503: P.notAnswering,
    },
    handler: async (c, { cases }) => {
      // The body as sent, too: a repeat with the same key must send the same.
      const opened = await cases.open(c.caller, c.body(), c.req.body);
      if (opened.replayed) c.res.set('Idempotent-Replayed', 'true');
      c.res.status(201).location(`/api/v1/cases/${opened.caseNo}`).json(opened.view);
    },
  }),
  route({
    operationId: 'listCases',
    method: 'get',
    path: '/api/v1/cases',
    summary: '案件列表 List cases, newest first, with filters and a cursor',
    tags: ['Cases'],
    roles: STAFF_ROLES,
    scope: LIST_SCOPE,
    query: CaseListQuery,
    responses: { 200: ok('A page of cases', R.CaseListPage), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'CASE_LIST_READ', subject: () => 'cases' },
    handler: async (c, { cases }) => {
      c.res.json(await cases.list(c.principal, c.query()));
    },
  }),
  route({
    operationId: 'listTasks',
    method: 'get',
    path: '/api/v1/tasks',
    summary: '我的待办 The caller’s work, soonest due first: review branches assigned to them and, for credit approvers, their bank’s cases awaiting a decision',
    tags: ['Cases'],
    roles: STAFF_ROLES,
    scope: `Branches of cases still in parallel review. ${LIST_SCOPE}. \`assignee\` names a colleague; decisions are listed to a credit approver for themselves only`,
    query: TaskListQuery,
    responses: { 200: ok('The work, soonest due first', R.TaskList), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'TASK_LIST_READ', subject: () => 'tasks' },
    handler: async (c, { inbox }) => {
      c.res.json(await inbox(c.principal, c.query()));
    },
  }),
  route({
    ...caseView,
    operationId: 'getCase',
    path: '/api/v1/cases/{caseNo}',
    summary: '案件详情 A case, from its record; from its workflow when asked (?live=true) or while the record trails it (answeredBy says which)',
    query: RecordReadQuery,
    responses: { ...caseView.responses, 422: P[422] },
    audit: { action: 'CASE_READ', subject: (path) => `case:${path.caseNo}` },
    handler: async (c, { cases }) => {
      c.res.json(await cases.get(c.caller, c.path.caseNo, c.query().live === 'true'));
    },
  }),
  route({
    ...caseRead('The timeline', R.CaseTimeline),
    operationId: 'getCaseTimeline',
    path: '/api/v1/cases/{caseNo}/timeline',
    summary: '时间线 The case’s events, oldest first',
    audit: { action: 'CASE_TIMELINE_READ', subject: (path) => `case:${path.caseNo}` },
    handler: async (c, { cases }) => {
      c.res.json(await cases.timeline(c.principal, c.path.caseNo));
    },
  }),
];
