import { Client, Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { ALL_SEARCH_ATTRIBUTES } from '../workflows/searchAttributes';
import { dataConverter } from './dataConverter';
import type { PayloadKeys } from './payloadCodec';
import type { TemporalToken } from './temporalToken';

const INDEXED_TYPE: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  TEXT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  KEYWORD: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  DOUBLE: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * The bearer token a connection sends, read at each call so renewals take effect. The SDK assumes
 * TLS when given a token; whether Temporal's port has TLS is the deployment's (docs/security.md).
 */
export const bearer = (token: TemporalToken | undefined) => (token ? { apiKey: () => token.current(), tls: false as const } : {});

/** A client whose payloads are sealed with `keys` (config.payloadKeys), sending `token` if given. */
export async function connectClient(address: string, namespace: string, keys: PayloadKeys, token?: TemporalToken): Promise<Client> {
  const connection = await Connection.connect({ address, ...bearer(token) });
  return new Client({ connection, namespace, dataConverter: dataConverter(keys) });
}

/** Registers Greenlane's custom search attributes; a second call changes nothing. */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = ALL_SEARCH_ATTRIBUTES.filter((k) => !(k.name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((k) => [k.name, INDEXED_TYPE[k.type]])),
  });
  return missing.map((k) => k.name);
}
