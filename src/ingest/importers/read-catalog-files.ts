import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { CustomerRecord, OrderRecord, PolicyDocumentRecord, ProductRecord } from '../../catalog/records.js';
import type { TranslationPatch } from '../../catalog/translation-merge.js';
import {
  ACCEPTED_FORMATS,
  CSV_EXTENSIONS,
  JSONL_EXTENSIONS,
  MARKDOWN_EXTENSIONS,
  detectFormat,
  type CatalogFormat,
} from './detect-format.js';
import { parseJsonl } from './jsonl.js';
import { parsePolicyMarkdown } from './policy-markdown.js';
import { attachTranslations, type PolicyFile } from './policy-translations.js';
import { parseShopifyCsv } from './shopify-csv.js';
import { parseShopifyTranslationsCsv } from './shopify-translations-csv.js';
import { parseWooCommerceCsv } from './woocommerce-csv.js';

export type { CatalogFormat } from './detect-format.js';

export interface SourceRef {
  file: string;
  line: number;
}
export interface Sourced<T> {
  record: T;
  source: SourceRef;
}
export interface CatalogIssue {
  file: string;
  /** null when the problem is the whole file. */
  line: number | null;
  message: string;
  /** Reported, but nothing failed (a translation imported only in part). */
  warning?: boolean;
}

export interface ParsedBatch {
  products: Array<Sourced<ProductRecord>>;
  customers: Array<Sourced<CustomerRecord>>;
  orders: Array<Sourced<OrderRecord>>;
  policies: Array<Sourced<PolicyDocumentRecord>>;
  /** Translations to merge into products already in the catalog (written after the products). */
  translations: Array<Sourced<TranslationPatch>>;
  errors: CatalogIssue[];
  files: Array<{ file: string; format: CatalogFormat }>;
}

export interface ReadCatalogOptions {
  /** Shop currency for CSV prices, which carry none (default EUR). */
  currency?: string;
}

/**
 * Reads catalog files into records. `paths` are files or folders (searched recursively; markdown
 * counts only inside a `policies/` folder there). Bad rows become `errors` and never stop the read.
 * A file named directly that is no catalog at all throws a ValidationError (`catalog:not_a_catalog`);
 * inside a folder such a file is reported once and skipped.
 */
export async function readCatalogFiles(paths: string | string[], opts: ReadCatalogOptions = {}): Promise<ParsedBatch> {
  const batch: ParsedBatch = {
    products: [],
    customers: [],
    orders: [],
    policies: [],
    translations: [],
    errors: [],
    files: [],
  };
  const policyFiles: PolicyFile[] = [];
  const read = { batch, opts, policyFiles };
  for (const path of Array.isArray(paths) ? paths : [paths]) {
    const info = await stat(path).catch((cause: unknown) => {
      throw new NotFoundError('catalog:not_found', `No file or folder at ${path}.`, { cause });
    });
    if (info.isDirectory()) {
      for (const file of await findCatalogFiles(path)) await readOne(file, false, read);
    } else {
      await readOne(path, true, read);
    }
  }
  // Translations (policies/<language>/<name>.md) join their originals once every file is read.
  const { policies, issues } = attachTranslations(policyFiles);
  batch.policies.push(...policies.map((p) => ({ record: p.doc, source: { file: p.file, line: 1 } })));
  batch.errors.push(...issues);
  return batch;
}

interface ReadState {
  batch: ParsedBatch;
  opts: ReadCatalogOptions;
  policyFiles: PolicyFile[];
}

async function readOne(file: string, named: boolean, { batch, opts, policyFiles }: ReadState): Promise<void> {
  const content = await readFile(file);
  const detected = detectFormat(file, content);
  if (detected.format === null) return notACatalog(file, detected.reason, named, batch);
  const at = (line: number) => ({ file, line });
  const issues = (errors: Array<{ line: number | null; message: string }>) =>
    errors.map((e) => ({ file, line: e.line, message: e.message }));

  switch (detected.format) {
    case 'shopify-csv':
    case 'woocommerce-csv': {
      const parse = detected.format === 'shopify-csv' ? parseShopifyCsv : parseWooCommerceCsv;
      const parsed = parse(content, { currency: opts.currency });
      batch.products.push(...parsed.products.map((p) => ({ record: p.record, source: at(p.line) })));
      batch.errors.push(...issues(parsed.errors));
      break;
    }
    case 'shopify-translations-csv': {
      const parsed = parseShopifyTranslationsCsv(content);
      batch.translations.push(...parsed.translations.map((t) => ({ record: t.record, source: at(t.line) })));
      batch.errors.push(...issues(parsed.errors));
      break;
    }
    case 'jsonl': {
      const parsed = parseJsonl(content, { file });
      const records = parsed.products.length + parsed.customers.length + parsed.orders.length;
      if (records === 0 && parsed.errors.length > 0) {
        const firstError = parsed.errors[0];
        return notACatalog(
          file,
          `none of its ${parsed.lines} lines is a valid record (line ${firstError.line}: ${firstError.message})`,
          named,
          batch,
        );
      }
      batch.products.push(...parsed.products.map((p) => ({ record: p.record, source: at(p.line) })));
      batch.customers.push(...parsed.customers.map((c) => ({ record: c.record, source: at(c.line) })));
      batch.orders.push(...parsed.orders.map((o) => ({ record: o.record, source: at(o.line) })));
      batch.errors.push(...issues(parsed.errors));
      break;
    }
    case 'policy-markdown': {
      const parsed = parsePolicyMarkdown(content, { file });
      policyFiles.push({ file, parsed });
      batch.errors.push(...issues(parsed.errors));
      break;
    }
  }
  batch.files.push({ file, format: detected.format });
}

function notACatalog(file: string, reason: string, named: boolean, batch: ParsedBatch): void {
  if (named) {
    throw new ValidationError(
      'catalog:not_a_catalog',
      `${file} is not a catalog file: ${reason}. Accepted: ${ACCEPTED_FORMATS}.`,
      {
        details: { file, reason },
      },
    );
  }
  batch.errors.push({ file, line: null, message: `skipped, not a catalog file: ${reason}` });
}

/** Candidate files under `root`, sorted; hidden folders and node_modules are not entered. */
async function findCatalogFiles(
  root: string,
  inPolicies = basename(root).toLowerCase() === 'policies',
): Promise<string[]> {
  const files: string[] = [];
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await findCatalogFiles(path, inPolicies || entry.name.toLowerCase() === 'policies')));
      continue;
    }
    const ext = extname(entry.name).toLowerCase();
    // Markdown is a policy only inside a policies/ folder, so a README.md next to the data is no error.
    if ([...CSV_EXTENSIONS, ...JSONL_EXTENSIONS].includes(ext) || (inPolicies && MARKDOWN_EXTENSIONS.includes(ext)))
      files.push(path);
  }
  return files;
}
