// The joint consultation's operations. Built from the registry's shared responses, passed in,
// so this module needs nothing of the registry at load time.
import { z } from 'zod';
import {
  BatchParams,
  ConsultationParams,
  IdempotencyKeyHeader,
  MAX_BATCH_FIRMS,
  MaterialsCompleteBody,
  MaterialsRequestBody,
  PlanBody,
  ReReviewBody,
  ReasonsBody,
  StartBatchBody,
  StartConsultationBody,
  WithdrawConsultationBody,
} from '../schemas';
import type { Role } from '../auth/principal';
import type { Named, ResponseSpec, RouteSpec } from './registry';

/** Request bodies, by component name (merged into the registry's B). */
export const CONSULTATION_BODY_SCHEMAS = {
  StartConsultationBody,
  StartConsultationBatchBody: StartBatchBody,
  ConsultationReasonsBody: ReasonsBody,
  ConsultationPlanBody: PlanBody,
  MaterialsRequestBody,
  MaterialsCompleteBody,
  ReReviewBody,
  WithdrawConsultationBody,
} as const;

interface Shared {
  R: { ConsultationView: Named; ConsultationBatchStarted: Named; ConsultationBatchProgress: Named };
  B: Record<keyof typeof CONSULTATION_BODY_SCHEMAS, Named>;
  P: Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429, ResponseSpec> & { badPath: ResponseSpec; notAnswering: ResponseSpec };
  ok: (description: string, body: Named) => ResponseSpec;
  problem: (description: string) => ResponseSpec;
}

const SCOPE = 'Consultations of the caller’s street (case and grid officers), of their bank as the refusing or the proposed bank (customer managers, credit approvers), or the district (task force, manager, operator); others get 404';
const RULES = 'The workflow decides whether the action is allowed now and by whom (a bank acts only on its own plans); a refusal is 409 and changes nothing.';
const BANKS = ['customer_manager', 'credit_approver'] as const satisfies readonly Role[];

export function consultationRoutes({ R, B, P, ok, problem }: Shared): RouteSpec[] {
  const authed = { 401: P[401], 429: P[429] };
  const withBody = { ...authed, 400: P[400], 413: P[413], 415: P[415], 422: P[422] };
  const params = ConsultationParams;
  const action = (operationId: string, path: string, summary: string, roles: readonly Role[], body: Named): RouteSpec => ({
    operationId,
    method: 'post',
    path: `/api/v1/consultations/{id}${path}`,
    summary,
    tags: ['Joint consultation'],
    roles,
    scope: `${SCOPE}. ${RULES}`,
    pathParams: params,
    headers: IdempotencyKeyHeader,
    body,
    responses: {
      200: ok('The consultation after the update', R.ConsultationView),
      ...withBody,
      403: P[403],
      404: P[404],
      409: problem('The consultation refused the action (…:update-rejected) or has ended (…:consultation-closed)'),
      503: P.notAnswering,
    },
  });
  return [
    {
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
    },
    {
      operationId: 'getConsultation',
      method: 'get',
      path: '/api/v1/consultations/{id}',
      summary: '会诊详情 A consultation, live from its workflow while it runs',
      tags: ['Joint consultation'],
      roles: 'authenticated',
      scope: SCOPE,
      pathParams: params,
      responses: { 200: ok('The consultation', R.ConsultationView), ...authed, 400: P.badPath, 404: P[404] },
    },
    action('recordConsultationReasons', '/reasons', '记录拒贷原因 Record and categorise the rejection reasons', ['task_force'], B.ConsultationReasonsBody),
    action('proposeConsultationPlan', '/plan', '提出优化方案 Propose an optimised financing plan (another product, a guarantee, a smaller amount, a different bank)', ['task_force', ...BANKS], B.ConsultationPlanBody),
    action('requestConsultationMaterials', '/materials/request', '补充材料 Ask the firm for missing materials: the five-working-day clock pauses', ['task_force'], B.MaterialsRequestBody),
    action('completeConsultationMaterials', '/materials/complete', '材料齐全 Materials complete: the plan goes to re-review and the clock resumes', ['task_force'], B.MaterialsCompleteBody),
    action('reReviewConsultation', '/re-review', '复审 Accept (opens a linked case) or decline the plan', BANKS, B.ReReviewBody),
    action('withdrawConsultation', '/withdrawal', '撤回 Withdraw the consultation', ['task_force'], B.WithdrawConsultationBody),
    {
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
        403: P[403],
        503: P.notAnswering,
      },
    },
    {
      operationId: 'getConsultationBatch',
      method: 'get',
      path: '/api/v1/consultation-batches/{batchId}',
      summary: '批次进度 A batch’s progress: consultations per stage, accepted plans with their cases, breaches',
      tags: ['Joint consultation'],
      roles: 'authenticated',
      scope: 'The district roles, and the staff of the bank that refused the batch; others get 404',
      pathParams: BatchParams,
      responses: { 200: ok('The progress', R.ConsultationBatchProgress), ...authed, 400: P.badPath, 404: P[404] },
    },
  ];
}
