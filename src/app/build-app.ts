import http from 'node:http';
import { Server } from 'socket.io';
import type { ChatModel } from '../agent/model.js';
import type { Embedder } from '../catalog/embeddings/embedder.js';
import { createChatService } from '../chat/chat-service.js';
import { isAllowedOrigin } from '../shared/origin-check.js';
import { createSessionTokens } from '../identity/session-tokens.js';
import { attachShopperSocket } from '../chat/shopper-socket.js';
import { createTurnQueue } from '../conversations/turn-queue.js';
import type { Config } from '../config.js';
import { DEMO_IDENTITY_SECRET } from '../config.js';
import type { Database } from '../db/database.js';
import { createHttpApp } from '../http/create-app.js';
import { createRateLimiter } from '../limits/rate-limiter.js';
import { demoRoutes } from '../http/routes/demo-routes.js';
import { imageRoutes } from '../http/routes/image-routes.js';
import { productSearchRoute } from '../http/routes/product-search-route.js';
import { shopperRoutes } from '../chat/shopper-routes.js';
import type { Logger } from '../logger.js';
import type { Router } from 'express';
import { buildCore } from './build-core.js';
import type { MerchandisingRules } from '../merchandising/merchandising-rules.js';
import { createAgentAccounts } from '../identity/agent-accounts.js';
import { createAgentDesk } from '../handoff/agent-desk.js';
import { attachAgentSocket } from '../handoff/agent-socket.js';
import { applyHandoffRules } from '../handoff/apply-handoff-rules.js';
import { agentRoutes } from '../handoff/agent-routes.js';

export type AppConfig = Pick<
  Config,
  | 'shop'
  | 'model'
  | 'promptsDir'
  | 'promptsWatch'
  | 'identitySecret'
  | 'allowedOrigins'
  | 'rateLimits'
  | 'handoff'
  | 'consoleAgents'
> & {
  sessionSecret: string;
};

export interface AppParts {
  config: AppConfig;
  db: Database;
  embedder: Embedder;
  model: ChatModel;
  logger: Logger;
  merchandising?: MerchandisingRules;
  /** Extra routers (e.g. the widget bundles), mounted before the 404 handler. */
  extraRouters?: Router[];
}

/**
 * Builds the whole application graph from its parts: the HTTP API, the shopper socket
 * namespace and the chat service. Tests build the same graph with their own database and model.
 */
export async function buildApp(parts: AppParts) {
  const { config, db, embedder, model, logger } = parts;
  const core = await buildCore({ config, db, embedder, model, logger, merchandising: parts.merchandising });
  const { search, products, carts, customers, conversations, events, ownership, approvals } = core;
  const queue = createTurnQueue({ db });
  const tokens = createSessionTokens(config.sessionSecret);
  const agentTokens = createSessionTokens(`${config.sessionSecret}:agent`);
  const accounts = createAgentAccounts({ db });
  await accounts.seed(config.consoleAgents);
  const desk = createAgentDesk({ db, conversations, events, carts, customers, products, ownership, approvals, model });
  const chat = createChatService({
    db,
    conversations,
    events,
    queue,
    carts,
    logger,
    turn: core.turn,
    onShopperMessage: (conv, text) =>
      applyHandoffRules({ config: config.handoff, conversations, ownership, db, events }, conv, text),
  });
  const limits = {
    perSession: createRateLimiter({ perMinute: config.rateLimits.messagesPerMinute }),
    perIp: createRateLimiter({ perMinute: config.rateLimits.messagesPerMinute * 5 }),
  };
  const requests = createRateLimiter({ perMinute: config.rateLimits.requestsPerMinute });
  const sessionDeps = {
    tokens,
    identitySecret: config.identitySecret,
    conversations,
    customers,
    carts,
    currency: config.shop.currency,
  };

  const app = createHttpApp({
    logger,
    allowedOrigins: config.allowedOrigins,
    requestLimiter: requests,
    routers: [
      productSearchRoute({ search, currency: config.shop.currency }),
      shopperRoutes({
        ...sessionDeps,
        chat,
        limits,
        turnTimeoutMs: config.model.timeoutMs * (config.model.maxSteps + 1),
      }),
      demoRoutes({
        db,
        identitySecret: config.identitySecret,
        enabled: config.identitySecret === DEMO_IDENTITY_SECRET,
      }),
      imageRoutes({ products }),
      agentRoutes({
        tokens: agentTokens,
        accounts,
        desk,
        ownership,
        loginLimiter: createRateLimiter({ perMinute: 10 }),
        onChange: () => agentSocket.broadcastQueue(),
      }),
      ...(parts.extraRouters ?? []),
    ],
  });
  const server = http.createServer(app);
  const io = new Server(server, {
    maxHttpBufferSize: 16_384,
    allowRequest: (req, cb) =>
      cb(
        isAllowedOrigin(req, config.allowedOrigins) ? null : 'origin not allowed',
        isAllowedOrigin(req, config.allowedOrigins),
      ),
    cors: config.allowedOrigins.length > 0 ? { origin: config.allowedOrigins } : undefined,
  });
  const agentSocket = attachAgentSocket({
    io,
    tokens: agentTokens,
    accounts,
    desk,
    ownership,
    approvals,
    events,
    logger,
  });
  desk.onNote((n) => agentSocket.note(n));
  const stopApprovals = approvals.onChange((a) => agentSocket.approval(a));
  const detach = attachShopperSocket({
    io,
    tokens,
    chat,
    conversations,
    events,
    carts,
    customers,
    limits,
    logger,
    onTyping: (conversationId, isTyping) => agentSocket.shopperTyping(conversationId, isTyping),
    onRating: (conversationId, rating, comment) => desk.rate(conversationId, rating, comment),
  });
  await chat.recover();

  return {
    server,
    io,
    chat,
    services: { ...core, tokens, agentTokens, desk, accounts },
    async close() {
      detach();
      stopApprovals();
      agentSocket.close();
      await chat.close();
      io.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      core.prompts.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;
