import { Router } from 'express';
import { identityHash } from '../../identity/session-tokens.js';
import type { Database } from '../../db/database.js';

/**
 * The demo storefront's "sign in as" list. A real shop's backend computes the identity hash
 * server-side exactly like this. Mounted only in demo mode with the demo identity secret: in
 * production, or with a real secret, `/api/demo/*` does not exist.
 */
export function demoRoutes(deps: { db: Database; identitySecret: string }): Router {
  const r = Router();
  r.get('/api/demo/customers', async (_req, res) => {
    const rows = await deps.db.query<{ id: string; first_name: string; last_name: string; email: string }>(
      'SELECT id, first_name, last_name, email FROM customers ORDER BY id LIMIT 50',
    );
    res.json(
      rows.rows.map((c) => ({
        id: c.id,
        firstName: c.first_name,
        lastName: c.last_name,
        email: c.email,
        customerHash: identityHash(deps.identitySecret, c.id),
      })),
    );
  });
  return r;
}
