// Streets, banks and branches a case can name.
import type { Database } from '../../infra/database';
import { BANK_INCLUDE, bankView } from './surveyNetwork';

export function referenceData(db: Database) {
  return {
    streets: async () => ({ items: await db.street.findMany({ orderBy: { code: 'asc' } }) }),
    banks: async () => ({ items: (await db.bank.findMany({ orderBy: { code: 'asc' }, include: BANK_INCLUDE })).map(bankView) }),
  };
}

/** Why `code` cannot be named by something new (a case, a plan): unknown, or retired; undefined when it can. */
export function bankRefusal(bank: { retiredAt: Date | string | null } | null, code: string): string | undefined {
  if (!bank) return `unknown bank '${code}'; see GET /api/v1/banks`;
  if (bank.retiredAt) return `bank '${code}' is retired; see GET /api/v1/banks`;
  return undefined;
}
