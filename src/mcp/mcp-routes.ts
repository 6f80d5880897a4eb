import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ShopLinks } from '../catalog/shop-links.js';
import { AppError } from '../errors.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { parseInput } from '../shared/parse-input.js';
import { createStorefrontServer, type StorefrontServerOptions } from './storefront-server.js';
import type { StorefrontCall, StorefrontTools } from './storefront-tools.js';

const cartId = z.string().trim().min(1).max(255);

/**
 * The agent storefront over HTTP: `POST /api/mcp` (MCP, stateless Streamable HTTP with JSON
 * answers, calls limited per client address) and `GET /api/agent-carts/:id`, the cart an outside
 * agent built, which the storefront loads when a shopper follows its checkout_url.
 */
export function mcpRoutes(
  deps: StorefrontServerOptions & {
    tools: StorefrontTools;
    /** Calls of one client address. */
    calls: RateLimiter;
    linksFor: (req: Request) => ShopLinks;
  },
): Router {
  const r = Router();
  const callOf = (req: Request): StorefrontCall => ({ ip: req.ip ?? 'unknown', links: deps.linksFor(req) });

  r.post('/api/mcp', async (req, res) => {
    const call = callOf(req);
    await deps.calls.take(call.ip);
    const server = createStorefrontServer(deps.tools, call, deps);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  r.all('/api/mcp', () => {
    throw new AppError(
      'http:method_not_allowed',
      'Use POST: this MCP server is stateless (no sessions, no SSE stream).',
      {
        status: 405,
      },
    );
  });
  r.get('/api/agent-carts/:id', async (req, res) => {
    const id = parseInput(cartId, req.params.id, 'cart id');
    res.set('Cache-Control', 'no-store').json(await deps.tools.getCart({ cart_id: id }, callOf(req)));
  });
  return r;
}
