// The one data converter of every Temporal client and worker: the API, the worker, the scripts,
// the maintenance tools and the tests all build theirs here, so none stores firm data in clear.
import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec, DEVELOPMENT_PAYLOAD_KEYS, parsePayloadKeys, type PayloadKeys } from './payloadCodec';

/** The workflow bundle must carry the same failure converter (bundleWorkflowCode's option). */
export const FAILURE_CONVERTER_PATH = require.resolve('./failureConverter');

export function dataConverter(keys: PayloadKeys): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** Development and tests: the published development key (infra/payloadCodec.ts). */
export const developmentDataConverter = (): DataConverter => dataConverter(parsePayloadKeys(DEVELOPMENT_PAYLOAD_KEYS));
