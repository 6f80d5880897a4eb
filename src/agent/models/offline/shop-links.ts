import type { ProductType } from '../../../catalog/product-types.js';

/** What the shop index finds of the shop's own words in a message: products, a kind, a maker, option values. */

/** A stretch of the message's words, [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface ProductMention extends Span {
  handle: string;
  title: string;
  /** Share of the title's weight the message has. */
  coverage: number;
  /** Title words that name this product rather than its type or colour (e.g. "heron" in Heron Desk Fan). */
  distinctive: number;
}

export interface OptionMention extends Span {
  /** The shop's option name when the value belongs to one (e.g. "Material"), else null. */
  name: string | null;
  /** Every option name of the shop that has this value (two yes/no options' words can say the same). */
  names: string[];
  value: string;
  kind: 'color' | 'size' | 'material' | 'option';
  /** Asked of the product in focus ("is that real silver?"), not naming which product. */
  asked?: boolean;
}

export interface Links {
  /** The message's words, with misspellings of the shop's words corrected. */
  words: string[];
  products: ProductMention[];
  type: (ProductType & Span) | null;
  vendor: (Span & { name: string }) | null;
  options: OptionMention[];
}
