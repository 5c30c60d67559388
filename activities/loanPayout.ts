import { Context } from '@temporalio/activity';
import type { BankAdapter } from './adapters';

/** After an approval: the bank signs the contract, then pays, each exactly once per case. */
export function loanPayoutActivities(bank: BankAdapter) {
  return {
    async signContract(req: Parameters<BankAdapter['signContract']>[0]) {
      return bank.signContract(req);
    },

    async disburse(req: Parameters<BankAdapter['disburse']>[0]) {
      // The bank call stops when the activity is cancelled (the worker shuts down).
      return bank.disburse(req, Context.current().cancellationSignal);
    },
  };
}
