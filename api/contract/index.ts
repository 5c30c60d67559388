// The API contract: what the route declarations (api/routes) document, turned into the OpenAPI
// document, its docs page and the tests' response checks. Nothing here imports a route.
export { B, P, R, actionWithBody, authed, firmCodeWithBody, keyedCreate, ok, problem, withBody } from './components';
export { conformance, type Violation } from './conformance';
export { docsPage } from './docsPage';
export { openApiDocument } from './openapi';
export { rolesText, type MediaType, type Method, type Named, type ResponseSpec, type Roles, type RouteSpec } from './spec';
