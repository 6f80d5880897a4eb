import { describe, expect, it } from 'vitest';
import { holdLease } from '../../src/chat/turn-lease.js';

/** Resolves when `check` holds, polling every 5 ms; fails after `ms`. */
async function until(check: () => boolean, ms = 2_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('a held turn lease', () => {
  it('is renewed on its timer while it is ours', async () => {
    let renewals = 0;
    let lost = 0;
    const lease = holdLease({
      renew: async () => {
        renewals += 1;
        return true;
      },
      everyMs: 5,
      leaseMs: 1_000,
      onLost: () => lost++,
      onError: () => undefined,
    });
    await until(() => renewals >= 3);
    lease.stop();
    expect(lease.lost).toBe(false);
    expect(lost).toBe(0);
  });

  it('is lost, once, when another instance took it over', async () => {
    let lost = 0;
    const lease = holdLease({
      renew: async () => false,
      everyMs: 5,
      leaseMs: 1_000,
      onLost: () => lost++,
      onError: () => undefined,
    });
    await until(() => lease.lost);
    expect(lost).toBe(1);
  });

  it('is given up when no renewal succeeded for a whole lease period (the database is out of reach)', async () => {
    const errors: unknown[] = [];
    const started = Date.now();
    const lease = holdLease({
      renew: async () => {
        throw new Error('connection refused');
      },
      everyMs: 5,
      leaseMs: 60,
      onLost: () => undefined,
      onError: (err) => errors.push(err),
    });
    await until(() => lease.lost);
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
    expect(errors.length).toBeGreaterThan(1);
  });
});
