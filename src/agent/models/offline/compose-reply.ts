import { tokens } from '../../../catalog/terms.js';
import type { OrderView } from '../../../tools/results.js';
import { orderChangeWords, refusalWords } from '../../order-change-reply.js';
import { composeCart, composeCartChanges } from './compose-cart.js';
import { answerAboutProduct } from './answer-product.js';
import { composeHuman, composeOrders, composeOrderStatus, lineMatches } from './compose-info.js';
import { composePolicy, policyUnmatched } from './compose-policy.js';
import { policyAskedText, policySubject } from './policy-question.js';
import { composeProduct, composeRecommend, composeSearch } from './compose-products.js';
import type { ReplyKey, Say } from './replies.js';
import type { DialogueState } from './dialogue-state.js';
import type { Memory, ToolEvent } from './history.js';
import type { Understanding } from './understanding.js';

const CART_CHANGES = new Set(['add_to_cart', 'update_cart_item', 'remove_from_cart']);
/** Tools that prepare an order change for the shopper to confirm. */
const ORDER_CHANGES = new Set([
  'cancel_order',
  'change_order_address',
  'change_order_items',
  'change_order_payment',
  'return_items',
  'exchange_items',
  'update_default_address',
]);

const DOING: Record<string, ReplyKey> = {
  search_products: 'doing.searchCatalog',
  get_product: 'doing.lookUpProduct',
  get_cart: 'doing.openCart',
  add_to_cart: 'doing.addToCart',
  update_cart_item: 'doing.updateCart',
  remove_from_cart: 'doing.updateCart',
  get_orders: 'doing.lookUpOrders',
  get_order_status: 'doing.lookUpOrder',
  cancel_order: 'doing.prepareCancellation',
  return_items: 'doing.prepareReturn',
  change_order_address: 'doing.prepareAddressChange',
  change_order_items: 'doing.prepareChange',
  change_order_payment: 'doing.prepareChange',
  exchange_items: 'doing.prepareExchange',
  update_default_address: 'doing.prepareAddressChange',
  recommend_products: 'doing.findRecommendations',
  search_policies: 'doing.lookItUp',
  request_human: 'doing.contactTeam',
};

/** Whether a result has the shape its tool promises; anything else (an error object, bad JSON) is a failure. */
function wellFormed(e: ToolEvent): boolean {
  const r = e.result;
  if (!r || typeof r !== 'object' || 'error' in r) return false;
  if (ORDER_CHANGES.has(e.name)) {
    return (
      (r.ok === true && typeof r.pendingAction?.summary === 'string') ||
      (r.ok === false && typeof r.message === 'string')
    );
  }
  switch (e.name) {
    case 'search_products':
    case 'recommend_products':
      return Array.isArray(r.products);
    case 'get_product':
      return !!r.product && typeof r.product.title === 'string';
    case 'get_cart':
      return !!r.cart && Array.isArray(r.cart.items);
    case 'add_to_cart':
    case 'update_cart_item':
    case 'remove_from_cart':
      return r.ok === false || (r.ok === true && !!r.cart && Array.isArray(r.cart.items));
    case 'get_orders':
      return r.signInRequired === true || Array.isArray(r.orders);
    case 'get_order_status':
      return r.signInRequired === true || 'order' in r;
    case 'search_policies':
      return Array.isArray(r.chunks);
    case 'request_human':
      return r.requested === true || (r.requested === false && typeof r.message === 'string');
    default:
      return false;
  }
}

function composeOne(
  say: Say,
  e: ToolEvent,
  memory: Memory,
  u: Understanding | null,
  state: DialogueState | null,
): string {
  switch (e.name) {
    case 'search_products':
      return composeSearch(say, e.result, e.args, memory, e.at);
    case 'recommend_products':
      return composeRecommend(say, e.result);
    case 'get_product':
      return (
        (u && state ? answerAboutProduct(say, e.result.product, u, state, state.lexicon) : null) ??
        composeProduct(say, e.result.product, state?.lexicon ?? null)
      );
    case 'get_cart':
      return composeCart(say, e.result.cart, memory.products);
    case 'get_orders': {
      // "what did I pay for them last time?": the product in focus names the order.
      const focus = memory.focus
        ? (memory.products.get(memory.focus)?.title ?? memory.cart?.items.find((l) => l.handle === memory.focus)?.title)
        : undefined;
      const about = u && !u.orderProductWords.length && u.mentions.pronoun && focus;
      if (about) return composeOrders(say, e.result, { ...u, orderProductWords: tokens(focus) }, memory.orderFocus);
      // "which order was it in?" after a message naming a product: the order with a line it names, else the newest.
      const before =
        u && !u.orderProductWords.length && u.mentions.pronoun && !memory.orderFocus
          ? memory.userTurns.at(-2)?.text
          : undefined;
      if (u && before) {
        const words = wordsNamingLines(e.result.orders ?? [], before, state?.lexicon.queryStopwords ?? []);
        const latest = !words.length || u.mentions.latest;
        return composeOrders(say, e.result, { ...u, orderProductWords: words, mentions: { ...u.mentions, latest } });
      }
      return composeOrders(say, e.result, u, memory.orderFocus);
    }
    case 'get_order_status':
      return composeOrderStatus(say, e.result, e.args);
    case 'search_policies':
      return composePolicy(say, e.result, ...policyAsked(e, memory, u, state));
    default:
      // The server shows an order change as a card; the shopper confirms it there or says yes.
      if (ORDER_CHANGES.has(e.name)) return composeOrderChange(say, e.result);
      return composeHuman(say, e.result);
  }
}

/**
 * A prepared change to confirm, or why not, in the shopper's language from the result's data; the
 * English text when there is none (a result kept before changes were data, a sign-in request).
 */
function composeOrderChange(say: Say, r: ToolEvent['result']): string {
  if (r.ok) {
    const detail = r.pendingAction.detail;
    const summary = (detail && orderChangeWords(say, detail, 'summary')) || r.pendingAction.summary;
    return say('orders.confirmChange', { summary });
  }
  if (r.reason === 'sign_in_required') return say('orderChange.signIn');
  return (r.refusal && refusalWords(say, r.refusal)) || r.message;
}

/** The question a policy search answers, and what it is about when the message does not say. */
const policyAsked = (
  e: ToolEvent,
  memory: Memory,
  u: Understanding | null,
  state: DialogueState | null,
): [string, string | null] => [
  u ? policyAskedText(u, memory) : typeof e.args.query === 'string' ? e.args.query : '',
  u ? policySubject(u, memory, state?.index) : null,
];

/** True when a policy search of this step found no section that holds what was asked. */
export function policyUnanswered(
  events: ToolEvent[],
  memory: Memory,
  u: Understanding | null,
  state: DialogueState | null,
): boolean {
  const searches = events.filter((e) => e.name === 'search_policies' && wellFormed(e));
  return searches.some((e) => policyUnmatched(e.result, ...policyAsked(e, memory, u, state)));
}

/** The reply after the tool results of one step, stating only what those results say. */
export function composeReply(
  say: Say,
  events: ToolEvent[],
  memory: Memory,
  u: Understanding | null = null,
  state: DialogueState | null = null,
): string {
  if (!events.length) return say('chat.anythingElse');
  const parts: string[] = [];
  const failed = events.filter((e) => !wellFormed(e));
  const cartChanges = events.filter((e) => CART_CHANGES.has(e.name) && wellFormed(e));
  for (const e of events)
    if (!CART_CHANGES.has(e.name) && wellFormed(e)) parts.push(composeOne(say, e, memory, u, state));
  if (cartChanges.length) parts.push(composeCartChanges(say, cartChanges, memory));
  if (failed.length) {
    const doing = [...new Set(failed.map((e) => say(DOING[e.name] ?? 'doing.other')))];
    parts.push(say('chat.failed', { doing: say.eachAnd(doing) }));
  }
  return parts.join('\n\n');
}

/** The content words of a message, when some order line is named by them; else none. */
function wordsNamingLines(orders: OrderView[], text: string, stopwords: string[]): string[] {
  const stop = new Set(stopwords);
  const words = tokens(text).filter((w) => w.length > 2 && !stop.has(w));
  return orders.some((o) => o.items.some((i) => lineMatches(i.title, words) > 0)) ? words : [];
}
