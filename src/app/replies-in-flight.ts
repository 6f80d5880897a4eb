import type { EventLog } from '../conversations/event-log.js';

/**
 * The assistant replies this process is writing, read from its own event log (which publishes
 * only what this process appended): a shutdown waits for them to complete.
 */
export function trackRepliesInFlight(events: EventLog) {
  const writing = new Set<string>();
  const waiters = new Set<() => void>();
  const stop = events.subscribe((e) => {
    if (e.type === 'message.started') writing.add(e.messageId);
    else if (e.type === 'message.completed' && writing.delete(e.messageId) && writing.size === 0) {
      for (const w of waiters) w();
    }
  });
  return {
    get count() {
      return writing.size;
    },
    /** Resolves true once no reply is being written here, or false when `timeoutMs` ran out first. */
    idle(timeoutMs: number): Promise<boolean> {
      if (writing.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = (idle: boolean) => {
          clearTimeout(timer);
          waiters.delete(onIdle);
          resolve(idle);
        };
        const onIdle = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        waiters.add(onIdle);
      });
    },
    stop,
  };
}
