import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export interface SessionClaims {
  /** Session id: the shopper's browser (or channel user). */
  sid: string;
  /** The verified customer, or null for an anonymous shopper. */
  cid: string | null;
  iat: number;
}

const claimsSchema = z.object({
  sid: z.string().min(8).max(100),
  cid: z.string().max(100).nullable(),
  iat: z.number().int(),
});

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** Signed, stateless session tokens: `payload.signature`, HMAC-SHA256 with the server's secret. */
export function createSessionTokens(secret: string, opts: { maxAgeDays?: number; now?: () => number } = {}) {
  const now = opts.now ?? Date.now;
  const maxAgeMs = (opts.maxAgeDays ?? 30) * 86_400_000;
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest();
  return {
    newSessionId: () => `ses_${randomBytes(16).toString('hex')}`,
    issue(claims: Omit<SessionClaims, 'iat'>): string {
      const payload = b64(JSON.stringify({ ...claims, iat: now() }));
      return `${payload}.${b64(sign(payload))}`;
    },
    /** The claims of a valid, unexpired token, or null. */
    verify(token: string | undefined | null): SessionClaims | null {
      if (!token || token.length > 1_000) return null;
      const [payload, sig] = token.split('.');
      if (!payload || !sig) return null;
      const expected = sign(payload);
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
        return now() - claims.iat > maxAgeMs ? null : claims;
      } catch {
        return null;
      }
    },
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;

/** The identity hash a shop's backend computes for a signed-in customer (as Intercom and Chatwoot do). */
export function identityHash(identitySecret: string, customerId: string): string {
  return createHmac('sha256', identitySecret).update(customerId).digest('hex');
}

/** Constant-time check of a customer's identity hash. */
export function verifyIdentity(identitySecret: string, customerId: string, hash: string): boolean {
  const expected = Buffer.from(identityHash(identitySecret, customerId), 'hex');
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
