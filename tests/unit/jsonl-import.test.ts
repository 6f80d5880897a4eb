import { describe, expect, it } from 'vitest';
import { kindFromFileName, parseJsonl } from '../../src/ingest/importers/jsonl.js';

const product = (over: Record<string, unknown> = {}) => ({
  handle: 'trail-runner',
  title: 'Trail Runner',
  variants: [{ sku: 'TR-42', options: { Size: '42' }, priceMinor: 12900, currency: 'EUR', stock: 3 }],
  ...over,
});
const customer = { id: 'c1', email: 'ana@example.com', firstName: 'Ana', createdAt: '2024-03-01T10:00:00Z' };
const order = {
  id: 'o1',
  customerId: 'c1',
  status: 'shipped',
  placedAt: '2024-03-02T10:00:00Z',
  currency: 'eur',
  lines: [{ sku: 'TR-42', title: 'Trail Runner', quantity: 1, unitPriceMinor: 12900 }],
};
const jsonl = (...lines: unknown[]) =>
  Buffer.from(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));

describe('parseJsonl', () => {
  it('reads each kind from its "kind" field, with line numbers, skipping blank lines', () => {
    const result = parseJsonl(
      jsonl({ kind: 'product', ...product() }, '', { kind: 'customer', ...customer }, { kind: 'order', ...order }),
      { file: 'shop.jsonl' },
    );
    expect(result.errors).toEqual([]);
    expect(result.products).toEqual([
      { line: 1, record: expect.objectContaining({ handle: 'trail-runner', status: 'active', tags: [] }) },
    ]);
    expect(result.customers).toEqual([
      { line: 3, record: expect.objectContaining({ id: 'c1', lastName: '', language: 'en' }) },
    ]);
    expect(result.orders).toEqual([{ line: 4, record: expect.objectContaining({ id: 'o1', currency: 'EUR' }) }]);
  });

  it('infers the kind from the file name when lines carry none', () => {
    expect(parseJsonl(jsonl(product()), { file: 'catalog/products.jsonl' }).products).toHaveLength(1);
    expect(parseJsonl(jsonl(customer), { file: 'customers-2024.ndjson' }).customers).toHaveLength(1);
    expect(parseJsonl(jsonl(order), { file: '/data/orders.jsonl' }).orders).toHaveLength(1);
    expect(kindFromFileName('inventory.jsonl')).toBeNull();
    expect(parseJsonl(jsonl(product()), { file: 'stuff.jsonl' }).errors).toEqual([
      { line: 1, message: expect.stringContaining('the record has no "kind" and the file name does not say') },
    ]);
  });

  it('reports invalid JSON, non-objects and unknown kinds per line while the good lines parse', () => {
    const result = parseJsonl(
      jsonl(product(), '{"handle": "broken",', '[1,2]', { kind: 'coupon' }, product({ handle: 'second' })),
      { file: 'products.jsonl' },
    );
    expect(result.errors).toEqual([
      { line: 2, message: expect.stringMatching(/^invalid JSON: /) },
      { line: 3, message: 'expected a JSON object' },
      { line: 4, message: 'unknown kind "coupon" (expected "product", "customer" or "order")' },
    ]);
    expect(result.products.map((p) => [p.record.handle, p.line])).toEqual([
      ['trail-runner', 1],
      ['second', 5],
    ]);
  });

  it('reports schema failures with the field path: unknown currency, negative price, missing title', () => {
    const badCurrency = product({ variants: [{ sku: 'X', priceMinor: 100, currency: 'XYZ' }] });
    const negative = product({ variants: [{ sku: 'X', priceMinor: -1, currency: 'EUR' }] });
    const result = parseJsonl(
      jsonl(badCurrency, negative, product({ title: '' }), { kind: 'order', ...order, currency: 'ABC' }, product()),
      { file: 'products.jsonl' },
    );
    expect(result.errors).toEqual([
      {
        line: 1,
        message: 'product: variants.0.currency: unknown currency (expected an ISO 4217 code such as EUR or USD)',
      },
      { line: 2, message: 'product: variants.0.priceMinor: price must not be negative' },
      { line: 3, message: 'product: title: title is required' },
      { line: 4, message: expect.stringContaining('order: currency: unknown currency') },
    ]);
    expect(result.products.map((p) => p.line)).toEqual([5]);
  });

  it('reports a line that is not valid UTF-8 and keeps the rest', () => {
    const input = Buffer.concat([
      Buffer.from(`${JSON.stringify(product())}\n{"handle":"`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`"}\r\n${JSON.stringify(product({ handle: 'b' }))}\r\n`),
    ]);
    const result = parseJsonl(input, { file: 'products.jsonl' });
    expect(result.errors).toEqual([{ line: 2, message: 'the line is not valid UTF-8 (save the file as UTF-8)' }]);
    expect(result.products.map((p) => p.line)).toEqual([1, 3]);
  });
});
