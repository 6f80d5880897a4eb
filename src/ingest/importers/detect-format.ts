import { extname } from 'node:path';
import { readCsvRows } from './csv-reader.js';
import { isShopifyHeader } from './shopify-csv.js';
import { isShopifyTranslationsHeader } from './shopify-translations-csv.js';
import { isWooCommerceHeader } from './woocommerce-csv.js';

export type CatalogFormat =
  'shopify-csv' | 'shopify-translations-csv' | 'woocommerce-csv' | 'jsonl' | 'policy-markdown';

export type Detection = { format: CatalogFormat } | { format: null; reason: string };

export const ACCEPTED_FORMATS =
  'a Shopify product CSV (columns Handle, Title, …), a Shopify translation export (Type, Identification, Field, ' +
  'Locale, …), a WooCommerce product CSV (ID, Type, SKU, Name, …), ' +
  'JSON Lines (.jsonl or .ndjson) of products, customers or orders, or a markdown policy document (.md)';

export const CSV_EXTENSIONS = ['.csv'];
export const JSONL_EXTENSIONS = ['.jsonl', '.ndjson'];
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];

const SNIFF_BYTES = 8_192;

/** Tells a catalog file's format from its extension and, for CSV, its header row. */
export function detectFormat(file: string, content: Uint8Array): Detection {
  const ext = extname(file).toLowerCase();
  const known = [...CSV_EXTENSIONS, ...JSONL_EXTENSIONS, ...MARKDOWN_EXTENSIONS];
  if (!known.includes(ext))
    return {
      format: null,
      reason: ext ? `files ending in ${ext} are not supported` : 'a file without an extension is not supported',
    };
  if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
    return { format: null, reason: 'it is UTF-16 text; save it as UTF-8' };
  }
  if (looksBinary(content)) return { format: null, reason: 'it is a binary file, not UTF-8 text' };
  if (!content.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d))
    return { format: null, reason: 'the file is empty' };
  // Whether a JSON Lines file holds records at all shows only once its lines are parsed.
  if (JSONL_EXTENSIONS.includes(ext)) return { format: 'jsonl' };
  if (MARKDOWN_EXTENSIONS.includes(ext)) return { format: 'policy-markdown' };

  const first = readCsvRows(content).next();
  if (first.done) return { format: null, reason: 'the file is empty' };
  if ('error' in first.value) return { format: null, reason: `its header row cannot be read: ${first.value.error}` };
  const header = first.value.fields;
  if (isShopifyTranslationsHeader(header)) return { format: 'shopify-translations-csv' };
  if (isShopifyHeader(header)) return { format: 'shopify-csv' };
  if (isWooCommerceHeader(header)) return { format: 'woocommerce-csv' };
  const shown = header.slice(0, 5).join(', ') + (header.length > 5 ? ', …' : '');
  return { format: null, reason: `its header (${shown}) is neither Shopify's nor WooCommerce's` };
}

/**
 * NUL bytes in the first few KB, or a first line that is not UTF-8. Invalid bytes further down
 * are left to the parsers, which report them for their own rows.
 */
function looksBinary(content: Uint8Array): boolean {
  const head = content.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return true;
  const newline = head.indexOf(0x0a);
  try {
    // stream: a multi-byte character cut at the sniff boundary is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(newline < 0 ? head : head.subarray(0, newline), { stream: true });
    return false;
  } catch {
    return true;
  }
}
