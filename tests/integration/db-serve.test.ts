import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createPgDatabase } from '../../src/db/pg-database.js';
import { createTurnQueue } from '../../src/conversations/turn-queue.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `npm run db:serve -- …` as a child process, with its output collected. */
function dbServe(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/db-serve.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out, exited };
}

/** Resolves with the DATABASE_URL the server prints, or rejects when it exits first or after `ms`. */
function printedUrl(s: ReturnType<typeof dbServe>, ms = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no DATABASE_URL in ${ms} ms: ${s.out.stderr}`)), ms);
    s.child.stdout!.on('data', () => {
      const m = /^DATABASE_URL=(\S+)$/m.exec(s.out.stdout);
      if (!m) return;
      clearTimeout(timer);
      resolve(m[1]);
    });
    void s.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}: ${s.out.stderr}`));
    });
  });
}

describe('npm run db:serve', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concierge-db-serve-'));
  let server: ReturnType<typeof dbServe>;
  let url: string;
  let instances: Database[] = [];

  beforeAll(async () => {
    server = dbServe(['--port', '0', '--data-dir', path.join(dir, 'db')]);
    url = await printedUrl(server);
    // Two instances, each with its own pool, as two app processes would have.
    instances = await Promise.all([0, 1].map(() => createPgDatabase({ connectionString: url, max: 4 })));
  });
  afterAll(async () => {
    await Promise.all(instances.map((db) => db.close()));
    server?.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the DATABASE_URL of a Postgres with pgvector', () => {
    expect(url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres/);
    expect(instances.map((db) => db.capabilities.vector)).toEqual([true, true]);
  });

  it("serves two instances at once: migrations, transactions and turn claims don't mix", async () => {
    const [a, b] = instances;
    expect((await Promise.all([migrate(a), migrate(b)])).flat()).toContain('009_turn_leases');
    await a.exec(`CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0)`);
    // Read-then-write in transactions from both pools: a lost update would show in the total.
    await Promise.all(
      instances.flatMap((db) =>
        Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 25; i++) {
            await db.transaction(async (tx) => {
              const r = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
              await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [r.rows[0].n + 1]);
            });
          }
        }),
      ),
    );
    expect((await b.query<{ n: number }>('SELECT n FROM counter')).rows[0].n).toBe(200);

    await a.query(`INSERT INTO carts (id, currency) VALUES ('c1', 'EUR')`);
    await a.query(`INSERT INTO conversations (id, session_id, cart_id) VALUES ('c1', 's1', 'c1')`);
    await a.query(
      `INSERT INTO messages (conversation_id, role, content, turn_state) VALUES ('c1', 'user', 'hi', 'pending')`,
    );
    const claims = await Promise.all(
      instances.map((db, i) => createTurnQueue({ db, owner: `instance-${i}`, leaseMs: 30_000 }).next('c1')),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('answers each connection its own rows and errors, statements from both pools interleaved', async () => {
    const answers = await Promise.all(
      instances.flatMap((db, i) =>
        Array.from({ length: 40 }, async (_, j) => {
          const tag = `${i}-${j}`;
          // Every third one fails in Execute, every fifth in Parse: the error is its own and the connection goes on.
          if (j % 5 === 0)
            return db.query(`SELEC $1::text`, [tag]).then(
              () => 'no error',
              () => `parse error ${tag}`,
            );
          if (j % 3 === 0)
            return db.query(`SELECT $1::int AS n`, [tag]).then(
              () => 'no error',
              () => `execute error ${tag}`,
            );
          const r = await db.query<{ tag: string; n: number }>(
            'SELECT $1::text AS tag, n FROM generate_series(1, $2::int) AS n',
            [tag, j],
          );
          return `${r.rows.length === j && r.rows.every((row) => row.tag === tag) ? 'rows' : 'wrong rows'} ${tag}`;
        }),
      ),
    );
    const expected = instances.flatMap((_, i) =>
      Array.from({ length: 40 }, (__, j) =>
        j % 5 === 0 ? `parse error ${i}-${j}` : j % 3 === 0 ? `execute error ${i}-${j}` : `rows ${i}-${j}`,
      ),
    );
    expect(answers).toEqual(expected);
  });

  it('refuses a second server on the same data directory', async () => {
    const second = dbServe(['--port', '0', '--data-dir', path.join(dir, 'db')]);
    expect(await second.exited).toBe(1);
    expect(second.out.stderr).toMatch(/already in use/);
  });

  it('stops cleanly on SIGTERM', async () => {
    await Promise.all(instances.map((db) => db.close()));
    instances = [];
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.out.stderr).toMatch(/SIGTERM: stopping/);
  });

  it.each([
    [['--data-dir', 'x'], /--port: is required/],
    [['--port', 'abc', '--data-dir', 'x'], /--port: must be a number/],
    [['--port', '5432'], /--data-dir: is required/],
    [['--port', '1', '--data-dir', 'x', '--verbose'], /Unknown option '--verbose'/],
  ])('exits 2 with the error and the usage for %j', async (args, message) => {
    const s = dbServe(args);
    expect(await s.exited).toBe(2);
    expect(s.out.stderr).toMatch(message);
    expect(s.out.stderr).toMatch(/Usage: npm run db:serve -- --port <port> --data-dir <dir>/);
  });
});
