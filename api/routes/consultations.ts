// Joint bank consultations (银行联合会诊) for refused firms, and batches of them
// (api/services/consultations.ts): the task force runs them, the banks propose plans and
// re-review, managers read.
import { z } from 'zod';
import { STAFF_ROLES } from '../../domain/people';
import { B, P, R, authed, ok, problem, withBody } from '../contract';
import { BatchParams, ConsultationListQuery, ConsultationParams, IdempotencyKeyHeader, MAX_BATCH_FIRMS, RecordReadQuery } from '../schemas';
import type { Services } from '../services';
import { CONSULTATION_ACTIONS as ACTIONS } from '../../domain/consultation/actions';
import { route } from './route';
import { workflowActions } from './workflowAction';

const SCOPE = 'Consultations of the caller’s street (case and grid officers), of their bank as the refusing or the proposed bank (customer managers, credit approvers), or the district (task force, manager, operator); others get 404';
const RULES = 'The workflow decides whether the action is allowed now and by whom (a bank acts only on its own plans); a refusal is 409 and changes nothing.';

const action = workflowActions<Services['consultations']>({
  base: '/api/v1/consultations/{id}',
  noun: 'consultation',
  tag: 'Joint consultation',
  scope: `${SCOPE}. ${RULES}`,
  pathParams: ConsultationParams,
  view: R.ConsultationView,
  refusals: 'The consultation refused the action (…:update-rejected) or has ended (…:consultation-closed)',
  service: (s) => s.consultations,
});

export const CONSULTATION_ROUTES = [
  route({
    operationId: 'startConsultation',
    method: 'post',
    path: '/api/v1/consultations',
    summary: '发起联合会诊 Start a joint consultation for a rejected case (its reasons carried over)',
    tags: ['Joint consultation'],
    roles: ['task_force'],
    scope: 'One consultation per rejected case (id JC-<caseNo>), so a repeat, with or without a key, answers the same consultation with 200',
    headers: IdempotencyKeyHeader,
    body: B.StartConsultationBody,
    responses: {
      201: {
        ...ok('Started', R.ConsultationView),
        headers: { Location: { description: 'The consultation’s URL', required: true, schema: z.string().regex(/^\/api\/v1\/consultations\/JC-/) } },
      },
      200: ok('The consultation already started for this case', R.ConsultationView),
      ...withBody,
      403: P[403],
      404: P[404],
      409: problem('The case is not rejected (…:case-not-rejected)'),
      503: P.notAnswering,
    },
    handler: async (c, { consultations }) => {
      const started = await consultations.start(c.caller, c.body().fromCaseNo);
      c.res.status(started.existed ? 200 : 201).location(`/api/v1/consultations/${started.consultationId}`).json(started.view);
    },
  }),
  route({
    operationId: 'listConsultations',
    method: 'get',
    path: '/api/v1/consultations',
    summary: '会诊列表 The consultations the caller sees (a batch’s with batchId), newest first: stage, clock, whose move, the case an accepted plan opened',
    tags: ['Joint consultation'],
    roles: STAFF_ROLES,
    scope: SCOPE.replace('; others get 404', '; others get an empty list'),
    query: ConsultationListQuery,
    responses: { 200: ok('The consultations', R.ConsultationList), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'CONSULTATION_LIST_READ', subject: () => 'consultations' },
    handler: async (c, { consultations }) => {
      c.res.json(await consultations.list(c.principal, c.query()));
    },
  }),
  route({
    operationId: 'getConsultation',
    method: 'get',
    path: '/api/v1/consultations/{id}',
    summary: '会诊详情 A consultation, from its record; from its workflow when asked (?live=true) or while the record trails it (answeredBy says which)',
    tags: ['Joint consultation'],
    roles: STAFF_ROLES,
    scope: SCOPE,
    pathParams: ConsultationParams,
    query: RecordReadQuery,
    responses: { 200: ok('The consultation', R.ConsultationView), ...authed, 403: P[403], 400: P.badPath, 404: P[404] },
    audit: { action: 'CONSULTATION_READ', subject: (path) => `consultation:${path.id}` },
    handler: async (c, { consultations }) => {
      c.res.json(await consultations.read(c.caller, await consultations.visibleId(c.principal, c.path.id), c.query().live === 'true'));
    },
  }),
  action('recordConsultationReasons', '/reasons', '记录拒贷原因 Record and categorise the rejection reasons', ACTIONS.recordReasons.roles, B.ConsultationReasonsBody, (s) => s.recordReasons),
  action('proposeConsultationPlan', '/plan', '提出优化方案 Propose an optimised financing plan (another product, a guarantee, a smaller amount, a different bank)', ACTIONS.proposePlan.roles, B.ConsultationPlanBody, (s) => s.proposePlan),
  action('requestConsultationMaterials', '/materials/request', '补充材料 Ask the firm for missing materials: the five-working-day clock pauses', ACTIONS.requestMaterials.roles, B.MaterialsRequestBody, (s) => s.requestMaterials),
  action('completeConsultationMaterials', '/materials/complete', '材料齐全 Materials complete: the plan goes to re-review and the clock resumes', ACTIONS.completeMaterials.roles, B.MaterialsCompleteBody, (s) => s.completeMaterials),
  action('reReviewConsultation', '/re-review', '复审 Accept (opens a linked case) or decline the plan', ACTIONS.reReview.roles, B.ReReviewBody, (s) => s.reReview),
  action('withdrawConsultation', '/withdrawal', '撤回 Withdraw the consultation', ACTIONS.withdraw.roles, B.WithdrawConsultationBody, (s) => s.withdraw),
  route({
    operationId: 'startConsultationBatch',
    method: 'post',
    path: '/api/v1/consultation-batches',
    summary: `批量会诊 Start one consultation per firm a bank refused (at most ${MAX_BATCH_FIRMS} firms)`,
    tags: ['Joint consultation'],
    roles: ['task_force'],
    scope: 'With an Idempotency-Key the batch id derives from the key and body, so a retried request starts nothing twice',
    headers: IdempotencyKeyHeader,
    body: B.StartConsultationBatchBody,
    responses: {
      202: {
        ...ok('Started; the consultations open in the background', R.ConsultationBatchStarted),
        headers: { Location: { description: 'The batch’s progress URL', required: true, schema: z.string().regex(/^\/api\/v1\/consultation-batches\/CB-/) } },
      },
      ...withBody,
      422: problem('Validation failed (…:validation), or a firm’s credit code fails its check character and is not confirmed: `errors` names each such firm (…:credit-code-confirmation-required; early pilot codes, confirm per firm with confirmCreditCodeWarnings)'),
      403: P[403],
      503: P.notAnswering,
    },
    handler: async (c, { consultations }) => {
      // The body as sent, too: with a key, the batch id derives from it.
      const started = await consultations.startBatch(c.caller, c.body(), c.req.body);
      c.res.status(202).location(`/api/v1/consultation-batches/${started.id}`).json(started);
    },
  }),
  route({
    operationId: 'getConsultationBatch',
    method: 'get',
    path: '/api/v1/consultation-batches/{batchId}',
    summary: '批次进度 A batch’s progress: consultations per stage, accepted plans with their cases, breaches',
    tags: ['Joint consultation'],
    roles: STAFF_ROLES,
    scope: 'The district roles, and the staff of the bank that refused the batch; others get 404',
    pathParams: BatchParams,
    responses: { 200: ok('The progress', R.ConsultationBatchProgress), ...authed, 403: P[403], 400: P.badPath, 404: P[404] },
    audit: { action: 'CONSULTATION_BATCH_READ', subject: (path) => `consultation-batch:${path.batchId}` },
    handler: async (c, { consultations }) => {
      c.res.json(await consultations.batch(c.caller, c.path.batchId));
    },
  }),
  route({
    operationId: 'getConsultationBatchReport',
    method: 'get',
    path: '/api/v1/consultation-batches/{batchId}/report',
    summary: '批次成效 A batch’s outcome on both clocks: plans accepted or declined within the consultations’ five working days, and how many firms got money, how fast',
    tags: ['Joint consultation'],
    roles: STAFF_ROLES,
    scope: 'The district roles, and the staff of the bank that refused the batch; others get 404',
    pathParams: BatchParams,
    responses: { 200: ok('The outcome, per firm and in all', R.ConsultationBatchReport), ...authed, 403: P[403], 400: P.badPath, 404: P[404] },
    handler: async (c, { consultations }) => {
      c.res.json(await consultations.batchReport(c.caller, c.path.batchId));
    },
  }),
];
