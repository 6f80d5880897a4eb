import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Ownership } from '../conversations/ownership.js';
import { AuthError } from '../errors.js';
import type { AgentAccounts, AgentIdentity } from '../identity/agent-accounts.js';
import type { AgentSession, AgentSessions } from '../identity/agent-sessions.js';
import type { LoginBackoff } from '../limits/login-backoff.js';
import { bearerToken } from '../shared/bearer-token.js';
import { parseInput } from '../shared/parse-input.js';
import type { AgentDesk } from './agent-desk.js';
import { agentCartPayload, closePayload, loginBody, queueListPayload, replyPayload } from './agent-protocol.js';

const afterQuery = z.strictObject({ after: z.coerce.number().int().min(0).default(0) });
const queueQuery = z.strictObject({
  filter: queueListPayload.shape.filter,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** The console's REST API (docs/api.md): log in and out, the queue, a conversation's picture, and every action. */
export function agentRoutes(deps: {
  accounts: AgentAccounts;
  sessions: AgentSessions;
  backoff: LoginBackoff;
  desk: AgentDesk;
  ownership: Ownership;
  onChange: () => void;
  /** A session ended: its sockets are disconnected. */
  onLogout: (sessionId: string) => void;
}): Router {
  const r = Router();
  const sessionOf = (req: Request): Promise<AgentSession> =>
    deps.sessions.authenticate(bearerToken(req.get('authorization')));
  const agentOf = async (req: Request): Promise<AgentIdentity> => (await sessionOf(req)).agent;
  const id = (req: Request) => String(req.params.id);
  const body = <S extends z.ZodType>(schema: S, req: Request, extra: object = {}) =>
    parseInput(schema, { ...req.body, ...extra }, 'field');

  r.post('/api/agent/sessions', async (req, res) => {
    const b = parseInput(loginBody, req.body ?? {}, 'field');
    const ip = req.ip ?? 'unknown';
    await deps.backoff.check(b.email, ip);
    const agent = await deps.accounts.verify(b.email, b.password);
    if (!agent) {
      await deps.backoff.failed(b.email, ip);
      throw new AuthError('auth:bad_login', 'Wrong email or password.');
    }
    await deps.backoff.succeeded(b.email, ip);
    const { token, session } = await deps.sessions.create(agent, ip);
    res.status(201).json({ token, agent, expiresAt: session.expiresAt });
  });
  r.delete('/api/agent/sessions', async (req, res) => {
    const session = await sessionOf(req);
    await deps.sessions.end(session.id);
    deps.onLogout(session.id);
    res.status(204).end();
  });
  r.get('/api/agent/queue', async (req, res) => {
    const agent = await agentOf(req);
    res.json(await deps.desk.queue(agent, parseInput(queueQuery, req.query)));
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
