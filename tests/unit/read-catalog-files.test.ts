import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { readCatalogFiles } from '../../src/ingest/importers/read-catalog-files.js';

const FIXTURES = 'tests/fixtures/shopify-csv';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf00000301010018dd8db00000000049454e44ae426082',
  'hex',
);
const SHOPIFY_HEADER = 'Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price';
const customer = { id: 'c1', email: 'ana@example.com', firstName: 'Ana', createdAt: '2024-03-01T10:00:00Z' };
const order = {
  id: 'o1',
  customerId: 'c1',
  status: 'paid',
  placedAt: '2024-03-02T10:00:00Z',
  currency: 'EUR',
  lines: [{ sku: 'A-1', title: 'A', quantity: 1, unitPriceMinor: 500 }],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'concierge-catalog-'));
  const files: Record<string, string | Buffer> = {
    'products.csv': `${SHOPIFY_HEADER}\na,Alpha,Title,Default Title,A-1,5\nb,Beta,Title,Default Title,B-1,-1\n`,
    'customers.jsonl': `${JSON.stringify(customer)}\n`,
    'nested/deeper/orders-2024.ndjson': `${JSON.stringify(order)}\n`,
    'policies/returns.md': '# Returns\n\nThirty days, no questions asked.\n',
    'README.md': '# How to use this folder\n\nNot a policy.\n',
    'notes.csv': 'date,note\n2024-01-01,hello\n',
    'junk.jsonl': 'not json\nstill not json\n',
    'photo.png': PNG,
    'logo.csv': PNG,
    '.git/config.csv': 'Handle,Title\n',
  };
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), content);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readCatalogFiles on a folder', () => {
  it('reads the real sample exports: Shopify and WooCommerce files, README and SOURCES ignored', async () => {
    const batch = await readCatalogFiles(FIXTURES);
    expect(batch.files).toEqual([
      { file: join(FIXTURES, 'shopify_product_template.csv'), format: 'shopify-csv' },
      { file: join(FIXTURES, 'shopifypartners_apparel.csv'), format: 'shopify-csv' },
      { file: join(FIXTURES, 'shopifypartners_home-and-garden.csv'), format: 'shopify-csv' },
      { file: join(FIXTURES, 'shopifypartners_jewelery.csv'), format: 'shopify-csv' },
      { file: join(FIXTURES, 'woocommerce_sample_products.csv'), format: 'woocommerce-csv' },
    ]);
    // 3 + 20 + 20 + 20 Shopify products, 17 WooCommerce ones (the grouped "Logo Collection" has no price)
    expect(batch.products).toHaveLength(80);
    expect(batch.errors).toEqual([
      {
        file: join(FIXTURES, 'woocommerce_sample_products.csv'),
        line: 24,
        message: expect.stringContaining('grouped product "Logo Collection" skipped'),
      },
    ]);
    const hoodie = batch.products.find((p) => p.record.handle === 'woo-hoodie');
    expect(hoodie?.source).toEqual({ file: join(FIXTURES, 'woocommerce_sample_products.csv'), line: 3 });
    expect(hoodie?.record.optionNames).toEqual(['Color', 'Logo']);
    expect(hoodie?.record.variants).toHaveLength(4);
    expect(hoodie?.record.variants[0]).toMatchObject({
      sku: 'woo-hoodie-red',
      options: { Color: 'Red', Logo: 'No' },
      priceMinor: 4200,
      compareAtPriceMinor: 4500,
    });
  });

  it('collects every kind with its source, and reports bad rows and non-catalog files once each', async () => {
    const batch = await readCatalogFiles(dir, { currency: 'USD' });
    expect(batch.files.map((f) => [f.file.slice(dir.length + 1), f.format])).toEqual([
      ['customers.jsonl', 'jsonl'],
      [join('nested', 'deeper', 'orders-2024.ndjson'), 'jsonl'],
      [join('policies', 'returns.md'), 'policy-markdown'],
      ['products.csv', 'shopify-csv'],
    ]);
    expect(batch.products).toEqual([
      {
        record: expect.objectContaining({
          handle: 'a',
          variants: [expect.objectContaining({ priceMinor: 500, currency: 'USD' })],
        }),
        source: { file: join(dir, 'products.csv'), line: 2 },
      },
    ]);
    expect(batch.customers.map((c) => c.source)).toEqual([{ file: join(dir, 'customers.jsonl'), line: 1 }]);
    expect(batch.orders.map((o) => o.record.id)).toEqual(['o1']);
    expect(batch.policies.map((p) => [p.record.slug, p.record.title])).toEqual([['returns', 'Returns']]);
    expect(batch.errors).toEqual([
      {
        file: join(dir, 'junk.jsonl'),
        line: null,
        message: expect.stringContaining(
          'not a catalog file: none of its 2 lines is a valid record (line 1: invalid JSON',
        ),
      },
      {
        file: join(dir, 'logo.csv'),
        line: null,
        message: 'skipped, not a catalog file: it is a binary file, not UTF-8 text',
      },
      {
        file: join(dir, 'notes.csv'),
        line: null,
        message: expect.stringContaining("its header (date, note) is neither Shopify's nor WooCommerce's"),
      },
      { file: join(dir, 'products.csv'), line: 3, message: 'product "b", variant 1: price "-1" must not be negative' },
      { file: join(dir, 'products.csv'), line: 3, message: 'product "b" skipped: none of its variants could be read' },
    ]);
  });
});

describe('readCatalogFiles on a file named directly', () => {
  const notACatalog = async (path: string) => {
    const err = await readCatalogFiles(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ code: 'catalog:not_a_catalog', status: 400, expose: true, details: { file: path } });
    return (err as Error).message;
  };

  it('throws one clear error for a PNG, whatever its extension', async () => {
    const message = await notACatalog(join(dir, 'logo.csv'));
    expect(message).toBe(
      `${join(dir, 'logo.csv')} is not a catalog file: it is a binary file, not UTF-8 text. Accepted: a Shopify product CSV (columns Handle, Title, …), ` +
        'a Shopify translation export (Type, Identification, Field, Locale, …), ' +
        'a WooCommerce product CSV (ID, Type, SKU, Name, …), JSON Lines (.jsonl or .ndjson) of products, customers or orders, or a markdown policy document (.md).',
    );
    expect(await notACatalog(join(dir, 'photo.png'))).toContain('files ending in .png are not supported');
  });

  it('throws for a CSV of some other shape and a JSON Lines file with no valid line', async () => {
    expect(await notACatalog(join(dir, 'notes.csv'))).toContain("neither Shopify's nor WooCommerce's");
    expect(await notACatalog(join(dir, 'junk.jsonl'))).toContain('none of its 2 lines is a valid record');
  });

  it('reads a markdown file named directly as a policy, wherever it sits', async () => {
    const batch = await readCatalogFiles(join(dir, 'README.md'));
    expect(batch.policies.map((p) => p.record.slug)).toEqual(['README']);
  });

  it('reads a CSV with an invalid UTF-8 row, reporting that row only', async () => {
    const file = join(dir, 'latin1.csv');
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from(`${SHOPIFY_HEADER}\nmug,Mug,Title,Default Title,M-1,5\ncafe,Caf`),
        Buffer.from([0xe9]),
        Buffer.from(',Title,Default Title,C-1,4\n'),
      ]),
    );
    const batch = await readCatalogFiles(file);
    expect(batch.products.map((p) => p.record.handle)).toEqual(['mug']);
    expect(batch.errors).toEqual([
      { file, line: 3, message: 'field 2 ("Title") is not valid UTF-8 (save the file as UTF-8)' },
    ]);
  });

  it('says when the path does not exist', async () => {
    await expect(readCatalogFiles(join(dir, 'missing.csv'))).rejects.toMatchObject({
      code: 'catalog:not_found',
      status: 404,
    });
  });
});
