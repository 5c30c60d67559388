import { ApplicationFailure } from '@temporalio/activity';
import { UnknownApplicationError, type Adapters, type BankAdapter } from './adapters';

/** The three parallel branches' confirmations from the outside systems, each call idempotent per case. */
export function branchWorkActivities({ xinyidai, bank, assessor }: Adapters) {
  return {
    async confirmGridSubmission(req: { caseNo: string; applicationNo: string; creditCode: string }) {
      try {
        return await xinyidai.confirmApplication(req);
      } catch (err) {
        // Retrying cannot make an unknown application appear: tell the officer now.
        if (err instanceof UnknownApplicationError) throw ApplicationFailure.nonRetryable(err.message, 'UnknownApplication');
        throw err;
      }
    },

    async dockVipChannel(req: Parameters<BankAdapter['dockVipChannel']>[0]) {
      return bank.dockVipChannel(req);
    },

    async fileDueDiligenceReport(req: { caseNo: string; reportNo: string; riskRating: string; summary: string }) {
      return assessor.fileReport(req);
    },
  };
}
