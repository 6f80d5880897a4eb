import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ProductType } from './product-types.js';
import { phraseKey, stems } from './terms.js';

/**
 * What shoppers ask for by need, place or activity rather than by kind of product ("something for
 * the kitchen", "anything for music"), as language data in `lang/<code>/lexicon.json`: each need
 * with the kinds of product that serve it, and the words that may stand around a need without
 * naming a product ("something", "comfy", "home"). The kinds are generic; a shop serves a need
 * with the kinds it has.
 */
const lexiconSchema = z.object({
  code: z.string().min(2),
  modifiers: z.array(z.string().min(1)),
  uses: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)),
  titleLinks: z.array(z.string().min(1)).default([]),
  broader: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
});

export interface UseLexicon {
  /** Stemmed need phrase → the kinds of product that serve it. */
  uses: Map<string, string[]>;
  /** Stemmed words that name no product around a need. */
  modifiers: Set<string>;
  /**
   * Words that join a product's kind to what it comes with in the catalog's titles ("<Kind> with
   * <part>", "<Kind> Set of 4"): the kind is named before them.
   */
  titleLinks: Set<string>;
  /**
   * A shopper's word for a family of kinds ("furniture", "jewellery") → the kinds it takes in,
   * for a shop that names only the kinds.
   */
  broader: Map<string, string[]>;
}

const LANG_DIR = path.join(import.meta.dirname, 'lang');
const loaded = new Map<string, UseLexicon>();

/** The needs of a language (read and validated once). */
export function useLexicon(code = 'en'): UseLexicon {
  let lexicon = loaded.get(code);
  if (!lexicon) {
    const file = path.join(LANG_DIR, code, 'lexicon.json');
    const data = lexiconSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    lexicon = {
      uses: new Map(Object.entries(data.uses).map(([use, kinds]) => [phraseKey(use), kinds])),
      modifiers: new Set(data.modifiers.map(phraseKey)),
      titleLinks: new Set(data.titleLinks.map((w) => w.toLowerCase())),
      broader: new Map(Object.entries(data.broader)),
    };
    loaded.set(code, lexicon);
  }
  return lexicon;
}

/** A need is at most this many words long ("keep coffee hot"). */
const MAX_USE_WORDS = 4;

/** A need a query names, with the products of the shop's kinds that serve it. */
export interface NamedUse {
  use: string;
  handles: Set<string>;
}

/**
 * The needs a query consists of ("comfy sit lounge": sit, lounge), each with the products of the
 * kinds the shop has for it; empty unless every word of the query is part of a need or a
 * modifier — "winter gloves" or "running shorts" name a product, not a need. A need the shop
 * names as a type is left to the type.
 */
export function usesOf(query: string, types: Map<string, ProductType>, lexicon = useLexicon()): NamedUse[] {
  const words = stems(query);
  const found: NamedUse[] = [];
  for (let i = 0; i < words.length;) {
    const n = longestUseAt(words, i, lexicon);
    if (n === 0) {
      if (!lexicon.modifiers.has(words[i])) return [];
      i++;
      continue;
    }
    const use = words.slice(i, i + n).join(' ');
    const kinds = lexicon.uses.get(use)!;
    const handles = new Set(kinds.flatMap((k) => [...(types.get(phraseKey(k))?.handles ?? [])]));
    if (types.has(use)) return [];
    if (handles.size) found.push({ use, handles });
    i += n;
  }
  return found;
}

function longestUseAt(words: string[], at: number, lexicon: UseLexicon): number {
  for (let n = Math.min(MAX_USE_WORDS, words.length - at); n >= 1; n--) {
    if (lexicon.uses.has(words.slice(at, at + n).join(' '))) return n;
  }
  return 0;
}

/** The needs' products as one product type, labelled with the needs ("sit lounge"). */
export function typeOfUses(uses: NamedUse[]): ProductType | null {
  if (!uses.length) return null;
  const label = uses.map((u) => u.use).join(' ');
  return { label, key: label, handles: new Set(uses.flatMap((u) => [...u.handles])) };
}
