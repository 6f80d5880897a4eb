import type { Memory } from './history.js';
import {
  ADD,
  AFFIRM,
  CART_SHOW,
  CHEAPER,
  COMPLEMENT,
  DECLINE,
  HELP,
  INFO,
  INFO_FIRST,
  ORDER_HISTORY,
  ORDER_ID,
  ORDER_STATUS,
  POLICY,
  PRONOUN_REF,
  RECOMMEND,
  REMOVE,
  SIMILAR,
  SMALLTALK_LEFTOVER,
  SOFT_ADD,
  SUPERLATIVE_REF,
  UPDATE,
} from './intent-words.js';
import { hasAny, phraseRegex, tidy, words } from './normalize.js';
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
  | {
      name:
        | 'cart_show'
        | 'cart_add'
        | 'cart_remove'
        | 'cart_update'
        | 'policy'
        | 'recommend'
        | 'product_info'
        | 'search'
        | 'unknown';
    };

export type IntentName = Intent['name'];

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
  if (orderId && (!policy || statusWords))
    return { name: 'order_status', orderId: orderId.replace(/^#/, '').toUpperCase() };
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
  if (hasAny(text, COMPLEMENT) && !add) return { name: 'recommend' };
  const ordinal = ordinalOf(text, memory.shown.length) !== undefined;
  const superlative = memory.shown.length > 0 && SUPERLATIVE_REF.test(text);
  const referenced = ordinal || superlative || PRONOUN_REF.test(text) || namesShownProduct(text, memory);
  if (add || (hasAny(text, SOFT_ADD) && referenced && !hasAny(text, INFO_FIRST))) return { name: 'cart_add' };
  if (hasAny(text, CHEAPER) && !/\d/.test(text)) return { name: 'refine', mode: 'cheaper' };
  if (
    /^(?:only|just|show)?\s*(?:the\s+)?(?:ones\s+)?(?:in stock|available)(?:\s+ones)?(?:\s+only)?(?:\s+please)?$/.test(
      text,
    )
  )
    return { name: 'refine', mode: 'in_stock' };
  if (/^(?:show(?: me)?|see|any)?\s*(?:some\s+)?more(?:\s+(?:please|options|results|of them))?$/.test(text))
    return { name: 'refine', mode: 'more' };
  if ((memory.shown.length || memory.focus) && hasAny(text, SIMILAR)) return { name: 'refine', mode: 'similar' };
  const question = /\?$/.test(raw.trim()) || /^(?:what|which|is|are|does|do|how|can|has)\b/.test(text);
  if (ordinal || (referenced && (hasAny(text, INFO) || words(text).length <= 4 || question)))
    return { name: 'product_info' };
  if (memory.focus && onlyOptions(text)) return { name: 'product_info' };
  if (hasAny(text, RECOMMEND) || /^what (?:do|else do) you (?:sell|have|offer)/.test(text))
    return { name: 'recommend' };
  return { name: 'search' };
}

function smalltalk(text: string): Intent | undefined {
  let rest = text;
  let greeting: Lang | undefined;
  let thanks: Lang | undefined;
  for (const g of GREETINGS) {
    if (!phraseRegex(g.phrase).test(rest)) continue;
    greeting ??= g.lang;
    rest = tidy(rest.replace(phraseRegex(g.phrase, 'g'), ' '));
  }
  for (const t of THANKS) {
    if (!phraseRegex(t.phrase).test(rest)) continue;
    thanks ??= t.lang;
    rest = tidy(rest.replace(phraseRegex(t.phrase, 'g'), ' '));
  }
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
