// The published contract: the OpenAPI document of the operations the routes declare, and its page.
import { docsPage, openApiDocument, type RouteSpec } from '../contract';

export function publishedContract(operations: readonly RouteSpec[]) {
  const document = () => openApiDocument(operations);
  return { document, page: () => docsPage(document()) };
}
