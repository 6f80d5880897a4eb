import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENTS, DEMO_IDENTITY_SECRET } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { identityHash } from '../../src/identity/session-tokens.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
import { newSession, seedTestShop, startTestApp, TEST_CONFIG } from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STRONG = {
  identitySecret: 'shop-identity-secret-0123456789abcdef',
  sessionSecret: 'shop-session-secret-0123456789abcdef',
};
const KIM = { email: 'kim@shop.example', password: 'kims-long-password', role: 'admin' as const };
const LEE = { email: 'lee@shop.example', password: 'lees-long-password', role: 'agent' as const };
const production = (consoleAgents = [KIM, LEE]) => ({ ...STRONG, production: true, consoleAgents });

/** Starts `src/main.ts` as `npm start` does, with only the given environment, and waits for it to exit. */
function startServer(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: path.join(ROOT, 'data', 'never-created'), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: r.status, stderr: r.stderr };
}

describe('production mode at boot', () => {
  it('refuses to start without secrets and logins, naming every missing one', () => {
    for (const env of [{ CONCIERGE_ENV: 'production' }, { NODE_ENV: 'production' }] as Record<string, string>[]) {
      const r = startServer(env);
      expect(r.status).not.toBe(0);
      expect(r.status).not.toBeNull(); // it exited by itself, within the timeout
      for (const name of ['IDENTITY_SECRET', 'SESSION_SECRET', 'CONSOLE_AGENTS']) expect(r.stderr).toContain(name);
    }
  });

  it('refuses weak secrets, the demo secret and short or demo passwords', () => {
    const r = startServer({
      CONCIERGE_ENV: 'production',
      IDENTITY_SECRET: DEMO_IDENTITY_SECRET,
      SESSION_SECRET: 'short-secret-1234',
      CONSOLE_AGENTS: 'kim@shop.example:short1:admin,alex@example.com:concierge-demo',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/IDENTITY_SECRET: is the public demo secret/);
    expect(r.stderr).toMatch(/SESSION_SECRET: must be at least 32 characters/);
    expect(r.stderr).toMatch(/password of kim@shop\.example must be at least 12 characters/);
    expect(r.stderr).toMatch(/alex@example\.com uses the public demo password/);
  });
});

describe('a production app', () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    await seedTestShop(db);
    // The database was once run in demo mode: the demo logins exist in it.
    const demo = await startTestApp(db, { config: { consoleAgents: DEMO_AGENTS } });
    expect((await agentLogin(demo.url, DEMO_AGENTS[0].email, DEMO_AGENTS[0].password)).status).toBe(201);
    await demo.close();
    app = await startTestApp(db, { config: production() });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('has no demo login, no demo routes and no demo secret', async () => {
    const login = await agentLogin(app.url, DEMO_AGENTS[0].email, DEMO_AGENTS[0].password);
    expect(login).toMatchObject({ status: 401, error: { code: 'auth:bad_login' } });
    expect((await fetch(`${app.url}/api/demo/customers`)).status).toBe(404);
    const demoHash = await newSession(app.url, {
      customerId: 'cus_1',
      customerHash: identityHash(DEMO_IDENTITY_SECRET, 'cus_1'),
    });
    expect(demoHash).toMatchObject({ status: 401, body: { error: { code: 'auth:bad_identity' } } });
    const real = await newSession(app.url, {
      customerId: 'cus_1',
      customerHash: identityHash(STRONG.identitySecret, 'cus_1'),
    });
    expect(real.status).toBe(201);
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
  });

  it('ends a console session at logout: the token is refused and its sockets are disconnected', async () => {
    const login = await agentLogin(app.url, LEE.email, LEE.password);
    expect(login.status).toBe(201);
    const { socket } = await connectAgent(app.url, login.token);
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    const out = await fetch(`${app.url}/api/agent/sessions`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${login.token}` },
    });
    expect(out.status).toBe(204);
    await disconnected;
    const queue = await fetch(`${app.url}/api/agent/queue`, { headers: { authorization: `Bearer ${login.token}` } });
    expect(queue.status).toBe(401);
    await expect(connectAgent(app.url, login.token)).rejects.toThrow(/Log in/);
  });

  it('disables an agent removed from CONSOLE_AGENTS at the next start: no login, and the old token stops working', async () => {
    const login = await agentLogin(app.url, LEE.email, LEE.password);
    const { socket } = await connectAgent(app.url, login.token);
    const next = await startTestApp(db, { config: production([KIM]) });
    try {
      expect((await agentLogin(next.url, LEE.email, LEE.password)).status).toBe(401);
      const auth = { authorization: `Bearer ${login.token}` };
      expect((await fetch(`${next.url}/api/agent/queue`, { headers: auth })).status).toBe(401);
      // A socket still open on an instance that started before checks the session before every action.
      const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
      const refused = await ask(socket, 'queue:list', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'auth:agent_required' } });
      await disconnected;
      expect((await agentLogin(next.url, KIM.email, KIM.password)).status).toBe(201);
    } finally {
      await next.close();
    }
  });
});

describe('console login back-off', () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    app = await startTestApp(db, { config: { ...TEST_CONFIG, consoleAgents: [KIM, LEE] } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('slows down repeated wrong passwords with a clear retry-after, without locking out other accounts', async () => {
    const tries = [];
    for (let i = 0; i < 7; i++) tries.push(await agentLogin(app.url, KIM.email, `wrong-password-${i}`));
    expect(tries.slice(0, 5).map((t) => t.status)).toEqual([401, 401, 401, 401, 401]);
    expect(tries[5]).toMatchObject({ status: 429, error: { code: 'limits:rate_limited' } });
    const res = await fetch(`${app.url}/api/agent/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: KIM.email, password: KIM.password }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await agentLogin(app.url, LEE.email, LEE.password)).status).toBe(201);
  });
});
