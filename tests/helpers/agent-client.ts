import { io as connect, type Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, type AgentServerEvent } from '../../src/handoff/agent-protocol.js';

export async function agentLogin(
  url: string,
  email: string,
  password: string,
): Promise<{ status: number; token?: string; error?: { code: string } }> {
  const res = await fetch(`${url}/api/agent/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { token?: string; error?: { code: string } };
  return { status: res.status, ...body };
}

/** A real socket.io client on the agent namespace that records every pushed event. */
export async function connectAgent(
  url: string,
  token: string | undefined,
): Promise<{ socket: Socket; events: AgentServerEvent[] }> {
  const socket = connect(`${url}${AGENT_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const events: AgentServerEvent[] = [];
  socket.on('agent:event', (e: AgentServerEvent) => events.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, events };
}

export function ask<T = unknown>(
  socket: Socket,
  event: string,
  payload: unknown,
): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string; details?: unknown } }> {
  return new Promise((resolve) => socket.emit(event, payload, resolve));
}
