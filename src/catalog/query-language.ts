import { detectLanguage, isLanguage, isRtl, type Language } from '../shared/language.js';
import { glossFor } from './catalog-gloss.js';

const ARABIC_SCRIPT_WORD = /[\u0600-\u06ff]/;

/**
 * A query's words in a script the catalog does not use cannot match it (what no bilingual lexicon
 * put in the catalog's language): they are left out, unless nothing else is left. A catalog
 * written right to left keeps every word.
 */
export function keepCatalogScript(query: string, catalogLanguage = 'en'): string {
  if (isLanguage(catalogLanguage) && isRtl(catalogLanguage)) return query;
  const kept = query.split(/\s+/).filter((w) => w && !ARABIC_SCRIPT_WORD.test(w));
  return kept.length ? kept.join(' ') : query;
}

/** The language a query is written in; Arabic-script words without telling ones count as Persian. */
export function queryLanguage(query: string): Language | null {
  return detectLanguage(query) ?? (ARABIC_SCRIPT_WORD.test(query) ? 'fa' : null);
}

/**
 * A shopper's query in the catalog's language: the words of the query's own language that the
 * bilingual lexicon knows put in the catalog's ("کاپشن گرم" → "jacket warm"), then only the words
 * that can match the catalog (with `knows`, a term with several words there becomes the first the catalog
 * has, a type it sorts products under first). A query already in the catalog's language is returned as it is.
 */
export function inCatalogLanguage(
  query: string,
  catalogLanguage = 'en',
  knows?: (word: string) => boolean,
  isKind?: (phrase: string) => boolean,
): string {
  const language = queryLanguage(query);
  if (!language || language === catalogLanguage) return query;
  const gloss = glossFor(language, catalogLanguage) ?? (language === 'fa' ? glossFor('ar', catalogLanguage) : null);
  return keepCatalogScript(gloss ? gloss.apply(query, knows, isKind) : query, catalogLanguage);
}

/**
 * Two words of a query that the shop writes as one ("bean bag" in a shop of beanbags, "rain coat"
 * for raincoats) become the shop's word; words the shop does not know joined are left as they are.
 */
export function joinedAsShopWrites(query: string, knows: (word: string) => boolean): string {
  const words = query.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const [a, b] = [words[i], words[i + 1] ?? ''];
    const letters = /^\p{L}{2,}$/u;
    const joined = letters.test(a) && letters.test(b) ? `${a}${b}`.toLowerCase() : null;
    if (joined && knows(joined)) {
      out.push(joined);
      i++;
    } else out.push(a);
  }
  return out.join(' ');
}
