import type { Server } from 'socket.io';
import type { EventLog } from '../conversations/event-log.js';
import type { Ownership } from '../conversations/ownership.js';
import { AuthError } from '../errors.js';
import type { AgentIdentity } from '../identity/agent-accounts.js';
import type { AgentSessions } from '../identity/agent-sessions.js';
import type { Logger } from '../logger.js';
import { eventBinder, typedNamespace } from '../shared/typed-socket.js';
import type { AgentDesk } from './agent-desk.js';
import {
  AGENT_NAMESPACE,
  agentCartPayload,
  agentTypingPayload,
  closePayload,
  conversationPayload,
  decidePayload,
  DEFAULT_QUEUE_VIEW,
  openPayload,
  orderExecutePayload,
  orderPreparePayload,
  queueListPayload,
  replyPayload,
  translatePayload,
  type AgentClientEvents,
  type AgentServerEvent,
  type AgentServerEvents,
  type Approval,
  type Note,
} from './agent-protocol.js';
import type { Approvals } from './approvals.js';

export interface AgentSocketDeps {
  io: Server;
  sessions: AgentSessions;
  desk: AgentDesk;
  ownership: Ownership;
  approvals: Approvals;
  events: EventLog;
  logger: Logger;
  /** Other instances share this namespace (Redis adapter): queue changes are announced to them. */
  clustered?: boolean;
}

/** What the instances of a cluster tell each other on this namespace. */
interface AgentClusterEvents {
  /** The queue changed: each instance sends its own consoles the new first page. */
  'queue:changed': () => void;
}

interface AgentSocketData {
  agent: AgentIdentity;
  sessionId: string;
}

const room = (conversationId: string) => `conv:${conversationId}`;
const sessionRoom = (sessionId: string) => `agent-session:${sessionId}`;

/**
 * The console's namespace. Refuses sockets without a live console session, checks the session
 * again before every action (a logout or a disabled account stops it at once, on any instance),
 * pushes the queue whenever it changes (so a reconnected console is never stale) and the live
 * events of opened conversations.
 */
export function attachAgentSocket(deps: AgentSocketDeps) {
  const nsp = typedNamespace<AgentClientEvents, AgentServerEvents, AgentSocketData, AgentClusterEvents>(
    deps.io,
    AGENT_NAMESPACE,
  );
  const send = (target: { emit: (ev: 'agent:event', e: AgentServerEvent) => unknown }, e: AgentServerEvent) =>
    target.emit('agent:event', e);

  const typingState = new Map<string, boolean>();
  let queueTimer: NodeJS.Timeout | null = null;
  let announce = false;
  /**
   * Each agent connected here gets the first page of the queue (with their own "mine" count), at most
   * every 50 ms; a change made here is announced to the other instances at the same pace.
   */
  const pushQueue = () => {
    queueTimer ??= setTimeout(async () => {
      queueTimer = null;
      if (announce) nsp.serverSideEmit('queue:changed');
      announce = false;
      const byAgent = new Map<string, { agent: AgentIdentity; ids: string[] }>();
      for (const s of nsp.sockets.values()) {
        const entry = byAgent.get(s.data.agent.email) ?? { agent: s.data.agent, ids: [] };
        entry.ids.push(s.id);
        byAgent.set(s.data.agent.email, entry);
      }
      for (const { agent, ids } of byAgent.values()) {
        try {
          send(nsp.to(ids), { type: 'queue', ...(await deps.desk.queue(agent, DEFAULT_QUEUE_VIEW)) });
        } catch (err) {
          deps.logger.error('queue broadcast failed', { err });
        }
      }
    }, 50);
  };
  /** The consoles on every instance get the new queue. */
  const broadcastQueue = () => {
    announce ||= deps.clustered === true;
    pushQueue();
  };
  nsp.on('queue:changed', pushQueue);

  nsp.use((socket, next) => {
    deps.sessions.authenticate((socket.handshake.auth as { token?: string } | undefined)?.token).then(
      (session) => {
        socket.data.agent = session.agent;
        socket.data.sessionId = session.id;
        next();
      },
      (err: unknown) => {
        if (!(err instanceof AuthError)) deps.logger.error('agent socket authentication failed', { err });
        next(err instanceof AuthError ? err : new AuthError('auth:agent_required', 'Log in to the console first.'));
      },
    );
  });

  nsp.on('connection', (socket) => {
    const { agent, sessionId } = socket.data;
    const bind = eventBinder(socket, deps.logger);
    // Every action first checks that the console session is still live.
    const on: typeof bind = (event, schema, run) =>
      bind(event, schema, async (input) => {
        if (!(await deps.sessions.isLive(sessionId))) {
          setImmediate(() => socket.disconnect(true));
          throw new AuthError('auth:agent_required', 'Your console session has ended. Log in again.');
        }
        return run(input);
      });

    on('queue:list', queueListPayload, (p) => deps.desk.queue(agent, p));
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
    on('approval:decide', decidePayload, (p) =>
      deps.approvals.decide(p.approvalId, agent, p.decision, { quantity: p.quantity, note: p.note }),
    );
    on('order:prepare', orderPreparePayload, (p) => deps.desk.prepareOrderChange(p.conversationId, agent, p.change));
    on('order:execute', orderExecutePayload, (p) => deps.desk.executeOrderChange(p.conversationId, agent, p.actionId));
    on('text:translate', translatePayload, (p) => deps.desk.translate(p.conversationId, p.text, p.to));

    // Rooms and the first queue page last: a failure here is logged, and the console asks again.
    void (async () => {
      await socket.join([sessionRoom(sessionId), 'agents']);
      send(socket, { type: 'queue', ...(await deps.desk.queue(agent, DEFAULT_QUEUE_VIEW)) });
    })().catch((err: unknown) => deps.logger.error('agent socket setup failed', { err, agent: agent.email }));
  });

  const unsubscribe = deps.events.subscribe((e) => {
    send(nsp.to(room(e.conversationId)), { type: 'conversation', event: e });
    if (e.type === 'status.changed' || e.type === 'message.created' || e.type === 'language.changed') broadcastQueue();
  });

  return {
    broadcastQueue,
    /** Disconnects every console socket of a session that has ended (logout). */
    endSession: (sessionId: string) => nsp.in(sessionRoom(sessionId)).disconnectSockets(true),
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
