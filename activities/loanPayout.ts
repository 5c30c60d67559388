import { ApplicationFailure, Context } from '@temporalio/activity';
import { ContractPaidError, DisbursedAmountDiffersError, type BankAdapter, type ReportedPayment } from './adapters';
import { DISBURSED_AMOUNT_DIFFERS } from '../domain/disbursementHold';

/** Final, with the bank's report as details: a person decides what follows (contractThenDisburse). */
export function disbursedAmountDiffers(message: string, reported: ReportedPayment): ApplicationFailure {
  return ApplicationFailure.create({ message, type: DISBURSED_AMOUNT_DIFFERS, nonRetryable: true, details: [reported] });
}

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
      try {
        return await bank.disburse(req, Context.current().cancellationSignal);
      } catch (err) {
        if (err instanceof DisbursedAmountDiffersError) throw disbursedAmountDiffers(err.message, err.reported);
        throw err;
      }
    },
  };
}
