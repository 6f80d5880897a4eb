import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, DatabaseCapabilities } from './database.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 4_242_017;

/** Extensions a migration may need that a server can lack: their parts are skipped there. */
type OptionalExtension = keyof DatabaseCapabilities;

const CREATE_EXTENSION = /^\s*CREATE EXTENSION IF NOT EXISTS (\w+)\s*;[^\n]*$/gim;
const REQUIRES_BLOCK = /^--\s*requires:\s*(\w+)\s*$[\s\S]*?^--\s*end requires\s*$/gim;

/**
 * The SQL to run on this server: the `CREATE EXTENSION IF NOT EXISTS x;` lines of an optional
 * extension the server lacks are left out, and so are blocks between `-- requires: x` and
 * `-- end requires`. With every extension present the SQL runs unchanged.
 */
export function sqlForCapabilities(sql: string, caps: DatabaseCapabilities): string {
  const lacks = (ext: string) => ext in caps && !caps[ext as OptionalExtension];
  return sql
    .replace(REQUIRES_BLOCK, (block, ext: string) => (lacks(ext) ? `-- skipped: needs ${ext}` : block))
    .replace(CREATE_EXTENSION, (line, ext: string) => (lacks(ext) ? `-- skipped: needs ${ext}` : line));
}

function migrationFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort();
}

const versionOf = (file: string) => file.replace(/\.sql$/, '');

/**
 * Applies the numbered .sql migrations not yet applied, each in its own transaction. Safe to run twice, and
 * concurrently.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  for (const file of migrationFiles(dir)) {
    const version = versionOf(file);
    const sql = sqlForCapabilities(fs.readFileSync(path.join(dir, file), 'utf8'), db.capabilities);
    const did = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version]);
      if (done.rows.length > 0) return false;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      return true;
    });
    if (did) applied.push(version);
  }
  return applied;
}

/** The migrations this code has that the database has not applied (a newer release not migrated yet). */
export async function pendingMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const r = await db.query<{ version: string }>(
    `SELECT version FROM schema_migrations WHERE version = ANY($1::text[])`,
    [migrationFiles(dir).map(versionOf)],
  );
  const done = new Set(r.rows.map((x) => x.version));
  return migrationFiles(dir)
    .map(versionOf)
    .filter((v) => !done.has(v));
}
