import { foldArabicScript } from '../../../shared/language.js';

/**
 * Text helpers shared by the offline model's parsers. Everything works on a normalized string:
 * lower case, plain quotes, currency symbols split off, sentence punctuation removed (decimals kept),
 * Arabic-script spelling variants and digits folded (src/shared/language.ts).
 */

export function normalize(text: string): string {
  return (
    foldArabicScript(text.normalize('NFKC'))
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .replace(/[“”«»]/g, '"')
      .replace(/([€$£])/g, ' $1 ')
      .replace(/(?<=\d)\s?[–—]\s?(?=\d)/g, '-')
      // A Persian or Arabic suffix on a number is a word of its own ("۳۹ش", its 39).
      .replace(/(?<=\d)(?=[\u0600-\u06ff])/g, ' ')
      // An Arabic one-letter word joined to a number is a word of its own ("ب١٦٫٩٥", at 16.95).
      .replace(/(?<=(?:^|\s)[\u0628\u0644\u0648\u0641\u06a9])(?=\d)/g, ' ')
      .replace(/[!?;:()"—–…|*~[\]{}؟؛]+/g, ' ')
      // Emoji and their joiners carry tone, not a request ("thx 🙏", "add em 😅").
      .replace(/(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+/gu, ' ')
      .replace(/(?<=^|\s)[-/]+(?=\s|$)/g, ' ')
      .replace(/[.,،]+(?!\d)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Text to match literally inside a regular expression. */
/** Whether a message asks: it has a question mark, Latin or Arabic-script ("؟"). */
export const asksQuestion = (text: string) => /[?؟]/.test(text);

export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex for a whole phrase: not part of a longer word in any script (hyphens and apostrophes
 * count as word characters).
 */
export function phraseRegex(phrase: string, flags = ''): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_'-])${escapeRegex(phrase)}(?![\\p{L}\\p{N}_'-])`, `${flags}u`);
}

export function hasPhrase(text: string, phrase: string): boolean {
  return phraseRegex(phrase).test(text);
}

/**
 * Whether raw text says one of these phrases as whole words (case, punctuation and Arabic-script
 * spelling variants aside: the language packs' phrases are folded as messages are).
 */
export function saysAny(raw: string, phrases: readonly string[]): boolean {
  const t = folded(raw);
  return phrases.some((p) => t.includes(` ${p} `));
}

const folded = (raw: string) =>
  ` ${foldArabicScript(raw)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `;

/**
 * Whether raw text says one of these phrases, a verb and its particle ("take out") also with up to
 * three words between them ("take the <kind> out").
 */
export function saysVerbAny(raw: string, phrases: readonly string[]): boolean {
  if (saysAny(raw, phrases)) return true;
  const t = folded(raw);
  const split = phrases.map((p) => p.split(' ').map(escapeRegex)).filter((w) => w.length === 2);
  return split.some(([verb, particle]) => new RegExp(` ${verb}(?: \\S+){1,3} ${particle} `, 'u').test(t));
}

export function hasAny(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => hasPhrase(text, p));
}

export function removePhrase(text: string, phrase: string): string {
  return tidy(text.replace(phraseRegex(phrase, 'g'), ' '));
}

export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function words(text: string): string[] {
  return text
    .split(' ')
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter(Boolean);
}

/** A crude stem so "kites" matches "Kite" and "boxes" matches "box". */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};

/** "3" → 3, "three" → 3; anything else → undefined. */
export function parseCount(token: string): number | undefined {
  if (/^\d{1,3}$/.test(token)) return Number(token);
  return NUMBER_WORDS[token];
}

export const COUNT_PATTERN = '(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';
