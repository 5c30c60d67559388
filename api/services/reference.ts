// Streets, banks and branches a case can name.
import type { Database } from '../../infra/database';

export function referenceData(db: Database) {
  return {
    streets: async () => ({ items: await db.street.findMany({ orderBy: { code: 'asc' } }) }),
    banks: async () => ({ items: await db.bank.findMany({ orderBy: { code: 'asc' }, include: { branches: { orderBy: { code: 'asc' } } } }) }),
  };
}
