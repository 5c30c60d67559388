import type { Database } from '../../infra/database';
import { SandboxAssessor, type AssessorAdapter } from './assessor';
import { SandboxIpValuation, type IpValuationAdapter, type PatentValuation } from './ipValuation';
import type { BankAdapter, BankLedger } from './bank';
import { SandboxNotificationChannel, type NotificationChannel, type OutgoingMessage } from './notificationChannel';
import { SandboxBank } from './sandboxBank';
import { behaviourFromEnv } from './sandbox';
import { SandboxXinyidai, type XinyidaiAdapter } from './xinyidai';

export type { AssessorAdapter, BankAdapter, BankLedger, IpValuationAdapter, NotificationChannel, OutgoingMessage, PatentValuation, XinyidaiAdapter };
export { SandboxAssessor, SandboxBank, SandboxIpValuation, SandboxNotificationChannel, SandboxXinyidai };
export { SANDBOX_BASE_VALUATION_FEN } from './ipValuation';
export { UnknownApplicationError } from './xinyidai';
export { ContractPaidError, DisbursedAmountDiffersError, type ReportedPayment } from './bank';

/** The outside systems a case talks to; swap any of them for a real client. */
export interface Adapters {
  xinyidai: XinyidaiAdapter;
  bank: BankAdapter;
  assessor: AssessorAdapter;
  ipValuation: IpValuationAdapter;
  notifications: NotificationChannel;
}

/** Sandbox adapters, with latency/failure from GREENLANE_SANDBOX_{XINYIDAI,BANK,ASSESSOR,IP_VALUATION,NOTIFICATIONS}_{LATENCY_MS,FAILURE_RATE}. */
export function createSandboxAdapters(db: Database, env: NodeJS.ProcessEnv = process.env): Adapters {
  return {
    xinyidai: new SandboxXinyidai(behaviourFromEnv('XINYIDAI', env)),
    bank: new SandboxBank(db, behaviourFromEnv('BANK', env)),
    assessor: new SandboxAssessor(behaviourFromEnv('ASSESSOR', env)),
    ipValuation: new SandboxIpValuation(behaviourFromEnv('IP_VALUATION', env)),
    notifications: new SandboxNotificationChannel(behaviourFromEnv('NOTIFICATIONS', env)),
  };
}
