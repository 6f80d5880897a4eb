import { describe, expect, it } from 'vitest';
import { createSessionTokens, identityHash, verifyIdentity } from '../../src/identity/session-tokens.js';
import { createRateLimiter } from '../../src/limits/rate-limiter.js';
import { statedPrices } from '../../src/agent/ground-reply.js';

describe('session tokens', () => {
  it('verifies its own tokens and refuses forged, foreign or expired ones', () => {
    let now = 1_000_000;
    const tokens = createSessionTokens('secret-one-0123456789', { now: () => now, maxAgeDays: 1 });
    const t = tokens.issue({ sid: 'ses_abcdefgh', cid: 'cus_1' });
    expect(tokens.verify(t)).toMatchObject({ sid: 'ses_abcdefgh', cid: 'cus_1' });
    expect(createSessionTokens('secret-two-0123456789').verify(t)).toBeNull();
    const [payload] = t.split('.');
    const forged = `${Buffer.from(JSON.stringify({ sid: 'ses_abcdefgh', cid: 'cus_2', iat: now })).toString('base64url')}.${t.split('.')[1]}`;
    expect(tokens.verify(forged)).toBeNull();
    expect(tokens.verify(`${payload}.`)).toBeNull();
    now += 2 * 86_400_000;
    expect(tokens.verify(t)).toBeNull();
  });
  it('checks a shop-computed identity hash', () => {
    const h = identityHash('idsecret', 'cus_9');
    expect(verifyIdentity('idsecret', 'cus_9', h)).toBe(true);
    expect(verifyIdentity('idsecret', 'cus_8', h)).toBe(false);
    expect(verifyIdentity('idsecret', 'cus_9', 'abc')).toBe(false);
  });
});

describe('rate limiter', () => {
  it('allows a burst, then says slow down, then refills', async () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, what: 'messages', now: () => now });
    await limiter.take('s');
    await limiter.take('s');
    await limiter.take('s');
    await expect(limiter.take('s')).rejects.toThrow(/Too many messages\. Try again in 20 seconds/);
    await limiter.take('other');
    now += 20_000;
    await expect(limiter.take('s')).resolves.toBeUndefined();
  });
});

describe('prices stated in model text', () => {
  it('reads the common ways of writing a price', () => {
    expect(statedPrices('It is €89.99, was 120 EUR, or $12.50; also 49,95 € and 7 euros.')).toEqual([
      8999, 12000, 1250, 4995, 700,
    ]);
  });
});
