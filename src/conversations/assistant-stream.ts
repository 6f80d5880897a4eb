import type { EventLog } from './event-log.js';
import type { ConversationEventBody } from './event-types.js';

/**
 * Emits one assistant message's events, each only while the assistant still owns the
 * conversation. Text deltas are coalesced (every ~40 ms) so the log stays small. Once a human
 * has taken over, everything further is discarded and `discarded` turns true.
 */
export function createAssistantStream(deps: {
  events: EventLog;
  conversationId: string;
  messageId: string;
  epoch: number;
  onDiscard: () => void;
  onError?: (err: unknown) => void;
}) {
  let epoch = deps.epoch;
  let buffer = '';
  let streamed = '';
  let timer: NodeJS.Timeout | null = null;
  let discarded = false;
  let chain: Promise<unknown> = Promise.resolve();

  const emit = (body: ConversationEventBody) => {
    chain = chain.then(async () => {
      if (discarded) return;
      const e = await deps.events.appendIfAssistantOwns(deps.conversationId, epoch, body).catch((err: unknown) => {
        deps.onError?.(err);
        return null;
      });
      if (!e) {
        discarded = true;
        deps.onDiscard();
      }
    });
    return chain;
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!buffer) return chain;
    const text = buffer;
    buffer = '';
    streamed += text;
    return emit({ type: 'message.delta', messageId: deps.messageId, text });
  };

  return {
    get discarded() {
      return discarded;
    },
    get streamedText() {
      return streamed + buffer;
    },
    /** The conversation moved to a new epoch through this turn's own handoff. */
    setEpoch(e: number) {
      epoch = e;
    },
    start: () => emit({ type: 'message.started', messageId: deps.messageId, role: 'assistant' }),
    delta(text: string) {
      buffer += text;
      if (buffer.length > 400) void flush();
      else timer ??= setTimeout(() => void flush(), 40);
    },
    async complete(
      body: Omit<Extract<ConversationEventBody, { type: 'message.completed' }>, 'type' | 'messageId' | 'role'>,
    ) {
      await flush();
      await emit({ type: 'message.completed', messageId: deps.messageId, role: 'assistant', ...body });
      await chain;
      return !discarded;
    },
    /** Waits for everything emitted so far. */
    settled: () => chain,
  };
}
