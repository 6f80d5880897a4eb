import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { glossFor } from '../../../catalog/catalog-gloss.js';
import { foldArabicScript } from '../../../shared/language.js';
import { expandTemplate, placeholderToken } from './intent-template.js';
import { normalize } from './normalize.js';

/**
 * A language's knowledge for the offline model, as data in `lang/<code>/`: the words that carry a
 * request (budgets, quantities, references, colours, sizes, questions about a product) and the
 * labelled utterances the intent model learns from. Adding a language is adding such a folder.
 */
const phrases = z.array(z.string().min(1));
export const lexiconSchema = z.object({
  code: z.string().min(2),
  queryStopwords: phrases,
  cartWords: phrases,
  /** Sayings whose words name nothing ("on top of that", "by the way"): never product words. */
  idioms: phrases.default([]),
  /** Greetings and openers that start a message ("good morning", "hi there"): never product words. */
  openers: phrases,
  /** Words for the biggest and smallest size ("the big one", "the smaller size"). */
  sizeOrder: z.object({ largest: phrases, smallest: phrases }),
  price: z.object({
    max: phrases,
    maxAfter: phrases,
    min: phrases,
    minAfter: phrases,
    around: phrases,
    between: phrases,
    rangeJoin: phrases,
    currencies: z.record(z.string(), phrases),
    aroundAfter: phrases,
    /** Words that make "about 60" a ceiling ("a budget of about 60", "can spend about 60"). */
    budgetCues: phrases,
    /**
     * Words that may stand between a negation and a floor ("not spending more than"); any other word
     * breaks it ("not smart, more than 1000" is a floor).
     */
    negationBridges: phrases,
    /** Units after a number that make it a measure, not money ("about 59 cm", "under 10 kg"). */
    measures: phrases.default([]),
    aroundSpread: z.number().positive().max(1),
  }),
  numbers: z.record(z.string(), z.number()),
  multipliers: z.record(z.string(), z.number()),
  ordinals: z.record(z.string(), z.number().int()),
  ordinalCues: phrases,
  /** Words after which an ordinal is not a position in a list ("my first flat", "last time"). */
  ordinalStops: phrases,
  /** Words after an ordinal that make it a position ("the second one", "first of those"). */
  ordinalSelectors: phrases,
  /** Words before an ordinal that make it a position ("the second", "that first"). */
  ordinalLeads: phrases.default([]),
  /** Words after an amount that make it a choice among the products shown ("the 45 euro one"); no counting words. */
  priceChoiceWords: phrases.default([]),
  /** Words before an amount that make it a choice among the products shown ("die für 65", "اللي ب ٦٥"). */
  priceChoiceLeads: phrases.default([]),
  /** "if it's too tight can I swap it later?": a condition and a permission asked: about the rules, not the change. */
  hypotheticals: z
    .object({
      polite: phrases.default([]),
      leads: phrases,
      asks: phrases,
      /** An order not placed yet ("if I order now, when does it ship?"): asks the rules, not about an order. */
      orders: phrases.default([]),
    })
    .default({ polite: [], leads: [], asks: [], orders: [] }),
  /** Words before what a thing is for, which is not the thing wanted ("for our camping weekend"). */
  purposeLeads: phrases.default([]),
  /** Words that join a thing to its use ("<thing> for hiking"): the thing is wanted, whatever the shop calls it. */
  useLinks: phrases.default([]),
  /** Articles: a word the shopper usually says otherwise ("down") after one is a product word ("a down jacket"). */
  articles: phrases.default([]),
  /** A child's age ("a 7 year old", "mein Sohn (8)"): the words after a number and the people named before one. */
  ages: z.object({ units: phrases, persons: phrases }).default({ units: [], persons: [] }),
  /** Ordinals that are a position wherever they stand (Persian "دومی", Arabic "الثاني": the article is in the word). */
  positionalOrdinals: phrases.default([]),
  pronouns: phrases,
  cheaper: phrases,
  pricier: phrases,
  both: phrases,
  everything: phrases,
  increment: phrases,
  /** A count of one said in words that are not "that one" ("just one is enough", "only one"). */
  countOne: phrases,
  /** Words that make the next one a question about a measure ("how long"), not an option value (Long). */
  measureQuestion: phrases,
  /** Words before an option value that ask whether the product has it ("is that real silver?"), not which one. */
  askedLeads: phrases.default([]),
  /** Words that say a choice is being changed ("change that to rust", "on second thought make it a 44"). */
  optionChange: phrases,
  /** Ways of addressing the shop that hold a word for people ("you guys"): not who a product is for. */
  addressPhrases: phrases,
  /** Words that take back what was just said ("no sorry, I meant"): the value said after them counts. */
  corrections: phrases,
  colors: phrases,
  colorModifiers: phrases,
  sizes: z.record(z.string(), z.string()),
  sizeCues: phrases,
  optionNames: z.record(z.string(), phrases),
  /** Words saying an option with yes/no values is yes, by option name (a phrase for "water resistance"). */
  yesOptionNames: z.record(z.string(), phrases).default({}),
  aspects: z.record(z.string(), phrases),
  affirm: phrases,
  deny: phrases,
  /** Said alone, these confirm a change waiting for the shopper ("yes", "confirm", "go ahead"), besides `affirm`. */
  confirmAction: phrases.default([]),
  /** Cancellation reasons as the shop's order rules spell them, with the words that give each; none = the default. */
  cancelReasons: z.record(z.string(), phrases).default({}),
  /** The reason given when the shopper names none (one of cancelReasons' keys). */
  defaultCancelReason: z.string().optional(),
  /** Asking to send an order elsewhere ("change the address", "ship it to"). */
  addressChange: phrases.default([]),
  /** Words an address follows in a message ("… to 12 Main St, …", "my new address is …"). */
  addressLead: phrases.default([]),
  /** Words after an address that are not part of it ("…, Denmark please"). */
  addressTail: phrases.default([]),
  /** Countries as shoppers write them (names, common abbreviations) → ISO 3166 code. */
  countries: z.record(z.string(), z.string()).default({}),
  latest: phrases,
  orderWords: phrases,
  genders: z.record(z.string(), phrases),
  /** Spellings that mean the same in option values ("gray" → grey, "litres" → l). */
  aliases: z.record(z.string(), z.string()),
  /** Option values that mean yes or no (an option "Foldable: yes"). */
  booleanValues: z.object({ yes: phrases, no: phrases }),
  negations: phrases,
  /** Question words → the words product data uses for them ("bright" → lumens, brightness). */
  facets: z.record(z.string(), phrases),
  /** Words of text addressed to an assistant ("ignore previous instructions"): never quoted as product data. */
  instructionMarkers: phrases,
  /** What things are made of ("wool", "sterling"): a sentence naming one answers "what is it made of?". */
  materials: phrases,
  /** Comparisons: word → [the facts' words, whether more ("max") or less ("min") wins]. */
  superlatives: z.record(z.string(), z.tuple([z.string(), z.enum(['max', 'min'])])),
  /** "more storage", "less weight": a word before an option's name → whether more or less of it wins. */
  moreLess: z.record(z.string(), z.enum(['max', 'min'])),
  /** Option values that stand in an order, lowest first ("low", "medium", "high"). */
  valueScales: z.array(z.array(z.string())),
  /** Phrases that ask about several products at once ("which of them", "any of those"). */
  plural: phrases,
  /** "and the X", "also a X too": a message naming one more thing after the last action (longest lead first). */
  continuation: z.object({
    lead: phrases,
    tail: phrases,
    /** Words that may stand around the thing named and its options ("the", "one", "colour"). */
    fillers: phrases.default([]),
    /** Who or what the thing is for, after its name ("it's for my husband"): asks for nothing else. */
    purpose: phrases.default([]),
  }),
  /** Words for a person to talk to ("agent", "someone"): a sentence asking for one decides a message. */
  personWords: phrases,
  /** Frustration or abuse: a handoff with high urgency. */
  frustration: phrases,
  /** People a shopper buys for, by who they are ("my husband" → men): narrows products named for both. */
  relations: z.record(z.string(), phrases),
  /** Swapping a cart item for another product ("swap it for the blue kite"). */
  swap: phrases,
  /** Words that take something out of the cart ("drop the cheaper one"). */
  removeWords: phrases.default([]),
  /** Asking for the cheapest or dearest of several ("which is the cheapest", "easiest on the wallet"). */
  priceExtremes: z.object({ min: phrases, max: phrases }).default({ min: [], max: [] }),
  /** Words pointing back past the last list ("you showed me", "from before"): everything shown counts. */
  recall: phrases.default([]),
  /** Month names, for "my October order". */
  months: z.record(z.string(), z.number().int().min(1).max(12)),
  /** "the one before that": the order before the one under discussion. */
  previous: phrases,
  /** Words for the same thing (an everyday word → the trade word): used when the shop calls it by another name. */
  synonyms: z.record(z.string(), phrases),
  /** Words that narrow a list to some of it ("only", "just"): a filter, never a question about one product. */
  restrict: phrases.default([]),
  /** "the same <kind>": a product of the conversation or of an order again, not a new search. */
  same: phrases.default([]),
  /** "packs down small", "too small": words before a size word that make it a description, not a size. */
  notSizeAfter: phrases.default([]),
  /** Phrases that keep the last search's budget for a new request ("any of those in that price range?"). */
  sameBudget: phrases.default([]),
  /** "<kind> to go with them": a thing wanted for the product in focus, for the same use and wearer. */
  companions: phrases.default([]),
  /** "make it 5": a count that replaces the one in the cart, never one added to it. */
  setCount: phrases.default([]),
  /** "swap one of them for the purple one": one of a cart line's several, not the whole line. */
  oneOfThem: phrases.default([]),
  /** Words that join the options picking a product ("the black one with green lenses"): no question in them. */
  pickLinks: phrases.default([]),
  /** Words before an option value that say it is the option wanted, not a name ("in sage", "colour navy"). */
  optionLeads: phrases.default([]),
  /**
   * Everyday things a shop may or may not sell, for `{thing}` in the intent examples: the model learns
   * that "have you got a ___?" asks for a product whatever the noun, since a noun the shop lacks stays as typed.
   */
  exampleThings: z.array(z.string().min(1)).min(10),
});
export type Lexicon = z.infer<typeof lexiconSchema>;

export interface LanguagePack {
  lexicon: Lexicon;
  /** Common words of the language (`words.txt`): never "corrected" into a shop word. */
  knownWords: Set<string>;
  /** Words of this pack's own examples and word list (empty for the base pack): they tell its language. */
  ownWords: Set<string>;
  /**
   * The pack's own filler words (its query stopwords, empty for the base pack): left unglossed in a
   * message, they mean nothing to readers that work in the base language (the policy reader).
   */
  fillers: Set<string>;
  /** Labelled training utterances, placeholders already in their token form (`__type__`…). */
  examples: { intent: string; text: string }[];
}

const LANG_DIR = path.join(import.meta.dirname, 'lang');
/**
 * An example as the intent model reads messages: lower case, no sentence punctuation, hyphens
 * split, the cart's many names ("basket", "shopping bag") as "cart".
 */
function readAs(lexicon: Lexicon) {
  const cartNames = [...lexicon.cartWords].sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = ` ${normalize(text).replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}])|(?<=[\p{L}])-(?=[\p{N}])/gu, ' ')} `;
    for (const c of cartNames) out = out.split(` ${c} `).join(' cart ');
    return out.replace(/\s+/g, ' ').trim();
  };
}

const packs = new Map<string, LanguagePack>();

/** The language every other pack extends (the catalog's): its words stay understood in any message. */
export const BASE_LANGUAGE = 'en';
const BASE = BASE_LANGUAGE;
const SIZE_OR_CODE = /^(x{0,3}[sl]|m|\d*x+l|[\p{L}\p{N}-]*\d[\p{L}\p{N}-]*)$/u;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A pack's lexicon over the base one: lists joined (no repeats), maps merged key by key, values replaced. */
function mergeLexicon(base: Json, extra: Json): Json {
  if (Array.isArray(base) && Array.isArray(extra))
    return [...new Set([...base, ...extra].map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as Json);
  if (isObject(base) && isObject(extra)) {
    const out: Record<string, Json> = { ...base };
    for (const [k, v] of Object.entries(extra)) out[k] = k in base ? mergeLexicon(base[k], v) : v;
    return out;
  }
  return extra;
}

const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every word of a lexicon spelled as normalized messages spell it (Arabic-script variants folded). */
function foldWords(value: Json): Json {
  if (typeof value === 'string') return foldArabicScript(value);
  if (Array.isArray(value)) return value.map(foldWords);
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [foldArabicScript(k), foldWords(v)]));
  return value;
}

/**
 * A phrase of a pack's lists also as the gloss leaves it in a message, when the gloss changes only
 * part of it: "سبد خرید" is read as "basket خرید", so the lexicon must hold that form too. A phrase
 * glossed whole ("kleiner" → "small") is left to the base pack, whose lists say what its words mean.
 */
function glossedForm(phrase: string, apply: (text: string) => string): string[] {
  const own = normalize(phrase).split(' ');
  const glossed = normalize(apply(phrase));
  const kept = glossed.split(' ').some((w) => own.includes(w));
  return glossed !== own.join(' ') && kept ? [phrase, glossed] : [phrase];
}

/** Every list of a lexicon with its phrases' partly glossed forms; map keys stay as written. */
function withGlossed(value: Json, apply: (text: string) => string): Json {
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return [
      ...new Set(value.flatMap((v) => (typeof v === 'string' ? glossedForm(v, apply) : [withGlossed(v, apply)]))),
    ] as Json;
  if (isObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'exampleThings' ? v : withGlossed(v, apply)]),
    );
  return value;
}

const readLexiconFile = (code: string) =>
  foldWords(JSON.parse(readFileSync(path.join(LANG_DIR, code, 'lexicon.json'), 'utf8')) as Json);

/** A pack's lexicon over the base one, and its own query stopwords of one word (none for the base pack). */
function readLexicon(code: string): { lexicon: Lexicon; fillers: Set<string> } {
  const own = readLexiconFile(code);
  if (code === BASE) return { lexicon: lexiconSchema.parse(own), fillers: new Set() };
  const gloss = glossFor(code, BASE);
  const extra = gloss ? withGlossed(own, (text) => gloss.apply(text)) : own;
  const lexicon = lexiconSchema.parse(mergeLexicon(readLexiconFile(BASE), extra));
  const stopwords = lexiconSchema.shape.queryStopwords.parse(isObject(own) ? own.queryStopwords : undefined);
  return { lexicon, fillers: new Set(stopwords.map((w) => normalize(w)).filter((w) => !w.includes(' '))) };
}

function readExamples(dir: string, lexicon: Lexicon, glossed = true): LanguagePack['examples'] {
  const examples: LanguagePack['examples'] = [];
  // Examples are read as messages will be: with the words the catalog's language has glossed.
  const gloss = glossed ? glossFor(lexicon.code, BASE) : null;
  const readAsMessage = readAs(lexicon);
  const asRead = (text: string) => readAsMessage(gloss ? gloss.apply(text) : text);
  const files = readdirSync(dir)
    .filter((f) => /^intents.*\.txt$/.test(f))
    .sort();
  let thing = 0;
  for (const file of files) {
    for (const [n, raw] of readFileSync(path.join(dir, file), 'utf8').split('\n').entries()) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const m = /^([a-z_]+):\s*(.+)$/.exec(line);
      if (!m) throw new Error(`${dir}/${file} line ${n + 1}: expected "intent: utterance"`);
      for (const text of expandTemplate(m[2])) {
        const filled = text.replace(/\{thing\}/g, () => lexicon.exampleThings[thing++ % lexicon.exampleThings.length]);
        examples.push({ intent: m[1], text: asRead(placeholderToken(filled)) });
      }
    }
  }
  return examples;
}

function readKnownWords(code: string): string[] {
  try {
    return readFileSync(path.join(LANG_DIR, code, 'words.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // a language without a word list corrects any unknown word
  }
}

/** The languages with a pack (a folder under `lang/` with a lexicon; replies alone are no pack). */
export function packLanguages(): string[] {
  return readdirSync(LANG_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(LANG_DIR, d.name, 'lexicon.json')))
    .map((d) => d.name)
    .sort();
}

/**
 * Loads (once) and validates a language pack; a broken pack is a clear error at start. A pack
 * other than the base extends the base pack's lexicon and word list (a Persian message naming a
 * colour in English is still understood) but learns intents from its own examples only.
 */
export function loadLanguagePack(code = BASE): LanguagePack {
  const cached = packs.get(code);
  if (cached) return cached;
  const dir = path.join(LANG_DIR, code);
  const { lexicon, fillers } = readLexicon(code);
  const examples = readExamples(dir, lexicon);
  if (code === BASE) {
    const known = new Set(readKnownWords(BASE));
    const pack = { lexicon, examples, knownWords: known, ownWords: new Set<string>(), fillers };
    packs.set(code, pack);
    return pack;
  }
  // A pack's own words tell its language: those of its examples (as written, before the gloss puts
  // catalog words in them) and word list that the base language does not use.
  const base = loadLanguagePack(BASE);
  const baseWords = new Set([...base.knownWords, ...base.examples.flatMap((e) => e.text.split(' '))]);
  const written = readExamples(dir, lexicon, false);
  const listed = [...readKnownWords(code), ...written.flatMap((e) => e.text.split(' '))].filter(
    (w) => !w.startsWith('__') && !/^[\p{N}\p{P}]+$/u.test(w),
  );
  // Sizes (xl, m) and codes with digits are no language's words, even if only one pack's examples use them.
  const own = listed.filter((w) => !baseWords.has(w) && !SIZE_OR_CODE.test(w));
  const pack = {
    lexicon,
    examples,
    knownWords: new Set([...base.knownWords, ...listed]),
    ownWords: new Set(own),
    fillers,
  };
  packs.set(code, pack);
  return pack;
}

/** Whether a language's pack has a file (a pack without `replies.json` answers in the base language). */
export const packHas = (code: string, file: string) => existsSync(path.join(LANG_DIR, code, file));
