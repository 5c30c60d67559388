import { Router, type Request } from 'express';
import { principalOf } from '../auth/middleware';
import { parseOr422 } from '../problem';
import { FirmListQuery } from '../schemas';
import type { Services } from '../services';

/** Firms, seen through their cases: a firm is visible to whoever may see one of its cases. */
export function firmsRouter({ firms }: Pick<Services, 'firms'>): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await firms.list(principalOf(req), parseOr422(FirmListQuery, req.query)));
  });
  router.get('/:creditCode', async (req: Request<{ creditCode: string }>, res) => {
    res.json(await firms.get(principalOf(req), req.params.creditCode));
  });
  return router;
}
