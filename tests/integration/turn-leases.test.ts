import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createPgDatabase } from '../../src/db/pg-database.js';
import { createTurnQueue, type TurnQueue } from '../../src/conversations/turn-queue.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { scratchPostgres } from '../helpers/real-postgres.js';
import { newSession, seedTestShop, startTestApp, waitFor } from '../helpers/test-app.js';

/**
 * Turn leases on every engine: embedded PGlite (one connection: it hides races, but checks the
 * rules) and the machine's real PostgreSQL, where two instances' pools race for real.
 */
const real = await scratchPostgres('leases');
// At file level, so the database is dropped whichever tests ran.
afterAll(async () => {
  await real?.drop();
});

const LEASE_MS = 60_000;

/** Two instances' connections to one database: separate pools on Postgres, the one PGlite otherwise. */
interface Shared {
  a: Database;
  b: Database;
  close(): Promise<void>;
}

async function openShared(engine: 'pglite' | 'postgres', pgUrl?: string): Promise<Shared> {
  if (engine === 'pglite') {
    const db = await openTestDatabase('pglite');
    return { a: db, b: db, close: () => db.close() };
  }
  const a = await createPgDatabase({ connectionString: pgUrl!, max: 4 });
  const b = await createPgDatabase({ connectionString: pgUrl!, max: 4 });
  await migrate(a);
  return {
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
    },
  };
}

/** A conversation with `n` shopper messages waiting for the assistant; returns their ids in order. */
async function queuedConversation(db: Database, n: number): Promise<{ id: string; turns: number[] }> {
  const id = `c_${randomUUID()}`;
  await db.query(`INSERT INTO carts (id, currency) VALUES ($1, 'EUR')`, [id]);
  await db.query(`INSERT INTO conversations (id, session_id, cart_id) VALUES ($1, $1, $1)`, [id]);
  const turns: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await db.query<{ id: number }>(
      `INSERT INTO messages (conversation_id, role, content, turn_state) VALUES ($1, 'user', $2, 'pending') RETURNING id`,
      [id, `message ${i}`],
    );
    turns.push(r.rows[0].id);
  }
  return { id, turns };
}

const expireLease = (db: Database, turn: number) =>
  db.query(`UPDATE messages SET turn_lease_expires_at = now() - interval '1 second' WHERE id = $1`, [turn]);

const targets = [
  { name: 'PGlite', engine: 'pglite' as const, skip: false },
  // Needs the machine's PostgreSQL: skipped on a laptop without one; under CI scratchPostgres throws instead.
  { name: 'PostgreSQL (no pgvector)', engine: 'postgres' as const, skip: !real },
];

describe.each(targets)('turn leases on $name', ({ engine, skip }) => {
  let shared: Shared;
  let queues: TurnQueue[];

  beforeAll(async () => {
    if (skip) return;
    shared = await openShared(engine, real?.url);
    queues = [
      createTurnQueue({ db: shared.a, owner: 'instance-a', leaseMs: LEASE_MS }),
      createTurnQueue({ db: shared.b, owner: 'instance-b', leaseMs: LEASE_MS }),
    ];
  });
  afterAll(async () => {
    await shared?.close();
  });

  it.skipIf(skip)('two instances racing 100 times: each turn is claimed once, in order, one at a time', async () => {
    const conversations = await Promise.all(Array.from({ length: 100 }, () => queuedConversation(shared.a, 3)));
    const claims = new Map<number, string[]>();
    const runningIn = new Map<string, number>();
    const overlaps: string[] = [];
    // Each instance works through every conversation, as its pumps would, until nothing waits.
    const work = (q: TurnQueue) =>
      Promise.all(
        conversations.map(async (c) => {
          for (let spins = 0; spins < 1_000; spins++) {
            const t = await q.next(c.id);
            if (!t) {
              const left = await q.stateOf(c.turns[c.turns.length - 1]);
              if (left === 'done') return;
              await new Promise((r) => setImmediate(r));
              continue;
            }
            if ((runningIn.get(c.id) ?? 0) > 0) overlaps.push(c.id);
            runningIn.set(c.id, (runningIn.get(c.id) ?? 0) + 1);
            claims.set(t.userMessageId, [...(claims.get(t.userMessageId) ?? []), q.owner]);
            await new Promise((r) => setImmediate(r));
            runningIn.set(c.id, runningIn.get(c.id)! - 1);
            expect(await q.finish(t.userMessageId, 'done')).toBe(true);
          }
        }),
      );
    await Promise.all(queues.map(work));

    const all = conversations.flatMap((c) => c.turns).sort((x, y) => x - y);
    expect([...claims.keys()].sort((x, y) => x - y)).toEqual(all);
    expect([...claims.values()].filter((owners) => owners.length !== 1)).toEqual([]);
    expect(overlaps).toEqual([]);
    // Claimed in each conversation's order (the map keeps insertion order).
    const order = [...claims.keys()];
    for (const c of conversations) expect(order.filter((id) => c.turns.includes(id))).toEqual(c.turns);
  });

  it.skipIf(skip)('an expired lease is taken over by exactly one of two instances, 100 times', async () => {
    const [a, b] = queues;
    const c = createTurnQueue({ db: shared.b, owner: 'instance-c', leaseMs: LEASE_MS });
    for (let round = 0; round < 100; round++) {
      const conv = await queuedConversation(shared.a, 1);
      const claimed = await a.next(conv.id);
      expect(claimed?.userMessageId).toBe(conv.turns[0]);
      await expireLease(shared.a, conv.turns[0]);

      const won = await Promise.all([b.takeOver(conv.turns[0]), c.takeOver(conv.turns[0])]);
      expect(won.filter(Boolean)).toHaveLength(1);
      // The stalled owner finds its lease gone: it can neither renew nor end the turn.
      expect(await a.renew(conv.turns[0])).toBe(false);
      expect(await a.finish(conv.turns[0], 'done')).toBe(false);
      expect(await a.stateOf(conv.turns[0])).toBe('running');
      const winner = won[0] ? b : c;
      expect(await winner.finish(conv.turns[0], 'failed')).toBe(true);
    }
  });

  it.skipIf(skip)('a live lease is left alone, and its owner keeps renewing it', async () => {
    const [a, b] = queues;
    const conv = await queuedConversation(shared.a, 2);
    await a.next(conv.id);
    expect(await b.takeOver(conv.turns[0])).toBe(false);
    expect((await b.expired()).map((t) => t.userMessageId)).not.toContain(conv.turns[0]);
    // The conversation's next turn waits for the running one, whichever instance asks.
    expect(await b.next(conv.id)).toBeNull();
    expect(await a.renew(conv.turns[0])).toBe(true);
    await a.finish(conv.turns[0], 'done');
    expect((await b.next(conv.id))?.userMessageId).toBe(conv.turns[1]);
  });

  it.skipIf(skip)('a stopping instance ends its leases, so another recovers its turns at once', async () => {
    const [a, b] = queues;
    const conv = await queuedConversation(shared.a, 1);
    await a.next(conv.id);
    await a.expireOwn();
    expect((await b.expired()).map((t) => t.userMessageId)).toContain(conv.turns[0]);
    expect(await b.takeOver(conv.turns[0])).toBe(true);
    await b.finish(conv.turns[0], 'failed');
  });
});

describe('an instance starting next to others', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    await seedTestShop(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  /** A shopper message another instance claimed; its lease ends `expiresIn` from now. */
  async function runningElsewhere(conversationId: string, expiresIn: string) {
    const r = await db.query<{ id: number }>(
      `INSERT INTO messages (conversation_id, role, content, turn_state, turn_owner, turn_lease_expires_at)
       VALUES ($1, 'user', 'hello', 'running', 'instance-elsewhere', now() + $2::interval) RETURNING id`,
      [conversationId, expiresIn],
    );
    return r.rows[0].id;
  }
  const stateOf = async (id: number) =>
    (
      await db.query<{ turn_state: string; turn_owner: string | null }>(
        'SELECT turn_state, turn_owner FROM messages WHERE id = $1',
        [id],
      )
    ).rows[0];

  it("leaves another instance's running turn alone, and re-runs it once its lease expired unstarted", async () => {
    const app = await startTestApp(db, { turnLeases: { sweepMs: 50 } });
    try {
      const s = await newSession(app.url);
      const turn = await runningElsewhere(s.body.conversationId, '1 hour');
      await app.services.events.append(s.body.conversationId, {
        type: 'message.created',
        messageId: `u_${turn}`,
        role: 'user',
        text: 'hello',
      });
      await app.chat.recover();
      expect(await stateOf(turn)).toEqual({ turn_state: 'running', turn_owner: 'instance-elsewhere' });

      await db.query(`UPDATE messages SET turn_lease_expires_at = now() WHERE id = $1`, [turn]);
      await waitFor(async () => (await stateOf(turn)).turn_state === 'done');
      const events = await app.services.events.after(s.body.conversationId, 0);
      const replies = events.filter((e) => e.type === 'message.completed' && e.messageId.startsWith(`a_${turn}_`));
      expect(replies).toHaveLength(1);
      expect(replies[0]).not.toHaveProperty('failed');
    } finally {
      await app.close();
    }
  });

  it('ends a half-written answer of an expired lease once, as failed and retryable', async () => {
    const app = await startTestApp(db, { turnLeases: { sweepMs: 50 } });
    try {
      const s = await newSession(app.url);
      const turn = await runningElsewhere(s.body.conversationId, '1 hour');
      const messageId = `a_${turn}_elsewhere`;
      await app.services.events.append(s.body.conversationId, {
        type: 'message.started',
        messageId,
        role: 'assistant',
      });
      await app.services.events.append(s.body.conversationId, { type: 'message.delta', messageId, text: 'Half an' });
      await db.query(`UPDATE messages SET turn_lease_expires_at = now() WHERE id = $1`, [turn]);

      await waitFor(async () => (await stateOf(turn)).turn_state === 'failed');
      const events = await app.services.events.after(s.body.conversationId, 0);
      const done = events.filter((e) => e.type === 'message.completed');
      expect(done).toHaveLength(1);
      expect(done[0]).toMatchObject({ messageId, failed: true, retryable: true });
      expect(done[0].type === 'message.completed' && done[0].text).toMatch(/^Half an\n\n.*interrupted/);
    } finally {
      await app.close();
    }
  });
});
