import type { CartChangeResult, CartRefusal, CartView } from '../../../tools/results.js';
import { cartSummary, listCart, listProducts, optionsLabel, variantLine } from './format.js';
import type { Memory, ToolEvent } from './history.js';

/** Replies about the cart, built from cart results (never from the tool's free-text message). */

export function composeCart(cart: CartView): string {
  if (!cart.items.length) return 'Your cart is empty. What can I help you find?';
  return `Here's your cart:\n${listCart(cart.items)}\nSubtotal: ${cart.subtotal?.formatted ?? ''}.`;
}

/** The title and options of a SKU, from the newest cart in the transcript that holds it. */
function describeSku(sku: string, memory: Memory): string {
  for (const e of [...memory.events].reverse()) {
    const line = (e.result?.cart as CartView | undefined)?.items?.find((l) => l.sku === sku);
    if (line) return `${line.title}${optionsLabel(line.options)}`;
  }
  return 'that item';
}

function describeTarget(e: ToolEvent, memory: Memory): string {
  if (typeof e.args.handle === 'string') {
    const title = memory.products.get(e.args.handle)?.title ?? 'that product';
    return `${title}${optionsLabel(e.args.options as Record<string, string> | undefined)}`;
  }
  return typeof e.args.sku === 'string' ? describeSku(e.args.sku, memory) : 'that item';
}

function refusal(e: ToolEvent, r: CartRefusal, memory: Memory): string {
  const known = typeof e.args.handle === 'string' && memory.products.has(e.args.handle);
  const target =
    !known && r.productTitle
      ? `${r.productTitle}${optionsLabel(e.args.options as Record<string, string> | undefined)}`
      : describeTarget(e, memory);
  switch (r.reason) {
    case 'needs_option': {
      const missing = r.missingOptions ?? [];
      if (!missing.length) return `Which option would you like for ${target}?`;
      const asks = missing.map((o) => `${o.name.toLowerCase()}${o.values.length ? ` (${o.values.join(', ')})` : ''}`);
      return `Which ${asks.join(' and ')} would you like for ${target}?`;
    }
    case 'out_of_stock':
    case 'unknown_variant': {
      const head =
        r.reason === 'out_of_stock'
          ? `Sorry, ${target} is out of stock.`
          : `That option isn't available for ${target}.`;
      const parts = [head];
      const variants = (r.alternatives ?? []).filter((v) => v.inStock !== false).slice(0, 5);
      // Bullets, not numbers: numbers in a reply always point at products ("the first one").
      if (variants.length)
        parts.push(`These options are available:\n${variants.map((v) => variantLine(v)).join('\n')}`);
      for (const o of r.missingOptions ?? [])
        if (o.values.length) parts.push(`Available ${o.name.toLowerCase()}: ${o.values.join(', ')}.`);
      if (r.alternativeProducts?.length)
        parts.push(`Similar products in stock:\n${listProducts(r.alternativeProducts)}`);
      parts.push(
        variants.length || r.alternativeProducts?.length
          ? 'Just tell me which one you would like.'
          : 'Want me to look for something similar?',
      );
      return parts.join('\n');
    }
    case 'unknown_product':
      return "I couldn't find that product any more. Want me to search for something similar?";
    case 'quantity_limit':
      return "I couldn't set that quantity — there isn't enough stock, or it's over the limit per item. Try a smaller number?";
    case 'not_in_cart':
      return memory.cart?.items.length
        ? `That item isn't in your cart. Here's what is:\n${listCart(memory.cart.items)}`
        : "That item isn't in your cart.";
    case 'unreachable':
    case 'rejected':
      return `${r.message} Want me to connect you with a person?`;
    case 'pending_approval':
      return 'A team member needs to approve that change first — it will show up in your cart once they do.';
    default:
      return "I couldn't make that change to your cart. Want me to connect you with a person?";
  }
}

function success(e: ToolEvent, r: Extract<CartChangeResult, { ok: true }>, memory: Memory): string {
  const line = r.cart.items.find((l) => l.sku === r.changedSku);
  const what = line ? `${line.title}${optionsLabel(line.options)}` : describeSku(r.changedSku, memory);
  if (e.name === 'add_to_cart') {
    const qty = typeof e.args.quantity === 'number' ? e.args.quantity : 1;
    return `Added ${qty > 1 ? `${qty} × ` : ''}${what} to your cart.`;
  }
  if (e.name === 'remove_from_cart' || !line) return `Removed ${what} from your cart.`;
  return `Updated ${what} to quantity ${line.quantity}.`;
}

/** One reply for all cart changes of a step, ending with the resulting cart once. */
export function composeCartChanges(events: ToolEvent[], memory: Memory): string {
  const parts: string[] = [];
  let lastCart: CartView | undefined;
  for (const e of events) {
    const r = e.result as CartChangeResult;
    if (r.ok) {
      parts.push(success(e, r, memory));
      lastCart = r.cart;
    } else parts.push(refusal(e, r, memory));
  }
  if (lastCart) parts.push(cartSummary(lastCart));
  return parts.join('\n');
}
