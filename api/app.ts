import express from 'express';
import type { Client } from '@temporalio/client';
import type { Database } from '../infra/database';
import { authenticate } from './auth/middleware';
import type { VerifyToken } from './auth/verifier';
import { contractRouter } from './contract';
import { operations, type OpsOptions } from './ops';
import { Problem, notFound, problemHandler } from './problem';
import { calendarRouter } from './routes/calendar';
import { casesRouter } from './routes/cases';
import { consultationBatchesRouter, consultationsRouter } from './routes/consultations';
import { firmsRouter } from './routes/firms';
import { referenceRouter } from './routes/reference';
import { slaRouter } from './routes/sla';
import { tasksRouter } from './routes/tasks';
import { reportsRouter } from './routes/reports';
import { signInRouter } from './routes/signIn';
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
  /** When a case is accepted; absent: the real clock. Tests fix it so no answer depends on the hour they run. */
  clock?: () => Date;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const services = createServices(deps);
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const ops = operations(app, deps.db, deps.ops);
  app.use(ops.first);
  // Unauthenticated, on the API's own host and port: the reverse proxy must not route it publicly.
  app.get('/metrics', ops.metricsEndpoint);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    res.json(await services.ready());
  });

  // The contract and its docs page are public: before authentication.
  app.use('/api/v1', contractRouter());
  app.use('/api/v1', signInRouter(services));

  const api = express.Router();
  api.use(authenticate(deps.verify));
  api.use(ops.rateLimit);
  api.use(express.json({ limit: '64kb', strict: true }));
  api.use((req, _res, next) => {
    // A body that is not JSON would otherwise reach validation as `undefined`.
    if (['POST', 'PUT', 'PATCH'].includes(req.method) && !req.is('application/json')) {
      throw new Problem(415, 'unsupported-media-type', 'Send JSON', 'Content-Type must be application/json');
    }
    next();
  });
  api.use('/cases', casesRouter(services));
  api.use('/consultations', consultationsRouter(services));
  api.use('/consultation-batches', consultationBatchesRouter(services));
  api.use('/tasks', tasksRouter(services));
  api.use('/firms', firmsRouter(services));
  api.use('/calendar', calendarRouter(services));
  api.use('/sla', slaRouter(services));
  api.use('/reports', reportsRouter(services));
  api.use('/', referenceRouter(services));
  app.use('/api/v1', api);
  if (deps.consoleDir) app.use(consoleStatic(deps.consoleDir, deps.signIn?.oidc ? [new URL(deps.signIn.oidc.issuer).origin] : []));

  app.use(notFound);
  app.use(problemHandler);
  return app;
}
