import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import type { Database } from '../../src/db/database.js';
import { syncPlatformCatalog, type SyncSettings } from '../../src/platforms/catalog-sync.js';
import { openTestDatabase } from '../helpers/test-database.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import {
  createFakeShopifyShop,
  shopifyAdminHandler,
  SHOPIFY_DOMAIN,
  SHOPIFY_TOKEN,
  SHOPIFY_VERSION,
  type FakeProduct,
} from '../msw/shopify-admin.js';
import { createFakeWooShop, WOO_KEY, WOO_SECRET, WOO_URL, wooHandlers } from '../msw/woocommerce-rest.js';
import { platformFixture } from '../helpers/webhooks.js';

const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const COLORS = ['Ash', 'Moss', 'Rust', 'Slate', 'Sand'];
/** 12 products (two pages of 10), one with 30 variants (two variant pages of 25). */
function fakeProducts(): FakeProduct[] {
  const many: FakeProduct = {
    id: 9100,
    handle: 'ridge-knit-scarf',
    title: 'Ridge Knit Scarf',
    descriptionHtml: '<p>A chunky knit scarf.</p>',
    vendor: 'Ridge',
    productType: 'Scarves',
    tags: ['knit', 'winter'],
    optionNames: ['Color', 'Size'],
    images: ['https://cdn.shopify.com/s/files/1/scarf.jpg'],
    collections: ['Winter', 'New in'],
    variants: COLORS.flatMap((color, c) =>
      SIZES.map((size, s) => ({
        id: 9200 + c * 10 + s,
        sku: c === 0 && s === 0 ? '' : `RKS-${color}-${size}`,
        price: '35.00',
        compareAtPrice: c === 1 ? '45.00' : null,
        inventoryQuantity: s,
        options: [
          { name: 'Color', value: color },
          { name: 'Size', value: size },
        ],
        inventoryItemId: 9300 + c * 10 + s,
      })),
    ),
  };
  const single = (n: number): FakeProduct => ({
    id: 9000 + n,
    handle: `field-notebook-${n}`,
    title: `Field Notebook ${n}`,
    descriptionHtml: `<p>Notebook number ${n}.</p>`,
    vendor: 'Paperworks',
    productType: 'Notebooks',
    tags: [],
    optionNames: ['Title'],
    images: [],
    collections: [],
    variants: [
      {
        id: 9400 + n,
        sku: `FN-${n}`,
        price: `${10 + n}.50`,
        compareAtPrice: null,
        inventoryQuantity: 4,
        options: [{ name: 'Title', value: 'Default Title' }],
        inventoryItemId: 9500 + n,
      },
    ],
  });
  return [many, ...Array.from({ length: 11 }, (_, i) => single(i + 1))];
}

const shopifyShop = createFakeShopifyShop({
  products: fakeProducts(),
  policies: [
    {
      title: 'Refund policy',
      type: 'REFUND_POLICY',
      url: `https://${SHOPIFY_DOMAIN}/policies/refund-policy`,
      body: '<h2>Returns</h2><p>Return within 30 days for a full refund.</p><h2>Exchanges</h2><p>Free exchanges.</p>',
    },
  ],
});
const wooShop = createFakeWooShop({
  products: [
    platformFixture('woocommerce-product-updated'),
    platformFixture('woocommerce-product-created'),
    ...Array.from({ length: 150 }, (_, i) => ({
      id: 3000 + i,
      name: `Plain Item ${i}`,
      slug: `plain-item-${i}`,
      type: 'simple',
      price: '5.00',
      regular_price: '5.00',
      sku: `PI-${i}`,
    })),
  ],
  variations: { 2302: platformFixture('woocommerce-variations-2302') },
  customers: [platformFixture('woocommerce-customer-created')],
  orders: [platformFixture('woocommerce-order-created')],
});
const mock = setupServer(shopifyAdminHandler(shopifyShop), ...wooHandlers(wooShop));
let db: Database;

const settings = (over: Partial<SyncSettings['shopify']> = {}): SyncSettings => ({
  shopify: { storeDomain: SHOPIFY_DOMAIN, adminToken: SHOPIFY_TOKEN, apiVersion: SHOPIFY_VERSION, ...over },
  woocommerce: { url: WOO_URL, key: WOO_KEY, secret: WOO_SECRET },
});

/** Collects what the sync prints; the waits it would sleep are recorded instead. */
function run(platform: 'shopify' | 'woocommerce', s = settings()) {
  let printed = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      printed += String(chunk);
      done();
    },
  });
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return testEmbedder().then(async (embedder) => ({
    ...(await syncPlatformCatalog({ db, embedder }, { platform, settings: s, currency: 'EUR', out, sleep })),
    printed,
    waits,
  }));
}

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: 'error' });
  db = await openTestDatabase('pglite');
});
afterAll(async () => {
  await db?.close();
  mock.close();
});

describe('catalog:sync shopify', () => {
  it('imports every product and variant with their platform ids, through pages and one throttled answer', async () => {
    shopifyShop.throttleNext = true;
    const first = await run('shopify');
    expect(first.failed).toBe(0);
    expect(first.summary.counts.products).toMatchObject({ created: 12, failed: 0 });
    expect(first.summary.counts.policies.created).toBe(1);
    expect(first.waits).toEqual([7120]); // (752 requested - 40 available) / 100 restored per second
    expect(shopifyShop.calls.filter((c) => c === 'ConciergeProductVariants')).toHaveLength(1);
    expect(first.summary.embedded.products).toBe(12);

    const variants = await db.query<{ sku: string; platform_id: string; inventory_item_id: string; options: object }>(
      `SELECT v.sku, v.platform_id, v.inventory_item_id, v.options FROM variants v JOIN products p ON p.id = v.product_id
       WHERE p.platform_id = '9100' ORDER BY v.position`,
    );
    expect(variants.rows).toHaveLength(30);
    expect(variants.rows[0]).toEqual({
      sku: 'shopify-9200',
      platform_id: '9200',
      inventory_item_id: '9300',
      options: { Color: 'Ash', Size: 'XS' },
    });
    const scarf = await db.query<{ attributes: object; tags: string[] }>(
      `SELECT attributes, tags FROM products WHERE handle = 'ridge-knit-scarf'`,
    );
    expect(scarf.rows[0]).toEqual({ attributes: { collections: 'New in, Winter' }, tags: ['knit', 'winter'] });
    const notebook = await db.query<{ options: object; price_minor: number }>(
      `SELECT options, price_minor FROM variants WHERE sku = 'FN-3'`,
    );
    expect(notebook.rows[0]).toEqual({ options: {}, price_minor: 1350 });
    const policy = await db.query<{ heading: string }>(
      `SELECT c.heading FROM policy_chunks c JOIN policy_documents d ON d.id = c.document_id WHERE d.slug = 'refund-policy' ORDER BY c.position`,
    );
    expect(policy.rows.map((r) => r.heading)).toEqual(['Returns', 'Exchanges']);
  });

  it('changes nothing when run a second time', async () => {
    const second = await run('shopify');
    expect(second.summary.counts.products).toEqual({ created: 0, updated: 0, unchanged: 12, failed: 0 });
    expect(second.summary.counts.policies).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(second.summary.embedded).toEqual({ products: 0, policyChunks: 0 });
    expect(second.report).toMatch(/products\s+0\s+0\s+12\s+0/);
  });

  it('names the setting to check when the token is refused', async () => {
    await expect(run('shopify', settings({ adminToken: 'wrong' }))).rejects.toThrow(/401.*SHOPIFY_ADMIN_TOKEN/);
  });

  it('names missing settings', async () => {
    await expect(run('shopify', settings({ adminToken: undefined }))).rejects.toThrow(/needs SHOPIFY_ADMIN_TOKEN/);
  });
});

describe('catalog:sync woocommerce', () => {
  it('imports products across pages with their variations, customers and orders, and a second run changes nothing', async () => {
    const first = await run('woocommerce');
    expect(first.failed).toBe(0);
    expect(first.summary.counts.products.created).toBe(152);
    expect(first.summary.counts.customers.created).toBe(1);
    expect(first.summary.counts.orders.created).toBe(1);
    expect(wooShop.calls).toContain('/wp-json/wc/v3/products?page=2');
    const cushion = await db.query<{ sku: string; platform_id: string }>(
      `SELECT v.sku, v.platform_id FROM variants v JOIN products p ON p.id = v.product_id WHERE p.platform_id = '2302' ORDER BY v.position`,
    );
    expect(cushion.rows).toEqual([
      { sku: 'LCC-OAT', platform_id: '2303' },
      { sku: 'woo-2304', platform_id: '2304' },
    ]);
    const second = await run('woocommerce');
    expect(second.summary.counts.products).toEqual({ created: 0, updated: 0, unchanged: 152, failed: 0 });
    expect(second.summary.counts.orders.unchanged).toBe(1);
  });
});
