import { tidy } from './normalize.js';

/** Price limits in major units of the shop currency (100 = €100), and the text with the price phrases removed. */
export interface PriceRange {
  minPrice?: number;
  maxPrice?: number;
  rest: string;
}

const CURRENCY_WORD = '(?:€|\\$|£|eur|euros?|usd|dollars?|bucks|gbp|pounds?|quid)';
const NUM = '(\\d+(?:[.,]\\d{1,2})?)';
/** An amount with an optional currency before or after it. Group 1 is the number. */
const AMOUNT = `(?:[€$£]\\s*)?${NUM}(?:\\s*${CURRENCY_WORD}(?![\\w]))?`;
const HAS_CURRENCY = new RegExp(`[€$£]|(?<![\\w])${CURRENCY_WORD}(?![\\w])`);

const MAX_WORDS =
  '(?:for\\s+)?(?:under|below|less\\s+than|cheaper\\s+than|lower\\s+than|maximum|up\\s+to|at\\s+most|no\\s+more\\s+than|not\\s+more\\s+than|within|a\\s+budget\\s+of|budget\\s+of|budget\\s+is|budget)';
const MIN_WORDS =
  '(?:over|above|more\\s+than|at\\s+least|min(?:imum)?|pricier\\s+than|more\\s+expensive\\s+than|starting\\s+at)';
const AROUND_WORDS = '(?:around|about|approximately|roughly|~)';

const rx = (source: string) => new RegExp(`(?<![\\w'-])${source}(?![\\w'-])`);

const value = (s: string) => Number(s.replace(',', '.'));

/**
 * Finds price limits in normalized text: "under 100", "less than €80", "between 50 and 120", "over 200", "around 60".
 * A bare "max 90" counts unless `raw` shows it is part of a name ("Air Max 90").
 */
export function extractPrice(text: string, raw = ''): PriceRange {
  let rest = text;
  const out: PriceRange = { rest };
  const take = (re: RegExp, apply: (m: RegExpExecArray) => boolean) => {
    const m = re.exec(rest);
    if (m && apply(m)) rest = tidy(rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length));
  };

  take(rx(`(?:between|from)\\s+${AMOUNT}\\s+(?:and|to|-)\\s+${AMOUNT}`), (m) => {
    // "from 40 to 44" right after "size" is a size range, not a price.
    if (/sizes?\s*$/.test(rest.slice(0, m.index))) return false;
    [out.minPrice, out.maxPrice] = sortPair(value(m[1]), value(m[2]));
    return true;
  });
  if (out.minPrice === undefined) {
    take(rx(`${AMOUNT}\\s*(?:-|to)\\s*${AMOUNT}`), (m) => {
      if (!HAS_CURRENCY.test(m[0])) return false;
      [out.minPrice, out.maxPrice] = sortPair(value(m[1]), value(m[2]));
      return true;
    });
  }
  const setMax = (m: RegExpExecArray) => {
    out.maxPrice = value(m[1]);
    return true;
  };
  const setMin = (m: RegExpExecArray) => {
    out.minPrice = value(m[1]);
    return true;
  };
  take(rx(`${MAX_WORDS}\\s+${AMOUNT}`), setMax);
  if (out.maxPrice === undefined && !/\w\s+Max\s+\d/.test(raw)) take(rx(`max\\s+${AMOUNT}`), setMax);
  take(rx(`${MIN_WORDS}\\s+${AMOUNT}`), setMin);
  take(rx(`from\\s+${AMOUNT}`), (m) => HAS_CURRENCY.test(m[0]) && setMin(m));
  take(rx(`${AMOUNT}\\s+or\\s+(?:less|under|below|cheaper)`), setMax);
  take(rx(`${AMOUNT}\\s+or\\s+(?:more|over|above)`), setMin);
  if (out.minPrice === undefined && out.maxPrice === undefined) {
    take(rx(`${AROUND_WORDS}\\s+${AMOUNT}`), (m) => {
      const v = value(m[1]);
      out.minPrice = Math.floor(v * 0.8);
      out.maxPrice = Math.ceil(v * 1.2);
      return true;
    });
  }
  out.rest = rest;
  return out;
}

function sortPair(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}
