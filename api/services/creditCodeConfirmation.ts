// A credit code whose check characters fail (codes legally issued in the early Fujian/Xiamen
// pilot do) opens nothing until an officer confirms it against the business licence: one rule
// for a single case and for every firm of a consultation batch. The override is audited where
// the firm's record is written (activities/caseRecords.ts, activities/consultations.ts).
import type { CreditCodeWarning } from '../../domain/creditCode';
import { Problem, type FieldError } from '../problem';

export interface FirmCode {
  /** The request field naming the code, e.g. `creditCode` or `firms.3.creditCode`. */
  field: string;
  creditCode: { code: string; warnings: CreditCodeWarning[] };
  confirmed: boolean;
}

/** 422 credit-code-confirmation-required naming every code that fails and is not confirmed. */
export function requireCreditCodeConfirmation(firms: readonly FirmCode[]): void {
  const unconfirmed = firms.filter((f) => f.creditCode.warnings.length > 0 && !f.confirmed);
  if (unconfirmed.length === 0) return;
  const errors: FieldError[] = unconfirmed.map((f) => ({ field: f.field, message: `fails ${f.creditCode.warnings.join(', ')}` }));
  const codes = unconfirmed.map((f) => `${f.creditCode.code} fails ${f.creditCode.warnings.join(' and ')}`).join('; ');
  throw new Problem(
    422,
    'credit-code-confirmation-required',
    'The credit code needs an officer to confirm it',
    `${codes}; codes from the early Fujian/Xiamen pilot can, so resend with "confirmCreditCodeWarnings": true ${unconfirmed.length > 1 || unconfirmed[0]!.field !== 'creditCode' ? 'on each such firm ' : ''}after checking the business licence`,
    errors,
  );
}
