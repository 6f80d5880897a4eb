import { Router, type Request, type Response } from 'express';
import type { SessionTokens } from '../identity/session-tokens.js';
import { AuthError } from '../errors.js';
import type { AgentAccounts, AgentIdentity } from '../identity/agent-accounts.js';
import type { AgentDesk } from './agent-desk.js';
import { agentCartPayload, closePayload, loginBody, replyPayload } from './agent-protocol.js';
import { agentFromToken } from './agent-socket.js';
import type { Ownership } from '../conversations/ownership.js';
import { parseInput } from '../shared/parse-input.js';
import type { RateLimiter } from '../limits/rate-limiter.js';
import { z } from 'zod';

const afterQuery = z.strictObject({ after: z.coerce.number().int().min(0).default(0) });

/** The console's REST API (docs/api.md): log in, the queue, a conversation's picture, and every action. */
export function agentRoutes(deps: {
  tokens: SessionTokens;
  accounts: AgentAccounts;
  desk: AgentDesk;
  ownership: Ownership;
  loginLimiter: RateLimiter;
  onChange: () => void;
}): Router {
  const r = Router();
  const agentOf = (req: Request): Promise<AgentIdentity> =>
    agentFromToken(deps.tokens, deps.accounts, /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1]);
  const id = (req: Request) => String(req.params.id);
  const body = <S extends z.ZodType>(schema: S, req: Request, extra: object = {}) =>
    parseInput(schema, { ...req.body, ...extra }, 'field');

  r.post('/api/agent/sessions', async (req, res) => {
    deps.loginLimiter.take(`login-ip:${req.ip}`);
    const b = parseInput(loginBody, req.body ?? {}, 'field');
    deps.loginLimiter.take(`login-email:${b.email}`);
    const agent = await deps.accounts.verify(b.email, b.password);
    if (!agent) throw new AuthError('auth:bad_login', 'Wrong email or password.');
    res.status(201).json({ token: deps.tokens.issue({ sid: `agent:${agent.email}`, cid: null }), agent });
  });
  r.get('/api/agent/queue', async (req, res) => {
    await agentOf(req);
    res.json({ items: await deps.desk.queue() });
  });
  r.get('/api/agent/conversations/:id', async (req, res) => {
    await agentOf(req);
    res.json(await deps.desk.detail(id(req), parseInput(afterQuery, req.query).after));
  });
  const transition =
    (fn: (conversationId: string, agent: AgentIdentity, req: Request) => Promise<void>) =>
    async (req: Request, res: Response) => {
      const agent = await agentOf(req);
      await fn(id(req), agent, req);
      deps.onChange();
      res.json(await deps.desk.status(id(req)));
    };
  r.post(
    '/api/agent/conversations/:id/claim',
    transition((c, a) => deps.ownership.claim(c, a)),
  );
  r.post(
    '/api/agent/conversations/:id/release',
    transition((c, a) => deps.ownership.release(c, a)),
  );
  r.post(
    '/api/agent/conversations/:id/close',
    transition((c, a, req) => deps.ownership.close(c, a, body(closePayload, req, { conversationId: c }).resolution)),
  );
  r.post('/api/agent/conversations/:id/messages', async (req, res) => {
    const agent = await agentOf(req);
    const b = body(replyPayload, req, { conversationId: id(req) });
    res.status(201).json(await deps.desk.reply(b.conversationId, agent, b.text));
  });
  r.post('/api/agent/conversations/:id/notes', async (req, res) => {
    const agent = await agentOf(req);
    const b = body(replyPayload, req, { conversationId: id(req) });
    res.status(201).json(await deps.desk.addNote(b.conversationId, agent, b.text));
  });
  r.post('/api/agent/conversations/:id/cart/items', async (req, res) => {
    const agent = await agentOf(req);
    const b = body(agentCartPayload, req, { conversationId: id(req) });
    res.json(await deps.desk.setCart(b.conversationId, agent, b.sku, b.quantity));
  });
  return r;
}
