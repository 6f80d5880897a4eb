import { describe, expect, it } from 'vitest';
import { checkReadiness } from '../../src/shared/readiness.js';

describe('readiness checks', () => {
  it('are ready when every check is ok, a degradation shown but not failing', async () => {
    const r = await checkReadiness([
      { name: 'database', check: async () => ({ ok: true }) },
      { name: 'vectorSearch', check: async () => ({ ok: true, detail: 'unavailable: lexical only' }) },
    ]);
    expect(r).toEqual({ ready: true, checks: { database: 'ok', vectorSearch: 'unavailable: lexical only' } });
  });

  it('are not ready when a check fails, throws or does not answer in time', async () => {
    const seen: string[] = [];
    const r = await checkReadiness(
      [
        { name: 'migrations', check: async () => ({ ok: false, detail: 'not applied: 010_x' }) },
        {
          name: 'database',
          check: async () => {
            throw new Error('connect ECONNREFUSED');
          },
        },
        { name: 'redis', check: () => new Promise(() => undefined) },
      ],
      { timeoutMs: 50, onError: (name, err) => seen.push(`${name}: ${(err as Error).message}`) },
    );
    expect(r).toEqual({
      ready: false,
      checks: {
        migrations: 'failed: not applied: 010_x',
        database: 'failed: unreachable',
        redis: 'failed: no answer in 50 ms',
      },
    });
    expect(seen).toEqual(['database: connect ECONNREFUSED']);
  });
});
