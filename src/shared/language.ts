/**
 * The languages Concierge speaks, and the two text helpers every layer shares: folding the
 * spelling variants of Arabic-script text, and telling a message's language from its words.
 * Adding a language is adding its code here and its data folders (docs/languages.md).
 */
export const LANGUAGES = ['en', 'fa', 'ar', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/** Languages written right to left. */
export const isRtl = (language: Language): boolean => language === 'fa' || language === 'ar';

/** The language of a BCP 47 tag ("fa-IR" → fa), or null when Concierge does not speak it. */
export function languageOfTag(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : null;
}

const PERSIAN_DIGITS = /[\u06f0-\u06f9]/g;
const ARABIC_DIGITS = /[\u0660-\u0669]/g;
// Harakat, superscript alef and Quranic marks: optional in everyday writing.
const DIACRITICS = /[\u064b-\u065f\u0670\u06d6-\u06ed]/g;
const TATWEEL = /\u0640/g;

/**
 * Folds the ways one word is typed in Arabic script, so that the shopper's spelling and the
 * catalog's meet: Arabic and Persian yeh and kaf (ي/ی، ك/ک), alef maksura, teh marbuta as heh,
 * alef with hamza or madda as bare alef, no tatweel or diacritics, Persian and Arabic-Indic digits
 * and separators as ASCII, the Arabic question mark as "?" (so a question reads as one in any
 * script), and the zero-width non-joiner as a space ("کفش‌ها" → "کفش ها").
 * Text in other scripts is returned unchanged.
 */
export function foldArabicScript(text: string): string {
  return text
    .replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/\u061f/g, '?')
    .replace(TATWEEL, '')
    .replace(DIACRITICS, '')
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/\u0629/g, '\u0647')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u200c/g, ' ');
}

const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/g;
const LATIN = /[a-zA-Z\u00c0-\u024f]/g;
// Letters only Persian uses, and letters only Arabic uses (before folding).
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/g;
const ARABIC_LETTERS = /[\u0629\u064a\u0643\u0649\u0623\u0625]/g;

// Frequent words that say which language a sentence is in (folded spelling).
const TELLING_WORDS: Record<Language, readonly string[]> = {
  en: words(`the and i you is are for with do does have has what want need please my me show looking can could
    would how where any some it this that under thanks thank hi hello hey your of to in on`),
  de: words(`ich und nicht ein eine einen ist der die das für mit bitte haben habe gibt es suche möchte wie was wo
    mein meine meinen danke hallo unter zu auf kann können ihr sie du dem den zeig zeige brauche bis größe
    bestellung rückgabe warenkorb guten tag dann zwei drei vier fünf paar noch auch oder aber sind wir mir mich
    uns euch nur schon jetzt gleich doch mal denn welche welches welcher dazu davon nehme nehm gebt gib stück
    habt hast hab hätte hätten würde bei vom zum zur im ins aus nach über dieser diese dieses kostet kosten
    lieber leider gerne gern kein keine sehr wieviel wann warum welchen euer eure euren ihnen sendung paket
    lieferung versand zurück wieder geht passt stimmt eigentlich vielleicht herren damen kinder fuer moechte
    groesse zurueck ueber hoi zäme zaeme grüezi gruezi servus moin tschüss tschuess salü sali`),
  fa: words(`می است را این برای چه یک من دارید دارم میخوام میخواهم خواهم لطفا زیر کمتر از به با که سلام ممنون
    مرسی چطور کجا سفارش سبد هست نه بله آره ارزان تر دومی اولی خرید قیمت تومان کنم کنید شما دارین داره رو میشه چقدره بدید بدین
    چی کی کجاست خوام هستم ممنونم مرسی خداحافظ`),
  ar: words(`في من هل اريد على ما لا هذا هذه انا لديكم عندكم مع الى او شكرا مرحبا اهلا طلبي السلة اقل تحت ارید
    ابحث عن لو سمحت نعم الثاني الاول سعر درهم ريال يمكنني ممكن اذا التي الذي ابي ابغى بدي عايز
    شو وش ايش فين وين كمان بس طيب ليش امتى متى كيف شكرا مع السلامة
    اللي يلي واش عندو عندك قداش شحال بغيت ديال دابا كيفاش نجم متاع برشا ازيك عايزه دلوقتي ايه كده ليه هلق هيك لسه
    ممكن حطيلي خليها خليهم ضيف زيد عطني`),
};

function words(list: string): string[] {
  return foldArabicScript(list).split(/\s+/).filter(Boolean);
}

/** Ratios from letters alone: a Latin or Arabic-script message and which of each pair it leans to. */
function scriptScores(text: string): { arabic: number; latin: number; fa: number; ar: number } {
  return {
    arabic: text.match(ARABIC_SCRIPT)?.length ?? 0,
    latin: text.match(LATIN)?.length ?? 0,
    fa: text.match(PERSIAN_LETTERS)?.length ?? 0,
    ar: text.match(ARABIC_LETTERS)?.length ?? 0,
  };
}

function wordScore(words: readonly string[], language: Language): number {
  const known = TELLING_WORDS[language];
  let score = words.filter((w) => known.includes(w)).length;
  // Arabic's article on a noun: "الجري", "الاحذیه".
  if (language === 'ar') score += words.filter((w) => w.length > 3 && w.startsWith('ال')).length * 0.5;
  if (language === 'de') score += words.filter((w) => /[äöüß]/.test(w)).length * 0.5;
  return score;
}

/**
 * The language a message is written in, from its script and its words; null when nothing in it
 * tells (an order number, "ok", a product name), so the conversation keeps its language.
 */
export function detectLanguage(text: string): Language | null {
  const s = scriptScores(text);
  const tokens = foldArabicScript(text.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // Latin words around a few Arabic-script ones may be a name the shop spells so ("زيد عليهم الـ <name> can"):
  // the script whose words outnumber the other's telling words tells.
  const arabicWords = tokens.filter((w) => /[\u0600-\u06ff]/.test(w)).length;
  const latinTells = wordScore(tokens, 'en') + wordScore(tokens, 'de');
  if (s.arabic > s.latin || (arabicWords >= 2 && arabicWords > latinTells)) {
    const fa = wordScore(tokens, 'fa') + s.fa * 0.5;
    const ar = wordScore(tokens, 'ar') + s.ar * 0.5;
    if (fa === ar) return fa > 0 ? 'fa' : null;
    return fa > ar ? 'fa' : 'ar';
  }
  if (s.latin === 0) return null;
  const en = wordScore(tokens, 'en');
  const de = wordScore(tokens, 'de');
  if (en === de) return null;
  return en > de ? 'en' : 'de';
}
