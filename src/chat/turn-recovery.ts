import type { EventLog } from '../conversations/event-log.js';
import type { RunningTurn, TurnQueue } from '../conversations/turn-queue.js';
import type { Logger } from '../logger.js';

export const INTERRUPTED = '(This answer was interrupted. Press Retry to get a complete one.)';

/**
 * Recovers one running turn whose lease expired (its instance stopped or stalled): takes the lease
 * over, so no other instance recovers it too, then puts it back in the queue when it emitted
 * nothing yet, or ends its half-written answer as failed-and-retryable. Returns whether it was
 * taken over here.
 */
export async function recoverExpiredTurn(
  deps: { queue: TurnQueue; events: EventLog },
  t: RunningTurn,
): Promise<boolean> {
  const { queue, events } = deps;
  if (!(await queue.takeOver(t.userMessageId))) return false;
  const evs = await events.after(t.conversationId, 0);
  const prefix = `a_${t.userMessageId}_`;
  const started = evs.filter((e) => e.type === 'message.started' && e.messageId.startsWith(prefix));
  if (started.length === 0) {
    // Nothing reached the shopper: the turn runs again, from the start.
    await queue.release(t.userMessageId);
    return true;
  }
  let failed = false;
  for (const s of started) {
    if (s.type !== 'message.started') continue;
    const done = evs.find((e) => e.type === 'message.completed' && e.messageId === s.messageId);
    if (done?.type === 'message.completed') {
      failed ||= Boolean(done.failed);
      continue;
    }
    const partial = evs
      .flatMap((e) => (e.type === 'message.delta' && e.messageId === s.messageId ? [e.text] : []))
      .join('');
    await events.append(t.conversationId, {
      type: 'message.completed',
      messageId: s.messageId,
      role: 'assistant',
      text: partial ? `${partial}\n\n${INTERRUPTED}` : INTERRUPTED,
      products: [],
      quickReplies: [],
      failed: true,
      retryable: true,
    });
    failed = true;
  }
  // An answer completed just before its instance stopped keeps its outcome.
  await queue.finish(t.userMessageId, failed ? 'failed' : 'done');
  return true;
}

/** Recovers every expired turn; returns the conversations to pump. */
export async function recoverExpiredTurns(deps: {
  queue: TurnQueue;
  events: EventLog;
  logger: Logger;
}): Promise<string[]> {
  const touched = new Set<string>();
  for (const t of await deps.queue.expired()) {
    try {
      if (await recoverExpiredTurn(deps, t)) touched.add(t.conversationId);
    } catch (err) {
      // Its lease expires again, and the next sweep tries once more.
      deps.logger.error('could not recover an interrupted turn', { ...t, err });
    }
  }
  return [...touched];
}
