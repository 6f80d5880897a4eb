import type { CartChangeResult, CartRefusal, CartView } from '../../../tools/results.js';
import {
  cartSummary,
  listCart,
  listProducts,
  valueLabel,
  variantLine,
  withOptions,
  type OptionLabels,
  type ShownProducts,
} from './format.js';
import type { Memory, ToolEvent } from './history.js';
import type { Say } from './replies.js';

/** Replies about the cart, built from cart results (never from the tool's free-text message). */

export function composeCart(say: Say, cart: CartView, shown?: ShownProducts): string {
  if (!cart.items.length) return say('cart.empty');
  return say('cart.show', { lines: listCart(say, cart.items, shown), subtotal: cart.subtotal ?? '' });
}

const argOptions = (e: ToolEvent) => e.args.options as Record<string, string> | undefined;

/** The title and options of a SKU, from the newest cart in the transcript that holds it. */
function describeSku(say: Say, sku: string, memory: Memory): string {
  for (const e of [...memory.events].reverse()) {
    const line = (e.result?.cart as CartView | undefined)?.items?.find((l) => l.sku === sku);
    if (line) return withOptions(say, line.title, line.options);
  }
  return say('cart.thatItem');
}

function describeTarget(say: Say, e: ToolEvent, memory: Memory): string {
  if (typeof e.args.handle === 'string') {
    const product = memory.products.get(e.args.handle);
    return withOptions(say, product?.title ?? say('cart.thatProduct'), argOptions(e), product?.optionLabels);
  }
  return typeof e.args.sku === 'string' ? describeSku(say, e.args.sku, memory) : say('cart.thatItem');
}

function askOptions(say: Say, r: CartRefusal, target: string, labels: OptionLabels): string {
  const missing = r.missingOptions ?? [];
  if (!missing.length) return say('cart.whichOption', { target });
  const asks = missing.map((o) => {
    const name = labels?.[o.name]?.name ?? o.name.toLowerCase();
    const values = o.values.map((v) => valueLabel(labels, o.name, v));
    return values.length ? say('cart.optionChoices', { name, values: say.list(values, 'comma') }) : name;
  });
  return say('cart.whichOptions', { options: say.eachAnd(asks), target });
}

/** Out of stock, or no such option: what is available instead, then what to do. */
function unavailable(say: Say, r: CartRefusal, target: string): string {
  const parts = [
    r.reason === 'out_of_stock' ? say('cart.outOfStock', { target }) : say('cart.optionUnavailable', { target }),
  ];
  const variants = (r.alternatives ?? []).filter((v) => v.inStock !== false).slice(0, 5);
  // Bullets, not numbers: numbers in a reply always point at products ("the first one").
  if (variants.length)
    parts.push(say('cart.optionsAvailable', { lines: variants.map((v) => variantLine(say, v)).join('\n') }));
  for (const o of r.missingOptions ?? [])
    if (o.values.length)
      parts.push(say('cart.valuesAvailable', { name: o.name.toLowerCase(), values: say.list(o.values, 'comma') }));
  if (r.alternativeProducts?.length)
    parts.push(say('cart.similarInStock', { list: listProducts(say, r.alternativeProducts) }));
  const offer = variants.length || r.alternativeProducts?.length;
  parts.push(offer ? say('cart.tellWhich') : say('cart.offerSimilar'));
  return parts.join('\n');
}

/** The option labels of the product a cart call named, when it was shown translated. */
const labelsOf = (e: ToolEvent, memory: Memory): OptionLabels =>
  typeof e.args.handle === 'string' ? memory.products.get(e.args.handle)?.optionLabels : undefined;

function refusal(say: Say, e: ToolEvent, r: CartRefusal, memory: Memory): string {
  const known = typeof e.args.handle === 'string' && memory.products.has(e.args.handle);
  const target =
    !known && r.productTitle ? withOptions(say, r.productTitle, argOptions(e)) : describeTarget(say, e, memory);
  switch (r.reason) {
    case 'needs_option':
      return askOptions(say, r, target, labelsOf(e, memory));
    case 'out_of_stock':
    case 'unknown_variant':
      return unavailable(say, r, target);
    case 'unknown_product':
      return say('cart.productGone');
    case 'quantity_limit':
      return say('cart.quantityLimit');
    case 'not_in_cart':
      return memory.cart?.items.length
        ? say('cart.notInCartShowing', { lines: listCart(say, memory.cart.items, memory.products) })
        : say('cart.notInCart');
    case 'unreachable':
    case 'rejected':
      return say('cart.refused', { message: r.message });
    case 'pending_approval':
      return say('cart.pendingApproval');
    default:
      return say('cart.failed');
  }
}

function success(say: Say, e: ToolEvent, r: Extract<CartChangeResult, { ok: true }>, memory: Memory): string {
  const line = r.cart.items.find((l) => l.sku === r.changedSku);
  // The product as the shopper was shown it (translated title and option names), else the cart's line.
  const shown = line ? memory.products.get(line.handle) : undefined;
  const item = line
    ? withOptions(say, shown?.title ?? line.title, line.options, shown?.optionLabels)
    : describeSku(say, r.changedSku, memory);
  if (e.name === 'add_to_cart') {
    const quantity = typeof e.args.quantity === 'number' ? e.args.quantity : 1;
    return quantity > 1 ? say('cart.addedQuantity', { quantity, item }) : say('cart.added', { item });
  }
  if (e.name === 'remove_from_cart' || !line) return say('cart.removed', { item });
  return say('cart.updated', { item, quantity: line.quantity });
}

/** One reply for all cart changes of a step, ending with the resulting cart once. */
export function composeCartChanges(say: Say, events: ToolEvent[], memory: Memory): string {
  const parts: string[] = [];
  let lastCart: CartView | undefined;
  for (const e of events) {
    const r = e.result as CartChangeResult;
    if (r.ok) {
      parts.push(success(say, e, r, memory));
      lastCart = r.cart;
    } else parts.push(refusal(say, e, r, memory));
  }
  if (lastCart) parts.push(cartSummary(say, lastCart));
  return parts.join('\n');
}
