import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Router } from 'express';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import type { ChatModel } from '../agent/model.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import { createChatService } from '../chat/chat-service.js';
import { shopperRoutes } from '../chat/shopper-routes.js';
import { checkoutRoute } from '../chat/checkout-route.js';
import { attachShopperSocket } from '../chat/shopper-socket.js';
import { createTurnRunner } from '../chat/turn-runner.js';
import type { Config } from '../config.js';
import { DEMO_IDENTITY_SECRET } from '../config.js';
import { createTurnQueue } from '../conversations/turn-queue.js';
import type { Database } from '../db/database.js';
import { createAgentDesk } from '../handoff/agent-desk.js';
import { agentRoutes } from '../handoff/agent-routes.js';
import { attachAgentSocket } from '../handoff/agent-socket.js';
import { applyHandoffRules } from '../handoff/apply-handoff-rules.js';
import { createHttpApp } from '../http/create-app.js';
import { adminRoutes } from '../http/routes/admin-routes.js';
import { demoRoutes } from '../http/routes/demo-routes.js';
import { imageRoutes } from '../http/routes/image-routes.js';
import { metricsRoute } from '../http/routes/metrics-route.js';
import { productSearchRoute } from '../http/routes/product-search-route.js';
import { createAgentAccounts } from '../identity/agent-accounts.js';
import { createAgentSessions } from '../identity/agent-sessions.js';
import { createSessionTokens } from '../identity/session-tokens.js';
import { createShopperSessions } from '../identity/shopper-sessions.js';
import { clientIp, compileTrustProxy } from '../limits/client-ip.js';
import { createLoginBackoff, createRedisLoginBackoff } from '../limits/login-backoff.js';
import { memoryLimiters } from '../limits/rate-limiter.js';
import { redisLimiters } from '../limits/redis-limiters.js';
import { createShopperLimits } from '../limits/shopper-limits.js';
import type { Logger } from '../logger.js';
import type { MerchandisingRules } from '../merchandising/merchandising-rules.js';
import type { OrderRules } from '../orders/order-rules.js';
import { createConfirmationReader } from '../agent/confirmation-reply.js';
import { createMetrics } from '../metrics/metrics.js';
import { timedDatabase } from '../db/timed-database.js';
import { countWaiting } from '../handoff/waiting-counts.js';
import { SHOPPER_NAMESPACE } from '../chat/protocol.js';
import { AGENT_NAMESPACE } from '../handoff/agent-protocol.js';
import { createCustomerData } from '../privacy/customer-data.js';
import { createRetentionJob } from '../privacy/retention.js';
import { isAllowedOrigin } from '../shared/origin-check.js';
import { databaseReadiness } from '../db/db-readiness.js';
import { buildCore } from './build-core.js';
import { AGENT_CART_IDLE_DAYS } from '../carts/agent-carts.js';
import { buildAgentStorefront } from './build-storefront.js';
import { buildWebhooks } from './build-webhooks.js';
import type { ShopVocabulary } from '../catalog/shop-vocabulary.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import type { ReadinessCheck } from '../shared/readiness.js';
import { trackRepliesInFlight } from './replies-in-flight.js';
import type { StudioEvalParts } from './build-studio-evals.js';
import { buildStudio } from './build-studio.js';

export type AppConfig = Pick<
  Config,
  | 'shop'
  | 'model'
  | 'spend'
  | 'promptsDir'
  | 'promptsWatch'
  | 'production'
  | 'identitySecret'
  | 'allowedOrigins'
  | 'trustProxy'
  | 'limits'
  | 'handoff'
  | 'consoleAgents'
  | 'agentSessionHours'
  | 'retentionDays'
  | 'metricsToken'
> &
  Partial<Pick<Config, 'platforms' | 'attributionWindowDays'>> & {
    sessionSecret: string;
  };

export interface AppParts {
  config: AppConfig;
  db: Database;
  embedder: Embedder;
  model: ChatModel;
  /** Answers once a spend cap is reached (the offline model); without it there are no caps. */
  fallbackModel?: ChatModel;
  logger: Logger;
  merchandising?: MerchandisingRules;
  /** catalog/order-rules.json; the defaults without it. */
  orderRules?: OrderRules;
  vocabulary?: ShopVocabulary;
  /** Extra routers (e.g. the widget bundles), mounted before the 404 handler. */
  extraRouters?: Router[];
  /**
   * The Redis that several instances share: a conversation's live events reach its sockets on
   * every instance, and rate limits and login back-off are counted once for all. Without it,
   * everything stays in this process. The caller opens and closes it.
   */
  redis?: RedisConnection;
  /** More checks for `/readyz` (the database…). */
  readiness?: ReadinessCheck[];
  /** Scenario evals from the studio (`/api/studio/evals`); without it those routes are not served. */
  evals?: StudioEvalParts;
  /** Turn leases: this instance's id (random by default) and their timings (a 30 s lease by default). */
  turnLeases?: { instanceId?: string; leaseMs?: number; heartbeatMs?: number; sweepMs?: number };
}

/**
 * Builds the whole application graph from its parts: the HTTP API, both socket namespaces, the
 * chat service and the background jobs. Tests build the same graph with their own database and model.
 */
export async function buildApp(parts: AppParts) {
  const { config, embedder, model, logger } = parts;
  const metrics = createMetrics();
  const db = timedDatabase(parts.db, metrics.dbQuery);
  const { redis } = parts;
  const limiters = redis ? redisLimiters(redis.commands, redis.prefix) : memoryLimiters;
  const limits = createShopperLimits(config.limits, { onRefused: metrics.rateLimited, limiters });
  const core = await buildCore({
    config,
    db,
    embedder,
    model,
    logger,
    merchandising: parts.merchandising,
    orderRules: parts.orderRules,
    vocabulary: parts.vocabulary,
    fallbackModel: parts.fallbackModel,
    onBudgetFallback: metrics.budgetFallback,
    limitHandoff: (ip) => limits.take('handoff', { ip }),
    observe: { turns: metrics.turns, handoff: metrics.handoff },
  });
  const { search, products, carts, customers, conversations, events, ownership, approvals } = core;

  const tokens = createSessionTokens(config.sessionSecret);
  const sessions = createShopperSessions({ db, tokens });
  const accounts = createAgentAccounts({ db });
  const agentSessions = createAgentSessions({ db, ttlHours: config.agentSessionHours });
  const disabled = await accounts.sync(config.consoleAgents);
  if (disabled.length > 0) logger.warn('console accounts not in CONSOLE_AGENTS were disabled', { disabled });
  const customerData = createCustomerData({ db });
  const studio = buildStudio({
    config,
    db,
    embedder,
    model,
    logger,
    core,
    sessions: agentSessions,
    evals: parts.evals,
  });
  const retention = createRetentionJob({
    db,
    retentionDays: config.retentionDays,
    agentCartIdleDays: AGENT_CART_IDLE_DAYS,
    logger,
  });

  const desk = createAgentDesk({
    db,
    conversations,
    events,
    carts,
    customers,
    products,
    ownership,
    approvals,
    orderActions: core.orderActions,
    model,
    shopLanguage: config.shop.language,
  });
  const runner = createTurnRunner({
    conversations,
    events,
    queue: createTurnQueue({
      db,
      owner: parts.turnLeases?.instanceId ?? randomUUID(),
      leaseMs: parts.turnLeases?.leaseMs ?? 30_000,
    }),
    sessions,
    turn: core.turn,
    logger,
    heartbeatMs: parts.turnLeases?.heartbeatMs,
    sweepMs: parts.turnLeases?.sweepMs,
  });
  const { languages } = core;
  const chat = createChatService({
    db,
    conversations,
    events,
    sessions,
    carts,
    runner,
    languages,
    logger,
    currency: config.shop.currency,
    orderActions: core.orderActions,
    orderApprovals: approvals.orderGate,
    confirmation: createConfirmationReader(),
    stopElsewhere: redis ? (conversationId) => late.shoppers?.stopElsewhere(conversationId) : undefined,
    onShopperMessage: (conv, text, from) =>
      applyHandoffRules(
        { config: config.handoff, conversations, humans: core.humans, db, events, logger },
        conv,
        text,
        from,
      ),
  });

  const webhooks = buildWebhooks({ config, db, embedder, logger, metrics, vocabulary: core.vocabulary });

  // The sockets are attached after the routes that need to reach them.
  const late: { agents?: ReturnType<typeof attachAgentSocket>; shoppers?: ReturnType<typeof attachShopperSocket> } = {};
  const trust = compileTrustProxy(config.trustProxy);
  let shuttingDown = false;
  // What /readyz checks; each part an instance needs adds its own.
  const readiness: ReadinessCheck[] = [
    ...databaseReadiness(db),
    ...(parts.readiness ?? []),
    ...(redis ? [redis.readiness] : []),
    { name: 'shutdown', check: async () => (shuttingDown ? { ok: false, detail: 'shutting down' } : { ok: true }) },
  ];
  const demo = !config.production && config.identitySecret === DEMO_IDENTITY_SECRET;
  const app = createHttpApp({
    logger,
    allowedOrigins: config.allowedOrigins,
    requestLimiter: limiters({
      name: 'requests:ip',
      limit: config.limits.requestsPerMinute,
      windowMs: 60_000,
      what: 'requests',
      onRefused: metrics.rateLimited,
    }),
    trustProxy: trust,
    readiness,
    rawBodyRouters: [webhooks.router],
    routers: [
      productSearchRoute({ search, finder: core.finder, currency: config.shop.currency }),
      shopperRoutes({
        db,
        sessions,
        identitySecret: config.identitySecret,
        conversations,
        customers,
        carts,
        currency: config.shop.currency,
        chat,
        limits,
        turnTimeoutMs: config.model.timeoutMs * (config.model.maxSteps + 1),
        onSessionReplaced: (sid) => late.shoppers?.disconnectSession(sid),
      }),
      checkoutRoute({
        db,
        sessions,
        conversations,
        carts,
        chat,
        limits,
        platform: config.shop.platform ?? 'native',
        currency: config.shop.currency,
        attributionWindowDays: config.attributionWindowDays,
      }),
      ...(demo ? [demoRoutes({ db, identitySecret: config.identitySecret })] : []),
      imageRoutes({ products }),
      agentRoutes({
        accounts,
        sessions: agentSessions,
        backoff: redis ? createRedisLoginBackoff(redis.commands, redis.prefix) : createLoginBackoff(),
        desk,
        ownership,
        onChange: () => late.agents?.broadcastQueue(),
        onLogout: (id) => late.agents?.endSession(id),
      }),
      ...studio.routers,
      adminRoutes({
        sessions: agentSessions,
        customerData,
        logger,
        onErased: (sessionIds) => {
          sessionIds.forEach((sid) => late.shoppers?.disconnectSession(sid));
          late.agents?.broadcastQueue();
        },
        attribution: webhooks.attribution,
      }),
      metricsRoute({ registry: metrics.registry, token: config.metricsToken, production: config.production }),
      ...buildAgentStorefront({ config, db, core, limiters, metrics, logger, orderRules: parts.orderRules }),
      ...(parts.extraRouters ?? []),
    ],
  });
  const server = http.createServer(app);
  const io = new Server(server, {
    maxHttpBufferSize: 16_384,
    allowRequest: (req, cb) => {
      const ok = isAllowedOrigin(req, config.allowedOrigins);
      cb(ok ? null : 'origin not allowed', ok);
    },
    cors: config.allowedOrigins.length > 0 ? { origin: config.allowedOrigins } : undefined,
    // Every room broadcast also goes through Redis to the other instances' sockets.
    adapter: redis ? createAdapter(redis.pub, redis.sub, { key: `${redis.prefix}socket.io` }) : undefined,
  });
  const agentSocket = attachAgentSocket({
    io,
    sessions: agentSessions,
    desk,
    ownership,
    approvals,
    events,
    logger,
    clustered: Boolean(redis),
  });
  desk.onNote((n) => agentSocket.note(n));
  metrics.watch({
    openSockets: () => ({
      [SHOPPER_NAMESPACE]: io.of(SHOPPER_NAMESPACE).sockets.size,
      [AGENT_NAMESPACE]: io.of(AGENT_NAMESPACE).sockets.size,
    }),
    waiting: () => countWaiting(db),
  });
  const stopApprovals = approvals.onChange((a) => agentSocket.approval(a));
  const shopperSocket = attachShopperSocket({
    io,
    sessions,
    chat,
    conversations,
    events,
    carts,
    platformCarts: core.platformCarts,
    customers,
    languages,
    limits,
    clientIp: (req) => clientIp(req, trust),
    logger,
    onTyping: (conversationId, isTyping) => agentSocket.shopperTyping(conversationId, isTyping),
    onRating: (conversationId, rating, comment) => desk.rate(conversationId, rating, comment),
    clustered: Boolean(redis),
  });
  late.agents = agentSocket;
  late.shoppers = shopperSocket;
  await chat.recover();
  retention.start();
  const replies = trackRepliesInFlight(events);

  return {
    server,
    io,
    chat,
    metrics,
    services: {
      ...core,
      tokens,
      sessions,
      agentSessions,
      desk,
      accounts,
      customerData,
      retention,
      limits,
      catalogRefresher: webhooks.refresher,
    },
    /**
     * Stops this instance. With a grace period (SIGTERM): `/readyz` fails and no new connection
     * is accepted, and replies being written here get up to `graceMs` to complete. Then the
     * remaining turns stop and every socket is closed: clients reconnect (to another instance)
     * and catch up from their last sequence number.
     */
    async close(opts: { graceMs?: number } = {}) {
      shuttingDown = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if (opts.graceMs && replies.count > 0) {
        logger.info(`waiting up to ${opts.graceMs} ms for the replies being written to complete`);
        if (!(await replies.idle(opts.graceMs))) {
          const n = replies.count;
          logger.warn(`still writing ${n} ${n === 1 ? 'reply' : 'replies'} at the deadline; they end as interrupted`);
        }
      }
      replies.stop();
      retention.stop();
      shopperSocket.close();
      stopApprovals();
      agentSocket.close();
      await chat.close();
      await io.close();
      await stopped;
      await webhooks.refresher.idle();
      await studio.idle();
      core.prompts.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;
