import type { ProductSummary, VariantSummary } from '../../../catalog/types.js';
import type { CartLine, CartView } from '../../../tools/results.js';
import { MAX_LISTED } from './history.js';
import type { Say } from './replies.js';

/** Formatting shared by replies and clarifying questions. Only structured fields are printed. */

/** "size 40, color Black": option names and values, as the shop spells them (or names lowercased). */
/** How a translated product names its options and their values (`ProductSummary.optionLabels`). */
export type OptionLabels = ProductSummary['optionLabels'];

/** An option's name and a value as the shopper reads them: the translation's, else the catalog's. */
export const optionLabel = (labels: OptionLabels, name: string) => labels?.[name]?.name ?? name;
export const valueLabel = (labels: OptionLabels, name: string, value: string) =>
  labels?.[name]?.values?.[value] ?? value;

export function optionPairs(
  say: Say,
  options: Record<string, string> | undefined,
  lower = false,
  labels?: OptionLabels,
): string {
  const pairs = Object.entries(options ?? {}).map(([name, value]) => {
    const label = labels?.[name]?.name ?? (lower ? name.toLowerCase() : name);
    return say('format.option', { name: label, value: valueLabel(labels, name, value) });
  });
  return say.list(pairs, 'comma');
}

/** A title with its options in brackets, when it has any: "Lamp (Color Black)". */
export function withOptions(
  say: Say,
  title: string,
  options: Record<string, string> | undefined,
  labels?: OptionLabels,
): string {
  return Object.keys(options ?? {}).length
    ? say('format.withOptions', { title, options: optionPairs(say, options, false, labels) })
    : title;
}

export function productLine(say: Say, p: ProductSummary, n: number): string {
  const vars = { n, title: p.title, price: p.price ?? say('format.priceUnavailable') };
  return say(p.inStock === false ? 'format.productLineOutOfStock' : 'format.productLine', vars);
}

export function listProducts(say: Say, products: ProductSummary[]): string {
  return products
    .slice(0, MAX_LISTED)
    .map((p, i) => productLine(say, p, i + 1))
    .join('\n');
}

/** Products as the shopper was shown them this conversation (translated titles and option labels), by handle. */
export type ShownProducts = ReadonlyMap<string, ProductSummary>;

export function cartLine(say: Say, l: CartLine, n: number, shown?: ShownProducts): string {
  const p = shown?.get(l.handle);
  const item = withOptions(say, p?.language ? p.title : l.title, l.options, p?.optionLabels);
  const vars = { n, item, quantity: l.quantity, total: l.lineTotal ?? '' };
  return say(l.inStock === false ? 'format.cartLineOutOfStock' : 'format.cartLine', vars);
}

export function listCart(say: Say, lines: CartLine[], shown?: ShownProducts): string {
  return lines.map((l, i) => cartLine(say, l, i + 1, shown)).join('\n');
}

export function cartSummary(say: Say, cart: CartView): string {
  if (!cart.items.length) return say('format.cartEmptied');
  const count = cart.itemCount ?? cart.items.reduce((n, l) => n + l.quantity, 0);
  return say('format.cartSummary', { count, subtotal: cart.subtotal ?? '' });
}

export function variantLine(say: Say, v: VariantSummary): string {
  const vars = { options: optionPairs(say, v.options) || v.sku, price: v.price ?? '' };
  return say(v.inStock === false ? 'format.variantLineOutOfStock' : 'format.variantLine', vars);
}

/** "Size: 40, 41, 42; Color: Black, White" from a product's variants. */
export function availableOptions(say: Say, p: ProductSummary): string {
  return (p.optionNames ?? [])
    .map((name) => {
      const values = [
        ...new Set(
          p.variants
            .filter((v) => v.inStock)
            .map((v) => v.options?.[name])
            .filter((x): x is string => !!x),
        ),
      ];
      return values.length ? say('format.optionValues', { name, values: say.list(values, 'comma') }) : '';
    })
    .filter(Boolean)
    .join('; ');
}

export function trimText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
