import { agentLogin } from './agent-client.js';
import { openTestDatabase } from './test-database.js';
import { seedTestShop, startTestApp, TEST_CONFIG } from './test-app.js';

/** A merchandiser account for tests that start the app with it in `consoleAgents`. */
export const MERCHANDISER = { email: 'mia@example.com', password: 'merch-password-3', role: 'merchandiser' as const };

/** One JSON request to the app, with a console token when given; the status and the parsed body. */
export async function callJson(baseUrl: string, method: string, route: string, token: string | null, body?: unknown) {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** The test shop served with a merchandiser account, and a console token for each role. */
export async function startStudioApp(opts: Pick<Parameters<typeof startTestApp>[1] & {}, 'evals'> = {}) {
  const db = await openTestDatabase('pglite');
  await seedTestShop(db);
  const app = await startTestApp(db, {
    ...opts,
    config: { consoleAgents: [...TEST_CONFIG.consoleAgents, MERCHANDISER] },
  });
  const [admin, agent] = TEST_CONFIG.consoleAgents;
  const tokens: Record<'merchandiser' | 'admin' | 'agent', string> = { merchandiser: '', admin: '', agent: '' };
  for (const [role, a] of [
    ['merchandiser', MERCHANDISER],
    ['admin', admin],
    ['agent', agent],
  ] as const) {
    tokens[role] = (await agentLogin(app.url, a.email, a.password)).token!;
  }
  return { db, app, tokens };
}
