// 善科贷 applied for online (docs/firm.md): the firm applies itself, or submits (确认) or discards
// what its bank's customer manager prepared for it; the customer manager prepares and follows
// their bank's applications. Submitting opens the case through the officers' own path.
import { z } from 'zod';
import { B, P, R, authed, firmCodeWithBody, ok, problem } from '../contract';
import type { OpenedCase } from '../services/cases';
import { firmCaseView } from '../services/firmCases';
import { FirmApplicationParams, IdempotencyKeyHeader } from '../schemas';
import type { Response } from 'express';
import { route } from './route';

const FIRM_SCOPE = 'Applications naming the credit code in the firm’s token (claim `creditCode`); any other is 404';
const BANK_SCOPE = 'The customer manager’s own bank (the token’s), for firms of the streets where a branch of it is stationed (403 otherwise)';

const opened = {
  ...ok('The case opened, as the firm sees it. A repeat answers the same case', R.FirmCaseView),
  headers: {
    Location: { description: 'The case on the firm’s page', required: true, schema: z.string().regex(/^\/api\/v1\/firm\/cases\/GL-\d{4}-\d{6,}$/) },
    'Idempotent-Replayed': { description: '`true` when this answers a repeat of an earlier request', schema: z.literal('true') },
  },
};

/** Answers an opened case as the firm reads it, at its place on the firm's page. */
function answerOpened(res: Response, o: OpenedCase) {
  if (o.replayed) res.set('Idempotent-Replayed', 'true');
  res.status(201).location(`/api/v1/firm/cases/${o.caseNo}`).json(firmCaseView(o.view));
}

export const FIRM_APPLICATION_ROUTES = [
  route({
    operationId: 'applyAsFirm',
    method: 'post',
    path: '/api/v1/firm/applications',
    summary: '申请善科贷 The firm applies for sci-tech credit itself: its patents and figures, the bank and its street; the case opens at once',
    tags: ['Firm'],
    roles: ['firm'],
    scope: 'Under the token’s credit code only: the body names none. A code whose check character fails (early pilot) is 422 until a customer manager prepares the application',
    headers: IdempotencyKeyHeader,
    body: B.FirmApplyBody,
    responses: {
      201: opened,
      ...firmCodeWithBody,
      422: problem('Validation failed (…:validation), the credit code needs a customer manager to confirm it (…:credit-code-confirmation-required), or the Idempotency-Key was used for another body (…:idempotency-key-reused)'),
      403: P[403],
      503: P.notAnswering,
    },
    handler: async (c, { firmApplications }) => {
      answerOpened(c.res, await firmApplications.apply(c.caller, c.body(), c.req.body));
    },
  }),
  route({
    operationId: 'listFirmApplications',
    method: 'get',
    path: '/api/v1/firm/applications',
    summary: '待确认的申请 Applications the firm’s customer managers prepared for it, newest first, with what became of each',
    tags: ['Firm'],
    roles: ['firm'],
    scope: FIRM_SCOPE,
    responses: { 200: ok('The applications', R.FirmApplicationList), ...authed, 403: P[403] },
    audit: { action: 'FIRM_APPLICATION_LIST_READ', subject: () => 'firm/applications' },
    handler: async (c, { firmApplications }) => {
      c.res.json(await firmApplications.listForFirm(c.caller));
    },
  }),
  route({
    operationId: 'submitFirmApplication',
    method: 'post',
    path: '/api/v1/firm/applications/{id}/submit',
    summary: '确认提交 The firm submits the application prepared for it: its case opens, recording the customer manager who guided it',
    tags: ['Firm'],
    roles: ['firm'],
    scope: `${FIRM_SCOPE}. A submitted or discarded application is 409`,
    pathParams: FirmApplicationParams,
    responses: {
      201: opened,
      ...authed,
      400: P.badPath,
      403: P[403],
      404: P[404],
      409: problem('Submitted already (…:application-submitted, `detail` names the case), discarded (…:application-discarded), or no longer meeting today’s rules (…:application-outdated, `errors` names the fields): the customer manager prepares it again'),
      422: P[422],
      503: P.notAnswering,
    },
    handler: async (c, { firmApplications }) => {
      answerOpened(c.res, await firmApplications.submit(c.caller, c.path.id));
    },
  }),
  route({
    operationId: 'discardFirmApplication',
    method: 'post',
    path: '/api/v1/firm/applications/{id}/discard',
    summary: '放弃 The firm discards an application prepared for it; nothing opens',
    tags: ['Firm'],
    roles: ['firm'],
    scope: `${FIRM_SCOPE}. Only a draft can be discarded (409 otherwise)`,
    pathParams: FirmApplicationParams,
    responses: {
      200: ok('The application, discarded', R.FirmApplicationView),
      ...authed,
      400: P.badPath,
      403: P[403],
      404: P[404],
      409: problem('Submitted (…:application-submitted), being submitted (…:application-submitting) or discarded already (…:application-discarded)'),
    },
    handler: async (c, { firmApplications }) => {
      c.res.json(await firmApplications.discard(c.caller, c.path.id));
    },
  }),
  route({
    operationId: 'prepareFirmApplication',
    method: 'post',
    path: '/api/v1/firm-applications',
    summary: '代客准备申请 A customer manager prepares a firm’s 善科贷 application for their bank; the firm reviews and submits it on its own page',
    tags: ['Firm'],
    roles: ['customer_manager'],
    scope: BANK_SCOPE,
    headers: IdempotencyKeyHeader,
    body: B.PreparedApplicationBody,
    responses: {
      201: ok('Prepared. A repeat with the same Idempotency-Key and body answers the same application', R.FirmApplicationView),
      ...firmCodeWithBody,
      403: P[403],
      409: problem('A repeat of the request is preparing it now (…:application-in-progress)'),
    },
    handler: async (c, { firmApplications }) => {
      const prepared = await firmApplications.prepare(c.caller, c.body(), c.req.body);
      if (!prepared.created) c.res.set('Idempotent-Replayed', 'true');
      c.res.status(201).json(prepared.view);
    },
  }),
  route({
    operationId: 'listBankFirmApplications',
    method: 'get',
    path: '/api/v1/firm-applications',
    summary: '已准备的申请 The applications the customer manager’s bank prepared, newest first: which the firms submitted, and their cases',
    tags: ['Firm'],
    roles: ['customer_manager'],
    scope: 'The customer manager’s own bank',
    responses: { 200: ok('The applications', R.FirmApplicationList), ...authed, 403: P[403] },
    audit: { action: 'FIRM_APPLICATION_LIST_READ', subject: () => 'firm-applications' },
    handler: async (c, { firmApplications }) => {
      c.res.json(await firmApplications.listForBank(c.caller));
    },
  }),
];
