import type { IncomingMessage } from 'node:http';

/**
 * Is a browser request from an allowed shop origin? Same-origin requests always are; others
 * must be in the allowlist. Requests without an Origin header (server-to-server) are allowed.
 */
export function isAllowedOrigin(req: Pick<IncomingMessage, 'headers'>, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
