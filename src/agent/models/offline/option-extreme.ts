import { foldArabicScript } from '../../../shared/language.js';
import { stem, tokens } from '../../../catalog/terms.js';
import type { Lexicon } from './language-pack.js';

/** Where a value stands in its option's order: its number ("32GB", "1.5 liters"), else its place on a scale. */
function rankOf(values: string[], lx: Lexicon): ((v: string) => number) | null {
  const number = (v: string) => Number.parseFloat(v.replace(',', '.').match(/\d+(?:\.\d+)?/)?.[0] ?? 'NaN');
  if (values.every((v) => !Number.isNaN(number(v)))) return number;
  const lower = values.map((v) => v.toLowerCase());
  const scale = lx.valueScales.find((s) => lower.every((v) => s.includes(v)));
  return scale ? (v) => scale.indexOf(v.toLowerCase()) : null;
}

/**
 * "the brighter one", "the one with more storage", "the taller one": of a product's option values
 * that stand in an order, the highest or lowest, for the option the comparison names (its facet's
 * words, or the option's name after "more"/"less"); {} when the message compares none.
 */
export function optionByExtreme(raw: string, table: Record<string, string[]>, lx: Lexicon): Record<string, string> {
  const words = tokens(foldArabicScript(raw).toLowerCase());
  const stems = words.map(stem);
  // The comparisons the message says ("brighter"), with the words of the facts they compare.
  const said = Object.entries(lx.superlatives)
    .filter(([word]) => words.includes(word))
    .map(([, [facet, order]]) => ({ facet: tokens(facet).map(stem), order }));
  const wanted: { name: string; order: 'max' | 'min' }[] = [];
  for (const name of Object.keys(table)) {
    const own = tokens(name.toLowerCase()).map(stem);
    for (const { facet, order } of said) if (own.some((s) => facet.includes(s))) wanted.push({ name, order });
    // "more storage": the comparison word just before the option's name.
    stems.forEach((s, i) => {
      const order = lx.moreLess[words[i - 1] ?? ''];
      if (order && own.includes(s)) wanted.push({ name, order });
    });
  }
  if (wanted.length !== 1) return {};
  const { name, order } = wanted[0];
  const values = table[name] ?? [];
  const rank = rankOf(values, lx);
  if (!rank || values.length < 2) return {};
  const sorted = [...values].sort((a, b) => rank(a) - rank(b));
  return { [name]: order === 'max' ? sorted.at(-1)! : sorted[0] };
}
