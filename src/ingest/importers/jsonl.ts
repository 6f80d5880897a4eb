import { basename } from 'node:path';
import type { z } from 'zod';
import {
  customerRecordSchema,
  orderRecordSchema,
  productRecordSchema,
  type CustomerRecord,
  type OrderRecord,
  type ProductRecord,
} from '../../catalog/records.js';

export type JsonlKind = 'product' | 'customer' | 'order';

export interface JsonlParseResult {
  products: Array<{ record: ProductRecord; line: number }>;
  customers: Array<{ record: CustomerRecord; line: number }>;
  orders: Array<{ record: OrderRecord; line: number }>;
  errors: Array<{ line: number; message: string }>;
  /** Non-blank lines seen, so a caller can tell "every line failed" from "empty". */
  lines: number;
}

/** Issues listed per line; a record of the wrong kind would otherwise fill a screen. */
const MAX_ISSUES = 5;
const SCHEMAS = { product: productRecordSchema, customer: customerRecordSchema, order: orderRecordSchema } as const;

/** "products.jsonl", "orders-2024.ndjson" → the kind their lines hold when a line has no `kind`. */
export function kindFromFileName(file: string): JsonlKind | null {
  const name = basename(file).toLowerCase();
  if (name.startsWith('product')) return 'product';
  if (name.startsWith('customer')) return 'customer';
  if (name.startsWith('order')) return 'order';
  return null;
}

/**
 * Parses JSON Lines: one JSON object per line, its kind from its `kind` field or else from the file
 * name. Blank lines are skipped; a line that is not valid UTF-8, not JSON, or fails its schema is
 * reported with its line number.
 */
export function parseJsonl(input: Uint8Array, opts: { file: string }): JsonlParseResult {
  const result: JsonlParseResult = { products: [], customers: [], orders: [], errors: [], lines: 0 };
  const fallbackKind = kindFromFileName(opts.file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  for (let line = 1; start < input.length; line++) {
    let end = input.indexOf(0x0a, start);
    if (end < 0) end = input.length;
    const bytes = input.subarray(start, end);
    start = end + 1;
    let text: string;
    try {
      text = decoder.decode(bytes).trim();
    } catch {
      result.lines++;
      result.errors.push({ line, message: 'the line is not valid UTF-8 (save the file as UTF-8)' });
      continue;
    }
    if (!text) continue;
    result.lines++;
    const error = parseLine(text, line, fallbackKind, result);
    if (error) result.errors.push({ line, message: error });
  }
  return result;
}

function parseLine(
  text: string,
  line: number,
  fallbackKind: JsonlKind | null,
  result: JsonlParseResult,
): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return `invalid JSON: ${(err as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const kind = (value as { kind?: unknown }).kind ?? fallbackKind;
  if (kind === null)
    return 'the record has no "kind" and the file name does not say (products*.jsonl, customers*.jsonl or orders*.jsonl)';
  if (kind !== 'product' && kind !== 'customer' && kind !== 'order')
    return `unknown kind ${JSON.stringify(kind)} (expected "product", "customer" or "order")`;
  const parsed = (SCHEMAS[kind] as z.ZodType).safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || kind}: ${i.message}`);
    const more = issues.length > MAX_ISSUES ? `; … and ${issues.length - MAX_ISSUES} more` : '';
    return `${kind}: ${issues.slice(0, MAX_ISSUES).join('; ')}${more}`;
  }
  if (kind === 'product') result.products.push({ record: parsed.data as ProductRecord, line });
  else if (kind === 'customer') result.customers.push({ record: parsed.data as CustomerRecord, line });
  else result.orders.push({ record: parsed.data as OrderRecord, line });
  return null;
}
