import type { PolicyLanguageData } from './policy-language.js';

/** Words, stems and sentences of questions and policy text, by a language's rules. */
export interface TextTools {
  /** Lowercased words of a text; numbers keep their decimals, currency symbols are words. */
  tokens(text: string): string[];
  stem(word: string): string;
  /** Sentences of a text, and each line on its own; an abbreviation's full stop ends none. */
  sentences(text: string): string[];
}

const TOKEN = /\d+(?:[.,:]\d+)*|[\p{L}\p{N}]+(?:'[\p{L}]+)*|[€$£]/gu;
/** Stands in for an abbreviation's full stop while a text is cut into sentences. */
const HELD_DOT = '\u2024';

export const isNumber = (w: string) => /^\d/.test(w);

/** Where `phrase` (tokens) starts in `tokens`. */
export function findPhrase(tokens: string[], phrase: string[]): number[] {
  const at: number[] = [];
  if (!phrase.length) return at;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((p, k) => tokens[i + k] === p)) at.push(i);
  }
  return at;
}

const STEM_CACHE = 50_000;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createTextTools(data: PolicyLanguageData): TextTools {
  const { minStem, suffixes, keep, undouble, irregular } = data.stemming;
  const abbreviations = data.abbreviations.map((a) => new RegExp(`(?<!\\p{L})${escapeRegex(a)}`, 'giu'));

  const tokens = (text: string) =>
    (
      text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[’‘`´]/g, "'")
        .match(TOKEN) ?? []
    ).map((w) => w.replace(/,/g, '.'));

  /** Removes the first suffix that leaves a long enough stem ("returned" → "return", "shipping" → "ship"). */
  function stripSuffix(w: string): string {
    if (isNumber(w) || keep.some((k) => w.endsWith(k))) return w;
    for (const [suffix, replacement] of suffixes) {
      if (!w.endsWith(suffix)) continue;
      const base = w.slice(0, -suffix.length);
      if (base.length + replacement.length < minStem) continue;
      const last = base.at(-1) ?? '';
      const doubled = replacement === '' && base.length > minStem && last === base.at(-2) && undouble.includes(last);
      return (doubled ? base.slice(0, -1) : base) + replacement;
    }
    return w;
  }

  function sentences(text: string): string[] {
    let held = text;
    for (const re of abbreviations) held = held.replace(re, (m) => m.replace(/\./g, HELD_DOT));
    return held
      .split(/(?<=[.!?])\s+(?=\S)|\n+/)
      .map((s) => s.replaceAll(HELD_DOT, '.').trim())
      .filter(Boolean);
  }

  // Policies repeat their words: stems are remembered (a bounded cache, as questions bring new words).
  const known = new Map<string, string>();
  const stem = (w: string) => {
    let s = known.get(w);
    if (s === undefined) {
      if (known.size > STEM_CACHE) known.clear();
      s = stripSuffix(stripSuffix(irregular[w] ?? w));
      known.set(w, s);
    }
    return s;
  };
  return { tokens, stem, sentences };
}
