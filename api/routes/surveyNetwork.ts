// The survey network (api/services/surveyNetwork.ts): banks' branches and the streets they are
// stationed at, communities, commercial buildings and visiting teams. Read by everyone who works
// the survey or the cases; maintained by the task force (its survey group too) and operators.
import type { z } from 'zod';
import type { Role } from '../../domain/people';
import { NETWORK_KEEPERS } from '../../domain/surveyNetwork';
import { B, P, R, authed, ok, problem, withBody, type Named, type ResponseSpec } from '../contract';
import { BranchParams, IdempotencyKeyHeader, NetworkCodeParams, SurveyNetworkQuery } from '../schemas';
import type { Caller, Services } from '../services';
import { route } from './route';

/** Everyone but the assessor, whose work is one case's due diligence. */
export const SURVEY_READERS = [
  'case_officer',
  'grid_officer',
  'customer_manager',
  'credit_approver',
  'task_force',
  'manager',
  'operator',
  'visit_team_member',
  'community_coordinator',
  'survey_officer',
] as const satisfies readonly Role[];

const KEEPING = 'A PUT creates the entry or changes it (201 or 200); an entry is never deleted, `retired: true` takes it out of use while what names it still reads it. Every change is audited.';

interface PutDef<P extends z.ZodType, N extends Named> {
  operationId: string;
  path: string;
  summary: string;
  pathParams: P;
  body: N;
  view: Named;
  /** What the 409 refuses. */
  conflicts: string;
  /** What must exist around the entry (a branch's bank): 404 when it does not. */
  in404?: string;
}

type Network = Services['surveyNetwork'];

/** A PUT of one network entry by its code: 201 when it creates the entry, 200 when it changes it. */
function put<P extends z.ZodType, N extends Named>(
  d: PutDef<P, N>,
  perform: (network: Network, caller: Caller, params: z.output<P>, body: z.output<N['schema']>) => Promise<{ created: boolean; view: unknown }>,
) {
  return route({
    operationId: d.operationId,
    method: 'put',
    path: d.path,
    summary: d.summary,
    tags: ['Survey network'],
    roles: NETWORK_KEEPERS,
    scope: KEEPING,
    pathParams: d.pathParams,
    headers: IdempotencyKeyHeader,
    body: d.body,
    responses: <Record<number, ResponseSpec>>{
      200: ok('Changed', d.view),
      201: ok('Created', d.view),
      ...withBody,
      403: P[403],
      ...(d.in404 ? { 404: problem(`No such ${d.in404} (…:not-found)`) } : {}),
      409: problem(`The change would break what names the entry (…:network-conflict): ${d.conflicts}`),
    },
    handler: async (c, { surveyNetwork }) => {
      const r = await perform(surveyNetwork, c.caller, c.params() as z.output<P>, c.body() as z.output<N['schema']>);
      c.res.status(r.created ? 201 : 200).json(r.view);
    },
  });
}

export const SURVEY_NETWORK_ROUTES = [
  route({
    operationId: 'getSurveyNetwork',
    method: 'get',
    path: '/api/v1/survey-network',
    summary: '摸排网络 Communities with their visiting teams (street + bank + property management) and commercial buildings',
    tags: ['Survey network'],
    roles: SURVEY_READERS,
    query: SurveyNetworkQuery,
    responses: { 200: ok('The network, retired entries marked', R.SurveyNetwork), ...authed, 403: P[403], 422: P[422] },
    handler: async (c, { surveyNetwork }) => {
      c.res.json(await surveyNetwork.network(c.query().street));
    },
  }),
  put(
    { operationId: 'putBank', path: '/api/v1/banks/{code}', summary: '银行 Create or change a bank', pathParams: NetworkCodeParams, body: B.BankBody, view: R.BankView, conflicts: 'a bank with branches in use cannot retire' },
    (n, caller, { code }, body) => n.putBank(caller, code, body),
  ),
  route({
    operationId: 'importBanks',
    method: 'post',
    path: '/api/v1/bank-imports',
    summary: '银行及网点导入 Load banks and their branches (with the streets each is stationed at) from a CSV, each row by its PUT’s rules',
    tags: ['Survey network'],
    roles: NETWORK_KEEPERS,
    scope:
      'Rows in order, one transaction: a bank row (no branch) as PUT /banks/{code}, a branch row as PUT /banks/{bank}/branches/{code} (its bank in an earlier row or already there). All or nothing unless skipBadRows; a row that says what is there changes nothing. Each change audited as its PUT',
    headers: IdempotencyKeyHeader,
    body: B.BankImportBody,
    responses: {
      200: ok('Imported: what each row did, and the rows skipped', R.BankImportView),
      ...withBody,
      422: problem('The header names an unknown column or lacks bank, nameZh or nameEn, or a row breaks its PUT’s schema or rules (field rows.N.column, or rows.N for a conflict such as retiring a bank with branches in use); nothing is written unless skipBadRows (…:validation)'),
      403: P[403],
    },
    handler: async (c, { surveyNetwork }) => {
      c.res.json(await surveyNetwork.importBanks(c.caller, c.body()));
    },
  }),
  put(
    {
      operationId: 'putBankBranch',
      path: '/api/v1/banks/{bank}/branches/{code}',
      summary: '银行网点 Create or change a branch and the streets it is stationed at (its bank then sees their visit lists)',
      pathParams: BranchParams,
      body: B.BranchBody,
      view: R.BranchView,
      conflicts: 'a branch stays with its bank, and a retired bank takes no branch in use',
      in404: 'bank',
    },
    (n, caller, { bank, code }, body) => n.putBranch(caller, bank, code, body),
  ),
  put(
    {
      operationId: 'putCommunity',
      path: '/api/v1/survey-network/communities/{code}',
      summary: '社区 Create or change a community of a street',
      pathParams: NetworkCodeParams,
      body: B.CommunityBody,
      view: R.CommunityView,
      conflicts: 'a community never moves street, and retires only once its teams and buildings have',
    },
    (n, caller, { code }, body) => n.putCommunity(caller, code, body),
  ),
  put(
    {
      operationId: 'putBuilding',
      path: '/api/v1/survey-network/buildings/{code}',
      summary: '商务楼宇 Create or change a commercial building and the team whose visit list it is on',
      pathParams: NetworkCodeParams,
      body: B.BuildingBody,
      view: R.BuildingView,
      conflicts: 'a building never moves community, and its team walks that community and is in use',
    },
    (n, caller, { code }, body) => n.putBuilding(caller, code, body),
  ),
  put(
    {
      operationId: 'putVisitTeam',
      path: '/api/v1/survey-network/teams/{code}',
      summary: '走访小组 Create or change a three-person visiting team (street + bank + property management)',
      pathParams: NetworkCodeParams,
      body: B.TeamBody,
      view: R.TeamView,
      conflicts: 'a team never moves community, and retires only once no building is on its list',
    },
    (n, caller, { code }, body) => n.putTeam(caller, code, body),
  ),
];
