import { tokens } from '../../../catalog/terms.js';
import { composeCart, composeCartChanges } from './compose-cart.js';
import { answerAboutProduct } from './answer-product.js';
import { composeHuman, composeOrders, composeOrderStatus } from './compose-info.js';
import { composePolicy, policyUnmatched } from './compose-policy.js';
import { policySubject } from './policy-question.js';
import { composeProduct, composeRecommend, composeSearch } from './compose-products.js';
import type { DialogueState } from './dialogue-state.js';
import type { Memory, ToolEvent } from './history.js';
import type { Understanding } from './understand.js';

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

const DOING: Record<string, string> = {
  search_products: 'searching the catalog',
  get_product: 'looking up that product',
  get_cart: 'opening your cart',
  add_to_cart: 'adding to your cart',
  update_cart_item: 'updating your cart',
  remove_from_cart: 'updating your cart',
  get_orders: 'looking up your orders',
  get_order_status: 'looking up your order',
  cancel_order: 'preparing the cancellation',
  return_items: 'preparing the return',
  change_order_address: 'preparing the address change',
  change_order_items: 'preparing the change',
  change_order_payment: 'preparing the change',
  exchange_items: 'preparing the exchange',
  update_default_address: 'preparing the address change',
  recommend_products: 'finding recommendations',
  search_policies: 'looking that up',
  request_human: 'contacting our team',
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

function composeOne(e: ToolEvent, memory: Memory, u: Understanding | null, state: DialogueState | null): string {
  switch (e.name) {
    case 'search_products':
      return composeSearch(e.result, e.args, memory, e.at);
    case 'recommend_products':
      return composeRecommend(e.result);
    case 'get_product':
      return (
        (u && state ? answerAboutProduct(e.result.product, u, state, state.lexicon) : null) ??
        composeProduct(e.result.product, state?.lexicon ?? null)
      );
    case 'get_cart':
      return composeCart(e.result.cart);
    case 'get_orders': {
      // "what did I pay for them last time?": the product in focus names the order.
      const focus = memory.focus
        ? (memory.products.get(memory.focus)?.title ?? memory.cart?.items.find((l) => l.handle === memory.focus)?.title)
        : undefined;
      const about = u && !u.orderProductWords.length && u.mentions.pronoun && focus;
      return composeOrders(e.result, about ? { ...u, orderProductWords: tokens(focus) } : u, memory.orderFocus);
    }
    case 'get_order_status':
      return composeOrderStatus(e.result, e.args);
    case 'search_policies':
      return composePolicy(e.result, ...policyAsked(e, memory, u));
    default:
      // The server shows an order change as a card; the shopper confirms it there or says yes.
      if (ORDER_CHANGES.has(e.name)) {
        return e.result.ok
          ? `${e.result.pendingAction.summary}\n\nShall I go ahead? Confirm below, or just say yes.`
          : e.result.message;
      }
      return composeHuman(e.result);
  }
}

/** The question a policy search answers, and what it is about when the message does not say. */
const policyAsked = (e: ToolEvent, memory: Memory, u: Understanding | null): [string, string | null] => [
  u?.raw ?? (typeof e.args.query === 'string' ? e.args.query : ''),
  u ? policySubject(u, memory) : null,
];

/** True when a policy search of this step found no section that holds what was asked. */
export function policyUnanswered(events: ToolEvent[], memory: Memory, u: Understanding | null): boolean {
  const searches = events.filter((e) => e.name === 'search_policies' && wellFormed(e));
  return searches.some((e) => policyUnmatched(e.result, ...policyAsked(e, memory, u)));
}

/** The reply after the tool results of one step, stating only what those results say. */
export function composeReply(
  events: ToolEvent[],
  memory: Memory,
  u: Understanding | null = null,
  state: DialogueState | null = null,
): string {
  if (!events.length) return 'Is there anything else I can help you with?';
  const parts: string[] = [];
  const failed = events.filter((e) => !wellFormed(e));
  const cartChanges = events.filter((e) => CART_CHANGES.has(e.name) && wellFormed(e));
  for (const e of events) if (!CART_CHANGES.has(e.name) && wellFormed(e)) parts.push(composeOne(e, memory, u, state));
  if (cartChanges.length) parts.push(composeCartChanges(cartChanges, memory));
  if (failed.length) {
    const what = [...new Set(failed.map((e) => DOING[e.name] ?? 'doing that'))].join(' and ');
    parts.push(
      `Sorry, something went wrong while ${what}. Please try again in a moment — or I can connect you with a person.`,
    );
  }
  return parts.join('\n\n');
}
