/**
 * A login kept for this tab (sessionStorage): closing the tab logs out. `isSession` checks what is
 * read back, so a stale or edited entry counts as no login.
 */
export function createSessionStore<T>(key: string, isSession: (s: T) => boolean) {
  return {
    load(): T | null {
      try {
        const s = JSON.parse(sessionStorage.getItem(key) ?? 'null') as T | null;
        return s && isSession(s) ? s : null;
      } catch {
        return null;
      }
    },
    save(s: T): void {
      try {
        sessionStorage.setItem(key, JSON.stringify(s));
      } catch {
        // Storage blocked: the login lasts until the page reloads.
      }
    },
    clear(): void {
      try {
        sessionStorage.removeItem(key);
      } catch {
        // nothing stored
      }
    },
  };
}

/** An error to show: one the server reported (`{ code, message, details }`) or a connection problem. */
export class ServerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** What the server sent beside the message (e.g. who holds a conversation), to word it anew. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}
