import type { ProductRecord } from '../../src/catalog/records.js';

/** The parts of a product that query relevance rules look at, read from the record itself. */
export interface ProductFacts {
  handle: string;
  top: string;
  sub: string;
  style: string;
  gender: string;
  vendor: string;
  material: string;
  waterproof: boolean;
  vegan: boolean;
  onSale: boolean;
  /** Cheapest variant price in minor units. */
  price: number;
  colors: Set<string>;
  tags: Set<string>;
  attr(key: string): string;
  /** Leading number of an attribute such as "28 L" or "-5 °C"; NaN when absent. */
  num(key: string): number;
  hasSize(size: string, inStockOnly: boolean): boolean;
}

export const productFacts = (p: ProductRecord): ProductFacts => {
  const attributes = p.attributes;
  return {
    handle: p.handle,
    top: p.categoryPath[0] ?? '',
    sub: p.categoryPath[1] ?? '',
    style: attributes.style ?? '',
    gender: attributes.gender ?? '',
    vendor: p.vendor,
    material: (attributes.material ?? '').toLowerCase(),
    waterproof: attributes.waterproof === 'yes',
    vegan: attributes.vegan === 'yes',
    onSale: p.variants.some((v) => v.compareAtPriceMinor != null && v.compareAtPriceMinor > v.priceMinor),
    price: Math.min(...p.variants.map((v) => v.priceMinor)),
    colors: new Set(p.variants.map((v) => v.options.Color).filter((c): c is string => Boolean(c))),
    tags: new Set(p.tags),
    attr: (key) => attributes[key] ?? '',
    num: (key) => (attributes[key] === undefined ? Number.NaN : parseFloat(attributes[key].replace(/,/g, ''))),
    hasSize: (size, inStockOnly) => p.variants.some((v) => v.options.Size === size && (!inStockOnly || v.stock > 0)),
  };
};

/** Whether the product suits the named gender: unisex products suit everyone. */
export const fits = (f: ProductFacts, gender: 'men' | 'women' | 'kids'): boolean =>
  f.gender === gender || (f.gender === 'unisex' && gender !== 'kids');

export const isInsulatedJacket = (f: ProductFacts): boolean =>
  f.sub === 'Jackets' && (f.attr('insulation') === 'Down' || f.attr('insulation') === 'Synthetic');
