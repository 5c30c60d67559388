import { ApplicationFailure, Context } from '@temporalio/activity';
import { ContractPaidError, type BankAdapter } from './adapters';

/** After an approval: the bank signs the contract, then pays, each exactly once per case; until it pays, it may cancel. */
export function loanPayoutActivities(bank: BankAdapter) {
  return {
    async signContract(req: Parameters<BankAdapter['signContract']>[0]) {
      return bank.signContract(req);
    },

    async cancelContract(req: Parameters<BankAdapter['cancelContract']>[0]) {
      try {
        return await bank.cancelContract(req);
      } catch (err) {
        // Final: the approver who asked hears the bank's reason at once.
        if (err instanceof ContractPaidError) throw ApplicationFailure.nonRetryable(err.message, 'ContractPaid');
        throw err;
      }
    },

    async disburse(req: Parameters<BankAdapter['disburse']>[0]) {
      // The bank call stops when the activity is cancelled (the worker shuts down).
      return bank.disburse(req, Context.current().cancellationSignal);
    },
  };
}
