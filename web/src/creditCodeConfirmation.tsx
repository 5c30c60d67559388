// A credit code whose check character fails (early Fujian/Xiamen pilot codes) is accepted only
// once the user confirms it, as the API requires (credit-code-confirmation-required): every form
// that names a firm by its code asks the same way.
import { useState } from 'react';
import { checkCreditCode } from '../../domain/creditCode';
import { ApiError } from './api';
import { useI18n } from './i18n';

/** Whether `creditCode` needs confirming (its check fails, or the API said so), and the user's answer. */
export function useCreditCodeConfirmation(creditCode: string, error: unknown) {
  const [confirmed, setConfirmed] = useState(false);
  const check = checkCreditCode(creditCode);
  const needed = (check.ok && check.warnings.length > 0) || (error instanceof ApiError && error.slug === 'credit-code-confirmation-required');
  return {
    needed,
    confirmed,
    setConfirmed,
    /** The body's confirmCreditCodeWarnings. */
    confirms: needed && confirmed,
    /** Submitting must wait for the user's confirmation. */
    missing: needed && !confirmed,
  };
}

export function CreditCodeConfirmation({ state, touched }: { state: ReturnType<typeof useCreditCodeConfirmation>; touched: boolean }) {
  const { t } = useI18n();
  if (!state.needed) return null;
  return (
    <div className="warning">
      <p>{t('creditCodeWarning')}</p>
      <label className="check">
        <input id="confirmCreditCode" type="checkbox" checked={state.confirmed} onChange={(e) => state.setConfirmed(e.target.checked)} />
        {t('confirmCreditCode')}
      </label>
      {touched && !state.confirmed ? <span className="field-error">{t('errConfirm')}</span> : null}
    </div>
  );
}
