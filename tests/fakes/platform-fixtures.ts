import type { FakeShopifyProduct } from './fake-shopify-store.js';
import type { FakeWooProduct } from './fake-woocommerce-store.js';

/** The small catalogs the platform cart tests shop from: a sold-out variant, stock limits, big ids. */

export const RUNNER_42 = '44012345678901';
export const RUNNER_43 = '44012345678902';
export const SOCKS = '44012345679001';
export const shopifyProducts: FakeShopifyProduct[] = [
  {
    productId: 8001234567,
    handle: 'trail-runner',
    title: 'Trail Runner',
    options: ['Size'],
    variants: [
      { id: Number(RUNNER_42), sku: 'TR-42', title: '42', price: 8900, inventory: 5 },
      { id: Number(RUNNER_43), sku: 'TR-43', title: '43', price: 8900, inventory: 0 },
    ],
  },
  {
    productId: 8001234568,
    handle: 'wool-socks',
    title: 'Wool Socks',
    variants: [{ id: Number(SOCKS), sku: 'WS-1', title: 'Default Title', price: 1500 }],
  },
];

export const SHIRT_M = '301';
export const WOO_SOCKS = '410';
export const JACKET = '520';
export const wooProducts: FakeWooProduct[] = [
  {
    id: 301,
    name: 'Linen Shirt - M',
    sku: 'LS-M',
    price: 4500,
    stock: 5,
    variation: [{ attribute: 'Size', value: 'M' }],
  },
  { id: 410, name: 'Wool Socks', sku: 'WS-1', price: 1299 },
  { id: 520, name: 'Rain Jacket', sku: 'RJ-1', price: 12000, stock: 0 },
];
