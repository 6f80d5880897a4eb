import type { CatalogEntry } from './catalog-vocabulary.js';
import { phraseKey, stems } from './terms.js';

export interface ProductType {
  /** How the shop names the type, e.g. "Ladders" or "Hand tools". */
  label: string;
  key: string;
  handles: Set<string>;
  /** Whether the shop declares it (a product type or category), not only its titles end so. */
  declared?: boolean;
  /** A shopper's word for a family of the shop's kinds ("furniture"), not a word of the shop's own. */
  broader?: boolean;
}

/**
 * The shop's product types, by the words that name them: each product's type and category names,
 * and the last one or two words of its title ("Folding Step Ladder" → ladder, step ladder),
 * which is where product names carry their type — before a comma or a word in `titleLinks`
 * when the title goes on to what the product comes with ("<Kind> with <part>").
 */
/** The catalog language's words about kinds (its lexicon; see use-kinds.ts). */
export interface KindWords {
  /** Words that join a kind to what it comes with in titles ("<Kind> with <part>"). */
  titleLinks?: ReadonlySet<string>;
  /** A shopper's word for a family of kinds → the kinds it takes in ("<family>" → <kind>, <kind>…). */
  broader?: ReadonlyMap<string, string[]>;
}

export function indexProductTypes(entries: CatalogEntry[], words: KindWords = {}): Map<string, ProductType> {
  const { titleLinks = new Set<string>(), broader = new Map<string, string[]>() } = words;
  const types = new Map<string, ProductType>();
  const add = (label: string, handle: string, declared = false) => {
    const key = phraseKey(label);
    if (!key || /^\d/.test(key)) return;
    const t = types.get(key) ?? { label, key, handles: new Set<string>() };
    t.handles.add(handle);
    if (declared) t.declared = true;
    types.set(key, t);
  };
  // Tags many products share (who they are for, a material): labels, not kinds of product.
  const tagCount = new Map<string, number>();
  for (const e of entries) for (const t of new Set(e.tags.map(phraseKey))) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  const commonLabels = new Set([...tagCount].filter(([, n]) => n >= 3).map(([t]) => t));
  // Option values anywhere in the shop (a colour, a material): a title "<Name> <Colour> <Kind>"
  // names no kind "<colour> <kind>".
  const optionValues = new Set(
    entries.flatMap((e) =>
      Object.values(e.options)
        .flat()
        .map((v) => phraseKey(v)),
    ),
  );
  // Each title's last word before what the product comes with, for its compounds.
  const lastWords = new Map<string, string>();
  for (const e of entries) {
    if (e.productType) add(e.productType, e.handle, true);
    for (const c of e.categoryPath) add(c, e.handle, true);
    const words = titleHead(e.title, titleLinks);
    lastWords.set(e.handle, phraseKey(words.at(-1) ?? ''));
    // A label after the type word is not the type: "Oak Ladder Deluxe" (type Ladder, a label many
    // products carry) is a ladder.
    const labels = new Set([...e.tags, ...Object.values(e.options).flat()].map((x) => phraseKey(x)));
    const typeKeys = new Set([e.productType, ...e.categoryPath].map((x) => phraseKey(x)));
    const last = phraseKey(words.at(-1) ?? '');
    const isLabel = labels.has(last) || commonLabels.has(last);
    if (words.length > 1 && isLabel && typeKeys.has(phraseKey(words.at(-2)!))) words.pop();
    if (words.length > 0) add(words.at(-1)!, e.handle);
    if (words.length > 1 && !optionValues.has(phraseKey(words.at(-2)!))) add(words.slice(-2).join(' '), e.handle);
  }
  addCompoundKinds(lastWords, types);
  // A product whose attributes call it a kind the shop names elsewhere is of that kind too: a
  // "<Name> Cap" with style "<Kind>" is a <kind>. Not one whose own kinds already say it (a
  // "<Kind> Bag" with style "<Kind>" leaves the kind "<kind>" as it was).
  const kindsOf = new Map<string, string[]>();
  for (const t of types.values()) for (const h of t.handles) kindsOf.set(h, [...(kindsOf.get(h) ?? []), t.key]);
  for (const e of entries) {
    const own = kindsOf.get(e.handle) ?? [];
    for (const v of Object.values(e.attributes ?? {})) {
      const key = phraseKey(v);
      if (own.some((k) => ` ${k} `.includes(` ${key} `))) continue;
      types.get(key)?.handles.add(e.handle);
    }
  }
  // "Camping Chair" and "Camp Chair" are one kind: types whose names differ only by "-ing" share products.
  const groups = new Map<string, ProductType[]>();
  for (const t of types.values()) {
    const k = t.key.replace(/(\w{3,})ing\b/g, '$1');
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const all = new Set(group.flatMap((t) => [...t.handles]));
    for (const t of group) t.handles = new Set(all);
  }
  addBroaderKinds(types, broader);
  return types;
}

/**
 * A shopper's word for a family of kinds that the shop does not use itself ("a <family>" in a shop that
 * sells two of its kinds): a kind holding the products of the family's kinds the shop has.
 */
function addBroaderKinds(types: Map<string, ProductType>, broader: ReadonlyMap<string, string[]>) {
  const added: ProductType[] = [];
  for (const [word, kinds] of broader) {
    const key = phraseKey(word);
    if (!key || types.has(key)) continue;
    const handles = new Set(kinds.flatMap((k) => [...(types.get(phraseKey(k))?.handles ?? [])]));
    if (handles.size) added.push({ label: word, key, handles, broader: true });
  }
  for (const t of added) types.set(t.key, t);
}

/** A compound's head is at least this long ("watch" in "<wrist>watch"), and so is the word before it. */
const MIN_COMPOUND_PART = 4;

/**
 * A title ending in a compound of a kind the shop names elsewhere is of that kind too: a "<Wrist>watch"
 * is a watch when another title ends "Watch". Both parts are words of their own length, so an
 * "<ear>ring" is no ring.
 */
function addCompoundKinds(lastWords: Map<string, string>, types: Map<string, ProductType>) {
  const heads = [...types.values()].filter((t) => !t.key.includes(' ') && t.key.length >= MIN_COMPOUND_PART);
  for (const [handle, last] of lastWords) {
    for (const t of heads) {
      if (last.length - t.key.length >= MIN_COMPOUND_PART && last.endsWith(t.key)) t.handles.add(handle);
    }
  }
}

/** A title's words up to what the product comes with: "<Kind>, Set of 2" and "<Kind> with <part>" end at the kind. */
function titleHead(title: string, titleLinks: ReadonlySet<string>): string[] {
  const [head] = title.replace(/\(.*?\)/g, ' ').split(',');
  const words = (head.trim() || title.trim()).split(/\s+/);
  const link = words.findIndex((w, i) => i > 0 && titleLinks.has(w.toLowerCase()));
  return link > 0 ? words.slice(0, link) : words;
}

/**
 * The product type a query asks for, among the type phrases it holds. A type said just before
 * another only qualifies it ("bike helmets" asks for helmets) unless both make one type; of the rest, the most specific
 * (fewest products: "camping chairs" asks for chairs, not for all camping gear), then the longest,
 * then the first ("jacket for hiking" asks for a jacket).
 */
export function bestType(
  stemmed: string[],
  types: Map<string, ProductType>,
): (ProductType & { start: number; end: number }) | null {
  const found: (ProductType & { start: number; end: number })[] = [];
  for (let n = Math.min(3, stemmed.length); n >= 1; n--) {
    for (let i = 0; i + n <= stemmed.length; i++) {
      const t = types.get(stemmed.slice(i, i + n).join(' '));
      if (t) found.push({ ...t, start: i, end: i + n });
    }
  }
  // "bike helmets": bike qualifies helmets, unless the two are one type together (a "<kind> bag" sold as such).
  const together = (a: { start: number }, b: { end: number }) =>
    found.some((c) => c.start <= a.start && c.end >= b.end);
  const heads = found.filter((a) => !found.some((b) => b.start === a.end && b.key !== a.key && !together(a, b)));
  let best: (ProductType & { start: number; end: number }) | null = null;
  for (const t of heads.length ? heads : found) {
    const better =
      !best ||
      t.handles.size < best.handles.size ||
      (t.handles.size === best.handles.size && t.end - t.start > best.end - best.start) ||
      (t.handles.size === best.handles.size && t.end - t.start === best.end - best.start && t.start < best.start);
    if (better) best = t;
  }
  return best;
}

/** Whether the shop sorts products under this phrase: a product type or category it declares. */
export const declaresKind = (types: Map<string, ProductType>, phrase: string): boolean =>
  !!types.get(phraseKey(phrase))?.declared;

export function askedType(
  query: string,
  types: Map<string, ProductType>,
  compounds: ReadonlySet<string> = new Set(),
): ProductType | null {
  return bestType(withoutModified(stems(query), compounds), types);
}

/**
 * The wider kind a kind belongs to: for a kind of several words, its last word ("<season> top" → top)
 * when the shop names it and it holds more products; for a kind only product titles name, the smallest
 * kind the shop declares holding every product of it (its category); else null. Never for a kind the
 * shop declares: a product type "<Use> <kind>s" need be no sort of <kind>, nor is a shelter any camping gear.
 */
export function widerType(type: ProductType, types: Map<string, ProductType>): ProductType | null {
  const words = type.key.split(' ');
  const wider = words.length >= 2 && !type.declared ? types.get(words.at(-1)!) : undefined;
  if (wider && wider.handles.size > type.handles.size) return wider;
  // A kind only titles name: the smallest kind the shop declares that holds all its products.
  if (type.declared) return null;
  let holding: ProductType | null = null;
  for (const t of types.values()) {
    const smaller = !holding || t.handles.size < holding.handles.size;
    const larger = t.declared && t.handles.size > type.handles.size && smaller;
    if (larger && [...type.handles].every((h) => t.handles.has(h))) holding = t;
  }
  return holding;
}

/**
 * Hyphenated words the shop's titles use as modifiers, never as a title's last word ("Roll-top <Kind>",
 * "High-top Canvas <Kind>"), as phrase keys: their second word names no kind ("a roll-top" is no top).
 */
export function modifierCompounds(titles: string[]): Set<string> {
  const within = new Set<string>();
  const ending = new Set<string>();
  for (const title of titles) {
    const words = title.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
    words.forEach((w, i) => {
      const key = phraseKey(w);
      if (/^\p{L}+-\p{L}+$/u.test(w) && key.includes(' ')) (i === words.length - 1 ? ending : within).add(key);
    });
  }
  return new Set([...within].filter((k) => !ending.has(k)));
}

/** Stems with the second word of each modifier compound left out ("roll top <kind>" → "roll  <kind>"). */
export const withoutModified = (stems: string[], compounds: ReadonlySet<string>): string[] =>
  stems.map((s, i) => (i > 0 && compounds.has(`${stems[i - 1]} ${s}`) ? '' : s));
