import express, { Router } from 'express';
import { Problem, parseOr422 } from '../problem';
import { DevSignInBody } from '../schemas';
import type { Services } from '../services';

/** Public routes, mounted under /api/v1 before authentication. */
export function signInRouter({ signIn }: Pick<Services, 'signIn'>): Router {
  const router = Router();
  router.get('/sign-in/options', (_req, res) => {
    res.json(signIn.options());
  });
  router.post('/dev/sign-in', express.json({ limit: '4kb', strict: true }), async (req, res) => {
    signIn.requireDevSignIn();
    if (!req.is('application/json')) throw new Problem(415, 'unsupported-media-type', 'Send JSON', 'Content-Type must be application/json');
    const { userId } = parseOr422(DevSignInBody, req.body);
    res.json(await signIn.devSignIn(userId));
  });
  return router;
}
