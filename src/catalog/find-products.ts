import type { Queryable } from '../db/database.js';
import { titledWith, type CatalogIndex } from './catalog-index.js';
import { lexicalHits, mentionsPhrase, queryTerms, unknownTerms, type LexicalHit } from './lexical-query.js';
import { inCatalogLanguage, joinedAsShopWrites, queryLanguage } from './query-language.js';
import { askedType, declaresKind, type ProductType, widerType } from './product-types.js';
import { NO_QUERY_RULES, type QueryRulesSource } from './query-rules.js';
import type { CatalogSearch } from './search.js';
import type { SearchEvent, SearchSource } from './search-events.js';
import { normalizeOptionName } from './search-filters.js';
import { stem } from './terms.js';
import { textSearchConfig } from './text-search-config.js';
import { typeOfUses, usesOf } from './use-kinds.js';
import { valuedRequest } from './valued-attributes.js';
import { yesNoRequest } from './yes-no-attributes.js';
import { sortsByPrice, type ProductSummary, type SearchQuery } from './types.js';

/**
 * How well the shop answers a request. `strong`: the top products carry what was asked; `weak`:
 * only partly (closest alternatives); `none`: nothing.
 */
export type MatchStrength = 'strong' | 'weak' | 'none';

export interface FindResult {
  products: ProductSummary[];
  match: MatchStrength;
  /** The product type the query asked for, as the shop names it. */
  askedType: string | null;
  /** Query words no product in the shop contains (e.g. "yoga" in "yoga mats"). */
  missing: string[];
  /** True when the shop plainly does not sell what was asked; the products are only the closest things. */
  noMatch: boolean;
  /** Filters loosened to find anything: options became soft words, or the price range was dropped. */
  relaxed: ('options' | 'price')[];
}

/** The query's full-text hits among some products (see `coverageFor`). */
type CoverageOf = (products: ProductSummary[]) => Promise<LexicalHit[]>;

/** A top product covering this share of the query's terms in its names (title, type, tags…) is a strong match. */
const STRONG_COVERAGE = 0.75;
/** Short requests ("yoga mats") are names of things: if no product covers a third of them, the shop lacks it. */
const SHORT_QUERY_TERMS = 3;
const POOR_COVERAGE = 0.34;
/** Sorted by price, the results are the good matches among this many of the best ranked… */
const SORT_POOL = 30;
/** …those covering at least this share of what the best match covers (a cheap product sharing one word is no match). */
const SORT_COVERAGE_SHARE = 0.75;

/**
 * Product search with a judgement, shared by the assistant's tool, the storefront API and every
 * other surface: options the catalog has become filters and others soft words, the asked product
 * type is kept, and the answer says how well the shop matches (`match`) instead of presenting
 * unrelated products as matches.
 */
export function createProductFinder(deps: {
  db: Queryable;
  search: CatalogSearch;
  index: () => CatalogIndex;
  /** Whether a shop query expansion applied (a vague request, e.g. "something to sit on"): never called a non-match. */
  expands?: (query: string) => boolean;
  /** The merchandisers' pins and boosts (search itself applies synonyms and hidden products). */
  rules?: QueryRulesSource;
  /** Told of each search made with a source (analytics); must not throw. */
  onSearch?: (e: SearchEvent) => Promise<void>;
  /** The language the catalog is written in: queries in another are put in it first (default en). */
  catalogLanguage?: string;
}) {
  const { search } = deps;
  const textSearch = textSearchConfig(deps.catalogLanguage);
  const rules = deps.rules ?? (() => Promise.resolve(NO_QUERY_RULES));

  /**
   * The products pinned for the query first, in their order (found or not, within the request's
   * filters), then those boosted for it by weight, then the others in rank order.
   */
  async function merchandise(products: ProductSummary[], q: SearchQuery, limit: number) {
    const r = await rules();
    const pinned = r.pinned(q.query);
    const boosted = r.boosted(q.query);
    if (!pinned.length && !boosted.size) return products;
    const missing = pinned.filter((h) => !products.some((p) => p.handle === h));
    const extra = missing.length
      ? await search.search({ ...q, query: '', options: undefined, handles: missing, limit: missing.length })
      : [];
    const all = new Map([...products, ...extra].map((p) => [p.handle, p]));
    const first = pinned.flatMap((h) => all.get(h) ?? []);
    const weight = (p: ProductSummary) => boosted.get(p.handle) ?? 0;
    const rest = products.filter((p) => !pinned.includes(p.handle)).sort((a, b) => weight(b) - weight(a));
    return [...first, ...rest].slice(0, limit);
  }

  /**
   * Options whose name and value the catalog has stay filters — when a product type is asked for,
   * only options that type has ("bluetooth speakers" never filters speakers by a lamp's
   * Connectivity) — and the others are words to match softly.
   */
  function splitOptions(options: Record<string, string> = {}, type: ProductType | null) {
    const filters: Record<string, string> = {};
    const soft: string[] = [];
    const { optionValues, optionNames } = deps.index();
    const typeHas = (name: string) =>
      !type || [...type.handles].some((h) => optionNames.get(h)?.has(normalizeOptionName(name)));
    for (const [name, value] of Object.entries(options)) {
      const values = optionValues.get(normalizeOptionName(name));
      const v = value.trim().toLowerCase();
      const holds = (vs: Set<string>) => [...vs].some((x) => x === v || x.split(/[^\p{L}\p{N}.]+/u).includes(v));
      const known = values && holds(values);
      // Without a type, a value several options share ("gas": one product's Type, another's Fuel)
      // says nothing about which option is meant: a word to match, not a filter.
      const shared = !type && [...optionValues.values()].filter(holds).length > 1;
      if (known && typeHas(name) && !shared) filters[name] = value;
      else soft.push(value);
    }
    return { filters, soft };
  }

  /**
   * Asked by need ("something for the kitchen", "anything for music"): the kinds of product the
   * shop has for the needs its products never mention (a shop whose texts speak of kitchens is
   * searched for "kitchen" as usual; one whose texts say "light" but never "gives light" is not).
   */
  async function typeForNeeds(query: string, types: Map<string, ProductType>): Promise<ProductType | null> {
    const uses = usesOf(query, types);
    const unmentioned = [];
    for (const u of uses) {
      const { terms, unknown } = await unknownTerms(deps.db, u.use, textSearch);
      // A need of several words ("gives light") counts as unmentioned when no product says it whole.
      const phrase = terms.length > 1 && unknown.length < terms.length;
      const unsaid = phrase ? !(await mentionsPhrase(deps.db, u.use, textSearch)) : unknown.length === terms.length;
      if (terms.length > 0 && unsaid) unmentioned.push(u);
    }
    return typeOfUses(unmentioned);
  }

  /**
   * The products of the asked type, and those that say more of the request than any of them ("a
   * family shelter": one named for families whose type is another kind), in rank order; none
   * when the ranking holds none of the type.
   */
  async function keepAskedType(products: ProductSummary[], type: ProductType, q: SearchQuery, coverageOf: CoverageOf) {
    const typed = products.filter((p) => type.handles.has(p.handle));
    const others = products.filter((p) => !type.handles.has(p.handle));
    // A shopper's word for a family of kinds is in no product's text: coverage cannot judge it.
    if (!typed.length || !others.length || queryTerms(q.query).length < 2 || type.broader) return typed;
    const hits = await coverageOf(products);
    const coverage = new Map(hits.map((h) => [h.handle, h.coverage]));
    const bestTyped = Math.max(0, ...typed.map((p) => coverage.get(p.handle) ?? 0));
    const better = new Set(others.filter((p) => (coverage.get(p.handle) ?? 0) > bestTyped).map((p) => p.handle));
    return products.filter((p) => type.handles.has(p.handle) || better.has(p.handle));
  }

  /**
   * Full-text hits of the query (and of the shopper's own words, in translations) among the products it is
   * given. A product's coverage is its own, so the hits found among a list answer for any part of it: a
   * request asking for a type reads them once, to keep the type, and not again to judge the match.
   */
  function coverageFor(q: SearchQuery): CoverageOf {
    let seen: { handles: Set<string>; hits: LexicalHit[] } | null = null;
    return async (products) => {
      const handles = products.map((p) => p.handle);
      if (seen && handles.every((h) => seen!.handles.has(h))) {
        const wanted = new Set(handles);
        return seen.hits.filter((h) => wanted.has(h.handle));
      }
      const only = { query: q.query, shopperQuery: q.shopperQuery, handles };
      const hits = await lexicalHits(deps.db, only, products.length, textSearch);
      seen = { handles: new Set(handles), hits };
      return hits;
    };
  }

  /** The products the search and the shop's data find, and how well they match. */
  async function judge(q: SearchQuery, limit: number, opts: { signal?: AbortSignal }): Promise<FindResult> {
    const { types, yesNo, valued, titleWords, compounds } = deps.index();
    const named = q.query ? askedType(q.query, types, compounds) : null;
    const forUse = !named && q.query ? await typeForNeeds(q.query, types) : null;
    const type = named ?? forUse;
    const { filters, soft } = splitOptions(q.options, type);
    const query = [q.query, ...soft].join(' ').trim();
    // "only vegan ones": what the catalog says is not vegan is no answer, what it says is comes first.
    const yesNoAsked = yesNoRequest(query, yesNo);
    const ruledOut = yesNoAsked?.ruledOut ?? [];
    // "a watch, not a smart one": what the shopper rules out is never shown, even as the closest thing.
    const unwanted = [...(q.excludeHandles ?? []), ...titledWith(q.excludeWords ?? [], titleWords)];
    const base: SearchQuery = {
      ...q,
      query,
      options: Object.keys(filters).length ? filters : undefined,
      ...(ruledOut.length || unwanted.length ? { excludeHandles: [...unwanted, ...ruledOut] } : {}),
    };
    const relaxed: FindResult['relaxed'] = soft.length ? ['options'] : [];
    const saysYes = (handle: string) => yesNoAsked?.saysYes(handle) ?? true;
    // "max cushioning", "keeps my coffee hot": the products whose attribute says so.
    const valuedAsked = valuedRequest(yesNoAsked?.rest ?? query, valued);
    // The attributes answer their own words ("vegan"), the products' names the rest.
    const rest = valuedAsked?.rest ?? yesNoAsked?.rest ?? query;
    const coverageOf = coverageFor({ ...base, query: rest });

    const byPrice = sortsByPrice(q.sort);
    let products = await search.search({ ...base, limit: Math.max(limit * 3, byPrice ? SORT_POOL : 15) }, opts);
    const pool = byPrice ? SORT_POOL : limit;
    if (type) {
      // Only the asked type; when the ranking holds none of it, look among that type alone.
      // Kinds that serve a need are searched among themselves: products that merely share its words are no better.
      const typed = forUse ? [] : await keepAskedType(products, type, base, coverageOf);
      products = typed.length ? typed : await search.search({ ...base, handles: [...type.handles], limit: pool }, opts);
    }
    if (valuedAsked) {
      // Among the products that hold what was asked (of the asked type), when any do within the filters.
      const among = [...valuedAsked.holders].filter((h) => !type || type.handles.has(h));
      const held = among.length ? await search.search({ ...base, handles: among, limit: pool }, opts) : [];
      if (held.length) products = held;
    }
    if (byPrice && query) products = await goodMatchesByPrice(products, q.sort === 'price_desc', coverageOf);
    const wider = type && !products.length && !forUse ? widerType(type, types) : null;
    if (wider) {
      // "<season> tops under 55" with none: tops under 55 before anything over it (a weak match, said as such).
      products = await search.search({ ...base, handles: [...wider.handles], limit }, opts);
    }
    const filtered = base.options || ruledOut.length;
    if (!products.length && (base.minPriceMinor !== undefined || base.maxPriceMinor !== undefined || filtered)) {
      // Nothing within the budget or options: the closest things without them, said as such.
      const loose = {
        ...base,
        minPriceMinor: undefined,
        maxPriceMinor: undefined,
        options: undefined,
        excludeHandles: unwanted,
      };
      const priced = base.minPriceMinor !== undefined || base.maxPriceMinor !== undefined;
      // Of the asked type, the closest in price come first ("X under 60" with none under 60: the cheapest X).
      const pool = type && priced ? Math.max(limit * 3, 15) : limit;
      products = await search.search({ ...loose, ...(type ? { handles: [...type.handles] } : {}), limit: pool }, opts);
      if (type && priced) products = closestInPrice(products, base.minPriceMinor, base.maxPriceMinor);
      if (priced) relaxed.push('price');
      if (filtered) relaxed.push('options');
    }
    // Those that say yes, when some do: a product that does not say is no answer to "which are <attribute>?".
    if (yesNoAsked && products.some((p) => saysYes(p.handle))) products = products.filter((p) => saysYes(p.handle));
    products = products.slice(0, limit);
    if (!products.length) {
      return { products, match: 'none', askedType: type?.label ?? null, missing: [], noMatch: true, relaxed };
    }
    // The words the products themselves must answer (`rest`): an attribute named answers its own.
    const [known, hits] = await Promise.all([
      rest
        ? unknownTerms(deps.db, rest, textSearch)
        : { terms: [] as string[], unknown: [] as string[], unnamed: [] as string[] },
      rest ? coverageOf(products) : [],
    ]);
    const hitCoverage = new Map(hits.map((h) => [h.handle, h.coverage]));
    const coverageOfProduct = (handle: string) => {
      const own = hitCoverage.get(handle) ?? 0;
      const c = valuedAsked ? valuedAsked.coverage(handle, own) : own;
      return yesNoAsked ? yesNoAsked.coverage(handle, c) : c;
    };
    const coverage = Math.max(0, ...products.map((p) => coverageOfProduct(p.handle)));
    // The shopper's words name a product in its translation: words the catalog's language lacks are no gap.
    const namedInTranslation = hits.some((h) => h.translated && h.coverage >= STRONG_COVERAGE);
    const { terms } = known;
    const unknown = namedInTranslation ? [] : known.unknown;
    const unnamed = namedInTranslation ? [] : known.unnamed;
    if (coverage > 0 && !type) {
      // The closest things share words with the request; products that share none are not shown as close.
      products = products.filter((p) => coverageOfProduct(p.handle) >= coverage / 2);
    }
    const typeKept = (!type || type.handles.has(products[0].handle)) && saysYes(products[0].handle);
    const kindsKept = forUse !== null && typeKept && !relaxed.length;
    // Asked only by its kind, a product of that kind covers the request, whatever its text calls it.
    const byKind = type !== null && terms.length > 0 && terms.every((t) => type.key.split(' ').includes(stem(t)));
    const covered = coverage >= STRONG_COVERAGE || byKind;
    const strong = kindsKept || (covered && unknown.length === 0 && typeKept && !relaxed.length);
    const vague = forUse !== null || (deps.expands?.(query) ?? false);
    const short = terms.length > 0 && terms.length <= SHORT_QUERY_TERMS;
    // "sleeping mats" where only descriptions mention a mat: the thing asked for (the last word) names no product.
    const headUnnamed = short && !type && terms.length > 0 && unnamed.includes(terms.at(-1)!);
    // A product of the asked type answers the request though its text says the kind another way ("<wrist>watch").
    const ofType = type !== null && typeKept;
    const noMatch =
      !vague &&
      ((unknown.length > 0 && (type !== null || short)) ||
        (short && coverage < POOR_COVERAGE && !ofType) ||
        headUnnamed);
    return {
      products,
      match: strong ? 'strong' : 'weak',
      askedType: type?.label ?? null,
      missing: unknown,
      noMatch,
      relaxed,
    };
  }

  /** Records a search and what it found, for the studio's analytics. */
  async function record(query: string, found: FindResult, source: SearchSource): Promise<void> {
    if (!query.trim()) return;
    const zeroResult = found.noMatch || found.products.length === 0;
    await deps.onSearch?.({ ...source, query, resultCount: found.products.length, zeroResult });
  }

  async function findOnly(q: SearchQuery, opts: { signal?: AbortSignal }): Promise<FindResult> {
    const limit = Math.min(Math.max(q.limit ?? 5, 1), 50);
    let found = await judge(q, limit, opts);
    // Nothing within the budget but unrelated things: what the shop has for the words, over it, said as such.
    const priced = q.minPriceMinor !== undefined || q.maxPriceMinor !== undefined;
    if (found.noMatch && priced && !found.missing.length && !found.relaxed.includes('price')) {
      const loose = await judge({ ...q, minPriceMinor: undefined, maxPriceMinor: undefined }, limit, opts);
      if (!loose.noMatch && loose.products.length) {
        const products = closestInPrice(loose.products, q.minPriceMinor, q.maxPriceMinor);
        found = { ...loose, products, match: 'weak', relaxed: [...loose.relaxed, 'price'] };
      }
    }
    // Asked by price, the order is the one asked for: no pins or boosts before it.
    if (sortsByPrice(q.sort)) return found;
    const products = await merchandise(found.products, q, limit);
    // Products a merchandiser pinned for the query are an answer the shop chose, never "no match".
    if (products.length && !found.products.length) return { ...found, products, match: 'weak', noMatch: false };
    return { ...found, products };
  }

  return {
    /** Finds products; with a `source`, the search is recorded (analytics). */
    async find(q: SearchQuery, opts: { signal?: AbortSignal; source?: SearchSource } = {}): Promise<FindResult> {
      // A shopper's word with several in the catalog's language becomes the one this catalog uses.
      const { words, types } = deps.index();
      const knows = (word: string) => words.has(stem(word));
      const isKind = (phrase: string) => declaresKind(types, phrase);
      const query = q.query
        ? joinedAsShopWrites(inCatalogLanguage(q.query, deps.catalogLanguage, knows, isKind), knows)
        : q.query;
      const language = q.query ? queryLanguage(q.query) : null;
      const foreign = language && language !== (deps.catalogLanguage ?? 'en');
      const shopperQuery = foreign ? { text: q.query, language } : undefined;
      const found = await findOnly({ ...q, query, ...(shopperQuery ? { shopperQuery } : {}) }, opts);
      if (opts.source) await record(q.query, found, opts.source);
      return found;
    },
    record,
  };
}

export type ProductFinder = ReturnType<typeof createProductFinder>;

/**
 * The good matches among ranked products, by price (cheapest first, or dearest): those whose full-text coverage of
 * the query reaches `SORT_COVERAGE_SHARE` of the best one's, so "the cheapest <quality> <kind>" is a <quality>
 * <kind>, not the cheapest product that says "<kind>" once. Equal prices keep their rank order.
 */
async function goodMatchesByPrice(products: ProductSummary[], dearestFirst: boolean, coverageOf: CoverageOf) {
  const hits = await coverageOf(products);
  const coverage = new Map(hits.map((h) => [h.handle, h.coverage]));
  const best = Math.max(0, ...hits.map((h) => h.coverage));
  const good =
    best > 0 ? products.filter((p) => (coverage.get(p.handle) ?? 0) >= best * SORT_COVERAGE_SHARE) : products;
  const price = (p: ProductSummary) => (p.price?.amount ?? 0) * (dearestFirst ? -1 : 1);
  return good
    .map((p, i) => ({ p, i }))
    .sort((a, b) => price(a.p) - price(b.p) || a.i - b.i)
    .map((x) => x.p);
}

/** Products ordered by how far their price lies outside the range (nearest first; ties keep their order). */
function closestInPrice(products: ProductSummary[], min?: number, max?: number): ProductSummary[] {
  const gap = (p: ProductSummary) => {
    const amount = p.price?.amount ?? 0;
    if (max !== undefined && amount > max) return amount - max;
    if (min !== undefined && amount < min) return min - amount;
    return 0;
  };
  return products
    .map((p, i) => ({ p, i, gap: gap(p) }))
    .sort((a, b) => a.gap - b.gap || a.i - b.i)
    .map((x) => x.p);
}
