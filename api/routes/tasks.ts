import { Router } from 'express';
import { principalOf } from '../auth/middleware';
import { parseOr422 } from '../problem';
import { TaskListQuery } from '../schemas';
import type { Services } from '../services';

export function tasksRouter({ inbox }: Pick<Services, 'inbox'>): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseOr422(TaskListQuery, req.query);
    res.json(await inbox(principalOf(req), q));
  });
  return router;
}
