import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertTau2, type Tau2Db } from '../../scripts/tau2/convert.js';
import { readCatalogFiles } from '../../src/ingest/importers/read-catalog-files.js';

/**
 * General logic lives in code, shop knowledge in data: no catalog's product, type, vendor or option
 * word may appear in `src/`, except in the language packs' generic vocabulary files. Checked against
 * three unrelated shops, so a word that slips in for one of them is caught whichever shop it came from.
 * The demo shop's generator is shop data by nature; it lives in `scripts/demo-shop/`, outside `src/`,
 * so nothing under `src/` is excused as shop data.
 */

const root = path.resolve(import.meta.dirname, '../..');
const LANG_EN = path.join(root, 'src/agent/models/offline/lang/en');
const SCANNED = new Set(['.ts', '.json', '.txt', '.md', '.html', '.css']);
/**
 * Generic vocabulary: the language packs' lexicons, the bilingual lexicons and the common-word lists
 * name colours, sizes and everyday words.
 */
const isVocabularyFile = (rel: string) => /(^|\/)lang\/.+\/(lexicon\.json|bilingual\.json|words\.txt)$/.test(rel);

interface ShopProduct {
  title: string;
  productType: string;
  categoryPath: string[];
  vendor: string;
  variants: Array<{ options: Record<string, string> }>;
}

/** Words as the scan sees them: runs of letters, digits and `_`, so a phrase never matches inside an identifier. */
const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];

async function loadShops(): Promise<Record<string, ShopProduct[]>> {
  const demo = readFileSync(path.join(root, 'catalog/products.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ShopProduct);
  const tau2Db = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/tau2-retail/db.json'), 'utf8')) as Tau2Db;
  const partner = await readCatalogFiles(path.join(root, 'tests/fixtures/partner-shop'));
  return {
    'demo shop': demo,
    'tau2 shop': convertTau2(tau2Db).products,
    'partner shop': partner.products.map((p) => p.record),
  };
}

/** Every forbidden phrase (as its words) with why it is forbidden, e.g. "tau2 shop: product title". */
function forbiddenPhrases(shops: Record<string, ShopProduct[]>): Map<string, Set<string>> {
  const common = new Set(
    readFileSync(path.join(LANG_EN, 'words.txt'), 'utf8')
      .split('\n')
      .map((w) => w.trim()),
  );
  const lexicon = JSON.parse(readFileSync(path.join(LANG_EN, 'lexicon.json'), 'utf8')) as {
    colors: string[];
    sizes: Record<string, string>;
  };
  const generic = new Set(
    [...lexicon.colors, ...Object.keys(lexicon.sizes), ...Object.values(lexicon.sizes)].map((w) => w.toLowerCase()),
  );
  const phrases = new Map<string, Set<string>>();
  const add = (phrase: string, why: string) => {
    const key = tokens(phrase).join(' ');
    if (key.length < 3) return;
    if (!phrases.has(key)) phrases.set(key, new Set());
    phrases.get(key)!.add(why);
  };
  for (const [shop, products] of Object.entries(shops)) {
    for (const p of products) {
      add(p.title, `${shop}: product title`);
      add(p.productType, `${shop}: product type`);
      add(p.vendor, `${shop}: vendor`);
      for (const label of p.categoryPath) add(label, `${shop}: category`);
      for (const word of tokens(p.title)) {
        if (/^\p{L}{4,}$/u.test(word) && !common.has(word)) add(word, `${shop}: uncommon title word`);
      }
      for (const value of new Set(p.variants.flatMap((v) => Object.values(v.options)))) {
        const lower = value.trim().toLowerCase();
        if (/^\p{N}/u.test(lower) || generic.has(lower)) continue;
        if (tokens(lower).length > 1) add(lower, `${shop}: multi-word option value`);
        else if (!common.has(lower)) add(lower, `${shop}: uncommon option value`);
      }
    }
  }
  return phrases;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SCANNED.has(path.extname(entry.name)) ? [full] : [];
  });
}

interface Hit {
  file: string;
  line: number;
  phrase: string;
  why: string;
}

/**
 * What may stand between two words of one phrase: spaces, line breaks with comment markers, and the
 * marks inside names ("T-Shirt", "S/M", "men's", "Alder & Pine"), but no comma, quote or bracket,
 * so the items of a list (`'S', 'M'`) never read as one phrase.
 */
const JOINER = /^[\s\-/'’&.+*#]*$/u;

/** Where the phrases occur in `text` as whole words, with their line numbers. */
function findPhrases(text: string, byFirstWord: Map<string, string[][]>): Array<{ line: number; phrase: string }> {
  const words = [...text.matchAll(/[\p{L}\p{N}_]+/gu)];
  const lower = words.map((m) => m[0].toLowerCase());
  const joined = (i: number) => JOINER.test(text.slice(words[i].index + words[i][0].length, words[i + 1].index));
  const found: Array<{ line: number; phrase: string }> = [];
  lower.forEach((word, i) => {
    for (const phrase of byFirstWord.get(word) ?? []) {
      if (phrase.every((w, j) => lower[i + j] === w && (j === 0 || joined(i + j - 1)))) {
        const line = text.slice(0, words[i].index).split('\n').length;
        found.push({ line, phrase: phrase.join(' ') });
      }
    }
  });
  return found;
}

describe('shop words stay out of src/', () => {
  it("names no catalog's products, types, categories, vendors or option values outside the vocabulary files", async () => {
    const phrases = forbiddenPhrases(await loadShops());
    expect(phrases.size).toBeGreaterThan(500);
    const byFirstWord = new Map<string, string[][]>();
    for (const key of phrases.keys()) {
      const words = key.split(' ');
      byFirstWord.set(words[0], [...(byFirstWord.get(words[0]) ?? []), words]);
    }
    const hits: Hit[] = [];
    for (const file of sourceFiles(path.join(root, 'src'))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (isVocabularyFile(rel)) continue;
      for (const { line, phrase } of findPhrases(readFileSync(file, 'utf8'), byFirstWord)) {
        hits.push({ file: `${rel}:${line}`, line, phrase, why: [...phrases.get(phrase)!].join('; ') });
      }
    }
    expect(hits.map((h) => `${h.file} '${h.phrase}' (${h.why})`)).toEqual([]);
  });
});
