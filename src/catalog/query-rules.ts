/**
 * What a shop's merchandisers decide about searches (synonyms, pinned, boosted and hidden
 * products), as search applies it. The rules themselves live elsewhere (the merchandising domain);
 * search only asks them, for each query, through this interface.
 */
export interface QueryRules {
  /** The query with the words its synonyms add; unchanged when none applies. */
  withSynonyms(query: string): string;
  /** Handles no shopper may see. */
  hidden: readonly string[];
  /** Handles to show first, in this order, for this query. */
  pinned(query: string): string[];
  /** Handle → weight of the products to raise for this query. */
  boosted(query: string): Map<string, number>;
}

export const NO_QUERY_RULES: QueryRules = {
  withSynonyms: (query) => query,
  hidden: [],
  pinned: () => [],
  boosted: () => new Map(),
};

/** The rules in force now (they may change between two searches). */
export type QueryRulesSource = () => Promise<QueryRules>;
