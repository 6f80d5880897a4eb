import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../../src/conversations/event-types.js';
import type { Database } from '../../src/db/database.js';
import { pickVariant } from '../../src/experiments/pick-variant.js';
import { newSession } from '../helpers/test-app.js';
import { callJson, startStudioApp } from '../helpers/studio-client.js';

let db: Database;
let app: Awaited<ReturnType<typeof startStudioApp>>['app'];
const tokens: Record<'merchandiser' | 'admin' | 'agent', string> = { merchandiser: '', admin: '', agent: '' };

const call = (method: string, route: string, token: string | null, body?: unknown) =>
  callJson(app.url, method, route, token, body);

async function say(s: { token: string; conversationId: string }, text: string) {
  const sent = await fetch(`${app.url}/api/conversations/${s.conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(sent.status).toBe(200);
}

/** The persona version of each assistant reply, as the console sees them. */
async function personaVersions(conversationId: string): Promise<string[]> {
  const detail = await call('GET', `/api/agent/conversations/${conversationId}`, tokens.agent);
  const events = detail.body.events as ConversationEvent[];
  return events
    .filter((e) => e.type === 'message.completed')
    .map((e) => (e as { promptVersions?: Record<string, string> }).promptVersions?.persona ?? '');
}

async function assignment(conversationId: string) {
  const r = await db.query<{ experiment_id: string; variant: number }>(
    'SELECT experiment_id, variant FROM experiment_assignments WHERE conversation_id = $1',
    [conversationId],
  );
  return r.rows[0] ?? null;
}

const TWO_ARMS = { name: 'Warmer persona', metric: 'add_to_cart_rate' };
let experimentId = '';
let earlier: { token: string; conversationId: string };
const byVariant: string[][] = [[], []];

beforeAll(async () => {
  const started = await startStudioApp();
  ({ db, app } = started);
  Object.assign(tokens, started.tokens);
  earlier = (await newSession(app.url)).body;
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('studio experiments API', () => {
  it('needs a merchandiser or admin login: none is 401, a plain agent 403 on every endpoint', async () => {
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/api/studio/experiments'],
      ['POST', '/api/studio/experiments', { ...TWO_ARMS, variants: [] }],
      ['GET', '/api/studio/experiments/exp_x'],
      ['POST', '/api/studio/experiments/exp_x/stop', {}],
    ];
    for (const [method, route, body] of endpoints) {
      expect((await call(method, route, null, body)).status).toBe(401);
      const refused = await call(method, route, tokens.agent, body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth:merchandiser_required');
    }
  });

  it('refuses a bad body, unknown versions and versions never published, with the reason', async () => {
    const draft = await call('POST', '/api/studio/prompts/persona/versions', tokens.merchandiser, {
      text: 'You are warm and brief at {shop_name}.',
      note: 'warmer',
    });
    expect(draft.body.version.id).toBe('persona.v2');
    const arms = (persona: string) => [
      { prompts: {}, weight: 1 },
      { prompts: { persona }, weight: 1 },
    ];

    const badMetric = await call('POST', '/api/studio/experiments', tokens.merchandiser, {
      ...TWO_ARMS,
      metric: 'vibes',
      variants: arms('persona.v1'),
    });
    expect(badMetric.status).toBe(400);
    const oneArm = await call('POST', '/api/studio/experiments', tokens.merchandiser, {
      ...TWO_ARMS,
      variants: [{ prompts: {}, weight: 1 }],
    });
    expect(oneArm.status).toBe(400);
    const unknown = await call('POST', '/api/studio/experiments', tokens.merchandiser, {
      ...TWO_ARMS,
      variants: arms('persona.v9'),
    });
    expect(unknown.body.error).toMatchObject({ code: 'experiments:unknown_version' });
    const unpublished = await call('POST', '/api/studio/experiments', tokens.merchandiser, {
      ...TWO_ARMS,
      variants: arms('persona.v2'),
    });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error).toMatchObject({
      code: 'experiments:version_not_published',
      message: expect.stringContaining('persona.v2'),
    });
  });

  it('starts one experiment over published versions; a second while it runs is a 409', async () => {
    for (const versionId of ['persona.v2', 'persona.v1']) {
      expect((await call('POST', '/api/studio/prompts/persona/publish', tokens.admin, { versionId })).status).toBe(200);
    }
    const variants = [
      { prompts: {}, weight: 1 },
      { prompts: { persona: 'persona.v2' }, weight: 1 },
    ];
    const created = await call('POST', '/api/studio/experiments', tokens.merchandiser, { ...TWO_ARMS, variants });
    expect(created.status).toBe(201);
    expect(created.body.experiment).toMatchObject({ status: 'running', metric: 'add_to_cart_rate' });
    expect(created.body.experiment.variants[1]).toEqual({ index: 1, prompts: { persona: 'persona.v2' }, weight: 1 });
    experimentId = created.body.experiment.id;

    const second = await call('POST', '/api/studio/experiments', tokens.admin, { ...TWO_ARMS, variants });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('experiments:already_running');
    const list = await call('GET', '/api/studio/experiments', tokens.merchandiser);
    expect(list.body.experiments.map((e: { id: string }) => e.id)).toEqual([experimentId]);
  });

  it('assigns new conversations by the hash of their id, sticky, and their turns use the variant’s prompts', async () => {
    for (let i = 0; i < 30 && byVariant.some((v) => v.length < 2); i++) {
      const s = (await newSession(app.url)).body;
      await say(s, 'do you have running shoes?');
      const a = await assignment(s.conversationId);
      expect(a).toEqual({ experiment_id: experimentId, variant: pickVariant(experimentId, s.conversationId, [1, 1]) });
      byVariant[a!.variant].push(s.conversationId);
      if (byVariant[a!.variant].length === 1) await say(s, 'and in blue?');
    }
    expect(byVariant.map((v) => v.length >= 2)).toEqual([true, true]);

    const control = await personaVersions(byVariant[0][0]);
    const treated = await personaVersions(byVariant[1][0]);
    expect(control).toEqual(['persona.v1', 'persona.v1']);
    expect(treated).toEqual(['persona.v2', 'persona.v2']);
    expect(await assignment(byVariant[1][0])).toMatchObject({ variant: 1 });

    await say(earlier, 'hello');
    expect(await assignment(earlier.conversationId)).toBeNull();
    expect(await personaVersions(earlier.conversationId)).toEqual(['persona.v1']);
  });

  it('reports each variant’s numbers from what its conversations did, and calls no winner under the minimum sample', async () => {
    const [c0, c1] = [byVariant[0][0], byVariant[1][0]];
    const cartOf = async (id: string) =>
      (await db.query<{ cart_id: string }>('SELECT cart_id FROM conversations WHERE id = $1', [id])).rows[0].cart_id;
    // Every treated conversation adds to its cart and no control one does, so variant 1 beats the
    // control however the random conversation ids split between the two.
    for (const id of byVariant[1]) {
      await db.query(
        `INSERT INTO cart_events (cart_id, actor, action, sku, quantity, cart_version) VALUES ($1, 'assistant', 'add', 'x', 1, 1)`,
        [await cartOf(id)],
      );
    }
    await db.query(
      `INSERT INTO human_requests (conversation_id, source, reason, urgency) VALUES ($1, 'shopper', 'asked', 'normal')`,
      [c0],
    );
    await db.query('INSERT INTO ratings (conversation_id, rating) VALUES ($1, 5), ($2, 2)', [c1, byVariant[1][1]]);
    await db.query(
      `INSERT INTO orders (id, status, placed_at, currency, subtotal_minor, total_minor, content_hash, conversation_id)
       VALUES ('exp-order-1', 'processed', now(), 'EUR', 4200, 4200, 'h', $1)`,
      [c1],
    );

    const res = await call('GET', `/api/studio/experiments/${experimentId}?minSample=1`, tokens.merchandiser);
    expect(res.status).toBe(200);
    const exp = res.body.experiment;
    const [v0, v1] = exp.variants;
    const n0 = byVariant[0].length;
    const n1 = byVariant[1].length;
    expect(v0).toMatchObject({ conversations: n0, handoffRate: 1 / n0, addToCartRate: 0, attributedOrders: 0 });
    expect(v0.probabilityToBeatControl).toBeNull();
    expect(v1).toMatchObject({
      conversations: n1,
      addToCartRate: 1,
      handoffRate: 0,
      csat: { average: 3.5, count: 2 },
      attributedOrders: 1,
      attributedRevenueMinor: 4200,
    });
    expect(v1.messagesPerConversation).toBeGreaterThanOrEqual(2);
    expect(v1.probabilityToBeatControl).toBeGreaterThan(0.5);
    expect(exp.method).toMatch(/Beta-Binomial/);
    expect(exp.attributionNote).toBeNull();
    // With the minimum sample met, the winner is called exactly when it is 95% likely to beat the control.
    expect(exp.winner).toBe(v1.probabilityToBeatControl >= 0.95 ? 1 : null);

    const strict = await call('GET', `/api/studio/experiments/${experimentId}`, tokens.merchandiser);
    expect(strict.body.experiment).toMatchObject({ minSample: 100, winner: null });
    expect((await call('GET', '/api/studio/experiments/exp_missing', tokens.admin)).status).toBe(404);
  });

  it('stops and promotes: the variant’s versions are published, new conversations are not assigned', async () => {
    const badVariant = await call('POST', `/api/studio/experiments/${experimentId}/stop`, tokens.admin, {
      promote: 5,
    });
    expect(badVariant.status).toBe(400);

    const stopped = await call('POST', `/api/studio/experiments/${experimentId}/stop`, tokens.merchandiser, {
      promote: 1,
    });
    expect(stopped.status).toBe(200);
    expect(stopped.body.experiment).toMatchObject({ status: 'stopped', promotedVariant: 1 });
    const prompts = (await call('GET', '/api/studio/prompts', tokens.admin)).body.prompts;
    expect(prompts.find((p: { name: string }) => p.name === 'persona').publishedId).toBe('persona.v2');

    const again = await call('POST', `/api/studio/experiments/${experimentId}/stop`, tokens.merchandiser, {});
    expect(again.status).toBe(409);
    const s = (await newSession(app.url)).body;
    await say(s, 'hello');
    expect(await assignment(s.conversationId)).toBeNull();
    expect(await personaVersions(s.conversationId)).toEqual(['persona.v2']);
  });
});
