import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatImportSummary } from '../../src/ingest/import-progress.js';

function capture(tty: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  Object.assign(stream, { isTTY: tty });
  return { stream, chunks, text: () => chunks.join('') };
}

describe('createProgress', () => {
  it('redraws one bar line on a TTY and ends it with a newline', () => {
    const out = capture(true);
    const progress = createProgress({ stream: out.stream, label: 'products', total: 320 });
    progress.tick(123);
    expect(out.chunks.at(-1)).toBe('\r[########............] 123/320 products 38%\x1b[K');
    progress.tick(197);
    progress.done();
    progress.done();
    expect(out.chunks.slice(-2)).toEqual(['\r[####################] 320/320 products 100%\x1b[K', '\n']);
    expect(out.text()).not.toMatch(/\n(?!$)/);
  });

  it('redraws only when the percentage changes, however many ticks come in', () => {
    const out = capture(true);
    const progress = createProgress({ stream: out.stream, label: 'products', total: 10_000 });
    for (let i = 0; i < 10_000; i++) progress.tick();
    expect(out.chunks.length).toBeLessThanOrEqual(101);
  });

  it('prints plain lines about every 10% and at the end when not on a TTY', () => {
    const out = capture(false);
    const progress = createProgress({ stream: out.stream, label: 'customers', total: 50 });
    for (let i = 0; i < 50; i++) progress.tick();
    progress.done();
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('customers: 5/50 (10%)');
    expect(lines.at(-1)).toBe('customers: 50/50 done');
    expect(out.text()).not.toContain('\r');
  });

  it('copes with an empty import', () => {
    const out = capture(false);
    createProgress({ stream: out.stream, label: 'orders', total: 0 }).done();
    expect(out.text()).toBe('orders: 0/0 done\n');
  });
});

describe('formatImportSummary', () => {
  it('prints a table of counts per kind', () => {
    const text = formatImportSummary({
      created: { products: 118, customers: 40 },
      updated: { products: 2 },
      unchanged: { orders: 300 },
      failed: { products: 1 },
      errors: [],
    });
    expect(text).toBe(
      [
        '           created  updated  unchanged  failed',
        'products       118        2          0       1',
        'customers       40        0          0       0',
        'orders           0        0        300       0',
        'policies         0        0          0       0',
        '',
      ].join('\n'),
    );
  });

  it('lists errors as file:line: message, capped at 50 lines', () => {
    const errors: Array<{ file: string; line: number | null; message: string }> = [
      { file: 'catalog/logo.csv', line: null, message: 'skipped, not a catalog file' },
      ...Array.from({ length: 53 }, (_, i) => ({ file: 'catalog/products.csv', line: i + 2, message: `problem ${i}` })),
    ];
    const lines = formatImportSummary({ created: {}, updated: {}, unchanged: {}, failed: { products: 53 }, errors })
      .trimEnd()
      .split('\n');
    expect(lines[6]).toBe('54 errors:');
    expect(lines[7]).toBe('catalog/logo.csv: skipped, not a catalog file');
    expect(lines[8]).toBe('catalog/products.csv:2: problem 0');
    expect(lines.slice(7)).toHaveLength(51);
    expect(lines.at(-1)).toBe('… and 4 more');
  });

  it('marks warnings, and counts only warnings as such', () => {
    const warning = { file: 'policies/fa/care.md', line: null, message: 'the headings do not match', warning: true };
    const text = formatImportSummary({ created: {}, updated: {}, unchanged: {}, failed: {}, errors: [warning] });
    expect(text).toContain('\n1 warning:\npolicies/fa/care.md: warning: the headings do not match\n');
  });
});
