import type { Request, Router } from 'express';
import { createAgentCarts } from '../carts/agent-carts.js';
import { createShopLinks } from '../catalog/shop-links.js';
import type { Database } from '../db/database.js';
import { agentDiscoveryRoutes } from '../http/routes/agent-discovery-routes.js';
import type { LimiterFactory } from '../limits/rate-limiter.js';
import type { Logger } from '../logger.js';
import { mcpRoutes } from '../mcp/mcp-routes.js';
import { createStorefrontTools } from '../mcp/storefront-tools.js';
import type { Metrics } from '../metrics/metrics.js';
import { DEFAULT_ORDER_RULES, type OrderRules } from '../orders/order-rules.js';
import { publicOrigin } from '../shared/public-origin.js';
import type { AppConfig } from './build-app.js';
import type { Core } from './build-core.js';

/**
 * The agent-facing storefront: the MCP server at /api/mcp over the same catalog search, product
 * lookup, carts and policy search the assistant uses, the ACP product feed and /llms.txt.
 */
export function buildAgentStorefront(parts: {
  config: AppConfig;
  db: Database;
  core: Core;
  limiters: LimiterFactory;
  metrics: Metrics;
  logger: Logger;
  orderRules?: OrderRules;
}): Router[] {
  const { config, core, metrics } = parts;
  const linksFor = (req: Request) =>
    createShopLinks({
      platform: config.shop.platform,
      base: publicOrigin(config.shop.publicUrl, req),
      shopifyDomain: config.platforms?.shopify.storeDomain,
      wooUrl: config.platforms?.woocommerce.url,
    });
  const perMinute = (name: string, limit: number, what: string) =>
    parts.limiters({ name, limit, windowMs: 60_000, what, onRefused: metrics.rateLimited });
  const tools = createStorefrontTools({
    finder: core.finder,
    products: core.products,
    carts: core.carts,
    agentCarts: createAgentCarts({ db: parts.db, carts: core.carts, currency: config.shop.currency }),
    policies: core.policies,
    approvals: core.approvals,
    newCarts: perMinute('agent-carts:ip', config.limits.sessionsPerMinute, 'new carts'),
  });
  return [
    mcpRoutes({
      tools,
      shopName: config.shop.name,
      calls: perMinute('agent-calls:ip', config.limits.messagesPerMinute * 5, 'agent storefront calls'),
      linksFor,
      onCall: metrics.storefrontCall,
      onError: (tool, err) => parts.logger.error('agent storefront tool failed', { tool, err }),
    }),
    agentDiscoveryRoutes({
      db: parts.db,
      shop: { name: config.shop.name, country: config.shop.country ?? null, targetCountries: config.shop.shipTo ?? [] },
      returnWindowDays: (parts.orderRules ?? DEFAULT_ORDER_RULES).returnWindowDays,
      linksFor,
    }),
  ];
}
