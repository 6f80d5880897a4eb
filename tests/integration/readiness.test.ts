import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { migrate, sqlForCapabilities } from '../../src/db/migrate.js';
import { openDatabase } from '../../src/db/open-database.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { scratchPostgres } from '../helpers/real-postgres.js';
import { seedTestShop, startTestApp } from '../helpers/test-app.js';

const real = await scratchPostgres('ready');
// At file level, so the database is dropped whichever tests ran.
afterAll(async () => {
  await real?.drop();
});

async function readyz(url: string) {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, string> } };
}

describe('/readyz on the embedded database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('is ready with the database answering, every migration applied and vector search on', async () => {
    const app = await startTestApp(db);
    try {
      // Every answer carries a request id: the caller's plain one echoed, else a new one.
      const echoed = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'lb-42.a_b' } });
      expect(echoed.headers.get('x-request-id')).toBe('lb-42.a_b');
      const made = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'not ok <script>' } });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await readyz(app.url)).toEqual({
        status: 200,
        body: { ready: true, checks: { database: 'ok', migrations: 'ok', vectorSearch: 'ok', shutdown: 'ok' } },
      });
    } finally {
      await app.close();
    }
  });

  it('is not ready (503) while a migration of this release is not applied', async () => {
    const app = await startTestApp(db);
    try {
      await db.query(`DELETE FROM schema_migrations WHERE version = '009_turn_leases'`);
      const r = await readyz(app.url);
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ ready: false, checks: { migrations: 'failed: not applied: 009_turn_leases' } });
      // The migration is safe to run twice: applying it again makes the instance ready.
      expect(await migrate(db)).toEqual(['009_turn_leases']);
      expect((await readyz(app.url)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('migrations on a server without an optional extension', () => {
  it('leave out its parts, and run unchanged where it is present', () => {
    const sql = [
      'CREATE EXTENSION IF NOT EXISTS vector;',
      'CREATE TABLE a (id int);',
      '-- requires: vector',
      'CREATE TABLE v (e vector(3));',
      '-- end requires',
      'CREATE TABLE b (id int);',
    ].join('\n');
    expect(sqlForCapabilities(sql, { vector: true })).toBe(sql);
    expect(sqlForCapabilities(sql, { vector: false })).toBe(
      [
        '-- skipped: needs vector',
        'CREATE TABLE a (id int);',
        '-- skipped: needs vector',
        'CREATE TABLE b (id int);',
      ].join('\n'),
    );
  });
});

// Needs the machine's PostgreSQL (TEST_POSTGRES_URL): skipped on a laptop without one; under CI
// scratchPostgres throws instead, so CI never skips it.
describe.skipIf(!real)('a real PostgreSQL without pgvector', () => {
  let db: Database;
  const warnings: string[] = [];

  beforeAll(async () => {
    const logger = createLogger('warn', (line) => warnings.push(line));
    db = await openDatabase({ kind: 'postgres', url: real!.url }, logger);
    await seedTestShop(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('migrates once, warns once that search is lexical only, and is ready but degraded', async () => {
    expect(db.capabilities.vector).toBe(false);
    expect(await migrate(db)).toEqual([]);
    expect(warnings.filter((l) => l.includes('lexical only'))).toHaveLength(1);
    const app = await startTestApp(db);
    try {
      expect(await readyz(app.url)).toEqual({
        status: 200,
        body: {
          ready: true,
          checks: { database: 'ok', migrations: 'ok', vectorSearch: 'unavailable: lexical only', shutdown: 'ok' },
        },
      });
    } finally {
      await app.close();
    }
  });

  it('answers product searches in every mode, lexically', async () => {
    const app = await startTestApp(db);
    try {
      for (const mode of ['hybrid', 'vector', 'lexical']) {
        const res = await fetch(`${app.url}/api/products/search?q=running+socks&mode=${mode}`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as { results: { title: string }[] };
        expect(body.results[0]?.title).toBe('Merino Running Socks');
      }
    } finally {
      await app.close();
    }
  });
});
