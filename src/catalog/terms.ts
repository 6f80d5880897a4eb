/**
 * Words as the catalog's vocabulary compares them: lowercased letters and digits, with a light
 * plural stem so "forks" meets "Fork" and "boxes" meets "box". Language-neutral enough for the
 * shops' own words; language packs bring their own rules for shoppers' sentences.
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  // "cookies" and "cookie", "parties" and "party" meet at "cooki", "parti".
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}i`;
  if (w.length > 3 && /[^aeiou]ie$/.test(w)) return w.slice(0, -1);
  if (w.length > 3 && /[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}i`;
  if (w.length > 4 && /(ses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  // "scarf" and "scarves", "shelf" and "shelves" meet at "scarve", "shelve".
  if (w.length > 3 && /[lr]f$/.test(w)) return `${w.slice(0, -1)}ve`;
  return w;
}

/** The words of a text, lowercased ("E-Mail" → e, mail; "men's" → men, s is dropped). */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 1 || /\d/.test(t));
}

export const stems = (text: string): string[] => tokens(text).map(stem);

/** A key for a phrase: its stems joined by spaces. */
export const phraseKey = (text: string): string => stems(text).join(' ');

/** An attribute name as words: "dishwasherSafe" → "dishwasher Safe", "dishwasher_safe" → "dishwasher safe". */
export const attributeWords = (name: string): string =>
  name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').replace(/[_-]+/g, ' ');
