import type { EventLog } from './event-log.js';
import type { ConversationEventBody } from './event-types.js';

type Completion = Omit<Extract<ConversationEventBody, { type: 'message.completed' }>, 'type' | 'messageId' | 'role'>;

/**
 * Emits one assistant message's events, each only while the assistant still owns the
 * conversation. Text deltas are coalesced (every ~40 ms) so the log stays small. Once a human
 * has taken over, everything further is discarded and `discarded` turns true. A write that fails
 * (the database, not a takeover) stops the stream too, but marks it `writeFailed`: the caller ends
 * the message as failed and retryable instead of treating it as a takeover.
 */
export function createAssistantStream(deps: {
  events: EventLog;
  conversationId: string;
  messageId: string;
  epoch: number;
  /** Nothing more will be shown: a person took over, or a write failed. */
  onDiscard: () => void;
  onError?: (err: unknown) => void;
}) {
  let epoch = deps.epoch;
  let buffer = '';
  let streamed = '';
  let timer: NodeJS.Timeout | null = null;
  let discarded = false;
  let writeFailed = false;
  let started = false;
  let chain: Promise<unknown> = Promise.resolve();

  const write = async (body: ConversationEventBody): Promise<boolean> => {
    try {
      const e = await deps.events.appendIfAssistantOwns(deps.conversationId, epoch, body);
      if (e) return true;
      discarded = true;
    } catch (err) {
      writeFailed = true;
      deps.onError?.(err);
    }
    deps.onDiscard();
    return false;
  };
  const emit = (body: ConversationEventBody) => {
    chain = chain.then(async () => {
      if (discarded || writeFailed) return;
      if ((await write(body)) && body.type === 'message.started') started = true;
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
    get writeFailed() {
      return writeFailed;
    },
    /** The message exists in the log (its `message.started` was stored). */
    get started() {
      return started;
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
    /** Ends the message; true when the shopper got it. After a failed write, one last try to end it as failed. */
    async complete(body: Completion): Promise<boolean> {
      await flush();
      const event = { type: 'message.completed', messageId: deps.messageId, role: 'assistant', ...body } as const;
      if (writeFailed && started && !discarded) {
        writeFailed = false;
        return write(event);
      }
      await emit(event);
      await chain;
      return !discarded && !writeFailed;
    },
    /** Writes the buffered text and waits for every write so far (then `writeFailed` is known). */
    async settle(): Promise<void> {
      await flush();
      await chain;
    },
  };
}
