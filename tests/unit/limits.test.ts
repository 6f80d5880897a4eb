import { describe, expect, it } from 'vitest';
import { RateLimitError } from '../../src/errors.js';
import { compileTrustProxy } from '../../src/limits/client-ip.js';
import { createConnectionCaps } from '../../src/limits/connection-caps.js';
import { createLoginBackoff, LOGIN_RULES } from '../../src/limits/login-backoff.js';

describe('login back-off', () => {
  it('makes one address wait after a few wrong passwords, doubling, and forgets on success', async () => {
    let now = 0;
    const backoff = createLoginBackoff({ now: () => now });
    for (let i = 0; i < LOGIN_RULES.accountFromIp.free; i++) {
      await backoff.check('kim@shop.example', '203.0.113.7');
      await backoff.failed('kim@shop.example', '203.0.113.7');
    }
    await expect(backoff.check('kim@shop.example', '203.0.113.7')).rejects.toThrow(RateLimitError);
    now += 2_000;
    await backoff.check('kim@shop.example', '203.0.113.7');
    await backoff.failed('kim@shop.example', '203.0.113.7');
    now += 2_000;
    await expect(backoff.check('kim@shop.example', '203.0.113.7')).rejects.toThrow(/Try again in 2 seconds/);
    now += 2_000;
    await backoff.succeeded('kim@shop.example', '203.0.113.7');
    await expect(backoff.check('kim@shop.example', '203.0.113.7')).resolves.toBeUndefined();
  });

  it('never locks an account out for long when guesses come from many addresses', async () => {
    let now = 0;
    const backoff = createLoginBackoff({ now: () => now });
    for (let i = 0; i < 200; i++) await backoff.failed('kim@shop.example', `198.51.100.${i}`);
    const refusal = await backoff.check('kim@shop.example', '192.0.2.1').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(RateLimitError);
    expect((refusal as RateLimitError).retryAfterSeconds).toBeLessThanOrEqual(LOGIN_RULES.account.maxSeconds);
    now += LOGIN_RULES.account.maxSeconds * 1000;
    await expect(backoff.check('kim@shop.example', '192.0.2.1')).resolves.toBeUndefined();
  });
});

describe('connection caps', () => {
  it('refuse past the cap and free the slot once on release', () => {
    const caps = createConnectionCaps({ limits: { address: 2, session: 1 } });
    const a = caps.open({ address: '1.1.1.1', session: 's1' });
    expect(() => caps.open({ address: '1.1.1.1', session: 's1' })).toThrow(/Too many open chat connections/);
    const b = caps.open({ address: '1.1.1.1', session: 's2' });
    expect(() => caps.open({ address: '1.1.1.1', session: 's3' })).toThrow(RateLimitError);
    a();
    a();
    caps.open({ address: '1.1.1.1', session: 's1' });
    b();
  });
});

describe('TRUST_PROXY', () => {
  it('trusts nothing by default, a number of hops, or listed addresses', () => {
    expect(compileTrustProxy('false')('127.0.0.1', 0)).toBe(false);
    expect(compileTrustProxy('')('127.0.0.1', 0)).toBe(false);
    const two = compileTrustProxy('2');
    expect([two('10.0.0.1', 0), two('10.0.0.1', 1), two('10.0.0.1', 2)]).toEqual([true, true, false]);
    const listed = compileTrustProxy('loopback, 10.0.0.0/8');
    expect([listed('127.0.0.1', 0), listed('10.1.2.3', 0), listed('203.0.113.7', 0)]).toEqual([true, true, false]);
  });
});
