import type { Memory } from './history.js';
import { COMPLEMENT } from './intent-words.js';
import { hasAny, normalize, words } from './normalize.js';
import { parseIntent } from './parse-intent.js';
import { parseSearch } from './parse-search.js';
import { GREETING_REPLY, NOT_UNDERSTOOD, THANKS_REPLY } from './phrases.js';
import { planAdd, planRemove, planUpdate } from './plan-cart.js';
import { planCheaper, planInStock, planMore, planSimilar } from './plan-refine.js';
import type { Plan } from './plan-types.js';
import { resolveProduct } from './references.js';

export interface PlanOptions {
  /** The shop's category names; when given, `category` filters use them (or are left out). */
  categories?: readonly string[];
}

/** Decides what to do about the latest user message, given what the transcript shows. */
export function planUserMessage(memory: Memory, opts: PlanOptions = {}): Plan {
  const raw = memory.userText;
  const text = normalize(raw);
  const intent = parseIntent(text, raw, memory);
  const call = (name: string, args: Record<string, unknown> = {}): Plan => ({
    intent: intent.name,
    calls: [{ name, args }],
  });
  const say = (reply: string): Plan => ({ intent: intent.name, text: reply });

  switch (intent.name) {
    case 'greeting':
      return say(GREETING_REPLY[intent.lang]);
    case 'thanks':
      if (/^(?:no|nope|nah|not)\b/.test(text)) return say('No problem! Anything else I can help you with?');
      if (/shopping|browsing|looking/.test(text)) return say('Sure — what else can I help you find?');
      return say(hasAny(text, ['bye', 'goodbye']) ? 'Goodbye — thanks for stopping by!' : THANKS_REPLY[intent.lang]);
    case 'human': {
      const quote = raw.trim().replace(/\s+/g, ' ').slice(0, 200);
      const reason =
        intent.urgency === 'high'
          ? `Shopper is frustrated: "${quote}"`
          : `Shopper asked to talk to a person: "${quote}"`;
      return call('request_human', { reason, urgency: intent.urgency });
    }
    case 'option_answer': {
      const args = memory.pendingOption!.args;
      const options = { ...((args.options as Record<string, string> | undefined) ?? {}), ...intent.options };
      return call('add_to_cart', { ...args, options });
    }
    case 'order_status':
      return call('get_order_status', intent.orderId ? { orderId: intent.orderId } : {});
    case 'orders':
      return call('get_orders', intent.limit ? { limit: intent.limit } : {});
    case 'cart_show':
      return call('get_cart');
    case 'policy':
      return call('search_policies', { query: text.slice(0, 300) });
    case 'cart_add':
      return planAdd(text, raw, memory, opts.categories);
    case 'cart_remove':
      return planRemove(text, memory);
    case 'cart_update':
      return planUpdate(text, memory);
    case 'refine':
      if (intent.mode === 'cheaper') return planCheaper(memory);
      if (intent.mode === 'in_stock') return planInStock(memory);
      if (intent.mode === 'more') return planMore(memory);
      return planSimilar(text, memory);
    case 'recommend': {
      const search = parseSearch(text, raw, opts.categories);
      // "recommend a tent under 200" is a search; "what would you recommend?" is not.
      const narrowed = search.args.category || search.args.maxPrice || search.args.minPrice;
      return narrowed && !hasAny(text, COMPLEMENT)
        ? call('search_products', { ...search.args })
        : call('recommend_products');
    }
    case 'product_info': {
      const ref = resolveProduct(text, memory);
      if (ref.kind === 'product') return call('get_product', { handle: ref.handle });
      if (ref.kind === 'ask') return say(ref.text);
      return searchOrGiveUp(text, raw, opts, intent.name);
    }
    case 'search':
      return searchOrGiveUp(text, raw, opts, intent.name);
    default:
      return say(NOT_UNDERSTOOD);
  }
}

function searchOrGiveUp(text: string, raw: string, opts: PlanOptions, intent: Plan['intent']): Plan {
  const search = parseSearch(text, raw, opts.categories);
  if (search.signals > 0 || looksLikeName(raw))
    return { intent, calls: [{ name: 'search_products', args: { ...search.args } }] };
  return { intent: 'unknown', text: NOT_UNDERSTOOD };
}

/** "Hoka Clifton", "do you have Patagonia?": capitalised words that may name a brand or model. */
function looksLikeName(raw: string): boolean {
  const ws = words(raw.replace(/[?!.,]/g, ' ').trim());
  if (!ws.length || ws.length > 6 || /^(what|why|how|who|when|can|could|is|are)$/i.test(ws[0])) return false;
  const caps = ws.filter((w, i) => /^[A-Z][a-z]/.test(w) && (i > 0 || ws.length <= 3) && w !== 'I');
  return caps.length > 0 && (ws.length <= 3 ? caps.length === ws.length : true);
}
