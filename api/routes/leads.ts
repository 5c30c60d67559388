// Leads (线索, api/services/leads.ts): a need a visit found, with an owner and a first-contact
// clock; converted in one action into a case (or a refused firm's joint consultation) or closed.
import { LEAD_ACTIONS, LEAD_OWNER_ROLES } from '../../domain/lead/policy';
import { B, P, R, authed, ok } from '../contract';
import { LeadParams, LeadsQuery } from '../schemas';
import type { Services } from '../services';
import { route } from './route';
import { workflowActions } from './workflowAction';
import { SURVEY_READERS } from './surveyNetwork';

const SCOPE =
  'Leads where the need was found within the caller’s reach: a team member’s team, a community coordinator’s community, case and grid officers’ street, the streets a bank’s branches are stationed at, the district for the task force (its survey group too), managers and operators; others get 404';
const RULES = 'The workflow decides whether the action is allowed now and by whom (the owner, the lead’s street office, the task force); a refusal is 409 and changes nothing.';

const action = workflowActions<Services['leads']>({
  base: '/api/v1/leads/{id}',
  noun: 'lead',
  tag: 'Leads',
  scope: `${SCOPE}. ${RULES}`,
  pathParams: LeadParams,
  view: R.LeadView,
  refusals: 'The lead refused the action (…:update-rejected) or has ended (…:lead-closed)',
  service: (s) => s.leads,
});

export const LEAD_ROUTES = [
  route({
    operationId: 'listLeads',
    method: 'get',
    path: '/api/v1/leads',
    summary: '线索列表 Leads within the caller’s reach, newest first: owner, first-contact clock, what each became',
    tags: ['Leads'],
    roles: SURVEY_READERS,
    scope: SCOPE.replace('; others get 404', ''),
    query: LeadsQuery,
    responses: { 200: ok('The leads', R.LeadList), ...authed, 403: P[403], 422: P[422] },
    audit: { action: 'LEAD_LIST_READ', subject: () => 'leads' },
    handler: async (c, { leads }) => {
      c.res.json(await leads.list(c.principal, c.query()));
    },
  }),
  route({
    operationId: 'getLead',
    method: 'get',
    path: '/api/v1/leads/{id}',
    summary: '线索详情 A lead with its timeline',
    tags: ['Leads'],
    roles: SURVEY_READERS,
    scope: SCOPE,
    pathParams: LeadParams,
    responses: { 200: ok('The lead', R.LeadView), ...authed, 400: P.badPath, 403: P[403], 404: P[404] },
    audit: { action: 'LEAD_READ', subject: (path) => `lead:${path.id}` },
    handler: async (c, { leads }) => {
      c.res.json(await leads.view(await leads.visibleId(c.principal, c.path.id)));
    },
  }),
  action('recordLeadContact', '/contact', '首次联系 First contact with the firm made: the clock stops', LEAD_OWNER_ROLES, B.LeadContactBody, (s) => s.recordContact),
  action(
    'convertLead',
    '/convert',
    '转为案件 Convert into a fast-track or sci-tech case, pre-filled from the need and firm (a firm a bank refused goes to the joint consultation instead)',
    LEAD_ACTIONS.convert.roles,
    B.LeadConvertBody,
    (s) => s.convert,
  ),
  action('closeLead', '/close', '关闭线索 Close the lead with a reason', LEAD_OWNER_ROLES, B.LeadCloseBody, (s) => s.close),
  action('reassignLead', '/reassign', '改派 Give the lead another owner', LEAD_ACTIONS.reassign.roles, B.LeadReassignBody, (s) => s.reassign),
];
