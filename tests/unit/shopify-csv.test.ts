import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS } from '../../src/catalog/records.js';
import { parseShopifyCsv, priceToMinor } from '../../src/ingest/importers/shopify-csv.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/shopify-csv/${name}`, import.meta.url));
const byHandle = (result: ReturnType<typeof parseShopifyCsv>, handle: string) => {
  const found = result.products.find((p) => p.record.handle === handle);
  if (!found) throw new Error(`no product ${handle}`);
  return found;
};

describe('parseShopifyCsv with the Shopify Partners sample stores (classic export)', () => {
  // Distinct Handle counts, checked against the files: 22, 21 and 41 data rows respectively.
  it.each([
    ['shopifypartners_apparel.csv', 20],
    ['shopifypartners_home-and-garden.csv', 20],
    ['shopifypartners_jewelery.csv', 20],
  ])('%s parses with no errors into %i products', (file, count) => {
    const result = parseShopifyCsv(fixture(file));
    expect(result.errors).toEqual([]);
    expect(result.products).toHaveLength(count);
    expect(new Set(result.products.map((p) => p.record.handle)).size).toBe(count);
  });

  it('turns variant rows into variants with options and prices in minor units', () => {
    const bracelet = byHandle(parseShopifyCsv(fixture('shopifypartners_jewelery.csv')), 'chain-bracelet');
    expect(bracelet.line).toBe(2);
    expect(bracelet.record).toMatchObject({
      title: '7 Shakra Bracelet',
      vendor: 'Company 123',
      productType: 'Bracelet',
      categoryPath: ['Bracelet'],
      tags: ['Beads'],
      status: 'active',
      optionNames: ['Color'],
    });
    expect(bracelet.record.variants).toEqual([
      expect.objectContaining({
        options: { Color: 'Blue' },
        priceMinor: 4299,
        compareAtPriceMinor: 4499,
        currency: 'EUR',
      }),
      expect.objectContaining({ options: { Color: 'Black' }, priceMinor: 4299, compareAtPriceMinor: 4499 }),
    ]);
    expect(bracelet.record.variants[0].image).toBe(
      'https://burst.shopifycdn.com/photos/navy-blue-chakra-bracelet_925x.jpg',
    );
  });

  it('synthesizes stable SKUs when the export has none, and reads "Default Title" as no options', () => {
    const result = parseShopifyCsv(fixture('shopifypartners_apparel.csv'));
    expect(byHandle(result, 'classic-varsity-top').record.variants.map((v) => [v.sku, v.options])).toEqual([
      ['classic-varsity-top-1', { Size: 'Small' }],
      ['classic-varsity-top-2', { Size: 'Medium' }],
      ['classic-varsity-top-3', { Size: 'Large' }],
    ]);
    const shirt = byHandle(result, 'ocean-blue-shirt').record;
    expect(shirt.optionNames).toEqual([]);
    expect(shirt.variants).toEqual([
      expect.objectContaining({ sku: 'ocean-blue-shirt-1', options: {}, priceMinor: 5000 }),
    ]);
  });

  it('collects images in Image Position order, including rows that only add an image', () => {
    const result = parseShopifyCsv(fixture('shopifypartners_jewelery.csv'));
    const gemstone = byHandle(result, 'gemstone').record;
    expect(gemstone.variants).toHaveLength(2);
    expect(gemstone.images).toEqual([
      'https://burst.shopifycdn.com/photos/blue-gemstone-pendant_925x.jpg',
      'https://burst.shopifycdn.com/photos/gemstone-necklace_925x.jpg',
      'https://burst.shopifycdn.com/photos/womens-necklace_925x.jpg',
      'https://burst.shopifycdn.com/photos/purple-gemstone-necklace_925x.jpg',
    ]);
    expect(byHandle(result, 'origami-crane-necklace').record.images).toHaveLength(4);
  });

  it('keeps physical line numbers right after descriptions that span several lines', () => {
    const result = parseShopifyCsv(fixture('shopifypartners_jewelery.csv'));
    expect(byHandle(result, 'choker-with-gold-pendant').line).toBe(14);
    expect(byHandle(result, 'choker-with-gold-pendant').record.descriptionHtml).toContain('<li>Made in USA</li>');
    expect(byHandle(result, 'choker-with-triangle').line).toBe(23);
    expect(byHandle(result, 'gold-bird-necklace').line).toBe(39);
  });

  it('reads stock: quantities for tracked variants, at least 1 for untracked ones', () => {
    const pot = byHandle(parseShopifyCsv(fixture('shopifypartners_home-and-garden.csv')), 'clay-plant-pot').record;
    expect(pot.variants.map((v) => [v.options.Size, v.priceMinor, v.stock])).toEqual([
      ['Regular', 999, 1],
      ['Large', 1599, 3],
    ]);
    const pots = byHandle(
      parseShopifyCsv(fixture('shopifypartners_home-and-garden.csv')),
      'biodegradable-cardboard-pots',
    ).record;
    expect(pots.variants[0].stock).toBe(8); // tracked by "shopify"
    const armchair = byHandle(parseShopifyCsv(fixture('shopifypartners_home-and-garden.csv')), 'pink-armchair').record;
    expect(armchair.variants[0].stock).toBe(1); // untracked with quantity 0: Shopify still sells it
    expect(armchair.images).toEqual([
      'https://burst.shopifycdn.com/photos/soft-pink-cushioned-armchair-in-stately-salon_925x.jpg',
    ]);
  });
});

describe('parseShopifyCsv with the current template', () => {
  const result = parseShopifyCsv(fixture('shopify_product_template.csv'), { currency: 'USD' });

  it('parses its three products with the Product Category path and Status', () => {
    expect(result.errors).toEqual([]);
    expect(result.products.map((p) => [p.record.handle, p.record.status, p.record.categoryPath])).toEqual([
      ['example-shirt', 'active', ['Apparel & Accessories', 'Clothing', 'Clothing Tops', 'T-Shirts']],
      ['example-pants', 'draft', ['Apparel & Accessories', 'Clothing', 'Pants', 'Jeans']],
      ['example-hat', 'archived', ['Apparel & Accessories', 'Clothing Accessories', 'Hats', 'Beanies']],
    ]);
  });

  it('reads SKUs, barcodes, two options, tracked stock and the image-only row', () => {
    const shirt = byHandle(result, 'example-shirt').record;
    expect(shirt.optionNames).toEqual(['Color', 'Size']);
    expect(shirt.variants).toHaveLength(12);
    expect(shirt.variants[0]).toMatchObject({
      sku: 'SRT_COT_111',
      barcode: '365275101829',
      options: { Color: 'Green', Size: 'S' },
      priceMinor: 2500,
      currency: 'USD',
    });
    const pants = byHandle(result, 'example-pants').record;
    expect(pants.variants.map((v) => [v.sku, v.stock, v.priceMinor, v.compareAtPriceMinor])).toEqual([
      ['PNT_DEN_285', 20, 9500, 6495],
      ['PNT_DEN_305', 15, 9500, 6495],
      ['PNT_DEN_405', 10, 9500, 6495],
    ]);
    expect(pants.images).toHaveLength(4);
    expect(byHandle(result, 'example-hat').record.variants).toEqual([
      expect.objectContaining({ sku: 'HAT_GRY_275', priceMinor: 1799, compareAtPriceMinor: 2299, stock: 50 }),
    ]);
  });
});

const HEADER =
  'Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Tracker,Variant Inventory Qty,Variant Price,Image Src,Image Position';
const csv = (...lines: Array<string | Buffer>) =>
  Buffer.concat([HEADER, ...lines].map((l) => Buffer.concat([Buffer.from(l), Buffer.from('\n')])));

describe('parseShopifyCsv with bad rows', () => {
  it('reports a product whose first row has no Title, and still parses the others', () => {
    const result = parseShopifyCsv(
      csv(
        'mug,,<p>A mug</p>,Acme,Kitchen,,true,Title,Default Title,MUG-1,shopify,3,12.50,,',
        'mug,,,,,,,,,MUG-2,shopify,1,13,,',
        'cup,Cup,,Acme,Kitchen,,true,Title,Default Title,CUP-1,shopify,2,9,,',
      ),
    );
    expect(result.errors).toEqual([{ line: 2, message: 'product "mug" skipped: its first readable row has no Title' }]);
    expect(result.products.map((p) => [p.record.handle, p.line])).toEqual([['cup', 4]]);
  });

  it('skips and reports a variant with a negative or non-numeric price, keeping the good variants', () => {
    const result = parseShopifyCsv(
      csv(
        'tee,Tee,,Acme,Shirts,,true,Size,S,TEE-S,shopify,1,19.90,,',
        'tee,,,,,,,,M,TEE-M,shopify,1,-5,,',
        'tee,,,,,,,,L,TEE-L,shopify,1,abc,,',
        'tee,,,,,,,,XL,TEE-XL,shopify,1,21,,',
      ),
    );
    expect(result.errors).toEqual([
      { line: 3, message: 'product "tee", variant 2: price "-5" must not be negative' },
      { line: 4, message: 'product "tee", variant 3: price "abc" is not a number' },
    ]);
    expect(result.products[0].record.variants.map((v) => [v.sku, v.priceMinor])).toEqual([
      ['TEE-S', 1990],
      ['TEE-XL', 2100],
    ]);
  });

  it('reports broken quoting, an oversize field and invalid UTF-8 with their lines, and parses the rest', () => {
    const result = parseShopifyCsv(
      csv(
        'a,A,,,,,true,Title,Default Title,A-1,,,10,,',
        'b,"B "quoted" badly,,,,,true,Title,Default Title,B-1,,,10,,',
        `c,C,${'x'.repeat(MAX_FIELD_CHARS + 1)},,,,true,Title,Default Title,C-1,,,10,,`,
        Buffer.concat([
          Buffer.from('d,D'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from(',,,,,true,Title,Default Title,D-1,,,10,,'),
        ]),
        'e,E,,,,,true,Title,Default Title,E-1,,,10,,',
      ),
    );
    expect(result.errors).toEqual([
      { line: 3, message: expect.stringContaining('text after the closing quote of field 2 ("Title")') },
      { line: 4, message: `field 3 ("Body (HTML)") is longer than ${MAX_FIELD_CHARS} characters` },
      { line: 5, message: 'field 2 ("Title") is not valid UTF-8 (save the file as UTF-8)' },
    ]);
    expect(result.products.map((p) => [p.record.handle, p.line])).toEqual([
      ['a', 2],
      ['e', 6],
    ]);
  });

  it('reports a product all of whose variants failed as skipped', () => {
    const result = parseShopifyCsv(csv('x,X,,,,,true,Title,Default Title,X-1,,,,,'));
    expect(result.errors).toEqual([
      { line: 2, message: 'product "x", variant 1: price is missing' },
      { line: 2, message: 'product "x" skipped: none of its variants could be read' },
    ]);
    expect(result.products).toEqual([]);
  });

  it('matches columns by name, in any order, including the 2024 template names', () => {
    const input = Buffer.from(
      'Price,Title,URL handle,Inventory quantity,Inventory tracker,Option1 name,Option1 value,Product image URL,Status\n' +
        '1500,Tea Bowl,tea-bowl,4,shopify,Color,Indigo,https://x/bowl.jpg,draft\n' +
        '1600,,tea-bowl,0,shopify,,Ash,,\n',
    );
    const result = parseShopifyCsv(input, { currency: 'JPY' });
    expect(result.errors).toEqual([]);
    expect(result.products[0].record).toMatchObject({
      handle: 'tea-bowl',
      status: 'draft',
      optionNames: ['Color'],
      images: ['https://x/bowl.jpg'],
      variants: [
        expect.objectContaining({
          sku: 'tea-bowl-1',
          options: { Color: 'Indigo' },
          priceMinor: 1500,
          currency: 'JPY',
          stock: 4,
        }),
        expect.objectContaining({ sku: 'tea-bowl-2', options: { Color: 'Ash' }, priceMinor: 1600, stock: 0 }),
      ],
    });
  });

  it('orders images by Image Position whatever the row order, unpositioned ones last', () => {
    const result = parseShopifyCsv(
      csv(
        'pot,Pot,,,,,true,Title,Default Title,P-1,,,5,https://x/c.jpg,3',
        'pot,,,,,,,,,,,,,https://x/none.jpg,',
        'pot,,,,,,,,,,,,,https://x/a.jpg,1',
        'pot,,,,,,,,,,,,,https://x/b.jpg,2',
      ),
    );
    expect(result.products[0].record.images).toEqual([
      'https://x/a.jpg',
      'https://x/b.jpg',
      'https://x/c.jpg',
      'https://x/none.jpg',
    ]);
    expect(result.products[0].record.variants).toHaveLength(1);
  });

  it('reports schema problems of the assembled product with its first line', () => {
    const result = parseShopifyCsv(
      csv(
        'bad handle!,Bad,,,,,true,Title,Default Title,B-1,,,5,,',
        `long,${'T'.repeat(501)},,,,,true,Title,Default Title,L-1,,,5,,`,
      ),
    );
    expect(result.errors).toEqual([
      { line: 2, message: 'product "bad handle!": handle: handle may hold letters, digits, "-", "_" and "." only' },
      { line: 3, message: 'product "long": title: longer than 500 characters' },
    ]);
  });

  it('refuses an unknown shop currency up front', () => {
    expect(() => parseShopifyCsv(csv(), { currency: 'XYZ' })).toThrow(
      expect.objectContaining({ code: 'catalog:bad_currency' }),
    );
  });
});

describe('priceToMinor', () => {
  it('converts decimal strings exactly, using the currency’s minor digits', () => {
    expect(priceToMinor('42.99', 'EUR')).toBe(4299);
    expect(priceToMinor('0.1', 'EUR')).toBe(10);
    expect(priceToMinor('25', 'USD')).toBe(2500);
    expect(priceToMinor('19.990', 'EUR')).toBe(1999);
    expect(priceToMinor('1500', 'JPY')).toBe(1500);
    expect(priceToMinor('15.5', 'JPY')).toBe('price "15.5" has more decimals than JPY allows');
    expect(priceToMinor('1,299.00', 'EUR')).toBe('price "1,299.00" is not a number');
  });
});
