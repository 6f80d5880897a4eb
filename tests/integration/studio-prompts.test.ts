import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPromptStore } from '../../src/agent/prompts/load-prompts.js';
import type { ConversationEvent } from '../../src/conversations/event-types.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { createPromptVersions } from '../../src/prompt-versions/prompt-versions.js';
import { exportPrompts } from '../../src/cli/prompts-export.js';
import type { PromptHistory } from '../../src/studio/prompt-studio.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { newSession } from '../helpers/test-app.js';
import { callJson, MERCHANDISER, startStudioApp } from '../helpers/studio-client.js';

const REPO_PROMPTS = path.resolve(import.meta.dirname, '../../prompts');

let db: Database;
let app: Awaited<ReturnType<typeof startStudioApp>>['app'];
const tokens: Record<'merchandiser' | 'admin' | 'agent', string> = { merchandiser: '', admin: '', agent: '' };

const call = (method: string, route: string, token: string | null, body?: unknown) =>
  callJson(app.url, method, route, token, body);

const prompts = async (): Promise<PromptHistory[]> =>
  (await call('GET', '/api/studio/prompts', tokens.admin)).body.prompts;
const published = async (name: string) => (await prompts()).find((p) => p.name === name)!.publishedId;
const personaText = () => readFile(path.join(REPO_PROMPTS, 'persona.md'), 'utf8');

/** A new anonymous shopper says something; returns the assistant replies as the console sees them. */
async function newConversationReplies(text = 'do you have running shoes?') {
  const s = await newSession(app.url);
  const sent = await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.body.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(sent.status).toBe(200);
  const detail = await call('GET', `/api/agent/conversations/${s.body.conversationId}`, tokens.agent);
  const events = detail.body.events as ConversationEvent[];
  return events.filter((e) => e.type === 'message.completed');
}

const rowCount = async (table: string) =>
  Number((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

beforeAll(async () => {
  const started = await startStudioApp();
  ({ db, app } = started);
  Object.assign(tokens, started.tokens);
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('studio prompts API', () => {
  it('needs a merchandiser or admin login: none is 401, a plain agent 403 on every endpoint', async () => {
    const endpoints: [string, string, unknown?][] = [
      ['GET', '/api/studio/prompts'],
      ['POST', '/api/studio/prompts/persona/versions', { text: 'x', note: '' }],
      ['POST', '/api/studio/prompts/persona/publish', { versionId: 'persona.v1' }],
      ['POST', '/api/studio/preview', { versions: {}, message: 'hi' }],
    ];
    for (const [method, route, body] of endpoints) {
      expect((await call(method, route, null, body)).status).toBe(401);
      const refused = await call(method, route, tokens.agent, body);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('auth:merchandiser_required');
    }
    expect((await call('GET', '/api/studio/prompts', tokens.merchandiser)).status).toBe(200);
    expect((await call('GET', '/api/studio/prompts', tokens.admin)).status).toBe(200);
  });

  it('lists each prompt with its versions, the files in prompts/ published as the starting versions', async () => {
    const list = await prompts();

    expect(list.map((p) => p.name)).toEqual(['system', 'persona', 'answer-rules', 'handoff-rules']);
    const persona = list.find((p) => p.name === 'persona')!;
    expect(persona.publishedId).toBe('persona.v1');
    expect(persona.versions[0]).toMatchObject({
      id: 'persona.v1',
      status: 'published',
      author: 'prompts/',
      text: await personaText(),
      contentHash: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('refuses a broken template with the reason, and an unknown prompt', async () => {
    const unknown = await call('POST', '/api/studio/prompts/persona/versions', tokens.merchandiser, {
      text: 'Hello {customer_name}',
      note: 'typo',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      code: 'prompts:invalid_template',
      message: expect.stringContaining('unknown variable {customer_name}'),
    });

    const unbalanced = await call('POST', '/api/studio/prompts/persona/versions', tokens.merchandiser, {
      text: '{#customer_first_name}Hi {customer_first_name}.',
    });
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.error.message).toMatch(/never closed with \{\/customer_first_name\}/);

    const noSuchPrompt = await call('POST', '/api/studio/prompts/nope/versions', tokens.merchandiser, { text: 'x' });
    expect(noSuchPrompt.status).toBe(400);
    expect(await published('persona')).toBe('persona.v1');
  });

  it('previews a draft beside the published version without storing anything in a conversation', async () => {
    const draft = await call('POST', '/api/studio/prompts/persona/versions', tokens.merchandiser, {
      text: `${await personaText()}\n- Mention the free returns when it helps.\n`,
      note: 'returns',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.version).toMatchObject({ id: 'persona.v2', status: 'draft', author: MERCHANDISER.email });
    const before = await Promise.all(['conversations', 'messages', 'conversation_events'].map(rowCount));

    const [withDraft, withPublished] = await Promise.all(
      [{ persona: 'persona.v2' }, {}].map((versions) =>
        call('POST', '/api/studio/preview', tokens.merchandiser, { versions, message: 'running shoes' }),
      ),
    );

    expect(withDraft.status).toBe(200);
    expect(withDraft.body.reply).toMatchObject({ promptVersions: { persona: 'persona.v2', system: 'system.v1' } });
    expect(withDraft.body.reply.text.length).toBeGreaterThan(0);
    expect(withPublished.body.reply.promptVersions.persona).toBe('persona.v1');
    expect(withDraft.body.reply.promptVersion).not.toBe(withPublished.body.reply.promptVersion);
    expect(await Promise.all(['conversations', 'messages', 'conversation_events'].map(rowCount))).toEqual(before);
    expect(await published('persona')).toBe('persona.v1');

    const wrong = await call('POST', '/api/studio/preview', tokens.merchandiser, {
      versions: { persona: 'system.v1' },
      message: 'hi',
    });
    expect(wrong.status).toBe(404);
  });

  it('publishes a draft: new conversations carry it; publishing the old one rolls back', async () => {
    const [beforeReply] = await newConversationReplies();
    expect(beforeReply).toMatchObject({
      promptVersion: expect.stringMatching(/^[0-9a-f]{12}$/),
      promptVersions: { persona: 'persona.v1', system: 'system.v1' },
    });

    const pub = await call('POST', '/api/studio/prompts/persona/publish', tokens.merchandiser, {
      versionId: 'persona.v2',
    });
    expect(pub.status).toBe(200);
    expect(pub.body.version).toMatchObject({ id: 'persona.v2', status: 'published' });
    expect(await published('persona')).toBe('persona.v2');
    const [afterReply] = await newConversationReplies();
    expect(afterReply.promptVersions).toMatchObject({ persona: 'persona.v2' });
    expect(afterReply.promptVersion).not.toBe(beforeReply.promptVersion);

    const back = await call('POST', '/api/studio/prompts/persona/publish', tokens.admin, { versionId: 'persona.v1' });
    expect(back.status).toBe(200);
    const [rolledBack] = await newConversationReplies();
    expect(rolledBack.promptVersions).toMatchObject({ persona: 'persona.v1' });
    expect(rolledBack.promptVersion).toBe(beforeReply.promptVersion);

    const missing = await call('POST', '/api/studio/prompts/persona/publish', tokens.admin, {
      versionId: 'persona.v9',
    });
    expect(missing.status).toBe(404);
  });

  it('keeps the shopper’s own events free of prompt versions', async () => {
    const s = await newSession(app.url);
    const res = await fetch(`${app.url}/api/conversations/${s.body.conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.body.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
    expect(JSON.stringify(await res.json())).not.toContain('promptVersion');
  });
});

describe('prompt files and versions', () => {
  let dir: string;
  let fileDb: Database;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'prompts-'));
    await cp(REPO_PROMPTS, dir, { recursive: true });
    fileDb = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await fileDb?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = () =>
    createPromptStore({
      dir,
      watch: false,
      logger: createLogger('silent'),
      versions: createPromptVersions({ db: fileDb }),
    });

  it('makes a file changed on disk a new published version, and keeps what the studio published otherwise', async () => {
    const first = await open();
    expect(first.current().versions.persona).toBe('persona.v1');

    await writeFile(path.join(dir, 'persona.md'), `${await personaText()}\n- Prefer metric sizes.\n`);
    expect(await first.reload()).toBe(true);
    expect(first.current().versions.persona).toBe('persona.v2');
    first.close();

    const versions = createPromptVersions({ db: fileDb });
    await versions.publish('persona', 'persona.v1');
    const restarted = await open();
    expect(restarted.current().versions.persona).toBe('persona.v1');
    const v2 = (await versions.get(['persona.v2']))[0];
    expect(v2).toMatchObject({ author: 'prompts/', note: 'prompts/persona.md changed on disk', status: 'draft' });
    restarted.close();
  });

  it('exports the published versions to the files, and a later publish survives the next start', async () => {
    const versions = createPromptVersions({ db: fileDb });
    const draft = await versions.create('persona', `${await personaText()}\n- Keep it short.\n`, {
      author: 'mia@example.com',
      note: 'shorter',
    });
    await versions.publish('persona', draft.id);

    const lines = await exportPrompts(versions, dir);

    expect(lines).toContain(`persona.md ← ${draft.id} (mia@example.com: shorter)`);
    expect(await readFile(path.join(dir, 'persona.md'), 'utf8')).toBe(draft.text);
    await versions.publish('persona', 'persona.v1');
    const restarted = await open();
    expect(restarted.current().versions.persona).toBe('persona.v1');
    restarted.close();
  });
});
