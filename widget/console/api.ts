import { io, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE } from '../../src/handoff/agent-constants.js';
import type { AgentClientEvents, AgentServerEvent, AgentServerEvents } from '../../src/handoff/agent-protocol.js';
import { createSessionStore, ServerError as ConsoleError } from '../shared/session-store.js';
import { t } from '../i18n/live.js';

export interface AgentSession {
  token: string;
  agent: { email: string; name: string };
}

/**
 * An error to show: one the server reported (`{ code, message, details }`, worded for the agent by
 * `errorText`) or a problem of the console's own, whose message is already in the console's language.
 */
export { ConsoleError };

/** The login lasts for this tab (sessionStorage). */
export const sessionStore = createSessionStore<AgentSession>(
  'concierge:agent-session',
  (s) => typeof s.token === 'string' && typeof s.agent?.email === 'string',
);

/** POST /api/agent/sessions. */
export async function login(email: string, password: string): Promise<AgentSession> {
  let res: Response;
  try {
    res = await fetch('/api/agent/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    throw new ConsoleError('network:offline', t('console.error.unreachable'));
  }
  const json = (await res.json().catch(() => null)) as
    (AgentSession & { error?: { code: string; message: string } }) | null;
  if (res.status === 401) throw new ConsoleError('auth:invalid', t('console.error.badLogin'));
  if (res.status === 429) throw new ConsoleError('rate:limited', t('console.error.tooMany'));
  if (!res.ok || !json || json.error || typeof json.token !== 'string') {
    throw new ConsoleError(json?.error?.code ?? `http:${res.status}`, json?.error?.message ?? t('login.failed'));
  }
  return { token: json.token, agent: { email: json.agent.email, name: json.agent.name } };
}

type ClientEvent = keyof AgentClientEvents;
type PayloadOf<E extends ClientEvent> = Parameters<AgentClientEvents[E]>[0];
type AckOf<E extends ClientEvent> = Parameters<NonNullable<Parameters<AgentClientEvents[E]>[1]>>[0];
export type DataOf<E extends ClientEvent> = Extract<AckOf<E>, { ok: true }>['data'];

export interface ConnectionHooks {
  /** Every connect, the first and each reconnect: the moment to resync. */
  connected(): void;
  disconnected(): void;
  /** The server refused the token (expired or revoked): the agent must log in again. */
  refused(message: string): void;
  event(e: AgentServerEvent): void;
}

const ACK_TIMEOUT_MS = 10_000;

/** The agent's socket on `/agent`: typed requests with acks, and the server's pushed events. */
export function connectAgent(token: string, hooks: ConnectionHooks) {
  const socket: Socket<AgentServerEvents, AgentClientEvents> = io(AGENT_NAMESPACE, {
    path: '/socket.io',
    auth: { token },
  });
  socket.on('connect', () => hooks.connected());
  socket.on('disconnect', (reason) => {
    hooks.disconnected();
    // The server dropped us on purpose (e.g. a restart draining sockets): socket.io leaves
    // reconnecting to us. If the token is no longer good the handshake says so.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    // socket.io stops retrying only when the server's middleware refused the handshake.
    if (!socket.active) hooks.refused(err.message);
    else hooks.disconnected();
  });
  socket.on('agent:event', (e) => hooks.event(e));

  return {
    get connected() {
      return socket.connected;
    },
    /** Emits and resolves with the ack's data; rejects with the server's error. Never queued while offline. */
    request<E extends ClientEvent>(event: E, payload: PayloadOf<E>): Promise<DataOf<E>> {
      // A request buffered while offline would go out after the reconnect, maybe long after
      // the agent retried: refuse it now instead.
      if (!socket.connected) return Promise.reject(new ConsoleError('network:offline', t('console.error.offline')));
      return new Promise((resolve, reject) => {
        const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
          emit(e: string, p: unknown, ack: (err: Error | null, r: AckOf<E>) => void): void;
        };
        timed.emit(event, payload, (err, r) => {
          if (err && !socket.connected) reject(new ConsoleError('network:offline', t('console.error.dropped')));
          else if (err) reject(new ConsoleError('network:timeout', t('console.error.timeout')));
          else if (r.ok) resolve(r.data as DataOf<E>);
          else reject(new ConsoleError(r.error.code, r.error.message, r.error.details));
        });
      });
    },
    /** Fire and forget (typing). */
    notify<E extends ClientEvent>(event: E, payload: PayloadOf<E>): void {
      if (socket.connected) (socket.emit as unknown as (e: string, p: unknown) => void)(event, payload);
    },
    close(): void {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

export type AgentClient = ReturnType<typeof connectAgent>;
