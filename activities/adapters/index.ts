import type { Database } from '../../infra/database';
import { SandboxAssessor, type AssessorAdapter } from './assessor';
import type { BankAdapter, BankLedger } from './bank';
import { SandboxBank } from './sandboxBank';
import { behaviourFromEnv } from './sandbox';
import { SandboxXinyidai, type XinyidaiAdapter } from './xinyidai';

export type { AssessorAdapter, BankAdapter, BankLedger, XinyidaiAdapter };
export { SandboxAssessor, SandboxBank, SandboxXinyidai };
export { UnknownApplicationError } from './xinyidai';

/** The outside systems a case talks to; swap any of them for a real client. */
export interface Adapters {
  xinyidai: XinyidaiAdapter;
  bank: BankAdapter;
  assessor: AssessorAdapter;
}

/** Sandbox adapters, with latency/failure from GREENLANE_SANDBOX_{XINYIDAI,BANK,ASSESSOR}_{LATENCY_MS,FAILURE_RATE}. */
export function createSandboxAdapters(db: Database, env: NodeJS.ProcessEnv = process.env): Adapters {
  return {
    xinyidai: new SandboxXinyidai(behaviourFromEnv('XINYIDAI', env)),
    bank: new SandboxBank(db, behaviourFromEnv('BANK', env)),
    assessor: new SandboxAssessor(behaviourFromEnv('ASSESSOR', env)),
  };
}
