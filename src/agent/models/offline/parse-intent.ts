import type { Memory } from './history.js';
import { COUNT_PATTERN, hasAny, phraseRegex, tidy, words } from './normalize.js';
import { extractOptions, parseBareSize } from './parse-options.js';
import { ANGER_PHRASES, FILLER, GREETINGS, HUMAN_PHRASES, THANKS, type Lang } from './phrases.js';
import { ordinalOf, resolveProduct } from './references.js';

/** What the shopper wants from one message. `plan` turns it into tool calls or a reply. */
export type Intent =
  | { name: 'greeting' | 'thanks'; lang: Lang }
  | { name: 'human'; urgency: 'normal' | 'high' }
  | { name: 'option_answer'; options: Record<string, string> }
  | { name: 'order_status'; orderId?: string }
  | { name: 'orders'; limit?: number }
  | { name: 'refine'; mode: 'cheaper' | 'similar' | 'in_stock' | 'more' }
  | { name: 'cart_show' | 'cart_add' | 'cart_remove' | 'cart_update' | 'policy' | 'recommend' | 'product_info' | 'search' | 'unknown' };

export type IntentName = Intent['name'];

const SMALLTALK_LEFTOVER = new Set(['so', 'much', 'very', 'a', 'lot', 'for', 'the', 'help', 'your', 'you', 'that', "that's", 'thats', 'all', 'is', 'it', 'again', 'there', 'everyone', 'guys', 'mate', 'buddy', 'man', 'friend', 'folks', 'and', 'oh', 'wow', 'really', 'de', 'je', 'wel', 'vous', 'u', 'schön', 'bot', 'assistant']);
const ORDER_ID = /(?<![\w-])([a-z]{1,4}-\d{3,}|#?\d{5,})(?![\w-])/i;
const ORDER_STATUS = ['where is my order', "where's my order", 'where is my package', "where's my package", 'where is my parcel', 'track', 'tracking', 'order status', 'status of my order', 'my delivery', 'has my order', 'when will my order', 'when will it arrive', 'my package', 'my parcel', 'arrive', 'shipped yet', 'latest order', 'my last order', 'my recent order', 'where is my stuff', "where's my stuff", 'where are my', 'my shipment', 'not arrived', "hasn't arrived", "didn't arrive", 'delivery status'];
const ORDER_HISTORY = ['orders have i', 'have i placed', "orders i've", 'orders did i', 'have i ordered', 'my purchases', 'previous purchases', 'past orders', 'previous orders', 'order history', 'my orders', 'orders i placed', 'what did i order', 'what have i ordered', 'what did i buy', 'older orders', 'all orders', 'purchase history'];
const POLICY = ['return', 'returns', 'returning', 'refund', 'refunds', 'exchange', 'shipping', 'ship', 'ships', 'deliver', 'delivery', 'postage', 'warranty', 'guarantee', 'payment', 'payments', 'pay', 'paypal', 'klarna', 'credit card', 'invoice', 'size guide', 'size chart', 'sizing', 'fit guide', 'which size', 'what size', 'privacy', 'gdpr', 'terms', 'customs', 'duties', 'cancel my order', 'cancel an order', 'cancellation', 'opening hours', 'contact you', 'phone number', 'email address', 'contact details', 'repair', 'gift card', 'voucher', 'discount code', 'promo code', 'coupon'];
const CART_SHOW = ['show my cart', 'show me my cart', 'view cart', 'view my cart', 'my cart', 'my basket', 'my bag', 'my trolley', 'in my cart', 'in my basket', 'in my bag', "what's in my", 'whats in my', 'what is in my', 'cart', 'basket', 'checkout'];
const REMOVE = ['remove', 'delete', 'take out', 'take off', 'get rid of', 'drop', "don't want", 'dont want', 'do not want', 'empty my cart', 'clear my cart', 'empty the cart', 'clear the cart', 'empty my basket'];
const UPDATE = new RegExp(
  `(?<![\\w'-])(?:make\\s+(?:it|that|this|them|those)\\s+${COUNT_PATTERN}|(?:change|set|update)\\s.*?to\\s+${COUNT_PATTERN}|change\\s+(?:the\\s+)?(?:quantity|amount|it|that)|set\\s+(?:the\\s+)?(?:quantity|it)|update\\s+(?:the\\s+)?(?:quantity|it)|${COUNT_PATTERN}\\s+instead|quantity\\s+(?:to|of)?\\s*\\d|one\\s+more|reduce|increase|decrease|(?:only|just)\\s+(?:want\\s+)?${COUNT_PATTERN})(?![\\w'-])`,
);
const ADD = ['add', 'put', "i'll take", 'ill take', 'i will take', "i'll have", 'add to cart', 'add to basket'];
const SOFT_ADD = ['buy', 'take', 'want', 'order', 'get me', 'grab', 'purchase', "i'd like", 'i would like', 'go with', "i'll go for"];
const INFO_FIRST = ['tell me more', 'more about', 'more info', 'details', 'know more', 'tell me about', 'learn more'];
const INFO = ['tell me more', 'more about', 'more info', 'details', 'detail', 'tell me about', 'what sizes', 'which sizes', 'what colours', 'what colors', 'which colours', 'which colors', 'does it come', 'do they come', 'is it', 'are they', 'is that', 'how much is', 'how much are', 'what about', 'how about', 'show me', 'describe', 'material', 'made of', 'in stock'];
const RECOMMEND = ['recommend', 'recommendation', 'recommendations', 'suggest', 'suggestion', 'suggestions', 'might like', 'would you pick', 'surprise me', 'popular', 'bestseller', 'bestsellers', 'best sellers', 'trending', 'what should i buy', 'inspire me', 'ideas for me'];
// Only a clear yes: a bare "ok" may just acknowledge, and a cart change is never guessed.
const AFFIRM = /^(?:yes|yeah|yep|yup|sure|yes please|sure thing|please do|go ahead|do it|add it|ok add it|yes add it)(?:\s+please)?$/;
const DECLINE = /^(?:no|nope|nah|no thanks|no thank you|not now|not really)$/;
const HELP = /^(?:help|help me|what can you do|what do you do|how does this work|menu|options|who are you|what are you)$/;
const CHEAPER = ['something cheaper', 'anything cheaper', 'any cheaper', 'cheaper ones', 'cheaper options', 'cheaper alternatives', 'show me cheaper', 'cheaper please', 'too expensive', 'too pricey'];
const SIMILAR = ['more like this', 'more like that', 'something similar', 'similar ones', 'similar to', 'like this one', 'alternatives', 'other options'];
const PRONOUN_REF = /(?<![\w'-])(?:it|that one|this one|them|those|these|that|both|the \w+ one)(?![\w'-])/;
/** Superlatives point into a shown list; with nothing shown, "the cheapest tent" is a search. */
const SUPERLATIVE_REF = /(?<![\w'-])(?:cheaper|cheapest|most expensive|pricier|priciest|least expensive)(?![\w'-])/;

/** Classifies one user message. `text` is normalized, `raw` as typed. */
export function parseIntent(text: string, raw: string, memory: Memory): Intent {
  if (!text) return { name: 'unknown' };
  const anger = hasAny(text, ANGER_PHRASES) || /[a-z]\*+[a-z]/.test(text);
  if (anger || hasAny(text, HUMAN_PHRASES) || /^(?:a\s+)?(?:human|agent|person|someone)(?:\s+please)?$/.test(text)) {
    return { name: 'human', urgency: anger ? 'high' : 'normal' };
  }
  if (HELP.test(text)) return { name: 'greeting', lang: 'en' };
  if (/^(?:keep|continue|go on)\s+(?:shopping|browsing|looking)$/.test(text)) return { name: 'thanks', lang: 'en' };
  if (DECLINE.test(text)) return { name: 'thanks', lang: 'en' };
  // "yes" right after showing one product ("Want me to add it?") means add it; elsewhere it is small talk.
  const previous = memory.events.filter((e) => e.at < memory.userIndex).at(-1);
  if (AFFIRM.test(text) && previous?.name === 'get_product' && memory.focus) return { name: 'cart_add' };
  const small = smalltalk(text);
  if (small) return small;

  const answer = optionAnswer(text, memory);
  if (answer) return { name: 'option_answer', options: answer };

  const orderId = ORDER_ID.exec(raw)?.[1];
  const policy = hasAny(text, POLICY);
  const statusWords = hasAny(text, ORDER_STATUS);
  if (orderId && (!policy || statusWords)) return { name: 'order_status', orderId: orderId.replace(/^#/, '').toUpperCase() };
  if (hasAny(text, ORDER_HISTORY) || /(?:last|recent)\s+\d+\s+orders/.test(text)) {
    const n = /(?:last|recent)\s+(\d+)\s+orders/.exec(text)?.[1];
    return n ? { name: 'orders', limit: Number(n) } : { name: 'orders' };
  }
  if (statusWords && !/return|refund/.test(text)) return { name: 'order_status' };

  const remove = hasAny(text, REMOVE) || /(?<![\w'-])take\s+(?:[\w'-]+\s+){1,4}(?:out|off)(?![\w'-])/.test(text);
  const add = hasAny(text, ADD);
  const update = UPDATE.test(text);
  if (hasAny(text, CART_SHOW) && !remove && !add && !update) return { name: 'cart_show' };
  if (policy && !add && !remove) return { name: 'policy' };
  if (remove) return { name: 'cart_remove' };
  if (update && (memory.cart || memory.focusSku || !add)) return { name: 'cart_update' };
  const ordinal = ordinalOf(text, memory.shown.length) !== undefined;
  const superlative = memory.shown.length > 0 && SUPERLATIVE_REF.test(text);
  const referenced = ordinal || superlative || PRONOUN_REF.test(text) || namesShownProduct(text, memory);
  if (add || (hasAny(text, SOFT_ADD) && referenced && !hasAny(text, INFO_FIRST))) return { name: 'cart_add' };
  if (hasAny(text, CHEAPER) && !/\d/.test(text)) return { name: 'refine', mode: 'cheaper' };
  if (/^(?:only|just|show)?\s*(?:the\s+)?(?:ones\s+)?(?:in stock|available)(?:\s+ones)?(?:\s+only)?(?:\s+please)?$/.test(text)) return { name: 'refine', mode: 'in_stock' };
  if (/^(?:show(?: me)?|see|any)?\s*(?:some\s+)?more(?:\s+(?:please|options|results|of them))?$/.test(text)) return { name: 'refine', mode: 'more' };
  if ((memory.shown.length || memory.focus) && hasAny(text, SIMILAR)) return { name: 'refine', mode: 'similar' };
  const question = /\?$/.test(raw.trim()) || /^(?:what|which|is|are|does|do|how|can|has)\b/.test(text);
  if (ordinal || (referenced && (hasAny(text, INFO) || words(text).length <= 4 || question))) return { name: 'product_info' };
  if (memory.focus && onlyOptions(text)) return { name: 'product_info' };
  if (hasAny(text, RECOMMEND) || /^what (?:do|else do) you (?:sell|have|offer)/.test(text)) return { name: 'recommend' };
  return { name: 'search' };
}

function smalltalk(text: string): Intent | undefined {
  let rest = text;
  let greeting: Lang | undefined;
  let thanks: Lang | undefined;
  for (const g of GREETINGS) if (phraseRegex(g.phrase).test(rest)) (greeting ??= g.lang), (rest = tidy(rest.replace(phraseRegex(g.phrase, 'g'), ' ')));
  for (const t of THANKS) if (phraseRegex(t.phrase).test(rest)) (thanks ??= t.lang), (rest = tidy(rest.replace(phraseRegex(t.phrase, 'g'), ' ')));
  if (!greeting && !thanks) return undefined;
  if (!words(rest).every((w) => SMALLTALK_LEFTOVER.has(w))) return undefined;
  return thanks ? { name: 'thanks', lang: thanks } : { name: 'greeting', lang: greeting! };
}

/** "42", "black", "M please" after the model asked which option to pick. */
function optionAnswer(text: string, memory: Memory): Record<string, string> | undefined {
  const pending = memory.pendingOption;
  if (!pending || pending.missing.length === 0) return undefined;
  const chosen: Record<string, string> = {};
  for (const option of pending.missing) {
    const value = option.values.find((v) => phraseRegex(v.toLowerCase()).test(text));
    if (value) chosen[option.name] = value;
  }
  const size = parseBareSize(text);
  const sizeOption = pending.missing.find((o) => /size|größe|taille|maat/i.test(o.name)) ?? pending.missing[0];
  if (!Object.keys(chosen).length && size) {
    chosen[sizeOption.name] = sizeOption.values.find((v) => v.toLowerCase() === size.toLowerCase()) ?? size;
  }
  if (!Object.keys(chosen).length) return undefined;
  // An answer is a short message; anything longer is a new request that merely mentions a value.
  return words(text).length <= 4 ? chosen : undefined;
}

/** "the jacket", "that parka": a determiner plus words that match something already shown. */
function namesShownProduct(text: string, memory: Memory): boolean {
  if (!memory.shown.length && !memory.focus) return false;
  if (!/(?<![\w'-])(?:the|that|this|those|these)\s+[a-z]/.test(text)) return false;
  const ref = resolveProduct(text, memory).kind;
  return ref === 'product' || ref === 'ask';
}

/** "in black?", "size 44?": a follow-up about the product under discussion. */
function onlyOptions(text: string): boolean {
  const o = extractOptions(text);
  return !!(o.size || o.color) && words(o.rest).every((w) => FILLER.has(w));
}
