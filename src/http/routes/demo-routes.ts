import { Router } from 'express';
import { identityHash } from '../../identity/session-tokens.js';
import type { Database } from '../../db/database.js';

/**
 * The demo storefront's "sign in as" list. A real shop's backend computes the identity hash
 * server-side exactly like this; the list exists only while the demo identity secret is in use.
 */
export function demoRoutes(deps: { db: Database; identitySecret: string; enabled: boolean }): Router {
  const r = Router();
  r.get('/api/demo/customers', async (_req, res) => {
    if (!deps.enabled) {
      res
        .status(404)
        .json({ error: { code: 'http:not_found', message: 'The demo sign-in list is off (IDENTITY_SECRET is set).' } });
      return;
    }
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
