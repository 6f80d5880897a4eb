import { itemKey, WooError, type FakeWooLine, type FakeWooProduct } from './fake-woo-cart.js';

const positiveInt = (v: unknown): number | null => {
  const n = typeof v === 'string' && /^[0-9]+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
};

const invalidParam = (name: string) => new WooError('rest_invalid_param', `Invalid parameter(s): ${name}`, 400);

/** Refuses what WooCommerce refuses before changing a line to `quantity` (Store API's messages). */
function checkStock(p: FakeWooProduct, quantity: number): void {
  if (p.purchasable === false)
    throw new WooError(
      'woocommerce_rest_product_not_purchasable',
      `&quot;${p.name}&quot; is not available for purchase.`,
      400,
    );
  if (p.stock === 0)
    throw new WooError(
      'woocommerce_rest_product_out_of_stock',
      `You cannot add &quot;${p.name}&quot; to the cart because the product is out of stock.`,
      400,
    );
  if (p.stock !== undefined && quantity > p.stock)
    throw new WooError(
      'woocommerce_rest_product_partially_out_of_stock',
      `You cannot add that amount of &quot;${p.name}&quot; to the cart because there is not enough stock (${p.stock} remaining).`,
      400,
    );
}

/** `POST cart/add-item` `{id, quantity}`: adds to the product's line, all or nothing. */
export function addItem(lines: FakeWooLine[], products: Map<number, FakeWooProduct>, body: unknown): void {
  const b = (body ?? {}) as Record<string, unknown>;
  const id = positiveInt(b.id);
  const quantity = b.quantity === undefined ? 1 : positiveInt(b.quantity);
  if (id === null) throw invalidParam('id');
  if (quantity === null) throw invalidParam('quantity');
  const product = products.get(id);
  if (!product)
    throw new WooError('woocommerce_rest_cart_invalid_product', 'This product cannot be added to the cart.', 400);
  const line = lines.find((l) => l.id === id);
  checkStock(product, (line?.quantity ?? 0) + quantity);
  if (line) line.quantity += quantity;
  else lines.push({ key: itemKey(id), id, quantity });
}

function lineOf(lines: FakeWooLine[], key: unknown): FakeWooLine {
  const line = lines.find((l) => l.key === key);
  if (!line) throw new WooError('woocommerce_rest_cart_invalid_key', 'Cart item no longer exists or is invalid.', 409);
  return line;
}

/** `POST cart/update-item` `{key, quantity}`. */
export function updateItem(lines: FakeWooLine[], products: Map<number, FakeWooProduct>, body: unknown): void {
  const b = (body ?? {}) as Record<string, unknown>;
  const line = lineOf(lines, b.key);
  const quantity = positiveInt(b.quantity);
  if (quantity === null) throw invalidParam('quantity');
  checkStock(products.get(line.id)!, quantity);
  line.quantity = quantity;
}

/** `POST cart/remove-item` `{key}`; returns the lines left. */
export function removeItem(lines: FakeWooLine[], body: unknown): FakeWooLine[] {
  const line = lineOf(lines, ((body ?? {}) as Record<string, unknown>).key);
  return lines.filter((l) => l !== line);
}
