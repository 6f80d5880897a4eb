import type { ProductCard } from '../../src/chat/protocol.js';

type Money = ProductCard['price'];
export type Variant = ProductCard['variants'][number] & { compareAtPrice?: Money | null; image?: string | null };
export type Selection = Record<string, string>;

/** Option names worth a picker: none for a product with a single variant. */
export function pickerOptions(card: ProductCard): string[] {
  return card.variants.length > 1 ? card.optionNames.filter((n) => optionValues(card, n).length > 0) : [];
}

export function optionValues(card: ProductCard, name: string): string[] {
  return [...new Set(card.variants.map((v) => v.options[name]).filter((v): v is string => typeof v === 'string'))];
}

/** The first in-stock variant's options, or the first variant's. */
export function initialSelection(card: ProductCard): Selection {
  const v = card.variants.find((x) => x.inStock) ?? card.variants[0];
  return v ? { ...v.options } : {};
}

export function findVariant(card: ProductCard, sel: Selection): Variant | undefined {
  const names = pickerOptions(card);
  return (
    (card.variants as Variant[]).find((v) => names.every((n) => v.options[n] === sel[n])) ??
    (names.length === 0 ? card.variants[0] : undefined)
  );
}

/**
 * Can `value` be picked for option `index`, given the choices made for the options before it?
 * Later options adjust themselves, so a shopper is never stuck behind a disabled choice.
 */
export function valueAvailable(card: ProductCard, sel: Selection, index: number, value: string): boolean {
  const names = pickerOptions(card);
  return card.variants.some(
    (v) =>
      v.inStock && v.options[names[index]] === value && names.slice(0, index).every((n) => v.options[n] === sel[n]),
  );
}

/** The selection after picking `value` for option `index`: later options move to an available value if needed. */
export function choose(card: ProductCard, sel: Selection, index: number, value: string): Selection {
  const names = pickerOptions(card);
  const next = { ...sel, [names[index]]: value };
  for (let j = index + 1; j < names.length; j++) {
    if (valueAvailable(card, next, j, next[names[j]])) continue;
    const alt = optionValues(card, names[j]).find((v) => valueAvailable(card, next, j, v));
    if (alt !== undefined) next[names[j]] = alt;
  }
  return next;
}
