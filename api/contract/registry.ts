// The route registry: one entry per operation the API serves. The OpenAPI document, the docs
// page and the tests' response checks all read it. Request schemas are the very zod objects the
// routes parse with, so the document cannot describe a body the route would refuse.
import { z } from 'zod';
import type { Role } from '../auth/principal';
import {
  CaseListQuery,
  CaseParams,
  CaseTaskParams,
  CreateCaseBody,
  DaysQuery,
  DeadlineQuery,
  DecisionBody,
  DevSignInBody,
  EVIDENCE,
  FirmListQuery,
  FirmParams,
  IdempotencyKeyHeader,
  LoadQuery,
  NoticeBody,
  ReasonBody,
  ReassignBody,
  ReportRunBody,
  ResumeBody,
  SciTechDecisionBody,
  SlaBreachesQuery,
  SlaSummaryQuery,
  TASK_SLUGS,
  TaskListQuery,
  YearParams,
} from '../schemas';
import { DevSignInResult, RESPONSE_SCHEMAS, SignInOptionsView } from './responses';
import { REPORT_RESPONSE_SCHEMAS } from './reportResponses';
import { reportRoutes } from './reportRoutes';
import { CONSULTATION_RESPONSE_SCHEMAS } from './consultationResponses';
import { CONSULTATION_BODY_SCHEMAS, consultationRoutes } from './consultationRoutes';

export type Method = 'get' | 'post' | 'put';
export type MediaType = 'application/json' | 'application/problem+json' | 'text/csv' | 'text/html' | 'text/plain';

/** A schema with the name it has under components.schemas. */
export interface Named {
  name: string;
  schema: z.ZodType;
}

export interface ResponseSpec {
  description: string;
  content: Partial<Record<MediaType, Named>>;
  /** Response headers; `required` ones are checked on every such response in the tests. */
  headers?: Record<string, { description: string; required?: boolean; schema: z.ZodType }>;
}

export interface RouteSpec {
  operationId: string;
  method: Method;
  /** OpenAPI style: /api/v1/cases/{caseNo}. */
  path: string;
  summary: string;
  tags: string[];
  /** `public`: no token; `authenticated`: any role; else the roles the route admits. */
  roles: 'public' | 'authenticated' | readonly Role[];
  /** Which objects the caller may touch within those roles. */
  scope?: string;
  pathParams?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: Named;
  responses: Record<number, ResponseSpec>;
}

const named = <S extends Record<string, z.ZodType>>(schemas: S) =>
  Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, { name, schema }])) as { [K in keyof S]: Named };

/** Response bodies (read as output) and request bodies (read as input) by component name. */
export const R = named({
  ...RESPONSE_SCHEMAS,
  ...REPORT_RESPONSE_SCHEMAS,
  ...CONSULTATION_RESPONSE_SCHEMAS,
  SlaSummaryCsv: z.string().describe('UTF-8 CSV with a header row: one line per group, then the overall line'),
  OpenApiDocument: z.looseObject({ openapi: z.literal('3.1.0') }).describe('This document'),
  DocsPage: z.string().describe('HTML'),
  PrometheusText: z.string().describe('Prometheus text exposition format'),
  SignInOptions: SignInOptionsView,
  DevSignInResult,
});
export const B = named({
  CreateCaseBody,
  GridSubmissionEvidence: EVIDENCE.GRID_SUBMISSION,
  VipChannelEvidence: EVIDENCE.BANK_VIP_CHANNEL,
  DueDiligenceEvidence: EVIDENCE.DUE_DILIGENCE,
  ReasonBody,
  ReassignBody,
  ResumeBody,
  DecisionBody,
  SciTechDecisionBody,
  CaseDecisionBody: z.union([DecisionBody, SciTechDecisionBody]).describe('DecisionBody on a fast-track case, SciTechDecisionBody (its manual terms and rejection reasons) on a sci-tech case'),
  CalendarNoticeBody: NoticeBody,
  ReportRunBody,
  DevSignInBody,
  ...CONSULTATION_BODY_SCHEMAS,
});

// ---- Responses shared by many routes -------------------------------------------------------

const ok = (description: string, body: Named): ResponseSpec => ({ description, content: { 'application/json': body } });
const problem = (description: string): ResponseSpec => ({ description, content: { 'application/problem+json': R.ProblemDetails } });

const P = {
  400: problem('The body is not valid JSON (…:malformed-json), or a path segment is not valid percent-encoding (…:bad-request)'),
  badPath: problem('A path segment is not valid percent-encoding (…:bad-request)'),
  401: problem('No valid bearer token (…:unauthenticated)'),
  403: problem('The role may not use this route, or acts outside its street (…:forbidden)'),
  404: problem('No such resource, or outside the caller’s scope: existence does not leak (…:not-found)'),
  409: problem('The case refused the action or has ended (…:update-rejected, …:case-closed), or the action does not exist for the case’s product (…:not-for-product)'),
  413: problem('The body is larger than 64 kB (…:body-too-large)'),
  415: problem('The body is not application/json (…:unsupported-media-type)'),
  422: problem('Validation failed; `errors` names each failing field (…:validation)'),
  429: {
    ...problem('Too many requests for this token (…:rate-limited)'),
    headers: { 'Retry-After': { description: 'Seconds until the window resets', required: true, schema: z.string().regex(/^\d+$/) } },
  },
  503: problem('A dependency is unreachable'),
  notAnswering: {
    ...problem('The workflow did not answer within 45 s, e.g. while no worker runs (…:not-answering); the action may still take effect: `detail` says how to learn its outcome'),
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying', required: true, schema: z.string().regex(/^\d+$/) } },
  },
};
/** Every route under /api/v1 except the contract's own authenticates and is rate limited. */
const authed = { 401: P[401], 429: P[429] };
const withBody = { ...authed, 400: P[400], 413: P[413], 415: P[415], 422: P[422] };

const clockRoles = ['case_officer', 'task_force', 'grid_officer', 'customer_manager'] as const satisfies readonly Role[];
const CASE_SCOPE = 'Cases of the caller’s street (case and grid officers), bank (customer managers, credit approvers), assigned to them (assessors), or the district (task force, manager, operator); others get 404';
const ACTION_NOTE = 'The workflow decides whether the action is allowed now (e.g. only the assignee completes a task); a refusal is 409 and changes nothing.';

/** A task's completion, one operation per task kind since each takes its own evidence. */
const completeTask = (slug: keyof typeof TASK_SLUGS, body: Named, who: string): RouteSpec => ({
  operationId: `complete-${slug}`,
  method: 'post',
  path: `/api/v1/cases/{caseNo}/tasks/${slug}/complete`,
  summary: `完成任务 Complete the ${slug} task with its evidence (${who})`,
  tags: ['Case actions'],
  roles: 'authenticated',
  scope: `${CASE_SCOPE}. ${ACTION_NOTE}`,
  pathParams: CaseParams,
  headers: IdempotencyKeyHeader,
  body,
  responses: { 200: ok('The case after the update', R.CaseView), ...withBody, 404: P[404], 409: P[409], 503: P.notAnswering },
});

const caseAction = (
  operationId: string,
  path: string,
  summary: string,
  roles: readonly Role[],
  body: Named,
  params: z.ZodType = CaseParams,
): RouteSpec => ({
  operationId,
  method: 'post',
  path: `/api/v1/cases/{caseNo}${path}`,
  summary,
  tags: ['Case actions'],
  roles,
  scope: `${CASE_SCOPE}. ${ACTION_NOTE}`,
  pathParams: params,
  headers: IdempotencyKeyHeader,
  body,
  responses: { 200: ok('The case after the update', R.CaseView), ...withBody, 403: P[403], 404: P[404], 409: P[409], 503: P.notAnswering },
});

export const ROUTES: readonly RouteSpec[] = [
  // ---- Operations and contract
  {
    operationId: 'healthz',
    method: 'get',
    path: '/healthz',
    summary: '存活 The process is alive',
    tags: ['Operations'],
    roles: 'public',
    responses: { 200: ok('Alive', R.Health) },
  },
  {
    operationId: 'readyz',
    method: 'get',
    path: '/readyz',
    summary: '就绪 Temporal and the database are reachable',
    tags: ['Operations'],
    roles: 'public',
    responses: { 200: ok('Ready', R.Readiness), 503: P[503] },
  },
  {
    operationId: 'metrics',
    method: 'get',
    path: '/metrics',
    summary: '监控指标 Prometheus metrics (HTTP and Temporal SDK); not for the public proxy',
    tags: ['Operations'],
    roles: 'public',
    responses: { 200: { description: 'Metrics', content: { 'text/plain': R.PrometheusText } } },
  },
  {
    operationId: 'openapi',
    method: 'get',
    path: '/api/v1/openapi.json',
    summary: '接口契约 This OpenAPI 3.1 document',
    tags: ['Contract'],
    roles: 'public',
    responses: { 200: ok('The document', R.OpenApiDocument) },
  },
  {
    operationId: 'docs',
    method: 'get',
    path: '/api/v1/docs',
    summary: '接口文档 The browsable docs page',
    tags: ['Contract'],
    roles: 'public',
    responses: { 200: { description: 'HTML', content: { 'text/html': R.DocsPage } } },
  },

  // ---- Sign-in (the console)
  {
    operationId: 'signInOptions',
    method: 'get',
    path: '/api/v1/sign-in/options',
    summary: '登录方式 How to sign in: the development users to pick from (development only) and the OpenID Connect provider',
    tags: ['Sign-in'],
    roles: 'public',
    responses: { 200: ok('The sign-in options', R.SignInOptions) },
  },
  {
    operationId: 'devSignIn',
    method: 'post',
    path: '/api/v1/dev/sign-in',
    summary: '开发登录 A development token for a seeded user (404 with the production auth configuration)',
    tags: ['Sign-in'],
    roles: 'public',
    body: B.DevSignInBody,
    responses: {
      200: ok('A bearer token for the user', R.DevSignInResult),
      400: P[400],
      404: problem('Development sign-in is off (production auth configuration) (…:not-found)'),
      413: P[413],
      415: P[415],
      422: problem('No such development user; `errors` names userId (…:validation)'),
    },
  },

  // ---- Cases
  {
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
  },
  {
    operationId: 'listCases',
    method: 'get',
    path: '/api/v1/cases',
    summary: '案件列表 List cases, newest first, with filters and a cursor',
    tags: ['Cases'],
    roles: 'authenticated',
    scope: CASE_SCOPE.replace('; others get 404', ''),
    query: CaseListQuery,
    responses: { 200: ok('A page of cases', R.CaseListPage), ...authed, 422: P[422] },
  },
  {
    operationId: 'listTasks',
    method: 'get',
    path: '/api/v1/tasks',
    summary: '我的待办 The caller’s work, soonest due first: review branches assigned to them and, for credit approvers, their bank’s cases awaiting a decision',
    tags: ['Cases'],
    roles: 'authenticated',
    scope: `Branches of cases still in parallel review. ${CASE_SCOPE.replace('; others get 404', '')}. \`assignee\` names a colleague; decisions are listed to a credit approver for themselves only`,
    query: TaskListQuery,
    responses: { 200: ok('The work, soonest due first', R.TaskList), ...authed, 422: P[422] },
  },
  {
    operationId: 'getCase',
    method: 'get',
    path: '/api/v1/cases/{caseNo}',
    summary: '案件详情 A case, from its workflow; from the record when the workflow is gone (retention) or cannot answer (no worker)',
    tags: ['Cases'],
    roles: 'authenticated',
    scope: CASE_SCOPE,
    pathParams: CaseParams,
    responses: { 200: ok('The case', R.CaseView), ...authed, 400: P.badPath, 404: P[404] },
  },
  {
    operationId: 'getCaseTimeline',
    method: 'get',
    path: '/api/v1/cases/{caseNo}/timeline',
    summary: '时间线 The case’s events, oldest first',
    tags: ['Cases'],
    roles: 'authenticated',
    scope: CASE_SCOPE,
    pathParams: CaseParams,
    responses: { 200: ok('The timeline', R.CaseTimeline), ...authed, 400: P.badPath, 404: P[404] },
  },

  // ---- Case actions
  completeTask('grid-submission', B.GridSubmissionEvidence, 'the assigned grid officer'),
  completeTask('bank-vip-channel', B.VipChannelEvidence, 'the assigned customer manager'),
  completeTask('due-diligence', B.DueDiligenceEvidence, 'the assigned assessor'),
  caseAction('reassignTask', '/tasks/{task}/reassign', '改派 Reassign a task', ['case_officer', 'task_force'], B.ReassignBody, CaseTaskParams),
  caseAction('pauseSla', '/tasks/{task}/pause', '暂停计时 Pause the SLA clock for a task, with a reason', clockRoles, B.ReasonBody, CaseTaskParams),
  caseAction('resumeSla', '/sla/resume', '恢复计时 Resume the paused SLA clock', clockRoles, B.ResumeBody),
  caseAction('decide', '/decision', '授信决定 Approve or reject the credit (a sci-tech case only in MANUAL_REVIEW; the body is checked against the case’s product)', ['credit_approver'], B.CaseDecisionBody),
  caseAction('withdraw', '/withdrawal', '撤回 Withdraw the case', ['case_officer', 'task_force'], B.ReasonBody),

  // ---- Firms
  {
    operationId: 'listFirms',
    method: 'get',
    path: '/api/v1/firms',
    summary: '企业 Firms, by name or credit-code prefix',
    tags: ['Firms'],
    roles: 'authenticated',
    scope: 'A firm is visible to whoever may see one of its cases; counts are of visible cases only',
    query: FirmListQuery,
    responses: { 200: ok('The firms', R.FirmList), ...authed, 422: P[422] },
  },
  {
    operationId: 'getFirm',
    method: 'get',
    path: '/api/v1/firms/{creditCode}',
    summary: '企业详情 A firm and its visible cases',
    tags: ['Firms'],
    roles: 'authenticated',
    scope: 'A firm is visible to whoever may see one of its cases; others get 404',
    pathParams: FirmParams,
    responses: { 200: ok('The firm', R.FirmView), ...authed, 400: P.badPath, 404: P[404] },
  },

  // ---- Calendar
  {
    operationId: 'calendarDays',
    method: 'get',
    path: '/api/v1/calendar/days',
    summary: '工作日历 Working, rest and holiday days in a range (at most 366 days)',
    tags: ['Calendar'],
    roles: 'authenticated',
    query: DaysQuery,
    responses: { 200: ok('The days', R.CalendarDays), ...authed, 422: P[422] },
  },
  {
    operationId: 'calendarDeadline',
    method: 'get',
    path: '/api/v1/calendar/deadline',
    summary: '期限计算 When a number of working days from an instant ends, with the reasons',
    tags: ['Calendar'],
    roles: 'authenticated',
    query: DeadlineQuery,
    responses: { 200: ok('The deadline', R.Deadline), ...authed, 422: P[422] },
  },
  {
    operationId: 'loadCalendarYear',
    method: 'put',
    path: '/api/v1/calendar/years/{year}',
    summary: '载入节假日安排 Load a year’s State Council notice; running cases re-plan (?preview=true only shows what would change)',
    tags: ['Calendar'],
    roles: ['operator'],
    pathParams: YearParams,
    query: LoadQuery,
    body: B.CalendarNoticeBody,
    responses: {
      200: ok('A preview (preview: true) or the load’s outcome', R.CalendarYearResult),
      ...withBody,
      403: P[403],
      503: problem('The API has no Temporal client, so running cases cannot be reached'),
    },
  },

  // ---- Reference data
  {
    operationId: 'listStreets',
    method: 'get',
    path: '/api/v1/streets',
    summary: '街道 Streets a case can name',
    tags: ['Reference'],
    roles: 'authenticated',
    responses: { 200: ok('The streets', R.StreetList), ...authed },
  },
  {
    operationId: 'listBanks',
    method: 'get',
    path: '/api/v1/banks',
    summary: '银行及网点 Banks and their branches',
    tags: ['Reference'],
    roles: 'authenticated',
    responses: { 200: ok('The banks', R.BankList), ...authed },
  },

  // ---- SLA reports
  {
    operationId: 'slaBreaches',
    method: 'get',
    path: '/api/v1/sla/breaches',
    summary: '超时清单 SLA breaches in a date range',
    tags: ['SLA reports'],
    roles: 'authenticated',
    scope: 'Only cases in the caller’s scope are counted; an empty scope gives an empty report',
    query: SlaBreachesQuery,
    responses: { 200: ok('The breaches', R.SlaBreachList), ...authed, 422: P[422] },
  },
  {
    operationId: 'slaSummary',
    method: 'get',
    path: '/api/v1/sla/summary',
    summary: '时效汇总 On-time rate, breaches and median working days per stage, by street or bank (JSON, or CSV by format=csv or Accept: text/csv)',
    tags: ['SLA reports'],
    roles: 'authenticated',
    scope: 'Only cases in the caller’s scope are counted; an empty scope gives an empty report',
    query: SlaSummaryQuery,
    responses: {
      200: { description: 'The summary', content: { 'application/json': R.SlaSummary, 'text/csv': R.SlaSummaryCsv } },
      ...authed,
      422: P[422],
    },
  },
  ...reportRoutes({ R, B, P, ok, problem }),
  ...consultationRoutes({ R, B, P, ok, problem }),
];

/** Human text for a route's roles, for the document and the docs page. */
export function rolesText(route: RouteSpec): string {
  if (route.roles === 'public') return 'public (no token)';
  if (route.roles === 'authenticated') return 'any authenticated role';
  return route.roles.join(', ');
}
