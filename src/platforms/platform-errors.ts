import { AppError } from '../errors.js';

/** A platform API refused or failed a call; the message names the setting to check. */
export class PlatformError extends AppError {
  constructor(code: string, message: string, opts: { status?: number; cause?: unknown } = {}) {
    super(code, message, { status: opts.status ?? 502, expose: true, cause: opts.cause });
    this.name = 'PlatformError';
  }
}

/** Waits `ms` milliseconds; injectable so tests of retries do not wait for real. */
export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds of a `Retry-After` header (seconds), bounded; `fallback` when absent or unreadable. */
export function retryAfterMs(header: string | null, fallback: number, max = 10_000): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, max) : fallback;
}
