import { normalizeOptionName } from '../../../catalog/search-filters.js';
import { stem } from '../../../catalog/terms.js';
import type { Lexicon } from './language-pack.js';

/** A product's options: name as the product spells it → its values. */
export type OptionTable = Record<string, string[]>;

interface Match {
  name: string;
  value: string;
  start: number;
  end: number;
}

const NUMBER_WITH_UNIT = /^(\d+(?:[.,]\d+)?)([\p{L}%]+)$/u;

/**
 * Words with single letters and numbers kept, a number and its unit apart ("type-c" → type, c;
 * "80%" → 80; "20h" → 20, h; "size M" → size, m).
 */
const wordsOf = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,]\d+)?%?/gu) ?? []).flatMap((w) => {
    const unit = NUMBER_WITH_UNIT.exec(w);
    return unit ? [unit[1].replace(',', '.'), unit[2]] : [w.replace(/%$/, '')];
  });
const isNumber = (w: string) => /^\d+(\.\d+)?$/.test(w);

/**
 * Reads a product's own option values in a message, as that product spells them: "the 750ml
 * brushed brass one in red" → Capacity 750ml, Finish brushed brass, Color red; "20000 type-c"
 * → Capacity 20000mAh, Port Type-C; "foldable" → Foldable yes; "large" → Size L (or large).
 * Reading per product, not per shop, keeps one product's values from claiming another's words.
 */
export function createOptionReader(lx: Lexicon) {
  const sizeWord = new Map(Object.entries(lx.sizes).map(([k, v]) => [k, v.toLowerCase()]));
  const aliases = new Map(Object.entries(lx.aliases));
  const yes = new Set(lx.booleanValues.yes);
  const no = new Set(lx.booleanValues.no);
  const negations = new Set(lx.negations);
  const sizeCues = new Set(lx.sizeCues);
  const notSizeAfter = new Set(lx.notSizeAfter);
  const colors = new Set(lx.colors.map((c) => c.toLowerCase()));
  const stop = new Set([...lx.queryStopwords, ...lx.negations]);

  /** One word in a form two spellings share: stem, alias ("gray" → grey), size letter ("large" → l). */
  const canon = (w: string) => {
    const a = aliases.get(w) ?? w;
    return sizeWord.get(a) ?? stem(a);
  };

  /** Whether a one-letter match is really a size the shopper typed ("in M", "size L", capital "M"), not "I'm". */
  function letterOk(raw: string, words: string[], at: number): boolean {
    const w = words[at];
    if (sizeWord.has(w) && notSizeAfter.has(words[at - 1] ?? '')) return false;
    if (w.length > 1) return true;
    if (sizeCues.has(words[at - 1] ?? '') || words[at - 1] === 'in') return true;
    return new RegExp(`(?<![\\p{L}\\p{N}'’-])${w.toUpperCase()}(?![\\p{L}\\p{N}'’-])`, 'u').test(raw);
  }

  function occurrences(raw: string, words: string[], canonWords: string[], value: string): [number, number][] {
    const v = wordsOf(value).map(canon);
    if (!v.length) return [];
    const out: [number, number][] = [];
    for (let i = 0; i + v.length <= canonWords.length; i++) {
      if (v.every((x, k) => canonWords[i + k] === x) && letterOk(raw, words, i)) out.push([i, i + v.length]);
    }
    // "waterbased" for "water based", "water based" for "Waterbased": one word written as two, or two as one.
    if (!out.length) {
      const joined = wordsOf(value).join('');
      if (joined.length >= 5 && !isNumber(joined)) {
        words.forEach((w, i) => {
          if (v.length > 1 && w === joined) out.push([i, i + 1]);
          if (v.length === 1 && w + (words[i + 1] ?? '') === joined && words[i + 1]) out.push([i, i + 2]);
        });
      }
    }
    // "1tb" for "1TB SSD": a measure the value begins with, the words after it left unsaid.
    if (!out.length && v.length > 2 && isNumber(v[0]) && !isNumber(v[1])) {
      canonWords.forEach((w, i) => {
        if (w === v[0] && canonWords[i + 1] === v[1]) out.push([i, i + 2]);
      });
    }
    // "20000" for 20000mAh, "5-25" for "5-25 lbs": the number or range without its unit; a lone number only
    // when no other unit follows it (a range is no count or amount of something else).
    const unit = v.at(-1)!;
    const numbers = v.slice(0, -1);
    if (!out.length && numbers.length && numbers.every(isNumber) && !isNumber(unit)) {
      for (let i = 0; i + numbers.length <= canonWords.length; i++) {
        const next = canonWords[i + numbers.length] ?? '';
        const said = numbers.every((x, k) => canonWords[i + k] === x);
        const alone = numbers.length > 1 || next === unit || !/^[\p{L}%]{1,4}$/u.test(next);
        if (said && alone) out.push([i, i + numbers.length]);
      }
    }
    return out;
  }

  function read(raw: string, table: OptionTable): Record<string, string> {
    const words = wordsOf(raw);
    const canonWords = words.map(canon);
    const found: Match[] = [];
    for (const [name, values] of Object.entries(table)) {
      const isBoolean = values.length > 0 && values.every((v) => yes.has(v.toLowerCase()) || no.has(v.toLowerCase()));
      if (isBoolean) {
        // "foldable" for an option Foldable: yes/no; "not foldable" → no; the words the language pack
        // gives for an option's yes (yesOptionNames) count as its name.
        const spoken = [name, ...(lx.yesOptionNames[normalizeOptionName(name)] ?? [])];
        for (const [start, end] of spoken.flatMap((n) => occurrences(raw, words, canonWords, n))) {
          const negated = negations.has(words[start - 1] ?? '') || negations.has(words[start - 2] ?? '');
          const value = values.find((v) => (negated ? no : yes).has(v.toLowerCase()));
          if (value) found.push({ name, value, start, end });
        }
        continue;
      }
      for (const value of values) {
        for (const [start, end] of occurrences(raw, words, canonWords, value)) found.push({ name, value, start, end });
      }
      // "black" for "Quillon Black": a colour named alone picks the one value of this option it ends.
      if (!found.some((m) => m.name === name)) {
        const heads = values.filter((v) => wordsOf(v).length > 1 && colors.has(wordsOf(v).at(-1)!));
        for (const [i, w] of canonWords.entries()) {
          const fits = heads.filter((v) => canon(wordsOf(v).at(-1)!) === w);
          if (fits.length === 1 && !values.some((v) => canon(v.toLowerCase()) === w))
            found.push({ name, value: fits[0], start: i, end: i + 1 });
        }
      }
      // "moss" for "moss stitch trim", "quilted" for "plain + quilted", "brambl" for "brambled":
      // a word only one value of this option holds (or begins) picks that value.
      if (!found.some((m) => m.name === name)) {
        for (const [i, w] of canonWords.entries()) {
          if (w.length < 4 || stop.has(words[i]) || isNumber(w)) continue;
          const holds = (v: string) =>
            wordsOf(v)
              .map(canon)
              .some((x) => x === w || (x.startsWith(w) && x.length - w.length <= 3));
          const fits = values.filter(holds);
          if (fits.length === 1) found.push({ name, value: fits[0], start: i, end: i + 1 });
        }
      }
      // "no backlight" for an option Backlight with a value "none".
      const none = values.find((v) => no.has(v.toLowerCase()));
      if (none) {
        for (const [start, end] of occurrences(raw, words, canonWords, name)) {
          if (negations.has(words[start - 1] ?? '')) found.push({ name, value: none, start: start - 1, end });
        }
      }
    }
    // "grey… no sorry, I meant yellow": of two values of one option, the one said after a correction.
    const corrected = lx.corrections.some((c) =>
      ` ${canonWords.join(' ')} `.includes(` ${wordsOf(c).map(canon).join(' ')} `),
    );
    return pickMatches(found, canonWords, corrected);
  }

  /** Longer matches first; one value per option; a word names one option — the one named next to it. */
  function pickMatches(found: Match[], canonWords: string[], latestFirst = false): Record<string, string> {
    const nearName = (m: Match) => {
      const name = wordsOf(m.name).map(canon);
      const around = canonWords.slice(Math.max(0, m.start - 3), m.end + 3);
      return name.some((n) => around.includes(n)) ? 1 : 0;
    };
    const sorted = [...found].sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) ||
        nearName(b) - nearName(a) ||
        (latestFirst ? b.start - a.start : a.start - b.start),
    );
    const taken = new Set<number>();
    const out: Record<string, string> = {};
    for (const m of sorted) {
      if (out[m.name] !== undefined) continue;
      const span = [...Array(m.end - m.start).keys()].map((k) => m.start + k);
      if (span.some((i) => taken.has(i))) continue;
      span.forEach((i) => taken.add(i));
      out[m.name] = m.value;
    }
    return out;
  }

  /** Option names of the product a question asks about ("which resolutions", "what colours", "sizes"). */
  function namesIn(raw: string, table: OptionTable): string[] {
    const canonWords = wordsOf(raw).map(canon);
    const text = ` ${canonWords.join(' ')} `;
    const hits = Object.keys(table).filter((name) => {
      const key = wordsOf(name).map(canon).join(' ');
      const spoken = (lx.yesOptionNames[normalizeOptionName(name)] ?? []).map((p) => wordsOf(p).map(canon).join(' '));
      return [key, ...spoken].some((k) => k && text.includes(` ${k} `));
    });
    // "screen size" and "size": the longer name when both are there.
    return hits.filter((h) => !hits.some((o) => o !== h && o.toLowerCase().includes(h.toLowerCase())));
  }

  return { read, namesIn, canon };
}

export type OptionReader = ReturnType<typeof createOptionReader>;
