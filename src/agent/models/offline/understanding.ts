/** What the offline model reads from one shopper message: the understanding pipeline's result (understand.ts). */
import type { IntentScore } from './intent-classifier.js';
import type { Links, OptionMention, Span } from './shop-links.js';
import type { PriceSlot } from './slots.js';

export type Aspect = 'material' | 'color' | 'size' | 'stock' | 'price' | 'weight' | 'details';

/** Everything the offline model reads from one shopper message, before looking at the conversation. */
export interface Understanding {
  raw: string;
  /** The language pack that read it. */
  language: string;
  /** The message for readers in the base language: without the words of its own language that only fill. */
  baseText: string;
  /** Normalized words, misspellings of the shop's words corrected. */
  words: string[];
  /** The intents by probability; `intent` is the first. */
  intents: IntentScore[];
  intent: string;
  confidence: number;
  /** The message as the intent model read it (shop words replaced by placeholders). */
  delexicalized: string;
  links: Links;
  price: PriceSlot | null;
  orderId: string | null;
  ordinal: (Span & { n: number }) | null;
  /** An amount said as a choice among things shown ("the 45 euro one"), in major units. */
  priceRef: (Span & { amount: number }) | null;
  /** A count in the message that is not a price, size, order or position. */
  quantity: number | null;
  increment: boolean;
  /** What a product question asks about. */
  aspect: Aspect | null;
  /** Whether it also asks the price ("is it in stock, and how much is it?"). */
  asksPrice: boolean;
  /** A month named ("my October order"), 1–12. */
  month: number | null;
  gender: string | null;
  /** The product words of the message: what to search for. */
  queryWords: string[];
  /** The shop's words the message rules out ("not a smart one" → smart). */
  ruledOut: string[];
  /** The product words without words about orders ("tracking for my garden table" → garden, table). */
  orderProductWords: string[];
  /** The titles of the products of the kind named ("my <kind> order": the title of each of them), when it has few. */
  orderKindTitles: string[];
  options: OptionMention[];
  /** Size asked with a cue ("size 42", "in M"), in the shop's spelling when it has one. */
  size: string | null;
  mentions: {
    pronoun: boolean;
    cheaper: boolean;
    pricier: boolean;
    both: boolean;
    everything: boolean;
    cart: boolean;
    latest: boolean;
    affirm: boolean;
    deny: boolean;
    largest: boolean;
    smallest: boolean;
    /** Frustration or abuse ("this is useless!!"): a person should take over, urgently. */
    frustrated: boolean;
    /** "the one before that": the order before the one under discussion. */
    previous: boolean;
    /** "the first one you showed me", "the blue one from before": among everything shown, not the last list. */
    recall: boolean;
    /** "the grey one… no sorry, I meant the yellow one": what is said after the correction counts. */
    correction: boolean;
  };
}
