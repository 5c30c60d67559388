import { Router } from 'express';
import type { Database } from '../../infra/database';

/** Streets, banks and branches a case can name. */
export function referenceRouter(db: Database): Router {
  const router = Router();
  router.get('/streets', async (_req, res) => {
    res.json({ items: await db.street.findMany({ orderBy: { code: 'asc' } }) });
  });
  router.get('/banks', async (_req, res) => {
    const banks = await db.bank.findMany({ orderBy: { code: 'asc' }, include: { branches: { orderBy: { code: 'asc' } } } });
    res.json({ items: banks });
  });
  return router;
}
