import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The machine's real PostgreSQL (no pgvector needed): TEST_POSTGRES_URL, or the local default. */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ScratchPostgres {
  /** A fresh database of its own, for one test file. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a fresh database on the real PostgreSQL for one test file, so parallel runs never
 * collide. Without a reachable server: null locally (the caller skips, with a message), and an
 * error under CI=true, where a missing Postgres is a failure, never a skip.
 */
export async function scratchPostgres(prefix: string): Promise<ScratchPostgres | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => undefined);
    if (process.env.CI === 'true') {
      throw new Error(`CI needs a PostgreSQL at ${POSTGRES_URL} (set TEST_POSTGRES_URL)`, { cause: err });
    }
    console.warn(`skipping the real-PostgreSQL tests: no server at ${POSTGRES_URL} (${(err as Error).message})`);
    return null;
  }
  const name = `concierge_${prefix}_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
