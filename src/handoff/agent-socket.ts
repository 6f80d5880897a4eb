import type { Server } from 'socket.io';
import type { EventLog } from '../conversations/event-log.js';
import { eventBinder, typedNamespace } from '../shared/typed-socket.js';
import type { SessionTokens } from '../identity/session-tokens.js';
import { AuthError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AgentAccounts, AgentIdentity } from '../identity/agent-accounts.js';
import type { AgentDesk } from './agent-desk.js';
import {
  AGENT_NAMESPACE,
  agentCartPayload,
  agentTypingPayload,
  closePayload,
  conversationPayload,
  decidePayload,
  openPayload,
  replyPayload,
  queueListPayload,
  type AgentClientEvents,
  type AgentServerEvent,
  type AgentServerEvents,
} from './agent-protocol.js';
import type { Approvals } from './approvals.js';
import type { Ownership } from '../conversations/ownership.js';
import type { Approval, Note } from './agent-protocol.js';

export interface AgentSocketDeps {
  io: Server;
  tokens: SessionTokens;
  accounts: AgentAccounts;
  desk: AgentDesk;
  ownership: Ownership;
  approvals: Approvals;
  events: EventLog;
  logger: Logger;
}

const room = (conversationId: string) => `conv:${conversationId}`;
const ALL = 'agents';

/** Verifies an agent token (never a shopper's: agent tokens are signed with their own key). */
export async function agentFromToken(
  tokens: SessionTokens,
  accounts: AgentAccounts,
  token: string | undefined,
): Promise<AgentIdentity> {
  const claims = tokens.verify(token);
  const agent = claims?.sid.startsWith('agent:') ? await accounts.byEmail(claims.sid.slice(6)) : null;
  if (!agent) throw new AuthError('auth:agent_required', 'Log in to the console first.');
  return agent;
}

/**
 * The console's namespace. Refuses unauthenticated sockets; pushes the whole queue whenever it
 * changes (so a reconnected console is never stale) and the live events of opened conversations.
 */
export function attachAgentSocket(deps: AgentSocketDeps) {
  const nsp = typedNamespace<AgentClientEvents, AgentServerEvents, { agent: AgentIdentity }>(deps.io, AGENT_NAMESPACE);
  const send = (target: { emit: (ev: 'agent:event', e: AgentServerEvent) => unknown }, e: AgentServerEvent) =>
    target.emit('agent:event', e);

  const typingState = new Map<string, boolean>();
  let queueTimer: NodeJS.Timeout | null = null;
  const broadcastQueue = () => {
    queueTimer ??= setTimeout(async () => {
      queueTimer = null;
      try {
        send(nsp.to(ALL), { type: 'queue', items: await deps.desk.queue() });
      } catch (err) {
        deps.logger.error('queue broadcast failed', { err });
      }
    }, 50);
  };

  nsp.use((socket, next) => {
    agentFromToken(deps.tokens, deps.accounts, (socket.handshake.auth as { token?: string } | undefined)?.token).then(
      (agent) => {
        socket.data.agent = agent;
        next();
      },
      (err: Error) => next(err),
    );
  });

  nsp.on('connection', async (socket) => {
    const agent = socket.data.agent;
    const on = eventBinder(socket, deps.logger);
    await socket.join(ALL);
    send(socket, { type: 'queue', items: await deps.desk.queue() });

    on('queue:list', queueListPayload, () => deps.desk.queue());
    on('conversation:open', openPayload, async (p) => {
      await socket.join(room(p.conversationId));
      return deps.desk.detail(p.conversationId, p.afterSeq);
    });
    const transition = (fn: (id: string) => Promise<void>) => async (p: { conversationId: string }) => {
      await fn(p.conversationId);
      await socket.join(room(p.conversationId));
      broadcastQueue();
      return { status: (await deps.desk.status(p.conversationId)).status };
    };
    on(
      'conversation:claim',
      conversationPayload,
      transition((id) => deps.ownership.claim(id, agent)),
    );
    on(
      'conversation:release',
      conversationPayload,
      transition((id) => deps.ownership.release(id, agent)),
    );
    on('conversation:close', closePayload, async (p) =>
      transition((id) => deps.ownership.close(id, agent, p.resolution))(p),
    );
    on('message:send', replyPayload, (p) => deps.desk.reply(p.conversationId, agent, p.text));
    on('note:add', replyPayload, (p) => deps.desk.addNote(p.conversationId, agent, p.text));
    on('cart:set', agentCartPayload, (p) => deps.desk.setCart(p.conversationId, agent, p.sku, p.quantity));
    on('typing:set', agentTypingPayload, async (p) => {
      socket.to(room(p.conversationId)).emit('agent:event', {
        type: 'typing',
        conversationId: p.conversationId,
        role: 'agent',
        isTyping: p.isTyping,
        agentName: agent.name,
      });
      // The shopper sees the holder typing; only changes are logged, so the log stays small.
      const key = `${p.conversationId}:${agent.email}`;
      if (typingState.get(key) !== p.isTyping) {
        await deps.ownership.requireHolder(p.conversationId, agent);
        typingState.set(key, p.isTyping);
        await deps.events.append(p.conversationId, { type: 'typing', role: 'agent', isTyping: p.isTyping });
      }
      return null;
    });
    on('approval:decide', decidePayload, (p) => deps.approvals.decide(p.approvalId, agent, p.decision, p.quantity));
  });

  const unsubscribe = deps.events.subscribe((e) => {
    send(nsp.to(room(e.conversationId)), { type: 'conversation', event: e });
    if (e.type === 'status.changed' || e.type === 'message.created') broadcastQueue();
  });

  return {
    broadcastQueue,
    note: (n: Note) => send(nsp.to(room(n.conversationId)), { type: 'note', note: n }),
    approval(a: Approval) {
      send(nsp.to(room(a.conversationId)), { type: 'approval', approval: a });
      broadcastQueue();
    },
    shopperTyping: (conversationId: string, isTyping: boolean) =>
      send(nsp.to(room(conversationId)), { type: 'typing', conversationId, role: 'shopper', isTyping }),
    close() {
      unsubscribe();
      if (queueTimer) clearTimeout(queueTimer);
    },
  };
}
