// What the document says of one operation. The route declarations (api/routes) are where
// operations come from; this module only names their documented parts, so the contract needs
// nothing of the routes to describe, render or check them.
import type { z } from 'zod';
import type { Role } from '../../domain/people';

export type Method = 'get' | 'post' | 'put';
export type MediaType = 'application/json' | 'application/problem+json' | 'text/csv' | 'text/html' | 'text/plain';

/** A schema with the name it has under components.schemas. */
export interface Named<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
}

export interface ResponseSpec {
  description: string;
  content: Partial<Record<MediaType, Named>>;
  /** Response headers; `required` ones are checked on every such response in the tests. */
  headers?: Record<string, { description: string; required?: boolean; schema: z.ZodType }>;
}

/** `public`: no token; `authenticated`: any role; else the roles the route admits. */
export type Roles = 'public' | 'authenticated' | readonly Role[];

/** One operation of the document. */
export interface RouteSpec {
  operationId: string;
  method: Method;
  /** OpenAPI style: /api/v1/cases/{caseNo}. */
  path: string;
  summary: string;
  tags: string[];
  roles: Roles;
  /** Which objects the caller may touch within those roles. */
  scope?: string;
  pathParams?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: Named;
  responses: Record<number, ResponseSpec>;
}

/** Human text for a route's roles, for the document and the docs page. */
export function rolesText(route: Pick<RouteSpec, 'roles'>): string {
  if (route.roles === 'public') return 'public (no token)';
  if (route.roles === 'authenticated') return 'any authenticated role';
  return route.roles.join(', ');
}
