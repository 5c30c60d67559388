// A person's action on a workflow-backed record (a consultation, a lead): POST <base>/{id}<path>
// under an Idempotency-Key, the scope checked first (404 outside it), then the body, then the
// workflow's update; its validators refuse with 409. Each family states its base path, scope,
// view and refusals once.
import type { z } from 'zod';
import type { Principal, Role } from '../../domain/people';
import { P, actionWithBody, ok, problem, type Named } from '../contract';
import { IdempotencyKeyHeader } from '../schemas';
import type { Caller, Services } from '../services';
import { route } from './route';

export interface ActionFamily<T extends { visibleId(p: Principal, id: string): Promise<string> }> {
  /** e.g. /api/v1/leads/{id} */
  base: string;
  /** What the 200 answers: 'The <noun> after the update'. */
  noun: string;
  tag: string;
  scope: string;
  pathParams: z.ZodType;
  view: Named;
  /** The 409's description: the workflow refused, or has ended. */
  refusals: string;
  service(services: Services): T;
}

/** The family's action declarer: action(operationId, path, summary, roles, body, perform). */
export const workflowActions = <T extends { visibleId(p: Principal, id: string): Promise<string> }>(family: ActionFamily<T>) =>
  function action<N extends Named>(
    operationId: string,
    path: string,
    summary: string,
    roles: readonly Role[],
    body: N,
    perform: (service: T) => (caller: Caller, id: string, body: z.output<N['schema']>) => Promise<unknown>,
  ) {
    return route({
    operationId,
    method: 'post',
    path: `${family.base}${path}`,
    summary,
    tags: [family.tag],
    roles,
    scope: family.scope,
    pathParams: family.pathParams,
    headers: IdempotencyKeyHeader,
    body,
    responses: {
      200: ok(`The ${family.noun} after the update`, family.view),
      ...actionWithBody,
      403: P[403],
      404: P[404],
      409: problem(family.refusals),
      503: P.notAnswering,
    },
    handler: async (c, services) => {
      const s = family.service(services);
      const id = await s.visibleId(c.principal, c.path.id!);
      c.res.json(await perform(s)(c.caller, id, c.body() as z.output<N['schema']>));
    },
  });
  };
