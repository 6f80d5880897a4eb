import type { ProductSummary, VariantSummary } from '../../../catalog/types.js';
import type { CartLine, CartView } from '../../../tools/results.js';
import { MAX_LISTED } from './history.js';

/** Formatting shared by replies and clarifying questions. Only structured fields are printed. */

export function optionsLabel(options: Record<string, string> | undefined): string {
  const parts = Object.entries(options ?? {}).map(([k, v]) => `${k} ${v}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function productLine(p: ProductSummary, n: number): string {
  return `${n}. ${p.title} — ${p.price?.formatted ?? 'price unavailable'}${p.inStock === false ? ' (out of stock)' : ''}`;
}

export function listProducts(products: ProductSummary[]): string {
  return products
    .slice(0, MAX_LISTED)
    .map((p, i) => productLine(p, i + 1))
    .join('\n');
}

export function cartLine(l: CartLine, n: number): string {
  const stock = l.inStock === false ? ' (out of stock)' : '';
  return `${n}. ${l.title}${optionsLabel(l.options)} × ${l.quantity} — ${l.lineTotal?.formatted ?? ''}${stock}`;
}

export function listCart(lines: CartLine[]): string {
  return lines.map((l, i) => cartLine(l, i + 1)).join('\n');
}

export function cartSummary(cart: CartView): string {
  if (!cart.items.length) return 'Your cart is now empty.';
  const count = cart.itemCount ?? cart.items.reduce((n, l) => n + l.quantity, 0);
  return `Your cart: ${count} item${count === 1 ? '' : 's'}, subtotal ${cart.subtotal?.formatted ?? ''}.`;
}

export function variantLine(v: VariantSummary): string {
  const label =
    Object.entries(v.options ?? {})
      .map(([k, val]) => `${k} ${val}`)
      .join(', ') || v.sku;
  return `- ${label} — ${v.price?.formatted ?? ''}${v.inStock === false ? ' (out of stock)' : ''}`;
}

/** "Size: 40, 41, 42; Color: Black, White" from a product's variants. */
export function availableOptions(p: ProductSummary): string {
  return (p.optionNames ?? [])
    .map((name) => {
      const values = [
        ...new Set(
          p.variants
            .filter((v) => v.inStock)
            .map((v) => v.options?.[name])
            .filter(Boolean),
        ),
      ];
      return values.length ? `${name}: ${values.join(', ')}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

export function trimText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
