import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createPgDatabase } from '../../src/db/pg-database.js';
import { createPgliteDatabase } from '../../src/db/pglite-database.js';
import { servePgliteOverWire } from '../../src/db/serve-over-wire.js';
import { openMigratedPglite } from './pglite-template.js';

export type Engine = 'pglite' | 'pg-wire';
export const ENGINES: Engine[] = ['pglite', 'pg-wire'];

/**
 * A migrated in-memory database on either engine: PGlite in-process, or PGlite served over
 * the Postgres wire protocol and reached through `pg` (the same path as a real Postgres).
 * Start one per test file and isolate tests by data.
 */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  const pglite = await openMigratedPglite();
  if (engine === 'pglite') {
    const db = createPgliteDatabase(pglite);
    await migrate(db);
    return db;
  }
  const served = await servePgliteOverWire(pglite, { maxConnections: 2 });
  const db = await createPgDatabase({
    connectionString: served.url,
    max: 1,
    onClose: async () => {
      await served.stop();
      await pglite.close();
    },
  });
  await migrate(db);
  return db;
}
