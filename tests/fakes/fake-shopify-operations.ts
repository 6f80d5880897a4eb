import { CartError, lineKey, type Catalog, type FakeShopifyCart, type FakeShopifyLine } from './fake-shopify-cart.js';

/** Numbers and digit strings, as Shopify takes ids and quantities from JSON and from forms. */
const toInt = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^-?[0-9]+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
};

const inCart = (cart: FakeShopifyCart, variantId: number) =>
  cart.lines.filter((l) => l.variantId === variantId).reduce((n, l) => n + l.quantity, 0);

/**
 * How many more of a variant the cart may take; refuses a sold-out variant the way Shopify does
 * (422, with the inventory messages of its March 2025 changelog).
 */
function allowance(cart: FakeShopifyCart, catalog: Catalog, variantId: number, wanted: number): number {
  const entry = catalog.get(variantId);
  // Shopify answers an unknown variant with 422 "Cannot find variant" (404 on older shops).
  if (!entry) throw new CartError(422, 'Cannot find variant');
  const { product, variant } = entry;
  if (variant.available === false || variant.inventory === 0)
    throw new CartError(422, `The product '${product.title}' is already sold out.`);
  if (variant.inventory === undefined) return wanted;
  const left = variant.inventory - inCart(cart, variantId);
  if (left <= 0) throw new CartError(422, 'The maximum quantity of this item is already in your cart.');
  return Math.min(wanted, left);
}

function addLine(cart: FakeShopifyCart, variantId: number, quantity: number, properties: Record<string, string>) {
  const key = lineKey(variantId, properties);
  const line = cart.lines.find((l) => l.key === key);
  if (line) line.quantity += quantity;
  else cart.lines.push({ key, variantId, quantity, properties });
  return cart.lines.find((l) => l.key === key)!;
}

const stringRecord = (v: unknown): Record<string, string> =>
  typeof v === 'object' && v !== null
    ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};

/** `POST /cart/add.js`: `{items: [{id, quantity, properties}]}` or one `{id, quantity}` (JSON or form). */
export function addItems(cart: FakeShopifyCart, catalog: Catalog, body: unknown): FakeShopifyLine[] {
  const b = (body ?? {}) as Record<string, unknown>;
  const raw = Array.isArray(b.items) ? (b.items as Record<string, unknown>[]) : [b];
  const items = raw.map((i) => ({
    id: toInt(i?.id),
    quantity: toInt(i?.quantity ?? 1),
    properties: stringRecord(i?.properties),
  }));
  if (!items.length || items.some((i) => i.id === null || i.quantity === null || i.quantity < 1))
    throw new CartError(422, 'Cannot find variant');
  const added: FakeShopifyLine[] = [];
  for (const item of items) {
    const allowed = allowance(cart, catalog, item.id!, item.quantity!);
    added.push(addLine(cart, item.id!, allowed, item.properties));
    if (allowed < item.quantity!) throw new CartError(422, `Only ${allowed} items were added to your cart.`);
  }
  return added;
}

/** Sets one line's quantity (0 removes it), within the variant's inventory. */
function setLine(cart: FakeShopifyCart, catalog: Catalog, line: FakeShopifyLine, quantity: number) {
  if (quantity <= 0) {
    cart.lines = cart.lines.filter((l) => l !== line);
    return;
  }
  const more = quantity - line.quantity;
  if (more > 0) {
    const allowed = allowance(cart, catalog, line.variantId, more);
    line.quantity += allowed;
    if (allowed < more) throw new CartError(422, `Only ${allowed} items were added to your cart.`);
  } else line.quantity = quantity;
}

/** A line by key (`"123:abc"`), by variant id (its first line), or by 1-based `line`. */
function findLine(cart: FakeShopifyCart, id: unknown, line: unknown): FakeShopifyLine | undefined {
  if (typeof id === 'string' && id.includes(':')) return cart.lines.find((l) => l.key === id);
  const variantId = toInt(id);
  if (variantId !== null) return cart.lines.find((l) => l.variantId === variantId);
  const index = toInt(line);
  return index !== null ? cart.lines[index - 1] : undefined;
}

/** `POST /cart/change.js`: `{id | line, quantity}`. */
export function changeLine(cart: FakeShopifyCart, catalog: Catalog, body: unknown): void {
  const b = (body ?? {}) as Record<string, unknown>;
  const line = findLine(cart, b.id, b.line);
  const quantity = toInt(b.quantity);
  if (!line || quantity === null) throw new CartError(400, 'no valid id or line parameter');
  setLine(cart, catalog, line, quantity);
}

/** `POST /cart/update.js`: `updates` (by variant id or line key; adds what is missing), `attributes`, `note`. */
export function updateCart(cart: FakeShopifyCart, catalog: Catalog, body: unknown): void {
  const b = (body ?? {}) as Record<string, unknown>;
  const updates = Array.isArray(b.updates)
    ? b.updates.map((q, i) => [cart.lines[i]?.key, q] as const)
    : Object.entries((b.updates ?? {}) as Record<string, unknown>);
  for (const [id, q] of updates) {
    const quantity = toInt(q);
    if (quantity === null || id === undefined) continue;
    const line = findLine(cart, id, null);
    if (line) setLine(cart, catalog, line, quantity);
    else if (quantity > 0) addItems(cart, catalog, { id, quantity });
  }
  // Shopify drops an attribute set to an empty value.
  for (const [name, value] of Object.entries((b.attributes ?? {}) as Record<string, unknown>)) {
    if (value === '' || value === null) delete cart.attributes[name];
    else cart.attributes[name] = String(value);
  }
  if (typeof b.note === 'string') cart.note = b.note;
}
