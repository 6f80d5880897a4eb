import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { BROKEN } from '../fixtures/breakable-eval-model.js';
import { TEST_CACHE_DIR } from '../helpers/local-embedder.js';
import { waitFor } from '../helpers/test-app.js';
import { callJson, startStudioApp } from '../helpers/studio-client.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let db: Database;
let app: Awaited<ReturnType<typeof startStudioApp>>['app'];
const tokens: Record<'merchandiser' | 'admin' | 'agent', string> = { merchandiser: '', admin: '', agent: '' };

const call = (method: string, route: string, token: string | null, body?: unknown) =>
  callJson(app.url, method, route, token, body);

/** Starts a run of one suite and waits (bounded) until it has ended; returns its details. */
async function runSuite(suite: string) {
  const started = await call('POST', '/api/studio/evals', tokens.merchandiser, { suite });
  expect(started.status).toBe(202);
  expect(started.body.run).toMatchObject({ status: 'running', suite });
  const id = started.body.run.id as string;
  return waitFor(async () => {
    const r = await call('GET', `/api/studio/evals/${id}`, tokens.merchandiser);
    return r.body.run.status !== 'running' && r.body.run;
  }, 240_000);
}

beforeAll(async () => {
  const config = loadConfig({}, ROOT);
  const started = await startStudioApp({
    evals: {
      config,
      suitesDir: path.join(ROOT, 'evals'),
      embeddingCacheDir: TEST_CACHE_DIR,
      modelModule: pathToFileURL(path.join(ROOT, 'tests/fixtures/breakable-eval-model.ts')).href,
    },
  });
  ({ db, app } = started);
  Object.assign(tokens, started.tokens);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('studio evals API', () => {
  it('needs a merchandiser or admin login: none is 401, a plain agent 403 on every endpoint', async () => {
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/api/studio/evals'],
      ['POST', '/api/studio/evals', { suite: 'policies' }],
      ['GET', '/api/studio/evals/eval_x'],
    ];
    for (const [method, route, body] of endpoints) {
      expect((await call(method, route, null, body)).status).toBe(401);
      const refused = await call(method, route, tokens.agent, body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth:merchandiser_required');
    }
  });

  it('refuses an unknown suite, version or field and a bad repeat, with the reason; an unknown run is 404', async () => {
    const cases: [unknown, string, string][] = [
      [{ suite: 'nosuch' }, 'evals:unknown_suite', 'nosuch'],
      [{ prompts: { persona: 'persona.v99' } }, 'evals:unknown_version', 'persona.v99'],
      [{ repeat: 0 }, 'http:bad_request', '"repeat"'],
      [{ suite: 'policies', model: 'gpt' }, 'http:bad_request', '"model"'],
    ];
    for (const [body, code, text] of cases) {
      const r = await call('POST', '/api/studio/evals', tokens.admin, body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).toContain(text);
    }
    const missing = await call('GET', '/api/studio/evals/eval_nope', tokens.merchandiser);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('evals:not_found');
    expect((await call('GET', '/api/studio/evals', tokens.merchandiser)).body.runs).toEqual([]);
  });

  it('runs a suite in the background, one at a time, and shows it under the published versions', async () => {
    const started = await call('POST', '/api/studio/evals', tokens.merchandiser, { suite: 'policies' });
    expect(started.status).toBe(202);
    const second = await call('POST', '/api/studio/evals', tokens.admin, { suite: 'policies' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('evals:already_running');

    const run = await waitFor(async () => {
      const r = await call('GET', `/api/studio/evals/${started.body.run.id}`, tokens.merchandiser);
      return r.body.run.status !== 'running' && r.body.run;
    }, 240_000);
    expect(run.prompts).toMatchObject({ persona: 'persona.v1', system: 'system.v1' });
    expect(run.scenarios).toBeGreaterThanOrEqual(10);
    expect(run.passRate).toBeGreaterThan(0.8);
    expect(run.regressions).toEqual([]);
    expect(run.startedBy).toBe('mia@example.com');

    const history = await call('GET', '/api/studio/evals', tokens.merchandiser);
    expect(history.body.runs.map((r: { id: string }) => r.id)).toEqual([run.id]);
    expect(history.body.byPrompts).toEqual([{ prompts: run.prompts, runs: [run.id] }]);
  }, 300_000);

  it('shows the scenarios a newly published prompt version broke as regressions', async () => {
    const draft = await call('POST', '/api/studio/prompts/persona/versions', tokens.merchandiser, {
      text: `You are ${BROKEN} at {shop_name}.`,
      note: 'a bad idea',
    });
    await call('POST', '/api/studio/prompts/persona/publish', tokens.merchandiser, {
      versionId: draft.body.version.id,
    });

    const run = await runSuite('policies');
    expect(run.status).toBe('failed');
    expect(run.prompts.persona).toBe(draft.body.version.id);
    expect(run.passRate).toBeLessThan(0.5);
    expect(run.regressions.length).toBeGreaterThan(5);
    expect(run.regressions.every((id: string) => id.startsWith('policies/'))).toBe(true);

    const history = await call('GET', '/api/studio/evals', tokens.merchandiser);
    expect(history.body.byPrompts.map((g: { prompts: { persona: string } }) => g.prompts.persona)).toEqual([
      draft.body.version.id,
      'persona.v1',
    ]);
    expect(history.body.runs[0].regressions).toEqual(run.regressions);
    expect(history.body.runs[1].regressions).toEqual([]);
  }, 300_000);

  it('ends a run left running by a stopped instance as an error', async () => {
    await db.query(
      `INSERT INTO eval_runs (id, started_by, status, started_at) VALUES ('eval_lost', 'x@example.com', 'running', now() - interval '2 hours')`,
    );
    const r = await call('GET', '/api/studio/evals/eval_lost', tokens.merchandiser);
    expect(r.body.run).toMatchObject({ status: 'error', error: expect.stringContaining('interrupted') });
  });
});
