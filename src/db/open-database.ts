import type { Logger } from '../logger.js';
import type { Database } from './database.js';
import { createEmbeddedDatabase } from './embedded-database.js';
import { migrate } from './migrate.js';
import { createPgDatabase } from './pg-database.js';

/** Where the data lives: the embedded engine in a folder, or a Postgres server. */
export type DatabaseTarget =
  { kind: 'embedded'; dataDir: string; sharedBuffers?: string } | { kind: 'postgres'; url: string };

/** Opens the configured engine and brings its schema up to date. */
export async function openDatabase(cfg: DatabaseTarget, logger?: Logger): Promise<Database> {
  const db =
    cfg.kind === 'postgres'
      ? await createPgDatabase({ connectionString: cfg.url })
      : await createEmbeddedDatabase({ dataDir: cfg.dataDir, sharedBuffers: cfg.sharedBuffers, logger });
  if (!db.capabilities.vector) {
    logger?.warn(
      'the database has no pgvector extension: product and policy search are lexical only (no vector search)',
    );
  }
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
