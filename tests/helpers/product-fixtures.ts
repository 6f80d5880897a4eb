import type { ProductRecord } from '../../src/catalog/records.js';

/** A product record with sensible defaults, for tests. */
export function product(p: Partial<ProductRecord> & { handle: string; title: string }): ProductRecord {
  return {
    descriptionHtml: '',
    vendor: 'Test Co',
    categoryPath: [],
    productType: '',
    tags: [],
    attributes: {},
    images: [],
    status: 'active',
    optionNames: [],
    variants: [{ sku: `${p.handle}-1`, options: {}, priceMinor: 1000, currency: 'EUR', stock: 5 }],
    ...p,
  };
}
