import express from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../infra/database';
import { authenticate } from './auth/middleware';
import type { VerifyToken } from './auth/verifier';
import { codecServer, type CodecServerOptions } from './codecServer';
import { operations, type OpsOptions } from './ops';
import { Problem, notFound, problemHandler } from './problem';
import { OPERATIONS, ROUTES, mountRoutes } from './routes';
import { createServices } from './services';
import type { SignInOptions } from './services/signIn';
import { consoleStatic } from './static';

export interface AppDeps {
  db: Database;
  client: Client;
  taskQueue: string;
  namespace: string;
  temporalUiUrl: string;
  verify: VerifyToken;
  /** Logger, metrics registry and rate limit; production-like defaults. */
  ops?: OpsOptions;
  /** Development sign-in and the console's OIDC provider; absent: neither. */
  signIn?: SignInOptions;
  /** The built browser console (web/dist), served at `/`; absent: the API only. */
  consoleDir?: string;
  /** The codec server for Temporal UI at /codec (api/codecServer.ts); absent: none. */
  codec?: Omit<CodecServerOptions, 'verify' | 'db'>;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const ops = operations(app, deps.ops);
  const services = createServices({ ...deps, operations: OPERATIONS, metrics: ops.metrics });
  app.use(ops.first);

  // Public routes, before authentication: liveness and readiness, the contract and its docs page,
  // and sign-in. (Metrics are under /api/v1, for operators.)
  mountRoutes(app.router, ROUTES.filter((r) => r.roles === 'public'), services);

  const api = express.Router();
  api.use(authenticate(deps.verify));
  api.use(ops.rateLimit);
  api.use(express.json({ limit: '64kb', strict: true }));
  api.use((req, _res, next) => {
    // A body that is not JSON would otherwise reach validation as `undefined`. An empty one goes
    // on: an action that takes none (acknowledging a notification) needs no Content-Type, and a
    // route that takes a body answers 422 without it.
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
      throw new Problem(415, 'unsupported-media-type', 'Send JSON', 'Content-Type must be application/json');
    }
    next();
  });
  mountRoutes(api, ROUTES.filter((r) => r.roles !== 'public'), services, '/api/v1');
  app.use('/api/v1', api);
  if (deps.codec) app.use('/codec', codecServer({ ...deps.codec, verify: deps.verify, db: deps.db }));
  if (deps.consoleDir) app.use(consoleStatic(deps.consoleDir, deps.signIn?.oidc ? [new URL(deps.signIn.oidc.issuer).origin] : []));

  app.use(notFound);
  app.use(problemHandler);
  return app;
}
