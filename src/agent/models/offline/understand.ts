import { questionGlossFor } from '../../../catalog/catalog-gloss.js';
import { phraseKey, stem, tokens } from '../../../catalog/terms.js';
import { valuedRequest } from '../../../catalog/valued-attributes.js';
import { intentClassifier, type TrainedIntentModel } from './intent-classifier.js';
import { cachedIntentWeights } from './intent-model-cache.js';
import type { Understanding } from './understanding.js';
import { createAspectReader } from './asked-aspect.js';
import type { LanguagePack } from './language-pack.js';
import { asksQuestion, normalize } from './normalize.js';
import type { ShopIndex } from './shop-index.js';
import type { Links, Span } from './shop-links.js';
import { messageSpans } from './message-spans.js';
import {
  clausesOf,
  endsAt,
  linkBySentence,
  monthOf,
  openerAt,
  phraseAsSaid,
  phraseIn,
  phrasePositions,
  queryWordsOf,
  ruledOutWords,
  splitSentences,
  withoutFillers,
} from './message-words.js';
import { classifyRequest, surestClause, unsure } from './request-sentence.js';
import { createSlotReader, ORDER_REF } from './slots.js';

const CHEERFUL = new Set(['greeting', 'thanks', 'goodbye', 'affirm']);

/** One intent model per language pack, trained once per change of its examples (cached on disk). */
const trainedModels = new WeakMap<LanguagePack, TrainedIntentModel>();

/**
 * The understanding pipeline: slots (budget, numbers, positions, order numbers), the shop's own
 * words linked to its catalog, the message with those words replaced by placeholders, and the
 * intent model's reading of that. Language knowledge comes from the pack; shop knowledge from
 * the index; the code is the same for every shop and language.
 */
export function createUnderstanding(pack: LanguagePack) {
  const lx = pack.lexicon;
  const slots = createSlotReader(lx);
  const intentModel = () => {
    let model = trainedModels.get(pack);
    if (!model) trainedModels.set(pack, (model = intentClassifier(cachedIntentWeights(pack.examples))));
    return model;
  };
  const stop = new Set(lx.queryStopwords);
  const personWords = new Set(lx.personWords);
  const measureQuestion = new Set(lx.measureQuestion);
  const { aspectOf, asksPrice } = createAspectReader(lx, measureQuestion);
  const askedLeads = lx.askedLeads.map((p) => p.split(' '));
  const joins = new Set(lx.continuation.lead.filter((w) => !w.includes(' ')));
  const { purposeOf, ageOf, saysPronoun } = messageSpans(lx, joins);
  const selectorWords = new Set(lx.ordinalSelectors);
  const ordinalWords = new Set(Object.keys(lx.ordinals).filter((k) => !k.includes(' ')));
  const sizeOrderPhrases = [...lx.sizeOrder.largest, ...lx.sizeOrder.smallest];
  const optionNameWords = new Set(Object.values(lx.optionNames).flatMap((ws) => ws.filter((w) => !w.includes(' '))));
  // Words that rule out the next one; "non" stays with its word ("non slip").
  const negations = new Set(lx.negations.filter((n) => !n.includes(' ') && n !== 'non'));
  const describing = new Set(
    [...Object.values(lx.yesOptionNames).flat(), ...lx.materials].filter((w) => !w.includes(' ')),
  );
  const leads = { negations, articles: new Set(lx.articles), uses: new Set(lx.useLinks), describing };
  const cartPhrases = [...lx.cartWords].sort((a, b) => b.length - a.length);
  const idioms = [...lx.idioms].sort((a, b) => b.length - a.length);
  const synonyms = Object.entries(lx.synonyms).sort((a, b) => b[0].length - a[0].length);
  const phraseSynonyms = synonyms.filter(([w]) => w.includes(' '));
  const wordSynonyms = new Map(synonyms.filter(([w]) => !w.includes(' ')).map(([w, o]) => [stem(w), [w, o] as const]));
  const openers = [...lx.openers].sort((a, b) => b.length - a.length);
  const sizeCues = new Set(lx.sizeCues.flatMap((c) => c.split(' ')));
  const genderOf = new Map(Object.entries(lx.genders).flatMap(([g, ws]) => ws.map((w) => [w, g] as const)));
  const orderWords = new Set([...lx.orderWords, ...lx.latest, ...lx.orderWords.map(stem)]);
  const numberWords = new Set(Object.keys(lx.numbers).filter((k) => !k.includes(' ')));
  const measures = new Set(lx.price.measures);
  const common = (word: string) => pack.knownWords.has(word) || pack.knownWords.has(stem(word));
  // What a policy question asks, in the policies' language ("قديش بياخد" → how long does it take).
  const askedWords = questionGlossFor(lx.code);

  /** Normalized words of one sentence: hyphenated words split, cart names marked, run-together names split. */
  function wordsOf(sentence: string, index: ShopIndex | null): string[] {
    // Hyphenated words are two words, as the shop's names are indexed ("two-person", "x-ray").
    const text = normalize(sentence)
      .replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}])|(?<=[\p{L}])-(?=[\p{N}])/gu, ' ')
      // "2x", "x4": a count, as shop notes write it (not "20x30", a dimension).
      .replace(
        /(?<![\p{L}\p{N}.,])(\d{1,3})\s?x(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])x\s?(\d{1,3})(?![\p{L}\p{N}x])/gu,
        (_, a, b) => a ?? b,
      );
    // Cart words first, so "my shopping bag" never reads as a product type.
    let scan = ` ${text} `;
    for (const c of cartPhrases) scan = scan.split(` ${c} `).join(' __cart__ ');
    // "duties on top of that": a saying's words are no product words.
    for (const i of idioms) scan = scan.split(` ${i} `).join(' ');
    // A word the shop spells another way (a synonym in the lexicon): the shop's word for it.
    if (index) {
      const theirs = (word: string, others: string[]) => index.spelling(word, others)?.replace(/-/g, ' ');
      for (const [word, others] of phraseSynonyms) {
        // In any form of its last word ("power banks" for "power bank").
        const said = phraseAsSaid(scan, word);
        const t = said ? theirs(word, others) : undefined;
        if (said && t) scan = scan.split(` ${said} `).join(` ${t} `);
      }
      // A one-word synonym in any form ("rucksacks" for "rucksack").
      scan = scan.replace(/\S+/g, (w) => {
        const entry = wordSynonyms.get(stem(w));
        return (entry && theirs(entry[0], entry[1])) || w;
      });
    }
    return scan
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => index?.split(w) ?? [w]);
  }

  /** A size with its cue: "size 42", "in M", "eu 43", "in medium". */
  function sizeOf(
    words: string[],
    raw: string,
    index: ShopIndex | null,
    links: Links,
  ): (Span & { value: string }) | null {
    const shopSizes = index ? index.optionValues('size') : [];
    // "43-46" typed for the shop's "43–46": the same size whatever the dash.
    const shopSize = (v: string) =>
      shopSizes.find((s) => s.toLowerCase() === v.toLowerCase()) ??
      (/\d/.test(v) ? shopSizes.find((s) => phraseKey(s) === phraseKey(v)) : undefined);
    const spell = (v: string) => shopSize(v) ?? lx.sizes[v.toLowerCase()] ?? v.toUpperCase();
    for (let i = 0; i + 1 < words.length; i++) {
      const cue =
        sizeCues.has(words[i]) || (words[i] === 'in' && (lx.sizes[words[i + 1]] || /^\d{2}(\.5)?$/.test(words[i + 1])));
      if (!cue) continue;
      const two = `${words[i + 1]} ${words[i + 2] ?? ''}`.trim();
      if (words[i + 2] && lx.sizes[two]) return { start: i, end: i + 3, value: spell(lx.sizes[two]) };
      const v = words[i + 1];
      if (/^\d{1,2}([.,]5)?$/.test(v) || lx.sizes[v] || shopSize(v)) {
        return { start: i, end: i + 2, value: spell(lx.sizes[v] ?? v.replace(',', '.')) };
      }
    }
    // "for men 44", "clogs 44": a number right after who it is for or the product, when the shop has that size.
    for (let i = 1; i < words.length; i++) {
      const after = genderOf.has(words[i - 1]) || (links.type && links.type.end === i);
      const v = words[i];
      if (after && /^\d{1,2}([.,]5)?$/.test(v) && shopSizes.some((x) => x.toLowerCase() === v)) {
        return { start: i, end: i + 1, value: spell(v) };
      }
    }
    // "the warm ones, 39-42, white": a range the shop sells as a size, said bare.
    const range = words.findIndex((w) => /^\d+-\d+$/.test(w) && shopSize(w));
    if (range >= 0) return { start: range, end: range + 1, value: spell(words[range]) };
    // "grey tunic L": a bare letter size, trusted only when typed in capitals.
    const letter = /(?<![\w'-])(XXS|XS|S|M|L|XL|XXL|XXXL)(?![\w'-])/.exec(raw)?.[1];
    if (letter) {
      const at = words.indexOf(letter.toLowerCase());
      if (at >= 0) return { start: at, end: at + 1, value: spell(letter) };
    }
    return null;
  }

  return {
    intentModel,
    lexicon: lx,
    understand(raw: string, index: ShopIndex | null): Understanding {
      // Sentence by sentence, so a request is read apart from the greeting or story around it.
      const sentenceOf: number[] = [];
      const rawSentences = splitSentences(raw);
      const words = rawSentences.flatMap((sentence, n) => {
        const ws = wordsOf(sentence, index);
        ws.forEach(() => sentenceOf.push(n));
        return ws;
      });
      const text = words.join(' ');
      const joined = text;
      let price = slots.price(joined);
      const order = ORDER_REF.exec(raw)?.[1] ?? null;
      const ordinal = slots.ordinal(joined);
      const priceRef = slots.priceReference(joined);
      // "I'll take 4 for our camping weekend": what a thing is for names no product or kind wanted.
      const forWhat = purposeOf(words, sentenceOf);
      // "<kind> for a 7 year old": the age names no size, count or product; a child wants kids' things.
      const age = ageOf(words);
      // "Good morning!" greets; it names no product called Morning.
      const opener = openerAt(words, openers);
      const unlinked = (i: number) => forWhat.has(i) || i < opener;
      const linked = words.map((w, i) => (unlinked(i) || age?.at.has(i) ? '__for__' : w));
      const links: Links = index
        ? linkBySentence(index, linked, sentenceOf, pack.knownWords)
        : { words: words.map(stem), products: [], type: null, vendor: null, options: [] };
      links.words = links.words.map((w, i) => (unlinked(i) ? stem(words[i]) : w));
      // A kind said only in the pack's own filler words is none: German "hat die …" asks, it names no hat.
      const kindAt = links.type ? words.slice(links.type.start, links.type.end) : [];
      if (kindAt.length && kindAt.every((w) => pack.fillers.has(w))) links.type = null;
      // "how long does it burn?" asks about a length; it names no option value Long.
      links.options = links.options.filter((o) => !measureQuestion.has(words[o.start - 1] ?? ''));
      // "is that real silver?" asks; "is that blue one any good?" still picks the blue one.
      for (const o of links.options) {
        const picks = selectorWords.has(words[o.end] ?? '');
        if (!picks && askedLeads.some((lead) => endsAt(words, lead, o.start))) o.asked = true;
      }
      const size = sizeOf(age ? linked : words, raw, index, links);
      // "kites 50-70": a range of two amounts is a budget unless it is a size or another option value.
      // "300-400 to spend": the range, not only its ceiling.
      const taken = size ? [size, ...links.options] : links.options;
      const range = slots.bareRange(words, taken, (text) => index?.hasOptionValue(text) ?? false);
      if (range && (!price || (price.minPrice === undefined && price.maxPrice === range.maxPrice))) price = range;

      // Placeholders, strongest claim first; a position keeps the first claim.
      const claim: (string | null)[] = words.map(() => null);
      const mark = (span: Span | null | undefined, token: string) => {
        if (!span) return;
        for (let i = span.start; i < span.end; i++) if (claim[i] === null) claim[i] = i === span.start ? token : '';
      };
      if (order) {
        const parts = order.toLowerCase().replace(/^#/, '').split('-');
        const at = words.findIndex((w, i) => parts.every((p, k) => words[i + k]?.replace(/^#/, '') === p));
        if (at >= 0) mark({ start: at, end: at + parts.length }, '__order__');
      }
      const claimOpener = opener > 0 && opener < words.length;
      if (age) mark({ start: Math.min(...age.at), end: Math.max(...age.at) + 1 }, '__age__');
      mark(price, '__price__');
      mark(size, '__size__');
      const product = links.products[0];
      // A title's kind and colour words alone ("gold necklaces") name the kind, not the one product they fit;
      // its whole title still names it.
      const stems = new Set(words.map(stem));
      const wholeTitle = (title: string) => tokens(title).every((t) => stems.has(stem(t)));
      const namesProduct = product && (product.distinctive > 0 || !links.type || wholeTitle(product.title));
      if (namesProduct && (!links.type || product.end - product.start > links.type.end - links.type.start)) {
        mark(product, '__product__');
      }
      mark(links.type, '__type__');
      mark(links.vendor, '__vendor__');
      for (const o of links.options) mark(o, o.kind === 'size' ? '__size__' : `__${o.kind}__`);
      mark(ordinal, '__ordinal__');
      words.forEach((w, i) => {
        if (claim[i] === null && (/^\d+([.,]\d+)?$/.test(w) || numberWords.has(w)) && slots.count(w) !== undefined) {
          claim[i] = '__num__';
        }
      });
      // "any left in a 44?" asks whether it is in stock: the stock words name no product.
      const stockAt = [...phrasePositions(words, lx.aspects.stock ?? [])].filter((i) => !index?.knows(words[i]));
      const skipped = new Set([...forWhat, ...stockAt]);
      // A greeting before a request is not part of it ("good morning, a navy jumper please").
      const forQuery = claim.map((c, i) =>
        skipped.has(i) ? '__skip__' : claimOpener && i < opener && c === null ? '' : c,
      );
      const tokensOf = (keep: (i: number) => boolean) =>
        words
          .map((w, i) => (keep(i) ? (claim[i] === null ? w : claim[i]) : ''))
          .filter((w) => w !== '')
          .map((w) => (w === '__cart__' ? 'cart' : w))
          .join(' ');
      const delex = tokensOf(() => true);
      const sentenceIds = [...new Set(sentenceOf)];
      // The intent of "hey, can you show me sofas" is that of its request, not of its greeting.
      const afterOpener = (i: number) => !claimOpener || i >= opener;
      const classify = (text: string) => intentModel().classify(text);
      let request = classifyRequest(
        classify,
        personWords,
        tokensOf(afterOpener),
        sentenceIds.map((n) => tokensOf((i) => sentenceOf[i] === n && afterOpener(i))),
        sentenceIds.map((n) => (rawSentences[n] ?? '').trim().endsWith('?')),
      );
      // "thanks a lot": an opener that is the message's point, when the whole reads surer than what follows it.
      const whole = claimOpener && sentenceIds.length === 1 ? classify(delex) : [];
      if (whole[0]?.p > request.scores[0].p) request = { scores: whole, sentence: null };
      // "drop the <kind>, my old one still works": an unsure reading of one sentence is that of its surest clause;
      // not a question's ("the <name> one, is that for men?" asks, whatever its first clause says).
      const asks = asksQuestion(raw);
      // "make it two, then I have one for my mother too": a search naming nothing of the shop's is no search.
      const searchesNothing =
        request.scores[0].intent === 'search' && !/__[a-z]+__/.test(delex.replace(/__num__/g, ''));
      if (request.sentence === null && (unsure(request.scores) || searchesNothing) && !asks) {
        const clauseOf = clausesOf(rawSentences, (text) => wordsOf(text, index));
        const clauses = [...new Set(clauseOf)].map((c) => tokensOf((i) => clauseOf[i] === c && afterOpener(i)));
        const best = clauses.length > 1 ? surestClause(clauses.map(classify)) : null;
        if (best) request = { scores: best, sentence: null };
      }
      const intents = request.scores;

      // "32 gigs", "59 cm": a number with a unit is a measure, no count.
      const counted = (i: number) => claim[i] === '__num__' && !measures.has(words[i + 1] ?? '');
      const numbers = words.flatMap((w, i) => (counted(i) ? [slots.count(w)!] : []));
      // "do you guys have…" speaks to the shop; it says nothing about who the thing is for.
      const addressed = phrasePositions(words, lx.addressPhrases);
      const said = words.map((w, i) => (addressed.has(i) ? undefined : genderOf.get(w))).find(Boolean);
      const gender = said ?? (age?.child ? 'kids' : null);
      // The product words of the request's own sentence; the story around it only through the shop's words.
      const requestAt = request.sentence === null ? null : sentenceIds[request.sentence];
      const inRequestSentence = (i: number) => requestAt === null || sentenceOf[i] === requestAt;
      // "Die Hose war super. Gibt es die noch in L?": a request naming no kind that points back keeps the story's kind.
      const type = links.type;
      const saidBefore = requestAt !== null && type && !inRequestSentence(type.start);
      const pointsBack =
        saidBefore &&
        !links.products.some((p) => inRequestSentence(p.start)) &&
        phraseIn(words.filter((_, i) => inRequestSentence(i)).join(' '), lx.pronouns);
      const inRequest = (i: number) => inRequestSentence(i) || (!!pointsBack && i >= type.start && i < type.end);
      if (requestAt !== null) {
        // "I already have the grey ones. Add the blue ones.": products named in the story are not the
        // request's, unless it points back at them ("I love the Wren Kite. Please add it.").
        const own = links.products.filter((p) => inRequest(p.start));
        const request = words.filter((_, i) => inRequest(i)).join(' ');
        // "Quillon Lamp, brass, tall. Add.": a request naming nothing itself acts on what was named.
        const namesNothing =
          !own.length && !links.options.some((o) => inRequest(o.start)) && !(links.type && inRequest(links.type.start));
        if (!namesNothing && (own.length || !phraseIn(request, lx.pronouns))) links.products = own;
      }
      let queryWords = queryWordsOf(
        words,
        links.words,
        forQuery.map((c, i) => (inRequest(i) ? c : '__skip__')),
        stop,
        genderOf,
        index,
        common,
        leads,
      );
      if (!queryWords.length && request.sentence !== null) {
        const shopOnly = forQuery.map((c, i) => (c !== null || index?.knows(words[i]) ? c : '__skip__'));
        queryWords = queryWordsOf(words, links.words, shopOnly, stop, genderOf, index, common, leads);
      }
      // "cheap stuff for my dorm": when what it is for is all the message says, it is what to look for.
      if (!queryWords.length && forWhat.size) {
        const withPurpose = forQuery.map((c, i) => (forWhat.has(i) ? claim[i] : c));
        queryWords = queryWordsOf(words, links.words, withPurpose, stop, genderOf, index, common, leads);
      }
      // "max cushioning", "keep my coffee hot": what the shop records is searched for with all its words,
      // those the catalog search reads as asking for it, though a dialog would drop them.
      const recorded = index ? valuedRequest(words.join(' '), index.valued)?.answered : undefined;
      const attributeWords = links.words.filter((w, i) => inRequest(i) && recorded?.has(stem(words[i])));
      const unsaid = attributeWords.filter((w) => !queryWords.some((q) => stem(q) === w));
      if (unsaid.length && queryWords.length) queryWords = [...unsaid, ...queryWords];
      const mentions = {
        pronoun: saysPronoun(words, links),
        cheaper: phraseIn(joined, lx.cheaper),
        pricier: phraseIn(joined, lx.pricier),
        both: phraseIn(joined, lx.both),
        everything: phraseIn(joined, lx.everything) || phraseIn(normalize(raw), lx.everything),
        cart: words.includes('__cart__'),
        latest: phraseIn(joined, lx.latest),
        affirm: phraseIn(joined, lx.affirm),
        deny: phraseIn(joined, lx.deny),
        largest: phraseIn(joined, lx.sizeOrder.largest),
        smallest: phraseIn(joined, lx.sizeOrder.smallest),
        // "!!" is frustration only where nothing cheerful is said ("thanks so much!!" is not).
        frustrated:
          phraseIn(normalize(raw), lx.frustration) || (/!{2,}|\?!|!\?/.test(raw) && !CHEERFUL.has(intents[0].intent)),
        previous: phraseIn(joined, lx.previous),
        recall: phraseIn(joined, lx.recall),
        correction: phraseIn(joined, lx.corrections),
      };
      // "what colours r there?", "add the big one": an option's name, or a size chosen by its order, is never
      // what to look for.
      const bySizeOrder = [...phrasePositions(words, sizeOrderPhrases)].map((i) => words[i]);
      const notWanted = new Set([...optionNameWords, ...bySizeOrder]);
      // "need a sofa first": a position word that picks nothing is no product word either, unless the shop's.
      const unpicked = (w: string) => ordinalWords.has(w) && !index?.knows(w);
      queryWords = queryWords.filter((w) => !notWanted.has(w) && !unpicked(w));
      return {
        raw,
        language: lx.code,
        baseText: withoutFillers(askedWords ? askedWords.apply(raw) : raw, pack.fillers),
        words: links.words,
        intents,
        intent: intents[0].intent,
        confidence: intents[0].p,
        delexicalized: delex,
        links,
        price,
        orderId: order,
        ordinal,
        priceRef,
        quantity: numbers[0] ?? (phraseIn(joined, lx.countOne) ? 1 : null),
        increment: phraseIn(joined, lx.increment),
        aspect: aspectOf(joined),
        asksPrice: asksPrice(joined, words),
        month: monthOf(words, lx.months),
        gender,
        queryWords,
        ruledOut: ruledOutWords(words, stop, index, leads),
        // An order question may name the product in any sentence ("Where's my desk fan? I ordered it in May.").
        orderProductWords: queryWordsOf(words, links.words, forQuery, stop, genderOf, index, common, leads).filter(
          (w) => !orderWords.has(w) && !orderWords.has(stem(w)) && (!index || index.knows(w)),
        ),
        orderKindTitles: links.type && index ? index.titlesOfKind(links.type.handles) : [],
        options: links.options,
        size: size?.value ?? null,
        mentions,
      };
    },
  };
}

export type UnderstandingEngine = ReturnType<typeof createUnderstanding>;
