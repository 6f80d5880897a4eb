/** Money in minor units with its ISO currency; `formatted` is for display, e.g. "€89.00". */
export interface Money {
  amount: number;
  currency: string;
  formatted: string;
}

export interface VariantSummary {
  sku: string;
  /** Option name → value, e.g. { Size: '42', Color: 'Black' }. */
  options: Record<string, string>;
  price: Money;
  compareAtPrice: Money | null;
  stock: number;
  inStock: boolean;
  image: string | null;
}

/** A product as search and tools return it. Only active products are ever returned. */
export interface ProductSummary {
  handle: string;
  /** In the shopper's language when the product has a translation into it (then `language` says which). */
  title: string;
  /** The catalog's own title, when `title` is a translation. */
  originalTitle?: string;
  /** The language of the translated fields (title, description, type, category, `optionLabels`). */
  language?: string;
  /**
   * How the translation names the options and their values, for display; `optionNames` and the
   * variants' `options` stay as the catalog has them (what add_to_cart takes, whatever the language).
   */
  optionLabels?: Record<string, { name?: string; values?: Record<string, string> }>;
  /** The product type, given only when translated. */
  productType?: string;
  vendor: string;
  category: string;
  categoryPath: string[];
  tags: string[];
  attributes: Record<string, string>;
  description: string;
  /** Cheapest matching variant's price. */
  price: Money;
  inStock: boolean;
  image: string | null;
  optionNames: string[];
  /** The variants that match the filters (all variants when no variant filter applies). */
  variants: VariantSummary[];
  score?: number;
}

/** Who a product is for, as a search filter; a shop's merchandising data says which of its tags each one means. */
export const GENDERS = ['men', 'women', 'kids'] as const;
export type Gender = (typeof GENDERS)[number];

export interface SearchFilters {
  minPriceMinor?: number;
  maxPriceMinor?: number;
  /** Matches any level of the category path or the product type, case-insensitively. */
  category?: string;
  vendor?: string;
  inStock?: boolean;
  /** Option name → wanted value, e.g. { Color: 'black', Size: '42' }; names and values match case-insensitively. */
  options?: Record<string, string>;
  /** Products must carry every one of these tags (case-insensitive). */
  tags?: string[];
  /** Products must carry at least one of these tags (e.g. ["women", "everyone"]). */
  anyTags?: string[];
  /** Handles to leave out (e.g. things already bought). */
  excludeHandles?: string[];
  /** Only these products (e.g. those of one product type). */
  handles?: string[];
}

export type SearchMode = 'hybrid' | 'lexical' | 'vector';

/** How results are ordered: best match first (the default), or the good matches by price. */
export const SEARCH_SORTS = ['relevance', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Whether a sort (as a query or a tool call carries it) asks for the results by price. */
export const sortsByPrice = (sort: unknown): sort is 'price_asc' | 'price_desc' =>
  sort === 'price_asc' || sort === 'price_desc';

export interface SearchQuery extends SearchFilters {
  query: string;
  /**
   * The shopper's own words when they wrote in another language than the catalog's (`query` then
   * holds them put in the catalog's language): full-text search also matches translations into it.
   */
  shopperQuery?: { text: string; language: string };
  limit?: number;
  mode?: SearchMode;
  /** Only the finder (`createProductFinder`) sorts by price; plain search ranks by relevance. */
  sort?: SearchSort;
  /** Words the shopper rules out ("a watch, not a smart one"): the finder leaves out products whose title says one. */
  excludeWords?: string[];
}
