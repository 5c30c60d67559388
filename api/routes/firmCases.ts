// The firm's own page (企业端): its cases by its credit code, each with where it stands in plain
// words (api/services/firmCases.ts). Staff read cases at /api/v1/cases, which a firm may not use.
import { B, P, R, actionWithBody, authed, ok } from '../contract';
import { firmCaseView } from '../services/firmCases';
import { CaseParams, IdempotencyKeyHeader } from '../schemas';
import { route } from './route';

const FIRM_SCOPE = 'The cases of the credit code in the firm’s token (claim `creditCode`)';

export const FIRM_CASE_ROUTES = [
  route({
    operationId: 'listFirmCases',
    method: 'get',
    path: '/api/v1/firm/cases',
    summary: '我的申请 The firm’s own cases, newest first: each stage, what it waits for and from whom, the promised date',
    tags: ['Firm'],
    roles: ['firm'],
    scope: FIRM_SCOPE,
    responses: { 200: ok('The firm’s cases', R.FirmCaseList), ...authed, 403: P[403] },
    audit: { action: 'FIRM_CASE_LIST_READ', subject: () => 'firm/cases' },
    handler: async (c, { firmCases }) => {
      c.res.json(await firmCases.list(c.caller));
    },
  }),
  route({
    operationId: 'getFirmCase',
    method: 'get',
    path: '/api/v1/firm/cases/{caseNo}',
    summary: '申请进度 One of the firm’s cases',
    tags: ['Firm'],
    roles: ['firm'],
    scope: `${FIRM_SCOPE}; any other case is 404`,
    pathParams: CaseParams,
    responses: { 200: ok('The case, as the firm sees it', R.FirmCaseView), ...authed, 400: P.badPath, 403: P[403], 404: P[404] },
    audit: { action: 'FIRM_CASE_READ', subject: (path) => `case:${path.caseNo}` },
    handler: async (c, { firmCases }) => {
      c.res.json(await firmCases.get(c.caller, c.path.caseNo));
    },
  }),
  route({
    operationId: 'answerFirmMaterials',
    method: 'post',
    path: '/api/v1/firm/cases/{caseNo}/materials',
    summary: '补充材料 The firm answers the materials its paused case waits for (what it says and the documents it sent): the clock resumes',
    tags: ['Firm'],
    roles: ['firm'],
    scope: `${FIRM_SCOPE}; any other case is 404. The workflow accepts the answer only from the case’s own firm and only while its clock waits for materials; a refusal is 409 and changes nothing.`,
    pathParams: CaseParams,
    headers: IdempotencyKeyHeader,
    body: B.FirmMaterialsBody,
    responses: { 200: ok('The case after the answer', R.FirmCaseView), ...actionWithBody, 403: P[403], 404: P[404], 409: P[409], 503: P.notAnswering },
    handler: async (c, { caseActions }) => {
      const caseNo = await caseActions.fastTrackCase(c.caller, c.path.caseNo, '补充材料', 'answering a materials request');
      c.res.json(firmCaseView(await caseActions.answerMaterials(c.caller, caseNo, c.body())));
    },
  }),
  route({
    operationId: 'confirmFirmContract',
    method: 'post',
    path: '/api/v1/firm/cases/{caseNo}/contract-confirmation',
    summary: '确认合同 The firm confirms the approved contract terms (amount, rate and term as its page showed them): the bank then signs and pays',
    tags: ['Firm'],
    roles: ['firm'],
    scope: `${FIRM_SCOPE}; any other case is 404. The workflow accepts the confirmation only from the case’s own firm, only while the case waits for it, and only for the terms as approved (a page showing other terms is refused, to be reloaded); a refusal is 409 and changes nothing.`,
    pathParams: CaseParams,
    headers: IdempotencyKeyHeader,
    body: B.FirmContractConfirmationBody,
    responses: { 200: ok('The case after the confirmation', R.FirmCaseView), ...actionWithBody, 403: P[403], 404: P[404], 409: P[409], 503: P.notAnswering },
    handler: async (c, { cases, caseActions }) => {
      const { caseNo } = await cases.visible(c.principal, c.path.caseNo);
      c.res.json(firmCaseView(await caseActions.confirmContract(c.caller, caseNo, c.body())));
    },
  }),
];
