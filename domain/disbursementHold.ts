// A payment the bank reports at another amount than approved is never retried on its own: it is
// held for the case bank's credit approver, who answers with one of these.
/** CONFIRM_REPORTED: the bank's reported payment is the disbursement; RETRY: ask the bank to pay again. */
export const DISBURSEMENT_RESOLUTIONS = ['CONFIRM_REPORTED', 'RETRY'] as const;
export type DisbursementResolution = (typeof DISBURSEMENT_RESOLUTIONS)[number];

/** The payment the bank holds under a case's key, as it reports it. */
export interface ReportedPayment {
  reference: string;
  amountFen: number;
  paidAt: string;
}

/** The failure type of a payment the bank reports at another amount: the workflow holds it for a person. */
export const DISBURSED_AMOUNT_DIFFERS = 'DisbursedAmountDiffers';
