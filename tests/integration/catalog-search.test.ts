import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogFiles } from '../../src/ingest/importers/read-catalog-files.js';
import { embedStale, ingest, type IngestInput } from '../../src/ingest/ingest.js';
import { createQueryExpander, loadMerchandisingRules } from '../../src/merchandising/merchandising-rules.js';
import { createCatalogSearch, type CatalogSearch } from '../../src/catalog/search.js';
import { unknownTerms } from '../../src/catalog/lexical-query.js';
import { loadCatalogEntries } from '../../src/catalog/catalog-vocabulary.js';
import { buildCatalogIndex, type CatalogIndex } from '../../src/catalog/catalog-index.js';
import { createProductFinder } from '../../src/catalog/find-products.js';
import type { ProductRecord } from '../../src/catalog/records.js';
import type { Embedder } from '../../src/catalog/embeddings/embedder.js';
import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { ENGINES, openTestDatabase } from '../helpers/test-database.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { product } from '../helpers/product-fixtures.js';

const input = (products: ProductRecord[]): IngestInput => ({
  products: products.map((record, i) => ({ record, source: { file: 'test.jsonl', line: i + 1 } })),
  customers: [],
  orders: [],
  policies: [],
  errors: [],
});

const shoe = (n: number, price: number, color: string, stock = 3) =>
  product({
    handle: `trail-runner-${n}`,
    title: `Trail Runner ${n} running shoe`,
    vendor: n === 7 ? 'Rarebird' : 'Stride',
    categoryPath: ['Shoes', 'Running shoes'],
    descriptionHtml: '<p>A light <b>running</b> shoe for trails and roads.</p>',
    tags: ['running', n % 2 ? 'men' : 'women'],
    optionNames: ['Size', 'Color'],
    variants: ['41', '42', '43'].map((size) => ({
      sku: `TR-${n}-${size}`,
      options: { Size: size, Color: color },
      priceMinor: price,
      currency: 'EUR',
      stock: size === '43' ? 0 : stock,
    })),
  });

const filler = (n: number) =>
  product({
    handle: `ceramic-mug-${n}`,
    title: `Ceramic Mug No. ${n}`,
    categoryPath: ['Home & living', 'Mugs'],
    descriptionHtml: 'A stoneware mug for coffee and tea.',
    variants: [{ sku: `MUG-${n}`, options: {}, priceMinor: 1500 + n, currency: 'EUR', stock: 10 }],
  });

const sleepingBag = (name: string) =>
  product({
    handle: `${name.toLowerCase()}-sleeping-bag`,
    title: `${name} Sleeping Bag`,
    categoryPath: ['Camping', 'Sleeping bags'],
    descriptionHtml: 'A sleeping bag for cold nights.',
  });

const sneaker = (color: string) =>
  product({
    handle: `court-sneaker-${color.toLowerCase()}`,
    title: 'Court Sneaker',
    categoryPath: ['Shoes', 'Sneakers'],
    descriptionHtml: 'A low-top canvas sneaker.',
    optionNames: ['Color'],
    variants: [{ sku: `COURT-${color}`, options: { Color: color }, priceMinor: 5900, currency: 'EUR', stock: 5 }],
  });

describe.each(ENGINES)('catalog store and hybrid search on %s', (engine) => {
  let db: Database;
  let embedder: Embedder;
  let search: CatalogSearch;

  beforeAll(async () => {
    [db, embedder] = await Promise.all([openTestDatabase(engine), testEmbedder()]);
    search = createCatalogSearch({ db, embedder });
    const products = [
      ...Array.from({ length: 12 }, (_, i) => shoe(i + 1, 6000 + i * 1000, i % 3 === 0 ? 'Black' : 'Blue')),
      ...Array.from({ length: 88 }, (_, i) => filler(i + 1)),
      product({
        handle: 'puffer-jacket',
        title: 'Alpine Down Puffer Jacket',
        categoryPath: ['Clothing', 'Jackets'],
        descriptionHtml: 'Warm insulated winter coat.',
        variants: [{ sku: 'PUF-1', options: {}, priceMinor: 12900, currency: 'EUR', stock: 4 }],
      }),
      product({
        handle: 'hidden-draft',
        title: 'Secret Draft Running Shoe',
        status: 'draft',
        variants: [{ sku: 'DRAFT-1', options: {}, priceMinor: 100, currency: 'EUR', stock: 4 }],
      }),
      ...['Alpine', 'Bivouac', 'Cirrus'].map(sleepingBag),
      product({
        handle: 'commuter-backpack',
        title: 'Commuter Backpack',
        categoryPath: ['Bags', 'Backpacks'],
        descriptionHtml: 'A padded sleeve for your laptop and reflective strips for when you cycle to work.',
      }),
      ...['Red', 'Navy', 'White', 'Green'].map(sneaker),
      product({
        handle: 'red-enamel-kettle',
        title: 'Red Enamel Kettle',
        categoryPath: ['Home & living', 'Kettles'],
        descriptionHtml: 'A stovetop kettle.',
        optionNames: ['Capacity'],
        variants: [{ sku: 'KET-1', options: { Capacity: '1 l' }, priceMinor: 3900, currency: 'EUR', stock: 2 }],
      }),
      product({
        handle: 'harbour-bangle',
        title: 'Harbour Bangle',
        categoryPath: ['Jewellery', 'Bracelets'],
        descriptionHtml: 'An enamel bangle.',
        tags: ['Red', 'Enamel'],
        variants: [{ sku: 'BAN-1', options: {}, priceMinor: 2900, currency: 'EUR', stock: 4 }],
      }),
    ];
    const summary = await ingest({ db, embedder }, input(products));
    expect(summary.errors).toEqual([]);
  });
  afterAll(() => db?.close());

  it('runs migrations twice without change', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('imports the same records twice without changing or re-embedding anything', async () => {
    const again = await ingest({ db, embedder }, input([shoe(1, 6000, 'Black'), filler(1)]));
    expect(again.counts.products).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(again.embedded.products).toBe(0);
  });

  it('updates a changed product, re-embedding only when its text changed', async () => {
    const priceOnly = await ingest(
      { db, embedder },
      input([filler(2)].map((p) => ({ ...p, variants: [{ ...p.variants[0], priceMinor: 999 }] }))),
    );
    expect(priceOnly.counts.products.updated).toBe(1);
    expect(priceOnly.embedded.products).toBe(0);
    const retitled = await ingest({ db, embedder }, input([{ ...filler(3), title: 'Ceramic Espresso Cup No. 3' }]));
    expect(retitled.embedded.products).toBe(1);
    const [cup] = await search.search({ query: 'espresso cup', limit: 1 });
    expect(cup.handle).toBe('ceramic-mug-3');
    expect(cup.price.formatted).toBe('€15.03');
  });

  it('reports a SKU that belongs to another product and keeps the rest', async () => {
    const clash = product({
      handle: 'copycat',
      title: 'Copycat',
      variants: [{ sku: 'MUG-5', options: {}, priceMinor: 1, currency: 'EUR', stock: 1 }],
    });
    const r = await ingest({ db, embedder }, input([clash, product({ handle: 'fine-one', title: 'Fine One' })]));
    expect(r.counts.products).toMatchObject({ created: 1, failed: 1 });
    expect(r.errors[0]).toMatchObject({ file: 'test.jsonl', line: 1 });
    expect(r.errors[0].message).toMatch(/MUG-5.*ceramic-mug-5/);
  });

  it('finds products by meaning and never shows a draft', async () => {
    const results = await search.search({ query: 'warm coat for winter', limit: 3 });
    expect(results[0].handle).toBe('puffer-jacket');
    const shoes = await search.search({ query: 'running shoe', limit: 50 });
    expect(shoes.map((r) => r.handle)).not.toContain('hidden-draft');
  });

  it('applies price, option and stock filters and says which variants match', async () => {
    const results = await search.search({
      query: 'running shoes',
      maxPriceMinor: 9000,
      options: { Color: 'black' },
      inStock: true,
      limit: 10,
    });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.price.amount).toBeLessThanOrEqual(9000);
      expect(r.variants.every((v) => v.options.Color === 'Black' && v.inStock)).toBe(true);
      expect(r.variants.map((v) => v.options.Size)).toEqual(['41', '42']);
    }
    expect(results.map((r) => r.handle).sort()).toEqual(['trail-runner-1', 'trail-runner-4']);
  });

  it('lets a product without the filtered option through when its title names the value or a tag is it', async () => {
    const red = await search.search({ query: 'red', options: { Color: 'red' }, limit: 10 });
    // The red sneaker has Color=Red; the kettle has no colour option but is called red; the bangle has none
    // but is tagged Red; others are not red.
    expect(red.map((r) => r.handle).sort()).toEqual(['court-sneaker-red', 'harbour-bangle', 'red-enamel-kettle']);
    const navy = await search.search({ query: 'kettle', options: { Color: 'navy' }, limit: 10 });
    expect(navy.map((r) => r.handle)).not.toContain('red-enamel-kettle');
    const enamel = await search.search({ query: 'enamel', options: { Color: 'navy' }, limit: 10 });
    expect(enamel.map((r) => r.handle)).not.toContain('harbour-bangle');
  });

  it('does not starve a filter that matches 1% of products', async () => {
    const results = await search.search({ query: 'ceramic mug for coffee', vendor: 'rarebird', limit: 10 });
    expect(results.map((r) => r.handle)).toEqual(['trail-runner-7']);
    const vectorOnly = await search.rank({ query: 'ceramic mug for coffee', vendor: 'Rarebird' }, 'vector', 10);
    expect(vectorOnly).toHaveLength(1);
  });

  it('ranks a product matching most of a long query above ones matching a single common word', async () => {
    const query = 'bag for my laptop when I cycle to work';
    for (const mode of ['lexical', 'hybrid'] as const) {
      const [top] = await search.search({ query, mode, limit: 1 });
      expect(top.handle, mode).toBe('commuter-backpack');
    }
  });

  it('searches a word Postgres drops as a stop word but shops sell by ("down"), in the title and as a term the shop has', async () => {
    const hits = await search.search({ query: 'down', mode: 'lexical', limit: 3 });
    expect(hits.map((h) => h.handle)).toEqual(['puffer-jacket']);
    const { unknown } = await unknownTerms(db, 'down jacket');
    expect(unknown).toEqual([]);
  });

  it('puts the product matching every word first when the vectors cannot tell the products apart', async () => {
    const [top] = await search.search({ query: 'white sneakers', limit: 1 });
    expect(top.handle).toBe('court-sneaker-white');
  });

  it('re-embeds everything when the embedding provider changes', async () => {
    const other: Embedder = {
      id: 'test:other-provider',
      dimension: 8,
      embedDocuments: async (texts) => texts.map((t) => Array.from({ length: 8 }, (_, i) => ((t.length + i) % 5) + 1)),
      embedQuery: async (t) => Array.from({ length: 8 }, (_, i) => ((t.length + i) % 5) + 1),
    };
    const switched = await embedStale({ db, embedder: other });
    const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
    expect(switched.products).toBe(total.rows[0].n);
    const state = await db.query<{ provider: string; dimension: number }>(
      'SELECT provider, dimension FROM embedding_state',
    );
    expect(state.rows[0]).toEqual({ provider: 'test:other-provider', dimension: 8 });
    const back = await embedStale({ db, embedder });
    expect(back.products).toBe(total.rows[0].n);
  });
});

describe.each(ENGINES)("hybrid search over Shopify's and WooCommerce's sample CSVs on %s", (engine) => {
  let db: Database;
  let search: CatalogSearch;
  let embedder: Embedder;

  beforeAll(async () => {
    [db, embedder] = await Promise.all([openTestDatabase(engine), testEmbedder()]);
    // The shop's merchandiser says, as data, that sitting means seating (the demo shop's rule).
    const seating = loadMerchandisingRules(path.resolve(import.meta.dirname, '../../catalog')).queryExpansions.filter(
      (e) => e.when.includes('sit'),
    );
    search = createCatalogSearch({ db, embedder, expandQuery: createQueryExpander({ queryExpansions: seating }) });
    const batch = await readCatalogFiles(path.resolve(import.meta.dirname, '../fixtures/shopify-csv'));
    await ingest({ db, embedder }, { ...batch, customers: [], orders: [], policies: [] });
  });
  afterAll(() => db?.close());

  it('finds the sofas and the armchair for "something to sit on" with a seating rule, not "sit" in lorem ipsum', async () => {
    const handles = (await search.search({ query: 'something to sit on', limit: 10 })).map((r) => r.handle);
    expect(handles.slice(0, 5)).toEqual(
      expect.arrayContaining(['cream-sofa', 'grey-sofa', 'yellow-sofa', 'pink-armchair']),
    );
    // WooCommerce's sample products all say "Lorem ipsum dolor sit amet".
    expect(handles.filter((h) => h.startsWith('woo-'))).toEqual([]);
  });

  it('answers a need its products never mention with the kinds that serve it, and a missing product with none', async () => {
    const index: CatalogIndex = buildCatalogIndex(await loadCatalogEntries(db));
    const finder = createProductFinder({ db, search: createCatalogSearch({ db, embedder }), index: () => index });
    const lounge = await finder.find({ query: 'comfy lounge', limit: 10 });
    expect(lounge).toMatchObject({ match: 'strong', noMatch: false });
    expect(lounge.products.map((p) => p.handle)).toEqual(expect.arrayContaining(['grey-sofa', 'pink-armchair']));
    expect(lounge.products.every((p) => /sofa|armchair|chair|bean bag|pillow/i.test(p.title))).toBe(true);
    const bags = await finder.find({ query: 'sleeping bags' });
    expect(bags).toMatchObject({ match: 'weak', noMatch: true });
  });
});

describe.each(ENGINES)('the product finder on %s', (engine) => {
  let db: Database;
  let finder: ReturnType<typeof createProductFinder>;
  const v = (handle: string, options: Record<string, string>, i: number) => ({
    sku: `${handle}-${i}`,
    options,
    priceMinor: 5000,
    currency: 'EUR',
    stock: 3,
  });

  beforeAll(async () => {
    let embedder: Embedder;
    [db, embedder] = await Promise.all([openTestDatabase(engine), testEmbedder()]);
    const products = [
      product({
        handle: 'ember-grill',
        title: 'Ember Grill',
        productType: 'Grills',
        optionNames: ['Type'],
        variants: [v('ember-grill', { Type: 'gas' }, 1), v('ember-grill', { Type: 'charcoal' }, 2)],
      }),
      product({
        handle: 'hob-kettle',
        title: 'Hob Tea Kettle',
        productType: 'Kettles',
        descriptionHtml: '<p>Boils water for tea on any hob.</p>',
        optionNames: ['Stovetop'],
        variants: [v('hob-kettle', { Stovetop: 'gas' }, 1), v('hob-kettle', { Stovetop: 'induction' }, 2)],
      }),
      product({ handle: 'solo-tent', title: 'Solo Trekking Tent', productType: 'Tents' }),
      product({ handle: 'lodge-family', title: 'Lodge Family Shelter', productType: 'Shelters', tags: ['tent'] }),
      product({ handle: 'sun-canopy', title: 'Sun Canopy', productType: 'Shelters', tags: ['beach'] }),
      ...[4200, 2900, 3500].map((priceMinor, i) =>
        product({
          handle: `lantern-${i}`,
          title: `${['Brass', 'Tin', 'Glass'][i]} Camp Lantern`,
          productType: 'Lanterns',
          variants: [{ ...v(`lantern-${i}`, {}, 1), priceMinor }],
        }),
      ),
      product({
        handle: 'camp-mug',
        title: 'Enamel Camp Mug',
        productType: 'Mugs',
        variants: [{ ...v('camp-mug', {}, 1), priceMinor: 900 }],
      }),
      product({
        handle: 'down-quilt',
        title: 'Down Quilt',
        productType: 'Quilts',
        descriptionHtml: '<p>So light it gives you warmth without weight.</p>',
      }),
      ...(['yes', 'no', undefined] as const).map((vegan, i) =>
        product({
          handle: `walking-boot-${i}`,
          title: `${['Fell', 'Moor', 'Crag'][i]} Walking Boot`,
          productType: 'Boots',
          descriptionHtml: '<p>A leather-free walking boot, vegan friendly in spirit.</p>',
          attributes: vegan ? { vegan } : {},
        }),
      ),
      product({ handle: 'wool-cap', title: 'Wool Cap', productType: 'Hats', attributes: { vegan: 'no' } }),
      ...(['12 hours', '6 hours', undefined] as const).map((keepsHot, i) =>
        product({
          handle: `coffee-carrier-${i}`,
          title: ['Steel Flask', 'Travel Mug', 'Coffee Press'][i],
          productType: ['Flasks', 'Mugs', 'Coffee makers'][i],
          descriptionHtml: '<p>For coffee on the go.</p>',
          attributes: keepsHot ? { keepsHot } : {},
        }),
      ),
      ...(['Maximum', 'Light'] as const).map((cushioning, i) =>
        product({
          handle: `road-shoe-${i}`,
          title: `${['Pace', 'Tempo'][i]} Road Shoe`,
          productType: 'Running shoes',
          attributes: { cushioning },
        }),
      ),
    ];
    await ingest({ db, embedder }, input(products));
    const index = buildCatalogIndex(await loadCatalogEntries(db));
    finder = createProductFinder({ db, search: createCatalogSearch({ db, embedder }), index: () => index });
  });
  afterAll(() => db?.close());

  it('answers a need said in words its products use apart ("gives", "light") with the kinds that serve it', async () => {
    const light = await finder.find({ query: 'gives light', limit: 10 });
    expect(light.products.map((p) => p.handle).sort()).toEqual(['lantern-0', 'lantern-1', 'lantern-2']);
    expect(light.match).toBe('strong');
  });

  it('leaves out the products titled with a word the shopper rules out, even as the closest thing', async () => {
    const lanterns = await finder.find({ query: 'lantern', excludeWords: ['brass'], limit: 10 });
    expect(lanterns.products.map((p) => p.handle).sort()).toEqual(['lantern-1', 'lantern-2']);
    expect(lanterns.match).toBe('strong');
    const none = await finder.find({ query: 'lantern', excludeWords: ['camp'], limit: 10 });
    expect(none.products.map((p) => p.handle).filter((h) => h.startsWith('lantern'))).toEqual([]);
  });

  it("matches a value two options share as a word, not as one option's filter", async () => {
    const found = await finder.find({ query: 'boil water for tea', options: { Type: 'gas' } });
    expect(found.products[0]?.handle).toBe('hob-kettle');
  });

  it('offers the nearest prices of the asked type, nearest first, when nothing is within the budget', async () => {
    const found = await finder.find({ query: 'lanterns', maxPriceMinor: 2000 });
    expect(found.relaxed).toContain('price');
    expect(found.products.map((p) => p.handle)).toEqual(['lantern-1', 'lantern-2', 'lantern-0']);
  });

  it('offers what the shop has for the words over the budget rather than unrelated things within it', async () => {
    const found = await finder.find({ query: 'brass', maxPriceMinor: 3000 });
    expect(found).toMatchObject({ relaxed: ['price'], match: 'weak', noMatch: false });
    expect(found.products[0].handle).toBe('lantern-0');
    const within = await finder.find({ query: 'camp', maxPriceMinor: 3000, limit: 10 });
    expect(within.relaxed).toEqual([]);
    expect(within.products.map((p) => p.handle)).toEqual(expect.arrayContaining(['lantern-1', 'camp-mug']));
  });

  it('sorts the good matches by price, without a cheaper product that shares one word of the request', async () => {
    const cheapest = await finder.find({ query: 'camp lantern', sort: 'price_asc' });
    expect(cheapest.products.map((p) => p.handle)).toEqual(['lantern-1', 'lantern-2', 'lantern-0']);
    const dearest = await finder.find({ query: 'camp lantern', sort: 'price_desc', limit: 2 });
    expect(dearest.products.map((p) => p.handle)).toEqual(['lantern-0', 'lantern-2']);
    // No type asked: the €9 mug and the other lanterns say "camp" alone, half of what the glass lantern covers.
    const glass = await finder.find({ query: 'glass camp', sort: 'price_asc' });
    expect(glass.products.map((p) => p.handle)).toEqual(['lantern-2']);
    const ranked = await finder.find({ query: 'glass camp', limit: 10 });
    expect(ranked.products.map((p) => p.handle)).toContain('camp-mug');
  });

  it('never offers a product whose yes/no attribute says no to what the request names, nor one silent when some say yes', async () => {
    const boots = await finder.find({ query: 'vegan boots', limit: 10 });
    // Every boot's text says "vegan": only the attribute tells them apart. One says yes, so the one that does
    // not say is no answer either ("which of those are vegan?").
    expect(boots.products.map((p) => p.handle)).toEqual(['walking-boot-0']);
    expect(boots.match).toBe('strong');
    // The attribute's name alone is a request the catalog answers, whatever its texts call it.
    const vegan = await finder.find({ query: 'vegan' });
    expect(vegan).toMatchObject({ match: 'strong', noMatch: false });
    expect(vegan.products[0]?.handle).toBe('walking-boot-0');
    // Without the attribute's name, the boot that says no is a boot like the others.
    const all = await finder.find({ query: 'walking boots', limit: 10 });
    expect(all.products.map((p) => p.handle)).toContain('walking-boot-1');
    // Nothing that says yes: the closest things, said as such, rather than nothing.
    const caps = await finder.find({ query: 'vegan wool cap' });
    expect(caps).toMatchObject({ relaxed: ['options'], match: 'weak' });
    expect(caps.products.map((p) => p.handle)).toEqual(['wool-cap']);
  });

  it('prefers the products whose recorded attribute holds what the request names, with the value asked', async () => {
    // "keeps hot" is what two of them record, in words none of their texts use.
    const hot = await finder.find({ query: 'keep my coffee hot', limit: 10 });
    expect(hot.products.map((p) => p.handle).sort()).toEqual(['coffee-carrier-0', 'coffee-carrier-1']);
    const coffee = await finder.find({ query: 'coffee', limit: 10 });
    expect(coffee.products.map((p) => p.handle)).toContain('coffee-carrier-2');
    // "max" is the start of the value Maximum; a one-word name without a value narrows nothing.
    const max = await finder.find({ query: 'max cushioning road shoes', limit: 10 });
    expect(max.products.map((p) => p.handle)).toEqual(['road-shoe-0']);
    const any = await finder.find({ query: 'cushioning road shoes', limit: 10 });
    expect(any.products.map((p) => p.handle).sort()).toEqual(['road-shoe-0', 'road-shoe-1']);
  });

  it('keeps beside the asked type a product that says more of the request than any of that type', async () => {
    const found = await finder.find({ query: 'family tent', limit: 10 });
    expect(found.products.map((p) => p.handle)).toEqual(expect.arrayContaining(['solo-tent', 'lodge-family']));
    expect(found.products.map((p) => p.handle)).not.toContain('sun-canopy');
  });
});
