import { phraseRegex, tidy } from './normalize.js';
import { COLOURS, LETTER_SIZES } from './vocabulary.js';

/** Variant options the shopper named ("size 42", "in M", "black"), and the text without them. */
export interface OptionWords {
  size?: string;
  color?: string;
  rest: string;
}

const LETTER = '(xxs|xs|s|m|l|xl|xxl|2xl|xxxl|3xl|x-small|x-large|extra small|extra large|small|medium|large)';
const NUMERIC = '(\\d{1,2}(?:[.,]5)?)';
const END = "(?![\\w'-])";
const START = "(?<![\\w'-])";

const SIZE_PATTERNS: { re: RegExp; letter: boolean }[] = [
  { re: new RegExp(`${START}(?:in\\s+)?(?:a\\s+)?(?:size|sz|eu|uk|us)\\s+${NUMERIC}${END}`), letter: false },
  { re: new RegExp(`${START}(?:in\\s+)?(?:a\\s+)?(?:size|sz)\\s+${LETTER}${END}`), letter: true },
  { re: new RegExp(`${START}in\\s+(?:a\\s+)?${LETTER}${END}`), letter: true },
  {
    re: new RegExp(
      `${START}in\\s+(\\d{2}(?:[.,]5)?)${END}(?!\\s*(?:€|\\$|£|eur|euros?|dollars?|pounds?|items|pieces|pairs))`,
    ),
    letter: false,
  },
];

/** Pulls a size and a colour out of normalized text. */
export function extractOptions(text: string): OptionWords {
  let rest = text;
  const out: OptionWords = { rest };
  for (const { re, letter } of SIZE_PATTERNS) {
    const m = re.exec(rest);
    if (!m) continue;
    out.size = letter ? LETTER_SIZES[m[1]] : m[1].replace(',', '.');
    rest = tidy(rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length));
    break;
  }
  for (const colour of COLOURS) {
    if (!phraseRegex(colour).test(rest)) continue;
    // "navy blue" is navy, "light grey" is grey: catalogs name the base colour.
    const re = new RegExp(`(?<![\\w'-])(?:(?:light|dark|pale|bright|deep)\\s+)?${colour}(?:\\s+blue)?(?![\\w'-])`);
    out.color = colour;
    rest = tidy(rest.replace(re, ' '));
    break;
  }
  out.rest = rest;
  return out;
}

/** A bare answer to "which size?": "42", "M", "size 42", "medium please". */
export function parseBareSize(text: string): string | undefined {
  const t = text
    .replace(/\b(please|pls|thanks|thank you|the|one|i'd like|i want|i'll take|take|make it|in)\b/g, ' ')
    .trim();
  const m = /^(?:size\s+|eu\s+)?(\d{1,2}(?:[.,]5)?)$/.exec(t);
  if (m) return m[1].replace(',', '.');
  const l =
    /^(?:size\s+)?(xxs|xs|s|m|l|xl|xxl|2xl|xxxl|3xl|x-small|x-large|extra small|extra large|small|medium|large)$/.exec(
      t,
    );
  return l ? LETTER_SIZES[l[1]] : undefined;
}
