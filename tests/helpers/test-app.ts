import path from 'node:path';
import type { Router } from 'express';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { buildApp, type App, type AppConfig, type AppParts } from '../../src/app/build-app.js';
import { buildCore, type Core } from '../../src/app/build-core.js';
import type { ChatModel } from '../../src/agent/model.js';
import { createOfflineModel } from '../../src/agent/models/offline-model.js';
import { shopIndexSource } from '../../src/agent/models/offline/shop-index-source.js';
import { createShopVocabulary } from '../../src/catalog/shop-vocabulary.js';
import { createOpenAIClient } from '../../src/agent/models/create-openai-client.js';
import { createOpenAIModel } from '../../src/agent/models/openai-model.js';
import { ingest } from '../../src/ingest/ingest.js';
import { DEMO_IDENTITY_SECRET } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { RedisConnection } from '../../src/redis/redis-connection.js';
import { createLogger, type Logger } from '../../src/logger.js';
import {
  SHOPPER_NAMESPACE,
  type ClientToServerEvents,
  type ConversationEvent,
  type ServerToClientEvents,
} from '../../src/chat/protocol.js';
import { identityHash } from '../../src/identity/session-tokens.js';
import { TEST_MERCHANDISING, TEST_SHOP } from '../fixtures/test-shop.js';
import { testEmbedder } from './local-embedder.js';
import { TEST_OPENAI_BASE_URL } from '../msw/openai-chat.js';

export const TEST_CONFIG: AppConfig = {
  shop: { name: 'Test Shop', currency: 'EUR', platform: 'native' },
  model: { timeoutMs: 2_000, maxRetries: 0, maxSteps: 4, historyTokenBudget: 6_000 },
  promptsDir: path.resolve(import.meta.dirname, '../../prompts'),
  promptsWatch: false,
  identitySecret: DEMO_IDENTITY_SECRET,
  allowedOrigins: [],
  production: false,
  trustProxy: 'false',
  limits: {
    messagesPerMinute: 100,
    requestsPerMinute: 10_000,
    sessionsPerMinute: 1_000,
    handoffsPer10Minutes: 10,
    socketsPerIp: 200,
    socketsPerSession: 5,
  },
  spend: { tokensPerConversation: 0, tokensPerDay: 0 },
  agentSessionHours: 12,
  retentionDays: 365,
  sessionSecret: 'test-session-secret-0123456789abcdef',
  consoleAgents: [
    { email: 'alex@example.com', password: 'agent-password-1', role: 'admin' },
    { email: 'sam@example.com', password: 'agent-password-2', role: 'agent' },
  ],
  handoff: {
    businessHours: 'mon-sun 00:00-24:00',
    timezone: 'Europe/Amsterdam',
    approvalMaxQuantity: 5,
    approvalMaxLineValue: 500,
    approvalMaxRefund: 500,
    unhelpfulTurns: 3,
    onAnger: true,
    onOrderProblem: true,
  },
};

/** The OpenAI-compatible provider pointed at msw's fake server. */
export function mswModel(opts: { timeoutMs?: number } = {}): ChatModel {
  const client = createOpenAIClient({
    apiKey: 'test-key',
    baseURL: TEST_OPENAI_BASE_URL,
    timeoutMs: opts.timeoutMs ?? 2_000,
    maxRetries: 0,
  });
  return createOpenAIModel({ client, model: 'gpt-test', streamIdleMs: 2_000 });
}

export async function seedTestShop(db: Database): Promise<void> {
  const summary = await ingest({ db, embedder: await testEmbedder() }, TEST_SHOP);
  if (summary.errors.length > 0) throw new Error(`test shop did not import: ${JSON.stringify(summary.errors)}`);
}

/** The app's core (tools, turns, carts, conversations) over a test database, with the test shop's settings. */
export async function buildTestCore(db: Database, opts: { model?: ChatModel } = {}): Promise<Core> {
  return buildCore({
    config: TEST_CONFIG,
    db,
    embedder: await testEmbedder(),
    model: opts.model ?? createOfflineModel(),
    logger: createLogger('silent'),
    merchandising: TEST_MERCHANDISING,
  });
}

/** The real app on an ephemeral port, over the given database and model. */
export async function startTestApp(
  db: Database,
  opts: {
    model?: ChatModel;
    fallbackModel?: ChatModel;
    config?: Partial<AppConfig>;
    extraRouters?: Router[];
    logger?: Logger;
    /** Shared with other instances (socket.io adapter, limits). */
    redis?: RedisConnection;
    turnLeases?: AppParts['turnLeases'];
    evals?: AppParts['evals'];
  } = {},
): Promise<App & { url: string }> {
  const vocabulary = createShopVocabulary({ db });
  await vocabulary.refresh();
  const app = await buildApp({
    config: { ...TEST_CONFIG, ...opts.config },
    db,
    embedder: await testEmbedder(),
    vocabulary,
    model: opts.model ?? createOfflineModel({ shop: shopIndexSource(vocabulary) }),
    fallbackModel: opts.fallbackModel,
    logger: opts.logger ?? createLogger('silent'),
    extraRouters: opts.extraRouters,
    merchandising: TEST_MERCHANDISING,
    redis: opts.redis,
    turnLeases: opts.turnLeases,
    evals: opts.evals,
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  return Object.assign(app, { url: `http://127.0.0.1:${port}` });
}

export async function newSession(url: string, body: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      token: string;
      conversationId: string;
      customer: { id: string } | null;
      error?: { code: string; message: string };
    },
  };
}

export const signedIn = (customerId: string) => ({
  customerId,
  customerHash: identityHash(DEMO_IDENTITY_SECRET, customerId),
});

export type ShopperClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client on the shopper namespace that records every event it receives. */
export async function connectShopper(
  url: string,
  token: string,
): Promise<{ socket: ShopperClient; events: ConversationEvent[] }> {
  const socket: ShopperClient = connect(`${url}${SHOPPER_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const events: ConversationEvent[] = [];
  socket.on('conversation:event', (e) => events.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, events };
}

/** Emits an event and resolves with its ack. */
export function request<T = unknown>(
  socket: ShopperClient,
  event: string,
  payload: unknown,
): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }> {
  return new Promise((resolve) =>
    (socket.emit as (e: string, p: unknown, ack: (r: never) => void) => void)(event, payload, resolve),
  );
}

/** Waits until `check` passes over the recorded events. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until no turn waits or runs: of one conversation, or of any when `conversationId` is left out. */
export async function turnsSettled(db: Database, conversationId?: string, timeoutMs = 5_000): Promise<void> {
  await waitFor(async () => {
    const busy = await db.query(
      `SELECT 1 FROM messages WHERE ($1::text IS NULL OR conversation_id = $1) AND turn_state IN ('pending', 'running')`,
      [conversationId ?? null],
    );
    return busy.rows.length === 0;
  }, timeoutMs);
}

/**
 * Waits until no turn of the conversation waits or runs, then returns the seqs and types of every
 * event stored for it: after this, nothing more is written unless someone acts.
 */
export async function settledEvents(db: Database, conversationId: string, timeoutMs = 5_000) {
  await turnsSettled(db, conversationId, timeoutMs);
  const stored = await db.query<{ seq: number; type: string }>(
    'SELECT seq, type FROM conversation_events WHERE conversation_id = $1 ORDER BY seq',
    [conversationId],
  );
  return stored.rows;
}
