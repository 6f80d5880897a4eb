import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { TEST_MERCHANDISING } from '../fixtures/test-shop.js';
import { callJson, MERCHANDISER, startStudioApp } from '../helpers/studio-client.js';

let db: Database;
let app: Awaited<ReturnType<typeof startStudioApp>>['app'];
const tokens: Record<'merchandiser' | 'admin' | 'agent', string> = { merchandiser: '', admin: '', agent: '' };

const call = (method: string, route: string, token: string | null, body?: unknown) =>
  callJson(app.url, method, route, token, body);

const putRules = (rules: Record<string, unknown>) =>
  call('PUT', '/api/studio/merchandising', tokens.merchandiser, { ...TEST_MERCHANDISING, ...rules });

/** What the storefront search shows a shopper for `q`. */
async function storefront(q: string) {
  const r = await call('GET', `/api/products/search?q=${encodeURIComponent(q)}`, null);
  expect(r.status).toBe(200);
  return { handles: (r.body.results as { handle: string }[]).map((p) => p.handle), noMatch: r.body.noMatch };
}

beforeAll(async () => {
  const started = await startStudioApp();
  ({ db, app } = started);
  Object.assign(tokens, started.tokens);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('studio merchandising API', () => {
  it('needs a merchandiser or admin login: none is 401, a plain agent 403', async () => {
    for (const [method, body] of [['GET'], ['PUT', TEST_MERCHANDISING]] as const) {
      expect((await call(method, '/api/studio/merchandising', null, body)).status).toBe(401);
      const refused = await call(method, '/api/studio/merchandising', tokens.agent, body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth:merchandiser_required');
    }
    expect((await call('GET', '/api/studio/merchandising', tokens.admin)).status).toBe(200);
  });

  it('starts from the catalog file, and a GET after a PUT shows the new rules and who saved them', async () => {
    const start = await call('GET', '/api/studio/merchandising', tokens.merchandiser);
    expect(start.body.rules).toEqual(TEST_MERCHANDISING);

    const saved = await putRules({ hidden: ['xss-mug'] });
    expect(saved.status).toBe(200);
    const read = await call('GET', '/api/studio/merchandising', tokens.admin);
    expect(read.body).toMatchObject({ rules: { hidden: ['xss-mug'] }, updatedBy: MERCHANDISER.email });
    expect(read.body.rules.complements).toEqual(TEST_MERCHANDISING.complements);
  });

  it('refuses bad rules with a 400 naming the field, and keeps the rules it had', async () => {
    await putRules({ hidden: [] });
    const noHandles = await putRules({ pins: [{ query: 'running shoes' }] });
    expect(noHandles.status).toBe(400);
    expect(noHandles.body.error.code).toBe('http:bad_request');
    expect(noHandles.body.error.message).toContain('pins.0.handles');
    expect((await putRules({ synonyms: [{ group: ['alone'] }] })).status).toBe(400);
    expect((await putRules({ unknownRule: true })).status).toBe(400);
    expect((await call('GET', '/api/studio/merchandising', tokens.admin)).body.rules.pins).toEqual([]);
  });
});

describe('merchandising rules in search', () => {
  it('a synonym finds the product by a word no product has', async () => {
    await putRules({});
    expect((await storefront('zorblats')).noMatch).toBe(true);

    await putRules({ synonyms: [{ group: ['zorblats', 'socks'] }] });
    const found = await storefront('zorblats');
    expect(found.noMatch).toBe(false);
    expect(found.handles[0]).toBe('merino-running-socks');
  });

  it('a pin puts its products first, in order, for the query however it is written', async () => {
    await putRules({ pins: [{ query: 'running shoes', handles: ['runner-3', 'merino-running-socks'] }] });
    const found = await storefront('Running  SHOES');
    expect(found.handles.slice(0, 2)).toEqual(['runner-3', 'merino-running-socks']);
  });

  it('a boost raises a product above the others found', async () => {
    await putRules({});
    const plain = await storefront('running shoe');
    const last = plain.handles.filter((h) => h.startsWith('runner-')).at(-1)!;
    await putRules({ boosts: [{ query: 'running shoe', handles: [last] }] });
    expect((await storefront('running shoe')).handles[0]).toBe(last);
  });

  it('a hidden product vanishes from every search at once, and comes back when shown again', async () => {
    await putRules({});
    expect((await storefront('tempo glide running shoe')).handles).toContain('runner-1');

    await putRules({ hidden: ['runner-1'], pins: [{ query: 'running shoes', handles: ['runner-1', 'runner-2'] }] });
    expect((await storefront('tempo glide running shoe')).handles).not.toContain('runner-1');
    expect((await storefront('running shoes')).handles[0]).toBe('runner-2');
    const raw = await call('GET', '/api/products/search?q=tempo&mode=lexical', null);
    expect(raw.body.results.map((p: { handle: string }) => p.handle)).not.toContain('runner-1');

    await putRules({});
    expect((await storefront('tempo glide running shoe')).handles).toContain('runner-1');
  });
});
