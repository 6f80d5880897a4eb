import type { QueryRules } from '../catalog/query-rules.js';
import { containsPhrase, words, type MerchandisingRules } from './merchandising-rules.js';

const normalized = (query: string) => words(query).join(' ');

/** Each synonym rule as "when one of these phrases occurs, add those". */
function synonymExpansions(rules: MerchandisingRules['synonyms']) {
  return rules.flatMap((s) =>
    'group' in s
      ? s.group.map((w) => ({ when: words(w), add: s.group.filter((o) => o !== w) }))
      : [{ when: words(s.from), add: s.to }],
  );
}

/** The merchandising rules as search applies them: synonyms, pins, boosts and hidden products. */
export function createSearchRules(
  rules: Pick<MerchandisingRules, 'synonyms' | 'pins' | 'boosts' | 'hidden'>,
): QueryRules {
  const expansions = synonymExpansions(rules.synonyms);
  const pins = new Map<string, string[]>();
  for (const p of rules.pins) pins.set(normalized(p.query), [...(pins.get(normalized(p.query)) ?? []), ...p.handles]);
  const boosts = rules.boosts.map((b) => ({ ...b, query: normalized(b.query) }));
  return {
    withSynonyms(query) {
      const tokens = words(query);
      const extra = expansions.filter((e) => containsPhrase(tokens, e.when)).flatMap((e) => e.add);
      const added = [...new Set(extra)].filter((w) => !containsPhrase(tokens, words(w)));
      return added.length === 0 ? query : `${query} ${added.join(' ')}`;
    },
    hidden: rules.hidden,
    pinned: (query) => [...new Set(pins.get(normalized(query)) ?? [])],
    boosted(query) {
      const q = normalized(query);
      const weights = new Map<string, number>();
      for (const b of boosts.filter((x) => x.query === q)) {
        for (const h of b.handles) weights.set(h, (weights.get(h) ?? 0) + b.weight);
      }
      return weights;
    },
  };
}
