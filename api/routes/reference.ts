import { Router } from 'express';
import type { Services } from '../services';

/** Streets, banks and branches a case can name. */
export function referenceRouter({ reference }: Pick<Services, 'reference'>): Router {
  const router = Router();
  router.get('/streets', async (_req, res) => {
    res.json(await reference.streets());
  });
  router.get('/banks', async (_req, res) => {
    res.json(await reference.banks());
  });
  return router;
}
