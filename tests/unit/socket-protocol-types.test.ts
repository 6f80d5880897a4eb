import type { Namespace } from 'socket.io';
import { describe, expect, it } from 'vitest';
import {
  sendPayload,
  stopPayload,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../src/chat/protocol.js';
import { replyPayload, type AgentClientEvents } from '../../src/handoff/agent-protocol.js';
import type { eventBinder } from '../../src/shared/typed-socket.js';

/**
 * The socket event maps are contracts that `npm run typecheck` enforces: each `@ts-expect-error`
 * below must be an error, or the type check fails.
 */
function shopperContract(on: ReturnType<typeof eventBinder<ClientToServerEvents>>) {
  const sent = async () => ({ messageId: 'u_1', seq: 1, queued: false });
  on('message:send', sendPayload, sent);
  // @ts-expect-error a misspelled event is not in the protocol
  on('message:sned', sendPayload, sent);
  // @ts-expect-error the ack of message:send carries { messageId, seq, queued }
  on('message:send', sendPayload, async () => ({ stopped: true }));
  // @ts-expect-error the schema must parse the payload the event declares
  on('message:send', stopPayload, sent);
}

function agentContract(on: ReturnType<typeof eventBinder<AgentClientEvents>>) {
  on('message:send', replyPayload, async () => ({ seq: 3 }));
  // @ts-expect-error an agent's reply is acked with its sequence number
  on('message:send', replyPayload, async () => ({ status: 'bot' }));
}

function serverEvents(nsp: Namespace<ClientToServerEvents, ServerToClientEvents>) {
  // @ts-expect-error the shopper namespace only emits conversation:event
  nsp.to('conv:1').emit('conversation:evnt', null);
}

describe('socket protocol types', () => {
  it('are checked at compile time (see the @ts-expect-error lines)', () => {
    expect([shopperContract, agentContract, serverEvents].every((f) => typeof f === 'function')).toBe(true);
  });
});
