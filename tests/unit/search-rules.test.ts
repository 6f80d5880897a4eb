import { describe, expect, it } from 'vitest';
import { merchandisingSchema } from '../../src/merchandising/merchandising-rules.js';
import { createSearchRules } from '../../src/merchandising/search-rules.js';

/** Rules as the file or the studio gives them, defaults filled in by the schema. */
const rules = (r: Record<string, unknown>) => createSearchRules(merchandisingSchema.parse(r));

describe('merchandising rules as search applies them', () => {
  it('a one-way synonym adds its words only to queries holding its word', () => {
    const r = rules({ synonyms: [{ from: 'couch', to: ['sofa', 'settee'] }] });
    expect(r.withSynonyms('a grey couch')).toBe('a grey couch sofa settee');
    expect(r.withSynonyms('a grey sofa')).toBe('a grey sofa');
  });

  it('a group works both ways, phrases included, and adds no word the query already has', () => {
    const r = rules({ synonyms: [{ group: ['sneakers', 'running shoes', 'trainers'] }] });
    expect(r.withSynonyms('Running Shoes for me')).toBe('Running Shoes for me sneakers trainers');
    expect(r.withSynonyms('trainers or sneakers')).toBe('trainers or sneakers running shoes');
    expect(r.withSynonyms('running socks')).toBe('running socks');
  });

  it('pins and boosts apply to the same query however it is written, not to a longer one; a weight is 1 unless given', () => {
    const r = rules({
      pins: [{ query: 'Rain jacket', handles: ['b', 'a'] }],
      boosts: [
        { query: 'rain jacket', handles: ['c'], weight: 2 },
        { query: 'rain jacket', handles: ['d'] },
      ],
    });
    expect(r.pinned('  RAIN   jacket! ')).toEqual(['b', 'a']);
    expect(r.pinned('rain jacket for kids')).toEqual([]);
    expect([...r.boosted('rain jacket')]).toEqual([
      ['c', 2],
      ['d', 1],
    ]);
  });
});
