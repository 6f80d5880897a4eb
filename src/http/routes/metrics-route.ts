import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Registry } from 'prom-client';
import { AuthError } from '../../errors.js';
import { bearerToken } from '../../shared/bearer-token.js';

/**
 * GET /metrics in Prometheus format. With a token configured it needs `Authorization: Bearer
 * <token>`; without one it is served only in demo mode (on this machine) and absent in production.
 */
export function metricsRoute(deps: { registry: Registry; token?: string; production: boolean }): Router {
  const r = Router();
  if (deps.production && !deps.token) return r;
  r.get('/metrics', async (req, res) => {
    if (deps.token) {
      const given = Buffer.from(bearerToken(req.get('authorization')) ?? '');
      const expected = Buffer.from(deps.token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AuthError('auth:metrics_token', 'GET /metrics needs the METRICS_TOKEN bearer token.');
      }
    }
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  return r;
}
