import type { ProductRecord } from '../../src/catalog/records.js';
import { productFacts, type ProductFacts } from './product-facts.js';
import type { QueryFilters, QueryKind, QueryRule } from './query-rule.js';
import { BRAND_RULES, CATEGORY_RULES, MISSPELLED_RULES, PRICE_RULES } from './query-rules-lookup.js';
import { ATTRIBUTE_RULES, VAGUE_RULES } from './query-rules-intent.js';

export interface LabelledQuery {
  id: string;
  query: string;
  kind: QueryKind;
  filters?: QueryFilters;
  /** Handle → graded gain: 2 exactly what was asked, 1 partly relevant. Irrelevant products are left out. */
  judgements: Record<string, 1 | 2>;
}

export const QUERY_RULES: readonly QueryRule[] = [
  ...VAGUE_RULES,
  ...ATTRIBUTE_RULES,
  ...MISSPELLED_RULES,
  ...PRICE_RULES,
  ...CATEGORY_RULES,
  ...BRAND_RULES,
];

const withinFilters = (f: ProductFacts, filters: QueryFilters | undefined): boolean =>
  (filters?.maxPriceMinor === undefined || f.price <= filters.maxPriceMinor) &&
  (filters?.minPriceMinor === undefined || f.price >= filters.minPriceMinor);

/** Labels every rule against the active products; a query without an exact match is a bug in the data. */
export const generateQueries = (products: readonly ProductRecord[]): LabelledQuery[] => {
  const facts = products.filter((p) => p.status === 'active').map(productFacts);
  return QUERY_RULES.map((rule, index) => {
    const graded = facts
      .filter((f) => withinFilters(f, rule.filters))
      .map((f) => ({ handle: f.handle, gain: rule.grade(f) }))
      .filter((g): g is { handle: string; gain: 1 | 2 } => g.gain > 0)
      .sort((a, b) => b.gain - a.gain || a.handle.localeCompare(b.handle));
    if (!graded.some((g) => g.gain === 2)) throw new Error(`query "${rule.query}" has no exact match in the catalog`);
    return {
      id: `q${String(index + 1).padStart(2, '0')}`,
      query: rule.query,
      kind: rule.kind,
      ...(rule.filters ? { filters: rule.filters } : {}),
      judgements: Object.fromEntries(graded.map((g) => [g.handle, g.gain])),
    };
  });
};
