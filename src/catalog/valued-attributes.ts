import type { CatalogEntry } from './catalog-vocabulary.js';
import { attributeWords, stem, stems, tokens } from './terms.js';

/**
 * An attribute the catalog records with values of its own ("cushioning": Maximum, High…; "keepsHot":
 * 12 hours): the stems of its name's words and, per product that has it, the stems of its value.
 */
export interface ValuedAttribute {
  stems: string[];
  values: Map<string, Set<string>>;
  /** Every stem of its values. */
  valueWords: Set<string>;
}

/** Values that say a product does not have the thing ("hood: none"): it holds no such attribute. */
const NOTHING = new Set(['no', 'none', 'false', 'n/a', '-', '']);
/** A shopper's short form of a value word ("max" for Maximum) has at least this many letters. */
const MIN_PREFIX = 3;

/** The catalog's attributes whose values are more than yes or no. */
export function valuedAttributes(entries: CatalogEntry[]): ValuedAttribute[] {
  const byName = new Map<string, Map<string, string>>();
  for (const e of entries) {
    for (const [name, value] of Object.entries(e.attributes ?? {})) {
      const values = byName.get(name) ?? new Map<string, string>();
      values.set(e.handle, String(value).trim().toLowerCase());
      byName.set(name, values);
    }
  }
  const out: ValuedAttribute[] = [];
  for (const [name, byHandle] of byName) {
    const said = [...byHandle.values()].filter((v) => !NOTHING.has(v));
    if (said.every((v) => v === 'yes' || v === 'true')) continue;
    const values = new Map<string, Set<string>>();
    for (const [handle, v] of byHandle) if (!NOTHING.has(v)) values.set(handle, new Set(stems(v)));
    const words = stems(attributeWords(name));
    const valueWords = new Set([...values.values()].flatMap((v) => [...v]));
    if (words.length && values.size) out.push({ stems: words, values, valueWords });
  }
  return out;
}

/** What a request asks of the valued attributes it names: the products that have what it asks. */
export interface ValuedRequest {
  /** The products holding the attribute (with the value asked, when one is). */
  holders: Set<string>;
  /** The request's stems the attribute answers: its name's and the value's. */
  answered: Set<string>;
  /** The request without those words, which the products' names must answer. */
  rest: string;
  /** How much of the whole request a product covers, given how much of `rest` it covers (see `yesNoRequest`). */
  coverage(handle: string, restCoverage: number): number;
}

/**
 * The attributes a request names with all their words and, when it says a word of one's values
 * ("max cushioning": Maximum), that value: the products that hold it. An attribute named by one
 * word counts only with a value ("slim fit"), since one word alone names too much ("fits in my
 * bag"); one named by several ("keeps hot") counts alone ("keep my coffee hot").
 */
export function valuedRequest(query: string, attributes: ValuedAttribute[]): ValuedRequest | null {
  const words = tokens(query);
  const queryStems = words.map(stem);
  const said = new Set(queryStems);
  const sets: Set<string>[] = [];
  const answered = new Set<string>();
  for (const a of attributes) {
    if (!a.stems.every((s) => said.has(s))) continue;
    const name = new Set(a.stems);
    const asked = queryStems.filter((s) => !name.has(s) && !/^\d/.test(s) && meansValue(s, a.valueWords));
    if (!asked.length && a.stems.length < 2) continue;
    const holds = (v: Set<string>) => !asked.length || asked.some((s) => [...v].some((w) => sameWord(s, w)));
    const these = new Set([...a.values].filter(([, v]) => holds(v)).map(([h]) => h));
    if (!these.size) continue;
    sets.push(these);
    for (const s of [...a.stems, ...asked]) answered.add(s);
  }
  if (!sets.length) return null;
  const holders = new Set([...sets[0]].filter((h) => sets.every((x) => x.has(h))));
  if (!holders.size) return null;
  const rest = words.filter((w) => !answered.has(stem(w)));
  const restShare = rest.length / words.length;
  return {
    holders,
    answered,
    rest: rest.join(' '),
    coverage: (handle, restCoverage) => restShare * restCoverage + (1 - restShare) * (holders.has(handle) ? 1 : 0),
  };
}

/** A stem and a value's word are one, or the stem is the word's start ("max", "maximum"). */
const sameWord = (s: string, w: string) => s === w || (s.length >= MIN_PREFIX && w.startsWith(s));

const meansValue = (s: string, words: Set<string>) => [...words].some((w) => sameWord(s, w));
