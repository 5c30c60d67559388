// People act on a case through its workflow's updates (api/services/caseActions.ts). Task and
// clock actions exist for fast-track cases only; decision, contract cancellation, a held payment's
// resolution and withdrawal for every product.
import { STAFF_ROLES, type Role } from '../../domain/people';
import { B, P, R, actionWithBody, ok, type ResponseSpec } from '../contract';
import { CaseParams, CaseTaskParams, IdempotencyKeyHeader, type TaskSlug } from '../schemas';
import { taskKind } from '../services/caseActions';
import { CASE_SCOPE } from './cases';
import { route } from './route';

const clockRoles = ['case_officer', 'task_force', 'grid_officer', 'customer_manager'] as const satisfies readonly Role[];
const ACTION_NOTE = 'The workflow decides whether the action is allowed now (e.g. only the assignee completes a task); a refusal is 409 and changes nothing.';

/** What every case action shares in the document. */
const caseAction = (roleResponses: Record<number, ResponseSpec>) => ({
  method: 'post' as const,
  tags: ['Case actions'],
  scope: `${CASE_SCOPE}. ${ACTION_NOTE}`,
  headers: IdempotencyKeyHeader,
  responses: { 200: ok('The case after the update', R.CaseView), ...actionWithBody, ...roleResponses, 404: P[404], 409: P[409], 503: P.notAnswering },
});

/** One task's completion, documented per task since each takes its own evidence. */
const completion = (slug: TaskSlug, body: typeof B.GridSubmissionEvidence | typeof B.VipChannelEvidence | typeof B.DueDiligenceEvidence, who: string) => ({
  operationId: `complete-${slug}`,
  summary: `完成任务 Complete the ${slug} task with its evidence (${who})`,
  body,
});

export const CASE_ACTION_ROUTES = [
  route({
    ...caseAction({ 403: P[403] }),
    path: '/api/v1/cases/{caseNo}/tasks/{task}/complete',
    roles: STAFF_ROLES,
    pathParams: CaseTaskParams,
    variants: {
      'grid-submission': completion('grid-submission', B.GridSubmissionEvidence, 'the assigned grid officer'),
      'bank-vip-channel': completion('bank-vip-channel', B.VipChannelEvidence, 'the assigned customer manager'),
      'due-diligence': completion('due-diligence', B.DueDiligenceEvidence, 'the assigned assessor'),
    },
    operationPerVariant: 'task',
    handler: async (c, { caseActions }) => {
      const caseNo = await caseActions.fastTrackCase(c.caller, c.path.caseNo, '完成任务', 'task completion');
      const kind = taskKind(c.path.task);
      c.res.json(await caseActions.complete(c.caller, caseNo, kind, c.bodyOf(c.path.task as TaskSlug)));
    },
  }),
  route({
    ...caseAction({ 403: P[403] }),
    operationId: 'reassignTask',
    path: '/api/v1/cases/{caseNo}/tasks/{task}/reassign',
    summary: '改派 Reassign a task',
    roles: ['case_officer', 'task_force'],
    pathParams: CaseTaskParams,
    body: B.ReassignBody,
    handler: async (c, { caseActions }) => {
      const caseNo = await caseActions.fastTrackCase(c.caller, c.path.caseNo, '改派任务', 'task reassignment');
      const kind = taskKind(c.path.task);
      c.res.json(await caseActions.reassign(c.caller, caseNo, kind, c.body()));
    },
  }),
  route({
    ...caseAction({ 403: P[403] }),
    operationId: 'pauseSla',
    path: '/api/v1/cases/{caseNo}/tasks/{task}/pause',
    summary: '暂停计时 Pause the SLA clock for a task, with a reason',
    roles: clockRoles,
    pathParams: CaseTaskParams,
    body: B.ReasonBody,
    handler: async (c, { caseActions }) => {
      const caseNo = await caseActions.fastTrackCase(c.caller, c.path.caseNo, '暂停计时', 'pausing a task clock');
      const kind = taskKind(c.path.task);
      c.res.json(await caseActions.pause(c.caller, caseNo, kind, c.body().reason));
    },
  }),
  route({
    ...caseAction({ 403: P[403] }),
    operationId: 'resumeSla',
    path: '/api/v1/cases/{caseNo}/sla/resume',
    summary: '恢复计时 Resume the paused SLA clock',
    roles: clockRoles,
    pathParams: CaseParams,
    body: B.ResumeBody,
    handler: async (c, { caseActions }) => {
      const caseNo = await caseActions.fastTrackCase(c.caller, c.path.caseNo, '恢复计时', 'resuming a task clock');
      c.res.json(await caseActions.resume(c.caller, caseNo, c.body().note));
    },
  }),
  route({
    ...caseAction({ 403: P[403] }),
    operationId: 'decide',
    path: '/api/v1/cases/{caseNo}/decision',
    summary: '授信决定 Approve or reject the credit (a sci-tech case only in MANUAL_REVIEW; the body is checked against the case’s product)',
    roles: ['credit_approver'],
    pathParams: CaseParams,
    body: B.CaseDecisionBody,
    // The body is checked against the case's own product.
    variants: { FAST_TRACK: { body: B.DecisionBody }, SCI_TECH: { body: B.SciTechDecisionBody } },
    handler: async (c, { cases, caseActions }) => {
      const { caseNo, product } = await cases.visible(c.principal, c.path.caseNo);
      c.res.json(
        product === 'SCI_TECH'
          ? await caseActions.decideSciTech(c.caller, caseNo, c.bodyOf('SCI_TECH'))
          : await caseActions.decide(c.caller, caseNo, c.bodyOf('FAST_TRACK')),
      );
    },
  }),
  route({
    ...caseAction({ 403: P[403] }),
    operationId: 'cancelContract',
    path: '/api/v1/cases/{caseNo}/contract/cancellation',
    summary: '撤销合同 The case bank’s credit approver cancels the signed contract before the money is paid; the case may then be withdrawn',
    roles: ['credit_approver'],
    pathParams: CaseParams,
    body: B.ReasonBody,
    handler: async (c, { cases, caseActions }) => {
      const { caseNo } = await cases.visible(c.principal, c.path.caseNo);
      c.res.json(await caseActions.cancelContract(c.caller, caseNo, c.body().reason));
    },
  }),
  route({
    ...caseAction({ 403: P[403] }),
    operationId: 'resolveDisbursement',
    path: '/api/v1/cases/{caseNo}/disbursement/resolution',
    summary: '处理放款差异 The case bank’s credit approver answers a payment the bank reports at another amount: accept it (CONFIRM_REPORTED) or have the bank pay again (RETRY)',
    roles: ['credit_approver'],
    pathParams: CaseParams,
    body: B.DisbursementResolutionBody,
    handler: async (c, { cases, caseActions }) => {
      const { caseNo } = await cases.visible(c.principal, c.path.caseNo);
      c.res.json(await caseActions.resolveDisbursement(c.caller, caseNo, c.body()));
    },
  }),
  route({
    ...caseAction({ 403: P[403] }),
    operationId: 'withdraw',
    path: '/api/v1/cases/{caseNo}/withdrawal',
    summary: '撤回 Withdraw the case',
    roles: ['case_officer', 'task_force'],
    pathParams: CaseParams,
    body: B.ReasonBody,
    handler: async (c, { cases, caseActions }) => {
      const { caseNo, product } = await cases.visible(c.principal, c.path.caseNo);
      c.res.json(await caseActions.withdraw(c.caller, caseNo, product, c.body().reason));
    },
  }),
];
