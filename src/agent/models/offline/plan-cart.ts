import type { ProductSummary } from '../../../catalog/types.js';
import { listProducts } from './format.js';
import type { Memory } from './history.js';
import { tidy } from './normalize.js';
import { extractOptions } from './parse-options.js';
import { extractQuantity } from './parse-quantity.js';
import { parseSearch } from './parse-search.js';
import { resolveCartLine, resolveProduct, stripCartWords } from './references.js';
import { SIZE_ALIASES } from './vocabulary.js';
import type { Plan } from './plan-types.js';

const MAX_QUANTITY = 20;
const TOO_MANY = `I can add at most ${MAX_QUANTITY} of one item — how many would you like?`;

/** "add the second one in size 42", "add 2 of those": add_to_cart, a search, or a question — never a guess. */
export function planAdd(text: string, raw: string, memory: Memory, shopCategories?: readonly string[]): Plan {
  const opts = extractOptions(text);
  const qty = extractQuantity(opts.rest);
  const quantity = qty.quantity ?? 1;
  if (quantity < 1 || quantity > MAX_QUANTITY) return { intent: 'cart_add', text: TOO_MANY };
  const ref = resolveProduct(qty.rest, memory, { colour: opts.color });
  if (ref.kind === 'ask') return { intent: 'cart_add', text: ref.text };
  if (ref.kind === 'unmatched') {
    // The shopper named something not shown yet: show matches and let them choose.
    return {
      intent: 'cart_add',
      calls: [{ name: 'search_products', args: { ...parseSearch(stripCartWords(text), raw, shopCategories).args } }],
    };
  }
  let handle = ref.kind === 'product' ? ref.handle : memory.focus;
  if (!handle) {
    const list = memory.shown.length
      ? `\n${listProducts(memory.shown)}`
      : " Tell me what you're looking for and I'll find it.";
    return { intent: 'cart_add', text: `Which product would you like to add?${list}` };
  }
  const product = (ref.kind === 'product' ? ref.product : undefined) ?? memory.products.get(handle);
  handle = product?.handle ?? handle;
  const options = mapOptions(product, opts.size, opts.color);
  return {
    intent: 'cart_add',
    calls: [{ name: 'add_to_cart', args: { handle, ...(options ? { options } : {}), quantity } }],
  };
}

/** "remove the socks", "remove it", "empty my cart". */
export function planRemove(text: string, memory: Memory): Plan {
  const ref = resolveCartLine(text, memory);
  if (ref.kind === 'need_cart')
    return { intent: 'cart_remove', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  if (ref.kind === 'ask') return { intent: 'cart_remove', text: ref.text };
  const lines = ref.kind === 'all' ? memory.cart!.items : [ref.line];
  return { intent: 'cart_remove', calls: lines.map((l) => ({ name: 'remove_from_cart', args: { sku: l.sku } })) };
}

/** "make it 3", "change the quantity to 2", "I want 2 instead", "one more". */
export function planUpdate(text: string, memory: Memory): Plan {
  const qty = extractQuantity(text);
  if (qty.quantity === undefined) return { intent: 'cart_update', text: 'How many would you like?' };
  const ref = resolveCartLine(tidy(qty.rest), memory);
  if (ref.kind === 'need_cart')
    return { intent: 'cart_update', calls: [{ name: 'get_cart', args: {} }], prefetch: true };
  if (ref.kind === 'ask') return { intent: 'cart_update', text: ref.text };
  if (ref.kind === 'all') return { intent: 'cart_update', text: 'Which item should I change?' };
  const quantity = qty.increment ? ref.line.quantity + 1 : qty.quantity;
  if (quantity > MAX_QUANTITY) return { intent: 'cart_update', text: TOO_MANY };
  return { intent: 'cart_update', calls: [{ name: 'update_cart_item', args: { sku: ref.line.sku, quantity } }] };
}

/** Uses the product's own option names and value spelling when known ("Colour", "Black", "Medium"). */
export function mapOptions(
  product: ProductSummary | undefined,
  size?: string,
  color?: string,
): Record<string, string> | undefined {
  if (!size && !color) return undefined;
  const names = product?.optionNames ?? [];
  const values = (name: string) => [
    ...new Set((product?.variants ?? []).map((v) => v.options?.[name]).filter((v): v is string => !!v)),
  ];
  const pick = (name: string, wanted: string) => {
    const accepted = [wanted, ...(SIZE_ALIASES[wanted] ?? [])].map((w) => w.toLowerCase());
    return values(name).find((v) => accepted.includes(v.toLowerCase())) ?? wanted;
  };
  const out: Record<string, string> = {};
  if (size) {
    const name = names.find((n) => /size|größe|taille|maat/i.test(n)) ?? 'Size';
    out[name] = pick(name, size);
  }
  if (color) {
    const name = names.find((n) => /colou?r|farbe|couleur|kleur/i.test(n)) ?? 'Color';
    out[name] = pick(name, color);
  }
  return out;
}
