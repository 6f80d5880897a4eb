import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthError } from '../errors.js';

/**
 * Checks a webhook's signature: base64 HMAC-SHA256 of the raw body with the shared secret, compared
 * in constant time. Without a secret nothing is accepted (the routes fail closed).
 */
export function verifyWebhookSignature(p: {
  platform: string;
  secret: string | undefined;
  body: Buffer;
  signature: string | undefined;
  header: string;
}): void {
  if (!p.secret)
    throw new AuthError('webhooks:not_configured', `${p.platform} webhooks are off: no webhook secret is set.`);
  const expected = createHmac('sha256', p.secret).update(p.body).digest();
  const given = Buffer.from((p.signature ?? '').trim(), 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new AuthError('webhooks:bad_signature', `The ${p.header} signature does not match the body.`);
}

/** The signature a platform would send for this body (tests and docs). */
export function signWebhookBody(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}
