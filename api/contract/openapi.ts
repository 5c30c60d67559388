// Builds the OpenAPI 3.1 document from the operations the route declarations document
// (api/routes). Generated, never hand-written, so it changes exactly when a zod schema or a
// route declaration does.
import { z } from 'zod';
import { B, R } from './components';
import { rolesText, type Named, type RouteSpec } from './spec';

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the per-schema `$schema`. */
export function jsonSchema(schema: z.ZodType, io: Io): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as JsonSchema;
  return rest;
}

const ref = (n: Named) => ({ $ref: `#/components/schemas/${n.name}` });

/** One OpenAPI parameter per property of an object schema (path, query or header). */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query' | 'header') {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: where,
      // Path parameters are always required in OpenAPI.
      required: where === 'path' || (s.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function operation(route: RouteSpec) {
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.headers
          ? { headers: Object.fromEntries(Object.entries(r.headers).map(([name, h]) => [name, { description: h.description, required: h.required ?? false, schema: jsonSchema(h.schema, 'output') }])) }
          : {}),
        content: Object.fromEntries(Object.entries(r.content).map(([type, body]) => [type, { schema: ref(body!) }])),
      },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [`Roles: ${rolesText(route)}.`, route.scope ? `Scope: ${route.scope.replace(/\.$/, '')}.` : ''].filter(Boolean).join('\n\n'),
    tags: route.tags,
    // Public routes opt out of the document-wide bearer requirement.
    ...(route.roles === 'public' ? { security: [] } : {}),
    'x-roles': route.roles === 'public' || route.roles === 'authenticated' ? route.roles : [...route.roles],
    parameters: [...parameters(route.pathParams, 'path'), ...parameters(route.query, 'query'), ...parameters(route.headers, 'header')],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } } : {}),
    responses,
  };
}

const built = new WeakMap<readonly RouteSpec[], JsonSchema>();

/** The document of `operations`; built once for each list (the declarations are static). */
export function openApiDocument(operations: readonly RouteSpec[]): JsonSchema {
  const done = built.get(operations);
  if (done) return done;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of operations) (paths[route.path] ??= {})[route.method] = operation(route);
  const schemas = {
    ...Object.fromEntries(Object.values(R).map((n) => [n.name, jsonSchema(n.schema, 'output')])),
    ...Object.fromEntries(Object.values(B).map((n) => [n.name, jsonSchema(n.schema, 'input')])),
  };
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Greenlane 绿色通道 API',
      version: '1',
      summary: 'Fast-track loan cases for small and micro enterprises: cases, tasks, decisions, calendar and SLA reports',
      description:
        'Errors are `application/problem+json` (RFC 9457) with a stable `type` URN; validation errors list the failing fields in `errors`. ' +
        'A caller outside an object’s scope gets 404, not 403. Every POST accepts an `Idempotency-Key`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [...new Set(operations.flatMap((r) => r.tags))].map((name) => ({ name })),
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas,
    },
  };
  built.set(operations, document);
  return document;
}
