import type { Config } from '../config.js';
import type { Database } from './database.js';
import { createEmbeddedDatabase } from './embedded-database.js';
import { migrate } from './migrate.js';
import { createPgDatabase } from './pg-database.js';

/** Opens the configured engine and brings its schema up to date. */
export async function openDatabase(cfg: Config['database']): Promise<Database> {
  const db =
    cfg.kind === 'postgres'
      ? await createPgDatabase({ connectionString: cfg.url })
      : await createEmbeddedDatabase({ dataDir: cfg.dataDir });
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
