import { stem } from '../../../catalog/terms.js';
import type { Lexicon } from './language-pack.js';
import { asksQuestion, removePhrase, saysAny } from './normalize.js';
import type { Understanding } from './understanding.js';

/** Readings of one message, from its words and the language's lexicon alone, that the planner asks of it. */

/** Changes a question about the rules may name without asking for them. */
const HYPOTHETICAL_WRITES = new Set(['cart_update', 'cart_remove', 'order_cancel', 'order_return', 'order_swap']);

/**
 * "if it's too tight can I swap it for the large later?": a condition and a permission asked; a
 * polite one ("could I cancel it, if possible?") asks for the change.
 */
function hypothetical(raw: string, lx: Lexicon): boolean {
  const { polite, leads, asks } = lx.hypotheticals;
  const said = polite.reduce((text, p) => removePhrase(text, p), raw.toLowerCase());
  return saysAny(said, leads) && saysAny(said, asks);
}

/** Readings about the shopper's orders, which an order not placed yet cannot be. */
const ORDER_READS = new Set(['order_status', 'order_list']);

/** Whether a change the message names (or a policy reading of it) only asks about the rules. */
export function asksAboutRules(u: Understanding, lx: Lexicon): boolean {
  if (ORDER_READS.has(u.intent)) return saysAny(u.raw, lx.hypotheticals.orders);
  return (HYPOTHETICAL_WRITES.has(u.intent) || u.intent === 'policy') && hypothetical(u.raw, lx);
}

/** Below this, a reading as asking for a person needs the message to name one ("someone", "a human"). */
const SURE_PERSON = 0.7;

/** "Can I pay with <a word never seen>?" read unsurely as asking for a person, naming none: the next reading. */
export function withoutUnnamedPerson(u: Understanding, lx: Lexicon): Understanding {
  const next = u.intents[1];
  if (u.intent !== 'human' || u.confidence >= SURE_PERSON || u.mentions.frustrated || !next) return u;
  const person = new Set(lx.personWords);
  return u.words.some((w) => person.has(w)) ? u : { ...u, intent: next.intent, confidence: next.p };
}

/** A message that only names one more thing after a connective: "and the X", "also a X too". */
export function continues(u: Understanding, lx: Lexicon): boolean {
  // "and the bottle, is it insulated?" asks about it.
  if (asksQuestion(u.raw)) return false;
  const { lead, tail, fillers, purpose } = lx.continuation;
  const text = ` ${u.delexicalized} `;
  const led = [...lead].sort((a, b) => b.length - a.length).find((p) => text.startsWith(` ${p} `));
  if (!led) return false;
  let rest = text.slice(led.length + 2).trim();
  for (let again = true; again;) {
    again = false;
    const t = tail.find((p) => rest.endsWith(` ${p}`));
    if (t) [rest, again] = [rest.slice(0, -t.length).trim(), true];
  }
  // "and the X in M", "the kettle, silver one", "the mug, the sand colour": the options of the
  // thing named come with it, and so do the words around them.
  const filler = new Set(fillers);
  const words = rest
    .replace(/__(size|color|material|option)__/g, '')
    .split(/\s+/)
    .filter((w) => w && !filler.has(w));
  if (words[0] !== '__product__' && words[0] !== '__type__') return false;
  // "… in gold, it's for my husband": who it is for asks for nothing else.
  const after = ` ${words.slice(1).join(' ')} `;
  return after === '  ' || purpose.some((p) => after.startsWith(` ${p} `));
}

/** Whether the message's product words are only the options it names ("teal?", "in red, size M"). */
export function onlyOptionWords(u: Understanding, lx: Lexicon): boolean {
  const optionWords = new Set(u.options.flatMap((o) => o.value.toLowerCase().split(/\s+/)).map(stem));
  // "the red one", "is it …": a product already shown, picked or asked about, not a narrower search.
  const picks = u.words.some((w) => lx.ordinalSelectors.includes(w) || lx.pronouns.includes(w));
  return !picks && u.queryWords.every((w) => optionWords.has(stem(w)));
}
