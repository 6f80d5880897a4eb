import { optionValueIndex, type CatalogEntry } from './catalog-vocabulary.js';
import { indexProductTypes, modifierCompounds, type ProductType } from './product-types.js';
import { normalizeOptionName } from './search-filters.js';
import { stem, stems, tokens } from './terms.js';
import { useLexicon } from './use-kinds.js';
import { valuedAttributes, type ValuedAttribute } from './valued-attributes.js';
import { yesNoAttributes, type YesNoAttribute } from './yes-no-attributes.js';

/** What the product finder knows of the catalog beyond its rows: its kinds, options, words and attributes. */
export interface CatalogIndex {
  types: Map<string, ProductType>;
  optionValues: Map<string, Set<string>>;
  /** Each product's option names, normalized (Colour and Color are one). */
  optionNames: Map<string, Set<string>>;
  /** The stems of every word the catalog names things with: titles, types, categories, tags, option values. */
  words: Set<string>;
  /** Attributes every product that has them answers with yes or no ("vegan"): a request naming one is a filter. */
  yesNo: YesNoAttribute[];
  /** Attributes with values of their own ("cushioning": Maximum): a request naming one prefers its holders. */
  valued: ValuedAttribute[];
  /** Each product's title, as stems. */
  titleWords: Map<string, Set<string>>;
  /** Hyphenated title words used as modifiers ("roll top" of "Roll-top <Kind>"): their second word is no kind. */
  compounds: Set<string>;
}

/** The products whose title says one of these words. */
export function titledWith(words: string[], titleWords: Map<string, Set<string>>): string[] {
  const unwanted = new Set(words.flatMap(stems));
  if (!unwanted.size) return [];
  return [...titleWords].filter(([, title]) => [...title].some((w) => unwanted.has(w))).map(([handle]) => handle);
}

export function buildCatalogIndex(entries: CatalogEntry[]): CatalogIndex {
  const optionNames = new Map(entries.map((e) => [e.handle, new Set(Object.keys(e.options).map(normalizeOptionName))]));
  const words = new Set(
    entries.flatMap((e) =>
      tokens([e.title, e.productType, ...e.categoryPath, ...e.tags, ...Object.values(e.options).flat()].join(' ')).map(
        stem,
      ),
    ),
  );
  return {
    types: indexProductTypes(entries, useLexicon()),
    optionValues: optionValueIndex(entries),
    optionNames,
    words,
    yesNo: yesNoAttributes(entries),
    valued: valuedAttributes(entries),
    titleWords: new Map(entries.map((e) => [e.handle, new Set(stems(e.title))])),
    compounds: modifierCompounds(entries.map((e) => e.title)),
  };
}
