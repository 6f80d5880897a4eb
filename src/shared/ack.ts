/** The answer to every acknowledged socket event, on both namespaces. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
