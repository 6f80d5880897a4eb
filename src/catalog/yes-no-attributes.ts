import type { CatalogEntry } from './catalog-vocabulary.js';
import { attributeWords, stem, stems, tokens } from './terms.js';

/**
 * A yes/no attribute of the catalog ("dishwasherSafe", "vegan": yes or no per product): the stems of
 * its name's words and the products it says no for.
 */
export interface YesNoAttribute {
  stems: string[];
  yes: Set<string>;
  no: Set<string>;
}

/** How catalogs and their feeds write yes and no (Shopify's boolean metafields: true/false). */
const YES = new Set(['yes', 'true']);
const NO = new Set(['no', 'false']);

/** The catalog's attributes whose every value is yes or no, and which products say no. */
export function yesNoAttributes(entries: CatalogEntry[]): YesNoAttribute[] {
  const byName = new Map<string, { values: [string, string][] }>();
  for (const e of entries) {
    for (const [name, value] of Object.entries(e.attributes ?? {})) {
      const entry = byName.get(name) ?? { values: [] };
      entry.values.push([e.handle, String(value).trim().toLowerCase()]);
      byName.set(name, entry);
    }
  }
  const out: YesNoAttribute[] = [];
  for (const [name, { values }] of byName) {
    if (!values.every(([, v]) => YES.has(v) || NO.has(v))) continue;
    const no = new Set(values.filter(([, v]) => NO.has(v)).map(([h]) => h));
    const yes = new Set(values.filter(([, v]) => YES.has(v)).map(([h]) => h));
    const words = stems(attributeWords(name));
    if (no.size && words.length) out.push({ stems: words, yes, no });
  }
  return out;
}

/** What a request asks of the yes/no attributes it names with all their words ("vegan", "dishwasher safe"). */
export interface YesNoRequest {
  /** The products that say no: no answer, however well their words match. */
  ruledOut: string[];
  /** Whether a product says yes to every attribute named. */
  saysYes(handle: string): boolean;
  /** The request without the attributes' words, which the attributes answer rather than the products' names. */
  rest: string;
  /**
   * How much of the whole request a product covers, given how much of `rest` it covers: the attributes' words
   * count as covered when it says yes.
   */
  coverage(handle: string, restCoverage: number): number;
}

export function yesNoRequest(query: string, attributes: YesNoAttribute[]): YesNoRequest | null {
  const said = new Set(stems(query));
  const named = attributes.filter((a) => a.stems.every((s) => said.has(s)));
  if (!named.length) return null;
  const words = new Set(named.flatMap((a) => a.stems));
  const rest = tokens(query).filter((t) => !words.has(stem(t)));
  const restShare = rest.length / (rest.length + words.size);
  const saysYes = (handle: string) => named.every((a) => a.yes.has(handle));
  return {
    ruledOut: [...new Set(named.flatMap((a) => [...a.no]))],
    saysYes,
    rest: rest.join(' '),
    coverage: (handle, restCoverage) => restShare * restCoverage + (1 - restShare) * (saysYes(handle) ? 1 : 0),
  };
}
