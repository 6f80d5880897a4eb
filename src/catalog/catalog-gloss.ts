import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { foldArabicScript } from '../shared/language.js';

const terms = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));
const SECTIONS = ['types', 'colors', 'materials', 'sizes', 'attributes', 'occasions', 'genders', 'policies'] as const;
type Section = (typeof SECTIONS)[number] | 'questions';

/**
 * A bilingual commerce lexicon, `lang/<code>/bilingual.json`: a shopper's words in one language →
 * the words a catalog in another language uses ("کاپشن" → jacket), by kind, and the affixes the
 * language puts on a word ("کاپشن‌ها", "الحذاء") that a lookup may strip.
 */
const bilingualSchema = z.object({
  code: z.string().min(2),
  to: z.string().min(2),
  types: terms.default({}),
  colors: terms.default({}),
  materials: terms.default({}),
  sizes: terms.default({}),
  attributes: terms.default({}),
  occasions: terms.default({}),
  genders: terms.default({}),
  /** Words of questions about the shop's policies ("مرجوعی" → return), for the policy search. */
  policies: terms.default({}),
  /**
   * What a question asks ("قديش بياخد" → how long does it take, "بكام" → how much), put in the
   * catalog's language for the policy search only: messages are read by the intent model without them.
   */
  questions: terms.default({}),
  affixes: z
    .object({
      prefixes: z.array(z.string()),
      suffixes: z.array(z.string()),
      /**
       * A word's last letter as it is written before a suffix → as the lexicon holds it (Arabic "ت" →
       * "ة": "كفالتها" is "كفالة" + "ها").
       */
      restore: z.record(z.string().min(1), z.string().min(1)).default({}),
    })
    .default({ prefixes: [], suffixes: [], restore: {} }),
  /**
   * Words kept as typed although a lexicon term hides in one of their affixed forms: Arabic "بدلها" is
   * "change it", not "بدل" (suits) + "ها".
   */
  keep: z.array(z.string().min(1)).default([]),
  /** Other spellings of letters shoppers type ("ü" as "ue"); every term is also found so spelled. */
  spellings: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * Whether the language glues words into compounds ("Espressotassen"): a word the lexicon lacks is
   * read as a modifier plus a product type it ends with, each part at least `minPart` letters.
   */
  compounds: z.object({ minPart: z.number().int().min(2) }).optional(),
});

export interface Gloss {
  /** The language glossed from. */
  from: string;
  /** Entries (after spelling folding), for reports. */
  size: number;
  /**
   * The text with every term of the lexicon replaced by the catalog's word for it (longest phrase
   * first, in any of its affixed forms); other words as typed, lower case, folded. With `knows` (whether
   * the catalog has a word), a term with several words in the catalog's language takes the first the
   * catalog has ("ليموني" → yellow, in a shop with no "lemon"); with `isKind` (whether the catalog has a
   * product type so called), a word it sorts its products under first: a word that is a type beats
   * one only some titles hold.
   */
  apply(text: string, knows?: (word: string) => boolean, isKind?: (phrase: string) => boolean): string;
}

const LANG_DIR = path.join(import.meta.dirname, 'lang');
const glosses = new Map<string, Gloss | null>();

const fold = (text: string) => foldArabicScript(text.normalize('NFKC').toLowerCase());
const tokensOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The gloss from a language to the catalog's (read once); null when the language has no lexicon. */
export function glossFor(language: string, catalogLanguage = 'en'): Gloss | null {
  return readGloss(language, catalogLanguage, SECTIONS);
}

/** The gloss of what policy questions ask, for the policy search; null when the language has none. */
export function questionGlossFor(language: string, catalogLanguage = 'en'): Gloss | null {
  const gloss = readGloss(language, catalogLanguage, ['questions']);
  return gloss?.size ? gloss : null;
}

function readGloss(language: string, catalogLanguage: string, sections: readonly Section[]): Gloss | null {
  const key = `${language}>${catalogLanguage}:${sections.join(',')}`;
  if (glosses.has(key)) return glosses.get(key) ?? null;
  const file = path.join(LANG_DIR, language, 'bilingual.json');
  let gloss: Gloss | null = null;
  if (language !== catalogLanguage && existsSync(file)) {
    const data = bilingualSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    if (data.to === catalogLanguage) gloss = buildGloss(data, sections);
  }
  glosses.set(key, gloss);
  return gloss;
}

function buildGloss(data: z.infer<typeof bilingualSchema>, sections: readonly Section[]): Gloss {
  // Each term's words in the catalog's language, the usual one first.
  const table = new Map<string, string[]>();
  const types = new Set<string>();
  const respell = (term: string) =>
    Object.entries(data.spellings).reduce((t, [from, to]) => t.split(fold(from)).join(fold(to)), term);
  let longest = 1;
  for (const section of sections) {
    for (const [term, targets] of Object.entries(data[section])) {
      const words = tokensOf(term);
      if (!words.length) continue;
      for (const key of new Set([words.join(' '), respell(words.join(' '))])) {
        if (table.has(key)) continue;
        table.set(
          key,
          targets.map((t) => t.toLowerCase()),
        );
        if (section === 'types') types.add(key);
      }
      longest = Math.max(longest, words.length);
    }
  }
  const prefixes = data.affixes.prefixes.map(fold);
  const suffixes = data.affixes.suffixes.map(fold);
  const restore = Object.entries(data.affixes.restore).map(([from, to]) => [fold(from), fold(to)] as const);
  // A word as typed, or without one prefix (a phrase's first word too: "وكم يستغرق" is "كم يستغرق" after "and").
  const leads = (word: string) => [
    word,
    ...prefixes.filter((p) => word.startsWith(p) && word.length - p.length >= 2).map((p) => word.slice(p.length)),
  ];
  // A word as the lexicon may hold it: as typed, else without one prefix and/or one suffix.
  const forms = (word: string): string[] => {
    const stems = leads(word);
    const trimmed = stems.flatMap((w) =>
      suffixes.filter((s) => w.endsWith(s) && w.length - s.length >= 2).map((s) => w.slice(0, -s.length)),
    );
    const restored = trimmed.flatMap((w) =>
      restore.filter(([from]) => w.endsWith(from)).map(([from, to]) => w.slice(0, -from.length) + to),
    );
    return [...stems, ...trimmed, ...restored];
  };
  // Picks the word a term is glossed to among its words in the catalog's language.
  type Choose = (targets: string[]) => string;
  const get = (key: string, choose: Choose) => {
    const targets = table.get(key);
    return targets && choose(targets);
  };
  const keep = new Set(data.keep.map(fold));
  const kept = (word: string) =>
    keep.has(word) || prefixes.some((p) => word.startsWith(p) && keep.has(word.slice(p.length)));
  const single = (word: string, choose: Choose) =>
    kept(word)
      ? undefined
      : forms(word)
          .map((f) => get(f, choose))
          .find(Boolean);
  const minPart = data.compounds?.minPart ?? 0;
  // A compound: the longest product type the word ends with, after a modifier glossed when known. With
  // an unknown modifier the type must be long and a word of its own ("Espresso|tassen"), so an English
  // catalog word typed in a German message stays whole.
  const compound = (word: string, choose: Choose): string | undefined => {
    if (!minPart) return undefined;
    for (let at = minPart; at <= word.length - minPart; at++) {
      const head = forms(word.slice(at)).find((f) => types.has(f));
      if (!head) continue;
      const modifier = single(word.slice(0, at), choose);
      const target = get(head, choose)!;
      if (modifier) return `${modifier} ${target}`;
      if (head.length >= 5 && target !== head) return `${word.slice(0, at)} ${target}`;
    }
    return undefined;
  };
  const lookup = (words: string[], choose: Choose): string | undefined => {
    if (words.length === 1) return single(words[0], choose) ?? compound(words[0], choose);
    const middle = words.slice(1, -1);
    return leads(words[0])
      .flatMap((first) => forms(words.at(-1)!).map((f) => [first, ...middle, f].join(' ')))
      .map((key) => get(key, choose))
      .find(Boolean);
  };
  return {
    from: data.code,
    size: table.size,
    apply(text, knows, isKind) {
      // The usual word, or with the catalog's words the first of a term's words the catalog sorts products
      // under, else the first it has.
      const has = (t: string) => !!knows && t.split(' ').every(knows);
      const choose: Choose = (targets) =>
        (isKind && targets.find((t) => has(t) && isKind(t))) || targets.find(has) || targets[0];
      return glossText(text, choose);
    },
  };

  function glossText(text: string, choose: Choose): string {
    // Words at even places, what separates them at odd ones; a phrase spans plain spaces only.
    const parts = fold(text).split(/([^\p{L}\p{N}]+)/u);
    const out: string[] = [];
    for (let i = 0; i < parts.length;) {
      let span = 0;
      let target: string | undefined;
      for (let n = Math.min(longest, Math.ceil((parts.length - i) / 2)); n >= 1 && !target; n--) {
        const gaps = parts.slice(i + 1, i + 2 * n - 1).filter((_, k) => k % 2 === 0);
        if (i % 2 || gaps.some((g) => g.trim())) continue;
        target = lookup(
          parts.slice(i, i + 2 * n - 1).filter((_, k) => k % 2 === 0),
          choose,
        );
        span = 2 * n - 1;
      }
      out.push(target ?? parts[i]);
      i += target ? span : 1;
    }
    return keepCodes(text, out.join(''));
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Codes the shopper typed (order numbers, SKUs: words with a digit; sizes in capitals) keep their
 * letters' case, so "AP-10063" is still the order's id and "M" a size after the text was folded to
 * lower case.
 */
function keepCodes(text: string, glossed: string): string {
  const typed = foldArabicScript(text.normalize('NFKC'));
  const codes = [
    ...(typed.match(/[\p{L}\p{N}-]*\d[\p{L}\p{N}-]*/gu) ?? []),
    // Sizes and abbreviations in capitals (M, XL, EU): a lone "m" is not a size.
    ...(typed.match(/(?<![\p{L}\p{N}])[A-Z]{1,4}(?![\p{L}\p{N}])/gu) ?? []),
  ];
  let out = glossed;
  for (const code of new Set(codes)) {
    const lower = code.toLowerCase();
    if (lower === code) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegex(lower)}(?![\\p{L}\\p{N}-])`, 'gu'), code);
  }
  return out;
}
