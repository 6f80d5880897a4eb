import { randomUUID } from 'node:crypto';
import express, { type Express, type Router } from 'express';
import type { Logger } from '../logger.js';
import { isAllowedOrigin } from '../shared/origin-check.js';
import { errorMiddleware, notFound } from './error-middleware.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { checkReadiness, type ReadinessCheck } from '../shared/readiness.js';

/**
 * The express app: raw-body routers (webhooks), JSON with a size cap, the given routers, then 404
 * and the error middleware.
 */
export function createHttpApp(deps: {
  logger: Logger;
  routers: Router[];
  /** Routers that read the raw body themselves (signed webhooks), mounted before the JSON parser. */
  rawBodyRouters?: Router[];
  bodyLimit?: string;
  allowedOrigins?: string[];
  requestLimiter?: RateLimiter;
  /** Which proxies' X-Forwarded-For to believe (TRUST_PROXY); the sockets use the same function. */
  trustProxy: (address: string, hop: number) => boolean;
  /** What `/readyz` checks; ready when every check is ok. */
  readiness?: ReadinessCheck[];
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.trustProxy);
  // Every request has an id (the caller's X-Request-Id when it is a plain token), echoed back and
  // logged with its errors, so a shopper's report and the log meet.
  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  });
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    next();
  });
  app.use((req, res, next) => {
    // Cross-origin API calls only from the allowlisted shop origins; same origin always works.
    const origin = req.headers.origin;
    if (origin && req.path.startsWith('/api/')) {
      if (!isAllowedOrigin(req, deps.allowedOrigins ?? [])) {
        res.status(403).json({
          error: {
            code: 'http:origin_not_allowed',
            message: `Origin ${origin} is not allowed (see ALLOWED_ORIGINS).`,
          },
        });
        return;
      }
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  });
  // Signed webhooks come before the per-address budget: a platform sends a bulk change's hundreds
  // from a few addresses, retries refusals and drops a subscription that keeps failing; each is
  // checked against its signature before any work.
  for (const r of deps.rawBodyRouters ?? []) app.use(r);
  app.use((req, _res, next) => {
    if (!deps.requestLimiter || !req.path.startsWith('/api/')) return next();
    // A refusal goes to the error middleware: 429 with Retry-After.
    deps.requestLimiter.take(req.ip ?? 'unknown').then(() => next(), next);
  });
  app.use(express.json({ limit: deps.bodyLimit ?? '32kb' }));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    const r = await checkReadiness(deps.readiness ?? [], {
      onError: (name, err) => deps.logger.warn(`readiness check ${name} failed`, { err }),
    });
    res.setHeader('Cache-Control', 'no-store');
    res.status(r.ready ? 200 : 503).json(r);
  });
  for (const r of deps.routers) app.use(r);
  app.use(notFound);
  app.use(errorMiddleware(deps.logger));
  return app;
}
