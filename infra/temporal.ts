import { Client, type Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
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
 * A connection through the SDK's native (Rust) client, sending `token` if given and taking its
 * renewals. The API's client runs on one too: a call through it costs this process about a third
 * of the CPU of one through grpc-js (BENCHMARKS.md), and every read of a case describes its
 * workflow. Whether Temporal's port has TLS is the deployment's (docs/security.md).
 */
export async function connectTemporal(address: string, token?: TemporalToken): Promise<NativeConnection> {
  if (!token) return NativeConnection.connect({ address });
  const connection = (await RenewingConnection.connect({ address, apiKey: token.current(), tls: false })) as RenewingConnection;
  connection.follow(token);
  return connection;
}

/** Takes a token's renewals until it is closed: a script may open and close several connections on one token. */
class RenewingConnection extends NativeConnection {
  private unfollow = () => {};

  follow(token: TemporalToken): void {
    this.unfollow = token.onRenewed((renewed) => void this.setApiKey(renewed));
  }

  override async close(): Promise<void> {
    this.unfollow();
    await super.close();
  }
}

/** A client on `connection` whose payloads are sealed with `keys` (config.payloadKeys). */
export const sealedClient = (connection: NativeConnection, namespace: string, keys: PayloadKeys) => new Client({ connection, namespace, dataConverter: dataConverter(keys) });

/** A client on a connection of its own (close it with `client.connection.close()`). */
export async function connectClient(address: string, namespace: string, keys: PayloadKeys, token?: TemporalToken): Promise<Client> {
  return sealedClient(await connectTemporal(address, token), namespace, keys);
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
