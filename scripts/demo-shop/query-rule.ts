import type { ProductFacts } from './product-facts.js';

export type QueryKind = 'vague' | 'attribute' | 'misspelled' | 'price' | 'category' | 'brand';
export type Grade = 0 | 1 | 2;

export interface QueryFilters {
  minPriceMinor?: number;
  maxPriceMinor?: number;
}

/**
 * One labelled query: the rule decides from a product's known attributes whether it is exactly what
 * was asked (2), partly relevant (1) or irrelevant (0). Price filters are applied on top of the rule.
 */
export interface QueryRule {
  query: string;
  kind: QueryKind;
  filters?: QueryFilters;
  grade(f: ProductFacts): Grade;
}

export const grade = (exact: boolean, partial = false): Grade => (exact ? 2 : partial ? 1 : 0);
