import { describe, expect, it } from 'vitest';
import { createSearchEvents, normalizeSearchQuery } from '../../src/catalog/search-events.js';
import type { Queryable } from '../../src/db/database.js';

describe('search events', () => {
  it('count "Kayaks?" and "kayaks" as one search', () => {
    expect(normalizeSearchQuery('  Kayaks?! ')).toBe('kayaks');
    expect(normalizeSearchQuery('Running   shoes, size 42')).toBe('running shoes size 42');
  });

  it('log a failed recording with its error and never throw it at the search', async () => {
    const failure = new Error('connection lost');
    const db = { query: () => Promise.reject(failure), exec: () => Promise.resolve() } as unknown as Queryable;
    const logged: { msg: string; data?: Record<string, unknown> }[] = [];
    const events = createSearchEvents({ db, logger: { error: (msg, data) => logged.push({ msg, data }) } });
    await expect(
      events.record({ channel: 'assistant', query: 'kayaks', resultCount: 0, zeroResult: true }),
    ).resolves.toBeUndefined();
    expect(logged).toEqual([{ msg: 'could not record a search', data: { channel: 'assistant', err: failure } }]);
  });
});
