import { toProductCard } from '../../src/conversations/product-cards.js';
import { groundReply } from '../../src/agent/ground-reply.js';
import { createProductLookup } from '../../src/catalog/product-lookup.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/build-core.js';
import type { ProductSummary } from '../../src/catalog/types.js';
import type { Database } from '../../src/db/database.js';
import { detectFormat } from '../../src/ingest/importers/detect-format.js';
import { parseJsonl } from '../../src/ingest/importers/jsonl.js';
import { readCatalogFiles } from '../../src/ingest/importers/read-catalog-files.js';
import { ingest, type IngestSummary } from '../../src/ingest/ingest.js';
import { lexicalHits } from '../../src/catalog/lexical-query.js';
import { listCategories } from '../../src/catalog/list-categories.js';
import { textSearchConfig } from '../../src/catalog/text-search-config.js';
import type { ToolContext } from '../../src/tools/define-tool.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { buildTestCore, seedTestShop } from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/translations');
const PARTNER = path.resolve(import.meta.dirname, '../fixtures/partner-shop');

let db: Database;
let core: Core;
let imported: IngestSummary;

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  await seedTestShop(db);
  const file = path.join(FIXTURES, 'products.jsonl');
  const parsed = parseJsonl(readFileSync(file), { file });
  imported = await ingest(
    { db, embedder: await testEmbedder() },
    {
      products: parsed.products.map((p) => ({ record: p.record, source: { file, line: p.line } })),
      customers: [],
      orders: [],
      policies: [],
      errors: parsed.errors.map((e) => ({ file, ...e })),
    },
  );
  core = await buildTestCore(db);
});
afterAll(async () => {
  await db?.close();
});

const ctx = (language?: 'en' | 'fa' | 'de'): ToolContext => ({
  conversationId: 'conv_tr',
  customerId: null,
  cartId: `cart_tr_${language ?? 'none'}`,
  actor: 'assistant',
  ...(language ? { language } : {}),
});

async function runTool<T>(name: string, input: unknown, c: ToolContext): Promise<T> {
  return (await core.tools.find((t) => t.name === name)!.run(input, c)) as T;
}

describe('catalog translations', () => {
  it('stores the translations of the products imported, and rejects bad ones with their line', async () => {
    const r = await db.query<{ handle: string; language: string; title: string; category_path: string[] }>(
      `SELECT p.handle, t.language, t.title, t.category_path FROM product_translations t
       JOIN products p ON p.id = t.product_id ORDER BY 1, 2`,
    );
    expect(r.rows).toEqual([
      { handle: 'summit-shell', language: 'de', title: 'Gipfeljacke', category_path: [] },
      { handle: 'summit-shell', language: 'fa', title: 'کاپشن قله‌نورد', category_path: ['پوشاک', 'کاپشن'] },
    ]);
    expect(imported.counts.products).toMatchObject({ created: 2, failed: 2 });
    const errors = imported.errors.map((e) => `${e.line}: ${e.message}`);
    expect(errors).toEqual([
      expect.stringMatching(
        /^3: .*options\.Material: the product has no option "Material".*"Color" has no value "Walnut"/,
      ),
      expect.stringMatching(/^4: .*translations.*language code/),
    ]);
  });

  it('finds a product by a word of its Persian title, which no lexicon knows', async () => {
    const found = await core.finder.find({ query: 'قله‌نورد', limit: 3 });
    expect(found.products[0]?.handle).toBe('summit-shell');
    expect(found.noMatch).toBe(false);
    const described = await core.finder.find({ query: 'پوسته ضدآب کوهستان', limit: 3 });
    expect(described.products[0]?.handle).toBe('summit-shell');
  });

  it("shows search results and product details in the shopper's language, the catalog's title kept", async () => {
    const fa = await runTool<{ products: ProductSummary[] }>('search_products', { query: 'قله‌نورد' }, ctx('fa'));
    const shell = fa.products.find((p) => p.handle === 'summit-shell')!;
    expect(shell).toMatchObject({
      title: 'کاپشن قله‌نورد',
      originalTitle: 'Summit Shell Jacket',
      productType: 'کاپشن',
    });
    // The options stay in the catalog's terms (what add_to_cart takes); the card shows the labels.
    expect(shell.optionNames).toEqual(['Color', 'Size']);
    expect(shell.optionLabels).toMatchObject({ Color: { name: 'رنگ', values: { Black: 'مشکی' } } });
    const card = toProductCard(shell);
    expect(card.optionNames).toEqual(['رنگ', 'سایز']);
    expect(card.variants.map((v) => [v.sku, v.options])).toEqual([
      ['SUM-BLK-M', { رنگ: 'مشکی', سایز: 'M' }],
      ['SUM-RED-M', { رنگ: 'قرمز', سایز: 'M' }],
    ]);
    const { product } = await runTool<{ product: ProductSummary }>(
      'get_product',
      { handle: 'summit-shell' },
      ctx('fa'),
    );
    expect(product).toMatchObject({
      title: 'کاپشن قله‌نورد',
      originalTitle: 'Summit Shell Jacket',
      categoryPath: ['پوشاک', 'کاپشن'],
    });
    const en = await runTool<{ product: ProductSummary }>('get_product', { handle: 'summit-shell' }, ctx('en'));
    expect(en.product.title).toBe('Summit Shell Jacket');
    expect(en.product.originalTitle).toBeUndefined();
    expect(en.product.optionNames).toEqual(['Color', 'Size']);
    const de = await runTool<{ product: ProductSummary }>('get_product', { handle: 'summit-shell' }, ctx('de'));
    expect(de.product).toMatchObject({ title: 'Gipfeljacke', optionNames: ['Color', 'Size'] });
  });

  it('keeps the translated words on the reply’s cards when their prices and stock are read again', async () => {
    const fa = await runTool<{ products: ProductSummary[] }>('search_products', { query: 'قله‌نورد' }, ctx('fa'));
    const shown = fa.products.filter((p) => p.handle === 'summit-shell');
    const grounded = await groundReply({ products: createProductLookup({ db }) }, { text: 'این‌ها', shown });
    expect(grounded.products[0]).toMatchObject({ title: 'کاپشن قله‌نورد', originalTitle: 'Summit Shell Jacket' });
    expect(toProductCard(grounded.products[0]).optionNames).toEqual(['رنگ', 'سایز']);
    const en = await runTool<{ products: ProductSummary[] }>('search_products', { query: 'summit shell' }, ctx('en'));
    const english = await groundReply(
      { products: createProductLookup({ db }) },
      { text: 'here', shown: en.products.filter((p) => p.handle === 'summit-shell') },
    );
    expect(english.products[0].title).toBe('Summit Shell Jacket');
  });

  it('names categories in the language their products translate them into, and searches by such a name', async () => {
    const fa = await listCategories(db, 'fa');
    expect(fa).toEqual(expect.arrayContaining(['پوشاک', 'کاپشن']));
    expect(fa).not.toContain('Jackets');
    expect(await listCategories(db)).toContain('Jackets');
    const found = await runTool<{ products: ProductSummary[] }>(
      'search_products',
      { query: 'کاپشن ضدآب', category: 'کاپشن' },
      ctx('fa'),
    );
    expect(found.products.map((p) => p.handle)).toEqual(['summit-shell']);
    expect(found.products[0].category).toBe('کاپشن');
  });

  it('adds the variant a translated option name or value picks', async () => {
    type Added = { ok: boolean; changedSku?: string };
    const byNames = await runTool<Added>(
      'add_to_cart',
      { handle: 'summit-shell', options: { رنگ: 'مشکی', سایز: 'M' } },
      ctx('fa'),
    );
    expect(byNames).toMatchObject({ ok: true, changedSku: 'SUM-BLK-M' });
    const mixed = await runTool<Added>(
      'add_to_cart',
      { handle: 'summit-shell', options: { Color: 'قرمز' } },
      ctx('fa'),
    );
    expect(mixed).toMatchObject({ ok: true, changedSku: 'SUM-RED-M' });
  });
});

describe("Shopify's translation export", () => {
  // Kept out of the partner shop's folder, which the assistant bench imports (and which must import without errors).
  const file = path.join(FIXTURES, 'partner-shop-fa.csv');

  it('is told from its header, and merged into the products already in the catalog', async () => {
    expect(detectFormat(file, readFileSync(file)).format).toBe('shopify-translations-csv');
    const batch = await readCatalogFiles([path.join(PARTNER, 'shopifypartners_apparel.csv'), file]);
    const summary = await ingest({ db, embedder: await testEmbedder() }, batch);
    expect(summary.counts.translations).toMatchObject({ updated: 7, failed: 1 });
    expect(summary.errors.map((e) => `${path.basename(e.file)}:${e.line}: ${e.message}`)).toEqual([
      'partner-shop-fa.csv:12: no product with handle "moon-boots": its fa translation was skipped',
    ]);
    const r = await db.query<{ handle: string; title: string; description: string | null; options: object }>(
      `SELECT p.handle, t.title, t.description, t.options FROM product_translations t
       JOIN products p ON p.id = t.product_id
       WHERE t.language = 'fa' AND p.handle IN ('ocean-blue-shirt', 'classic-varsity-top', 'dark-winter-jacket')
       ORDER BY 1`,
    );
    expect(r.rows).toEqual([
      {
        handle: 'classic-varsity-top',
        title: 'تاپ دانشگاهی کلاسیک',
        description: 'تاپ اسپرت زنانه‌ی طوسی و مشکی با حرف گلدوزی‌شده.',
        options: { Size: { name: 'سایز', values: { Small: 'کوچک', Medium: 'متوسط', Large: 'بزرگ' } } },
      },
      // The market-specific title is not the language's.
      { handle: 'dark-winter-jacket', title: 'کاپشن زمستانی نرم', description: null, options: {} },
      {
        handle: 'ocean-blue-shirt',
        title: 'پیراهن آبی اقیانوسی',
        description: expect.stringContaining('پیراهن نخی آبی'),
        options: {},
      },
    ]);
    const again = await ingest({ db, embedder: await testEmbedder() }, await readCatalogFiles(file));
    expect(again.counts.translations).toMatchObject({ updated: 0, unchanged: 7, failed: 1 });
    const found = await core.finder.find({ query: 'اقیانوسی', limit: 3 });
    expect(found.products[0]?.handle).toBe('ocean-blue-shirt');
    // A product changed by its platform (a record without translations) keeps those merged in.
    const shirt = batch.products.find((p) => p.record.handle === 'ocean-blue-shirt')!;
    const changed = { ...shirt, record: { ...shirt.record, title: 'Ocean Blue Shirt II' } };
    const resynced = await ingest(
      { db, embedder: await testEmbedder() },
      { ...batch, products: [changed], translations: [] },
    );
    expect(resynced.counts.products.updated).toBe(1);
    const kept = await db.query<{ title: string }>(
      `SELECT t.title FROM product_translations t JOIN products p ON p.id = t.product_id WHERE p.handle = 'ocean-blue-shirt'`,
    );
    expect(kept.rows).toEqual([{ title: 'پیراهن آبی اقیانوسی' }]);
  });
});

describe('a catalog in another language than English (SHOP_LANGUAGE)', () => {
  it("is indexed and searched with its language's configuration", async () => {
    const record = {
      handle: 'wanderjacke',
      title: 'Leichte Wanderjacke',
      descriptionHtml: 'Wasserdicht und atmungsaktiv.',
      vendor: '',
      categoryPath: [],
      productType: '',
      tags: [],
      attributes: {},
      images: [],
      status: 'active' as const,
      optionNames: [],
      variants: [{ sku: 'WJ-1', options: {}, priceMinor: 9900, currency: 'EUR', stock: 2 }],
    };
    const source = { file: 'produkte.jsonl', line: 1 };
    const batch = { products: [{ record, source }], customers: [], orders: [], policies: [], errors: [] };
    await ingest({ db, embedder: await testEmbedder(), catalogLanguage: 'de' }, batch);
    const q = { query: 'leichten Wanderjacken', handles: ['wanderjacke'] };
    // German stems: "leichten" and "Wanderjacken" are the title's words; English stems do not meet them.
    expect(await lexicalHits(db, q, 5, textSearchConfig('de'))).toEqual([
      { id: expect.any(Number), handle: 'wanderjacke', coverage: 1 },
    ]);
    expect(await lexicalHits(db, q, 5)).toEqual([]);
  });
});
