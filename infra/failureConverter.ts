// Loaded by path (the worker bundles it into the workflows' sandbox): failures' messages and
// stack traces travel inside an encoded-attributes payload, which the payload codec encrypts, so
// an error quoting a firm's data is not stored in clear.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
