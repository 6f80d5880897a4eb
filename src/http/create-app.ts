import express, { type Express, type Router } from 'express';
import type { Logger } from '../logger.js';
import { errorMiddleware, notFound } from './error-middleware.js';

/** The express app: JSON with a size cap, the given routers, then 404 and the error middleware. */
export function createHttpApp(deps: { logger: Logger; routers: Router[]; bodyLimit?: string }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: deps.bodyLimit ?? '32kb' }));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  for (const r of deps.routers) app.use(r);
  app.use(notFound);
  app.use(errorMiddleware(deps.logger));
  return app;
}
