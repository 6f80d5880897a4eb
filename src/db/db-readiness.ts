import type { ReadinessCheck } from '../shared/readiness.js';
import type { Database } from './database.js';
import { pendingMigrations } from './migrate.js';

/**
 * The database's readiness checks: it answers, every migration of this release is applied, and
 * whether vector search is on (without pgvector the instance is ready, with lexical search only).
 */
export function databaseReadiness(db: Database): ReadinessCheck[] {
  return [
    {
      name: 'database',
      check: async () => {
        await db.query('SELECT 1');
        return { ok: true };
      },
    },
    {
      name: 'migrations',
      check: async () => {
        const pending = await pendingMigrations(db);
        return pending.length === 0 ? { ok: true } : { ok: false, detail: `not applied: ${pending.join(', ')}` };
      },
    },
    {
      name: 'vectorSearch',
      check: async () => ({ ok: true, detail: db.capabilities.vector ? 'ok' : 'unavailable: lexical only' }),
    },
  ];
}
