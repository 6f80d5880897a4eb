import type { Lexicon } from './language-pack.js';
import { escapeRegex } from './normalize.js';
import type { Span } from './shop-links.js';

/**
 * Slot readers over a message's normalized words, driven by the language pack: budgets in everyday
 * words, numbers, ordinals and order references. Each returns what it read and where.
 */

const alternation = (phrases: string[]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');

export interface PriceSlot extends Span {
  minPrice?: number;
  maxPrice?: number;
}

/** Word positions covered by a character range of the joined words. */
function spanOf(text: string, from: number, to: number): Span {
  const before = text.slice(0, from).trim();
  const start = before ? before.split(' ').length : 0;
  const inside = text.slice(from, to).trim();
  return { start, end: start + (inside ? inside.split(' ').length : 0) };
}

/**
 * What a word is made of: a letter of any script the packs read, a digit, an apostrophe or a
 * hyphen ("größe 43" is no "[groß]e[uro] 43").
 */
const WORD_CHAR = "\\w\\u00C0-\\u024F\\u0600-\\u06FF\\u0750-\\u077F'-";

export function createSlotReader(lexicon: Lexicon) {
  const p = lexicon.price;
  const currencyWords = Object.values(p.currencies).flat();
  const CUR = `(?:${alternation(currencyWords)})`;
  const numberWords = Object.keys(lexicon.numbers);
  const NUMW = alternation(numberWords);
  const MULT = alternation(Object.keys(lexicon.multipliers));
  // An amount: "40", "39.95", "1,200", "1.5k", "fifty", "a hundred", with a currency before or after;
  // a number word whole ("under fourteens" is an age, no budget of 14).
  // A multiplier or currency after the number is a word of its own ("two eggcups" is no "two e[uros]"),
  // and so is one before it ("size 40-42" is no "[siz]e 40-42").
  // Not a measure ("about 59 cm", "under 10 kg"): nor any of its digits ("5" of "59 cm").
  const MEASURE = p.measures.length ? `(?![\\d.,]*\\s*(?:${alternation(p.measures)})(?![${WORD_CHAR}]))` : '';
  const AMOUNT = `(?:(?<![${WORD_CHAR}])${CUR}\\s*)?((?:\\d{1,3}(?:[ ,]\\d{3})+|\\d+)(?:[.,]\\d{1,2})?|(?:${NUMW})(?![${WORD_CHAR}]))${MEASURE}(?:\\s*(${MULT})(?![${WORD_CHAR}]))?(?:\\s*${CUR}(?![${WORD_CHAR}]))?`;
  const HAS_CUR = new RegExp(`(?:^|\\s)${CUR}(?:\\s|$)|^\\s*[€$£]|[€$£]\\s*$`);
  const W = (s: string) => `(?<![${WORD_CHAR}])(?:${s})(?![${WORD_CHAR}])`;
  const between = new RegExp(
    `${W(alternation(p.between))}\\s+${AMOUNT}\\s*(?:${alternation(p.rangeJoin)})\\s*${AMOUNT}`,
  );
  const range = new RegExp(`${AMOUNT}\\s*(?:-|–|${alternation(p.rangeJoin.filter((j) => j.length > 1))})\\s*${AMOUNT}`);
  const maxBefore = new RegExp(`${W(alternation(p.max))}\\s+(?:of\\s+|is\\s+|around\\s+|about\\s+)?${AMOUNT}`);
  const maxAfter = new RegExp(`${AMOUNT}\\s+${W(alternation(p.maxAfter))}`);
  const minBefore = new RegExp(`${W(alternation(p.min))}\\s+${AMOUNT}`);
  // "not spending more than 140", "don't want to pay over 50": a floor said with a negation is a ceiling.
  const negatedMin = new RegExp(
    `${W(alternation(lexicon.negations))}\\s+(?:(?:${alternation(p.negationBridges)})\\s+){0,3}?${W(alternation(p.min))}\\s+${AMOUNT}`,
    'u',
  );
  // "mehr als 150 Euro will ich nicht ausgeben": the floor first, its negation after it, is a ceiling too.
  const minNegatedAfter = new RegExp(
    `${W(alternation(p.min))}\\s+${AMOUNT}\\s+(?:(?:${alternation(p.negationBridges)})\\s+){0,4}?${W(alternation(lexicon.negations))}`,
    'u',
  );
  const minAfter = new RegExp(`${AMOUNT}\\s*${W(alternation(p.minAfter))}`);
  const around = new RegExp(`${W(alternation(p.around))}\\s+${AMOUNT}`);
  const aroundAfter = new RegExp(`${AMOUNT}\\s*-?\\s*(?:${alternation(p.aroundAfter)})(?![${WORD_CHAR}])`);
  const budgetCue = new RegExp(W(alternation(p.budgetCues)));
  const bare = new RegExp(`(?<![${WORD_CHAR}])${AMOUNT}`, 'g');

  function value(num: string, mult?: string): number {
    const base = lexicon.numbers[num] ?? Number(num.replace(/[ ,](?=\d{3}\b)/g, '').replace(',', '.'));
    return mult ? base * (lexicon.multipliers[mult] ?? 1) : base;
  }

  const sizeCues = new Set(lexicon.sizeCues.flatMap((c) => c.split(' ')));
  // "the 45 euro one", "the 164.95 one": an amount in digits said as a choice among things.
  const SELECTOR = alternation(lexicon.priceChoiceWords);
  // With a currency or cents, a word or two may come between ("the $14.99 silver one").
  const byPrice = SELECTOR
    ? new RegExp(
        `(?<![${WORD_CHAR}.,])(?:(?:${CUR}\\s*)?(\\d{1,6}(?:[.,]\\d{1,2})?)(?:\\s*${CUR})?|` +
          `${CUR}\\s*(\\d{1,6}(?:[.,]\\d{1,2})?)(?:\\s+[^\\s\\d]+){1,2}|(\\d{1,6}[.,]\\d{2})(?:\\s+[^\\s\\d]+){1,2})` +
          `\\s+(?:${SELECTOR})(?![${WORD_CHAR}])`,
      )
    : null;
  // "die für 65", "اللي ب١٦٫٩٥": the words choosing before the amount.
  const LEADS = alternation(lexicon.priceChoiceLeads);
  const byPriceLead = LEADS
    ? new RegExp(
        `(?<![${WORD_CHAR}])(?:${LEADS})\\s*(?:${CUR}\\s*)?(\\d{1,6}(?:[.,]\\d{1,2})?)(?:\\s*${CUR}(?![${WORD_CHAR}]))?`,
      )
    : null;
  const reader = {
    /**
     * A price limit or range: "under 150", "can't spend more than 60", "around 40", "between 20 and
     * 40", "€30-50"; with `bareRange`, also "30-50".
     */
    price(text: string, opts: { bareRange?: boolean } = {}): PriceSlot | null {
      // "around 40" is a range, but "a budget of about 150" is a ceiling.
      const roughly = (v: number) =>
        budgetCue.test(text)
          ? { maxPrice: v }
          : { minPrice: Math.floor(v * (1 - p.aroundSpread)), maxPrice: Math.ceil(v * (1 + p.aroundSpread)) };
      const hit = (re: RegExp, make: (m: RegExpExecArray) => Omit<PriceSlot, keyof Span> | null) => {
        const m = re.exec(text);
        if (!m) return null;
        const slot = make(m);
        return slot ? { ...slot, ...spanOf(text, m.index, m.index + m[0].length) } : null;
      };
      const pair = (m: RegExpExecArray) => {
        const [a, b] = [value(m[1], m[2]), value(m[3], m[4])].sort((x, y) => x - y);
        return a > 0 && b > 0 ? { minPrice: a, maxPrice: b } : null;
      };
      const r =
        hit(between, pair) ??
        // "30-50" without a currency may be a size ("39-42"): only when the caller says it is not.
        hit(range, (m) => (HAS_CUR.test(m[0]) || opts.bareRange ? pair(m) : null)) ??
        hit(negatedMin, (m) => ({ maxPrice: value(m[1], m[2]) })) ??
        hit(minNegatedAfter, (m) => ({ maxPrice: value(m[1], m[2]) })) ??
        hit(maxBefore, (m) => ({ maxPrice: value(m[1], m[2]) })) ??
        hit(maxAfter, (m) => ({ maxPrice: value(m[1], m[2]) })) ??
        hit(around, (m) => roughly(value(m[1], m[2]))) ??
        hit(aroundAfter, (m) => roughly(value(m[1], m[2]))) ??
        hit(minBefore, (m) => ({ minPrice: value(m[1], m[2]) })) ??
        hit(minAfter, (m) => ({ minPrice: value(m[1], m[2]) }));
      if (r) return r;
      // An amount with a currency and no other cue ("a jacket for 50 euros") is a ceiling.
      for (const m of text.matchAll(bare)) {
        if (HAS_CUR.test(m[0])) {
          return { maxPrice: value(m[1], m[2]), ...spanOf(text, m.index!, m.index! + m[0].length) };
        }
      }
      return null;
    },

    /** An amount said as a choice ("the 45 euro one", "the 164.95 one"): the shown product at that price. */
    priceReference(text: string): (Span & { amount: number }) | null {
      const led = byPriceLead?.exec(text);
      if (led)
        return { amount: Number(led[1].replace(',', '.')), ...spanOf(text, led.index, led.index + led[0].length) };
      const m = byPrice?.exec(text);
      if (!m) return null;
      // The amount and its currency, not the word choosing ("one").
      const span = spanOf(text, m.index, m.index + m[0].length);
      const amount = m[1] ?? m[2] ?? m[3];
      return { amount: Number(amount.replace(',', '.')), start: span.start, end: span.end - 1 };
    },

    /** A count written as digits or words ("3", "three", "a couple"). */
    count(word: string): number | undefined {
      if (/^\d{1,3}$/.test(word)) return Number(word);
      return lexicon.numbers[word];
    },

    /** "the second one", "number 3", "#2", "the last one" → 1-based position (-1 for the last). */
    ordinal(text: string): (Span & { n: number }) | null {
      const words = ` ${text} `;
      const count = text.split(' ').length;
      for (const [phrase, n] of Object.entries(lexicon.ordinals).sort((a, b) => b[0].length - a[0].length)) {
        const at = words.indexOf(` ${phrase} `);
        if (at < 0) continue;
        // "a second one for my wife" is one more, no place in a list.
        if (lexicon.increment.some((p) => p.split(' ').includes(phrase) && words.includes(` ${p} `))) continue;
        // "the second", "second one", a bare "second pls" are positions; "my first flat", "last time" are not.
        const before = words.slice(0, at).trim().split(' ').at(-1) ?? '';
        const after = words.slice(at + phrase.length + 2);
        const next = after.split(' ')[0] ?? '';
        const selected = lexicon.ordinalSelectors.some((s) => ` ${after} `.startsWith(` ${s} `));
        const positional =
          phrase.includes(' ') ||
          selected ||
          lexicon.positionalOrdinals.includes(phrase) ||
          lexicon.ordinalLeads.includes(before) ||
          count <= 3;
        if (positional && !lexicon.ordinalStops.includes(next)) return { n, ...spanOf(text, at, at + phrase.length) };
      }
      const cue = new RegExp(
        `(?<![${WORD_CHAR}])(?:${alternation(lexicon.ordinalCues)})\\s*(\\d{1,2})(?![${WORD_CHAR}])`,
      ).exec(text);
      // "number 38" (a shoe size) is no place in a list: lists are a handful of products long.
      if (cue && Number(cue[1]) <= 10)
        return { n: Number(cue[1]), ...spanOf(text, cue.index, cue.index + cue[0].length) };
      return null;
    },

    /**
     * "kites 50-70": a range of two bare amounts in the message's words is a budget, unless a size
     * cue comes before it or it is a size or another option value (`taken` spans, `isOptionValue`).
     */
    bareRange(words: string[], taken: Span[], isOptionValue: (text: string) => boolean): PriceSlot | null {
      const range = reader.price(words.join(' '), { bareRange: true });
      if (!range || range.minPrice === undefined) return null;
      const overlaps = (s: Span) => s.start < range.end && range.start < s.end;
      const sizeCue = sizeCues.has(words[range.start - 1] ?? '');
      const optionValue = isOptionValue(words.slice(range.start, range.end).join(' '));
      return sizeCue || optionValue || taken.some(overlaps) ? null : range;
    },
  };
  return reader;
}

export type SlotReader = ReturnType<typeof createSlotReader>;

/** Order numbers as shops write them: "#W2611340", "W2611340", "AP-10024", "10024" (raw text, any language). */
export const ORDER_REF = /(?<![\w-])(#[A-Za-z]{0,4}\d{3,}|[A-Za-z]{1,4}-\d{3,}|[A-Za-z]{1,2}\d{6,}|#?\d{5,})(?![\w-])/;
