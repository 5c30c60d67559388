// The SDK logs each worker's state changes at INFO, and the integration tests start dozens of
// workers: keep warnings and errors only, so a failure stands out in CI's log.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
