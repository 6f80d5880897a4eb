import type { CatalogEntry } from '../../../catalog/catalog-vocabulary.js';
import {
  bestType,
  declaresKind,
  indexProductTypes,
  modifierCompounds,
  type ProductType,
  withoutModified,
} from '../../../catalog/product-types.js';
import { normalizeOptionName } from '../../../catalog/search-filters.js';
import { attributeWords, phraseKey, stem, tokens } from '../../../catalog/terms.js';
import { valuedAttributes } from '../../../catalog/valued-attributes.js';
import { yesNoAttributes } from '../../../catalog/yes-no-attributes.js';
import { useLexicon } from '../../../catalog/use-kinds.js';
import type { LanguagePack } from './language-pack.js';
import { editDistanceAtMost } from './edit-distance.js';
import { quotedTitles } from './quoted-titles.js';
import type { Links, OptionMention, ProductMention, Span } from './shop-links.js';

interface IndexedProduct {
  entry: CatalogEntry;
  stems: string[];
  weight: number;
  distinctive: Set<string>;
}

/**
 * The shop's own words, indexed to find them in a shopper's message: product names (whole,
 * partial or misspelled), product types, brands and option values (colours, sizes, materials as
 * the catalog spells them). Built from the catalog at start and again after every import.
 */
/** A kind with more products than this names too many to find an order by their titles. */
const KIND_TITLES = 200;

export function buildShopIndex(entries: CatalogEntry[], pack: Pick<LanguagePack, 'lexicon' | 'knownWords'>) {
  const { lexicon, knownWords } = pack;
  const colors = new Set(lexicon.colors);
  const stop = new Set(lexicon.queryStopwords.map(stem));
  const genderWords = new Set(Object.values(lexicon.genders).flat().map(stem));
  const types = indexProductTypes(entries, useLexicon());
  const compounds = modifierCompounds(entries.map((e) => e.title));
  const isType = (phrase: string) => types.has(phraseKey(phrase));
  // A shopper's word for a family of kinds ("furniture") is read as typed, never a misspelling's correction.
  const stemsOf = (ts: ProductType[]) => new Set(ts.flatMap((t) => t.key.split(' ')));
  const typeStems = stemsOf([...types.values()].filter((t) => !t.broader));
  const broaderStems = stemsOf([...types.values()].filter((t) => t.broader));
  // Type words many products share do not name one product; the type of a single product does.
  const sharedTypeStems = new Set(
    [...types.values()].filter((t) => t.handles.size >= 3).flatMap((t) => t.key.split(' ')),
  );
  // Counts ("two", "5") are read as quantities, never as a product's name on their own.
  const countWords = new Set([...Object.keys(lexicon.numbers).filter((w) => !w.includes(' ')), 'one'].map(stem));
  const isCount = (t: string) => countWords.has(t) || /^\d+$/.test(t);
  const askWords = new Set(
    [...Object.keys(lexicon.facets), ...Object.keys(lexicon.superlatives), ...Object.values(lexicon.aspects).flat()]
      .filter((w) => !w.includes(' '))
      .map(stem),
  );
  const df = new Map<string, number>();
  const products: IndexedProduct[] = entries.map((entry) => {
    const s = [...new Set(tokens(entry.title.replace(/\(.*?\)/g, ' ')).map(stem))].filter((t) => !stop.has(t));
    for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
    return { entry, stems: s, weight: 0, distinctive: new Set<string>() };
  });
  const idf = (t: string) => Math.log(1 + entries.length / (df.get(t) ?? 1));
  const byStem = new Map<string, IndexedProduct[]>();
  for (const p of products) {
    p.weight = p.stems.reduce((n, t) => n + idf(t), 0);
    const own = new Set(
      [p.entry.productType, ...p.entry.categoryPath].flatMap((label) => phraseKey(label).split(' ')).filter(Boolean),
    );
    for (const t of p.stems) {
      const plain = !own.has(t) && !colors.has(t) && !genderWords.has(t) && !sharedTypeStems.has(t);
      if (plain && !isCount(t)) p.distinctive.add(t);
      const list = byStem.get(t) ?? [];
      list.push(p);
      byStem.set(t, list);
    }
  }
  const vendors = new Map<string, string>();
  for (const e of entries) if (e.vendor) vendors.set(phraseKey(e.vendor), e.vendor);

  /** Option values by their key, with the option names that carry them. */
  const optionValues = new Map<string, { value: string; names: Set<string> }>();
  const yes = new Set(lexicon.booleanValues.yes);
  const isBoolean = (values: string[]) =>
    values.length > 0 &&
    values.every((v) => yes.has(v.toLowerCase()) || lexicon.booleanValues.no.includes(v.toLowerCase()));
  for (const e of entries) {
    for (const [name, values] of Object.entries(e.options)) {
      // A yes/no option is named by its name ("foldable") or the language pack's words for it: its yes.
      const yesValue = isBoolean(values) ? values.find((v) => yes.has(v.toLowerCase())) : undefined;
      if (yesValue) {
        for (const key of [name, ...(lexicon.yesOptionNames[normalizeOptionName(name)] ?? [])].map(phraseKey)) {
          const o = optionValues.get(key);
          if (key && !stop.has(key) && (!o || o.value === yesValue))
            optionValues.set(key, { value: yesValue, names: new Set([...(o?.names ?? []), name]) });
        }
        continue;
      }
      for (const value of values) {
        const key = phraseKey(value);
        if (!key || key.length < 2 || stop.has(key)) continue;
        const o = optionValues.get(key) ?? { value, names: new Set<string>() };
        o.names.add(name);
        optionValues.set(key, o);
      }
    }
  }
  // The vocabulary a misspelling is corrected to: every stem of names, types, brands and options.
  const vocabulary = new Set<string>([...df.keys(), ...typeStems, ...[...vendors.keys()].flatMap((k) => k.split(' '))]);
  for (const key of optionValues.keys()) for (const t of key.split(' ')) vocabulary.add(t);
  for (const e of entries) {
    for (const t of [...e.tags, ...Object.values(e.attributes)].flatMap((x) => tokens(x))) vocabulary.add(stem(t));
    // What the shop records about its products ("cushioning"): "<kind> with max cushioning" asks for it.
    // Not a word questions ask with ("cold" of "keeps cold": "feels the cold" asks for no such product).
    const recorded = Object.keys(e.attributes).flatMap((k) => tokens(attributeWords(k)).map(stem));
    for (const t of recorded) if (!askWords.has(t)) vocabulary.add(t);
  }
  // What a yes/no attribute says is a product word too: "which are dishwasher safe?" narrows a list.
  for (const a of yesNoAttributes(entries)) for (const s of a.stems) vocabulary.add(s);
  // Names written as one word ("deskfan" for Desk Fan) split back into the shop's words.
  const splits = new Map<string, string[]>();
  for (const e of entries) {
    for (const phrase of [e.title, e.productType, ...e.categoryPath]) {
      const t = tokens(phrase);
      for (let i = 0; i + 1 < t.length; i++) splits.set(t[i] + t[i + 1], [t[i], t[i + 1]]);
    }
  }
  const byLength = new Map<number, string[]>();
  for (const v of vocabulary) {
    if (v.length < 4) continue;
    const list = byLength.get(v.length) ?? [];
    list.push(v);
    byLength.set(v.length, list);
  }
  const corrections = new Map<string, string>();
  const genderWord = new Map(Object.entries(lexicon.genders).flatMap(([g, ws]) => ws.map((w) => [w, g] as const)));
  const colorValues = new Set(
    [...optionValues.values()]
      .filter((o) => [...o.names].some((n) => normalizeOptionName(n) === 'color'))
      .flatMap((o) => tokens(o.value).map(stem)),
  );
  const byHandleMap = new Map(entries.map((e) => [e.handle, e]));
  const titlesIn = quotedTitles(entries.map((e) => e.title));

  /** The `values` (same first letter, `minLength` or longer) within `max` edits of a stem. */
  const nearTo = (s: string, values: Iterable<string>, max: number, minLength: number) =>
    [...values].filter((v) => v[0] === s[0] && v.length >= minLength && editDistanceAtMost(s, v, max));

  /** Whether a stem is one of the shop's words, or of a family of its kinds, as typed. */
  const asTyped = (s: string) => vocabulary.has(s) || broaderStems.has(s);

  /** The shop word a misspelled word means, or the word itself. */
  function correct(word: string): string {
    const s = stem(word);
    if (asTyped(s) || word.length < 4 || stop.has(s) || stop.has(word) || knownWords.has(word) || /\d/.test(s)) {
      return s;
    }
    // A short word is too easily another short word: only the shop's colours and kinds are guessed ("blak", "wach").
    if (word.length < 5) {
      const colours = nearTo(s, colorValues, 1, 4);
      const near = colours.length ? colours : nearTo(s, typeStems, 1, 4);
      return near.length === 1 ? near[0] : s;
    }
    const cached = corrections.get(s);
    if (cached) return cached;
    const max = s.length >= 8 ? 2 : 1;
    let found = s;
    let bestDf = 0;
    for (let len = s.length - max; len <= s.length + max; len++) {
      for (const v of byLength.get(len) ?? []) {
        if (v[0] !== s[0] && (s.length < 6 || v[1] !== s[1])) continue;
        if (editDistanceAtMost(s, v, max) && (df.get(v) ?? 1) > bestDf) {
          found = v;
          bestDf = df.get(v) ?? 1;
        }
      }
    }
    // Two slips in a word of five or more letters ("erings"): only the one kind of product it can be.
    const kinds = found === s && max === 1 ? nearTo(s, typeStems, 2, 5) : [];
    if (kinds.length === 1) found = kinds[0];
    corrections.set(s, found);
    return found;
  }

  function findPhrase<T>(stems: string[], table: Map<string, T>, maxLen = 4): (Span & { hit: T }) | null {
    for (let n = Math.min(maxLen, stems.length); n >= 1; n--) {
      for (let i = 0; i + n <= stems.length; i++) {
        const hit = table.get(stems.slice(i, i + n).join(' '));
        if (hit !== undefined) return { start: i, end: i + n, hit };
      }
    }
    return null;
  }

  /**
   * Where a name is said: the run of adjacent title words around its distinctive words, so "Quillon
   * Crest — weight per boot?" names the product in "quillon crest", not across the question.
   */
  function nameSpan(at: number[], own: number[]): Span {
    const sorted = [...new Set(at)].sort((a, b) => a - b);
    const runs: number[][] = [];
    for (const i of sorted) {
      const last = runs.at(-1);
      if (last && i === last.at(-1)! + 1) last.push(i);
      else runs.push([i]);
    }
    const score = (r: number[]) => r.filter((i) => own.includes(i)).length * 100 + r.length;
    const best = runs.reduce((a, b) => (score(b) > score(a) ? b : a));
    return { start: best[0], end: best.at(-1)! + 1 };
  }

  function linkProducts(stems: string[]): ProductMention[] {
    const positions = new Map<string, number[]>();
    stems.forEach((s, i) => positions.set(s, [...(positions.get(s) ?? []), i]));
    const candidates = new Set<IndexedProduct>();
    for (const s of new Set(stems)) for (const p of byStem.get(s) ?? []) candidates.add(p);
    const out: ProductMention[] = [];
    for (const p of candidates) {
      const matched = p.stems.filter((t) => positions.has(t));
      const coverage = p.weight ? matched.reduce((n, t) => n + idf(t), 0) / p.weight : 0;
      const own = matched.filter((t) => p.distinctive.has(t));
      const distinctive = own.length;
      // A name word few products share ("the aurora", "linden field") names them even alone.
      // Not a word questions ask with ("how long", "how warm"): "long" alone never names the Long Sleeve Top.
      const rare = own.some((t) => (df.get(t) ?? 0) <= 3 && !askWords.has(t));
      // Common words ("wool jumper") describe many products and name none unless they make up most of a title.
      // Name words that together fit only this product ("quillon dash") name it, though each is shared.
      const unique =
        own.length >= 2 && (byStem.get(own[0]) ?? []).filter((q) => own.every((t) => q.stems.includes(t))).length === 1;
      const named = rare || unique || (distinctive > 0 && coverage >= 0.75) || coverage >= 0.99;
      if (!named) continue;
      const span = nameSpan(
        matched.flatMap((t) => positions.get(t) ?? []),
        own.flatMap((t) => positions.get(t) ?? []),
      );
      out.push({ handle: p.entry.handle, title: p.entry.title, coverage, distinctive, ...span });
    }
    return out.sort((a, b) => b.distinctive - a.distinctive || b.coverage - a.coverage);
  }

  function linkOptions(words: string[], stems: string[]): OptionMention[] {
    const out: OptionMention[] = [];
    const taken = new Set<number>();
    const kindOf = (names: Set<string>): OptionMention['kind'] => {
      const n = [...names].map(normalizeOptionName);
      if (n.includes('color')) return 'color';
      if (n.some((x) => lexicon.optionNames.size?.includes(x))) return 'size';
      if (n.some((x) => lexicon.optionNames.material?.includes(x))) return 'material';
      return 'option';
    };
    for (let n = 3; n >= 1; n--) {
      for (let i = 0; i + n <= stems.length; i++) {
        if ([...Array(n).keys()].some((k) => taken.has(i + k))) continue;
        const key = stems.slice(i, i + n).join(' ');
        const o = optionValues.get(key);
        const isColor = n === 1 && colors.has(words[i]);
        if (!o && !isColor) continue;
        // Bare numbers and one-letter sizes need a cue ("size 42", "in M"): alone they are counts or prices.
        if (o && /^\d+([.,]\d+)?$|^[a-z]$/.test(key) && !isColor) continue;
        for (let k = 0; k < n; k++) taken.add(i + k);
        if (o) {
          const kind = kindOf(o.names);
          const name = [...o.names][0] ?? null;
          out.push({ start: i, end: i + n, name, names: [...o.names], value: o.value, kind });
        } else out.push({ start: i, end: i + n, name: null, names: [], value: words[i], kind: 'color' });
      }
    }
    out.sort((a, b) => a.start - b.start);
    // "navy blue": one colour, the shop's own value when it has one.
    return out.filter((o, i) => {
      const next = out[i + 1];
      const prev = out[i - 1];
      if (o.kind === 'color' && next?.kind === 'color' && next.start === o.end)
        return o.name !== null || next.name === null;
      if (o.kind === 'color' && prev?.kind === 'color' && prev.end === o.start)
        return prev.name === null && o.name !== null;
      return true;
    });
  }

  // Every request's options are spelled by these: read once, not from every product at each message.
  const optionNames: readonly string[] = [...new Set(entries.flatMap((e) => Object.keys(e.options)))];
  const valuesByName = new Map<string, string[]>();

  return {
    entries,
    types,
    /**
     * Links the shop's words in a message (normalized words, as the language pack splits them); `known`
     * words (another language's own, such as German "hallo") are taken as written, not corrected.
     */
    link(words: string[], known?: ReadonlySet<string>): Links {
      const stems = words.map((w) => (known?.has(w) ? stem(w) : correct(w)));
      // A type named by a word the language mostly uses otherwise ("can", "set") needs its whole phrase.
      // "ideally a roll-top": a word of a compound the titles use as a modifier names no kind.
      let masked = withoutModified(stems, compounds);
      let type = bestType(masked, types);
      // "a camera compartment": a value said next to its option's name is that option's, not a kind it names.
      const valueNamed = (t: Span) => {
        const names = [...(optionValues.get(stems.slice(t.start, t.end).join(' '))?.names ?? [])];
        return names.flatMap((n) => tokens(n).map(stem)).some((w) => w === stems[t.end] || w === stems[t.start - 1]);
      };
      while (type && ((type.end - type.start === 1 && stop.has(stems[type.start])) || valueNamed(type))) {
        const at = type.start;
        masked = masked.map((x, i) => (i === at ? '' : x));
        type = bestType(masked, types);
      }
      const vendor = findPhrase(stems, vendors, 4);
      return {
        words: stems,
        products: linkProducts(stems),
        type,
        vendor: vendor ? { name: vendor.hit, start: vendor.start, end: vendor.end } : null,
        // A word of the asked type names the type, not an option ("fan" in "fan under 40").
        options: linkOptions(words, stems).filter((o) => !type || o.end <= type.start || o.start >= type.end),
      };
    },
    /** The attributes the shop records with values of their own, as the catalog search reads requests for them. */
    valued: valuedAttributes(entries),
    /** The option names the shop's products use, in catalog order ("Size", "Colour", "Material"…). */
    optionNames,
    /** Values the shop has for an option name across all products (e.g. every size). */
    optionValues(name: string): readonly string[] {
      const n = normalizeOptionName(name);
      let values = valuesByName.get(n);
      if (!values) {
        values = [...optionValues.values()]
          .filter((o) => [...o.names].some((x) => normalizeOptionName(x) === n))
          .map((o) => o.value);
        valuesByName.set(n, values);
      }
      return values;
    },
    byHandle: (handle: string) => byHandleMap.get(handle),
    /** The titles of a kind's products, for finding an order by the kind; none for a kind of many products. */
    titlesOfKind(handles: ReadonlySet<string>): string[] {
      if (handles.size > KIND_TITLES) return [];
      return [...handles].flatMap((h) => byHandleMap.get(h)?.title ?? []);
    },
    /** The product titles (two words or more) a text quotes whole, as the catalog spells them, lower case. */
    titlesIn,
    /** Products whose title holds every one of these words ("the plaid scarf" → Brambleby Plaid Scarf). */
    titledWith(words: string[]): string[] {
      const want = words.map((w) => correct(w));
      if (!want.length) return [];
      return products.filter((p) => want.every((t) => p.stems.includes(t))).map((p) => p.entry.handle);
    },
    /** Whether a word is a colour (the language's colours or the shop's colour values). */
    isColor: (word: string) => colors.has(word.toLowerCase()) || colorValues.has(stem(word)),
    /** Who a title says a product is for ("Women's Linden Field Boot" → women), or null. */
    genderOf(title: string): string | null {
      const words = title.toLowerCase().match(/[\p{L}']+/gu) ?? [];
      return words.map((w) => genderWord.get(w) ?? genderWord.get(w.replace(/'s$/, ''))).find(Boolean) ?? null;
    },
    /** Whether some product has an option value written so ("39-42" for "39–42"). */
    hasOptionValue: (text: string) => optionValues.has(phraseKey(text)),
    /** Whether the shop calls things this: a product type, or one word of its vocabulary. */
    names(phrase: string): boolean {
      const key = phraseKey(phrase);
      return types.has(key) || (!key.includes(' ') && vocabulary.has(key));
    },
    /** Whether the shop has a kind so named (declared, or named by product titles). */
    isType,
    /**
     * The shop's word for a shopper's word its synonyms (`others`) may name, or undefined to keep it: the kind
     * first ("couch" is a sofa where sofas are a kind and no title says couch, though a tag may), when it is
     * one only ("trainers" may be either of two) and not the word's own longer name; else a synonym the shop
     * uses for a word it does not.
     */
    spelling(word: string, others: string[]): string | undefined {
      const kinds = others.filter(isType);
      const plain = !word.includes(' ') && !isType(word) && !this.titledWith([word]).length;
      if (plain && kinds.length === 1 && !kinds[0].split(' ').includes(word)) return kinds[0];
      return this.names(word) ? undefined : others.find((o) => this.names(o));
    },
    /** Whether the shop sorts products under this (a product type or category it declares). */
    isKind: (phrase: string) => declaresKind(types, phrase),
    /** Whether the shop uses this word (in names, types, options, tags or attributes). */
    knows: (word: string) => asTyped(stem(word)) || vocabulary.has(correct(word)),
    /** "smartwatch" → ["smart", "watch"] when the shop writes it as two words. */
    split: (word: string) => (vocabulary.has(stem(word)) ? null : (splits.get(word) ?? null)),
  };
}

export type ShopIndex = ReturnType<typeof buildShopIndex>;
