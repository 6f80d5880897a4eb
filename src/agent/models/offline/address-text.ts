import { foldArabicScript } from '../../../shared/language.js';
import type { Lexicon } from './language-pack.js';
import { escapeRegex } from './normalize.js';

/** A postal address read from a message, in the shape the order tools take. */
export interface ParsedAddress {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
}

/**
 * Postcode shapes, most specific first: British and Canadian, Dutch, then the digit groups most
 * countries use (5+4 ZIP, 4-3, 2-3, 3 2, 4 to 6 digits). Only parts after the street are searched,
 * so a house number is never taken for one.
 */
const POSTCODES = [
  /(?<![\p{L}\p{N}])([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])([A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])(\d{4}\s?[A-Z]{2})(?![\p{L}\p{N}])/u,
  /(?<![\p{L}\p{N}-])(\d{5}-\d{4}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{2}|\d{4,6})(?![\p{L}\p{N}-])/u,
];

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const hasLetter = (s: string) => /\p{L}/u.test(s);

/** The country a part ends with ("London NW1 6XE UK" → GB and "London NW1 6XE"), from the language's names. */
function trailingCountry(part: string, lx: Lexicon): { code: string; rest: string } | null {
  const words = part.split(' ');
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const said = words.slice(-n).join(' ').toLowerCase().replace(/\./g, '');
    const code = lx.countries[said];
    if (code) return { code, rest: words.slice(0, -n).join(' ') };
  }
  return null;
}

/** Street, (more lines), postcode and city, country: comma-separated parts, as people write an address. */
function readParts(text: string, lx: Lexicon): ParsedAddress | null {
  let said = text.replace(/[.!?\s]+$/, '');
  for (const tail of lx.addressTail) {
    const end = new RegExp(`[\\s,]+${escapeRegex(tail)}[.!?]*$`, 'iu');
    said = said.replace(end, '');
  }
  const parts = said
    // Arabic-script commas and semicolons ("،" "؛") part an address as Latin ones do.
    .split(/\s*[,;،؛\n]\s*/)
    .map(clean)
    .filter(Boolean);
  if (parts.length < 2) return null;
  const country = trailingCountry(parts.at(-1)!, lx);
  if (!country) return null;
  parts[parts.length - 1] = country.rest;
  const rest = parts.filter(Boolean);
  if (rest.length < 2) return null;
  let postalCode: string | undefined;
  let region: string | undefined;
  for (let i = rest.length - 1; i >= 1 && postalCode === undefined; i--) {
    for (const pattern of POSTCODES) {
      const m = pattern.exec(rest[i]);
      if (!m) continue;
      postalCode = m[1].toUpperCase();
      rest[i] = clean(rest[i].replace(m[0], ' '));
      // "Springfield, IL 62704": a short code left beside the postcode is the region.
      if (/^[A-Z]{2,3}$/.test(rest[i]) && i >= 2) {
        region = rest[i];
        rest[i] = '';
      }
      break;
    }
  }
  const lines = rest.filter(Boolean);
  const [line1, ...more] = lines;
  const city = more.pop();
  // A street has a number and a name; a city has no digits.
  if (!line1 || !city || !/\d/.test(line1) || !hasLetter(line1) || /\d/.test(city) || !hasLetter(city)) return null;
  return {
    line1,
    ...(more.length ? { line2: more.join(', ') } : {}),
    city,
    ...(region ? { region } : {}),
    ...(postalCode ? { postalCode } : {}),
    country: country.code,
  };
}

/**
 * The new address a message gives ("… to 12 Main Street, Springfield 12345, USA", "my new
 * address is …"), read after one of the language's lead words or as the whole message; null unless street, city and
 * country are all clearly there, so the shopper is asked rather than an address guessed.
 */
export function parseAddress(raw: string, lx: Lexicon): ParsedAddress | null {
  const leads = lx.addressLead.map(escapeRegex).join('|');
  if (!leads) return null;
  const at = new RegExp(`(?:^|\\s)(?:${leads})\\s+|:\\s*`, 'giu');
  for (const m of raw.matchAll(at)) {
    const parsed = readParts(raw.slice(m.index + m[0].length), lx);
    if (parsed) return parsed;
  }
  // An address given alone, as the answer to "what's the new address?".
  return readParts(raw, lx);
}

/** A text as the gloss and the folding leave it: letters folded, lower case, words only. */
const folded = (text: string) =>
  foldArabicScript(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The words of `value` as the shopper typed them in `typed` (their letters, case and marks), else `value`. */
function typedSpan(value: string, typed: string): string {
  const target = folded(value);
  if (!target) return value;
  const words = [...typed.matchAll(/[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}\u200c'’.-]*/gu)];
  const keys = words.map((w) => folded(w[0]));
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < words.length && joined.length < target.length; j++) {
      joined = joined ? `${joined} ${keys[j]}` : keys[j];
      if (joined === target) return typed.slice(words[i].index, words[j].index + words[j][0].length);
    }
  }
  return value;
}

/**
 * An address read from the folded, glossed message, with its street, city and region as the shopper
 * typed them: it goes on a shipping label, so "القاهرة" must not become "القاهره".
 */
export function asTyped(address: ParsedAddress, typed: string): ParsedAddress {
  const keep = (v: string | undefined) => (v === undefined ? undefined : typedSpan(v, typed));
  return {
    ...address,
    line1: typedSpan(address.line1, typed),
    ...(address.line2 !== undefined ? { line2: keep(address.line2) } : {}),
    city: typedSpan(address.city, typed),
    ...(address.region !== undefined ? { region: keep(address.region) } : {}),
  };
}
