import { loadLanguagePack } from './models/offline/language-pack.js';
import { normalize } from './models/offline/normalize.js';

/** Words around a yes or no that change nothing ("yes please, thanks!"). */
const FILLER = /\b(please|thanks|thank you|thx|ok|okay)\b/g;

type Answer = 'yes' | 'no' | null;

function readerOf(language: string): (text: string) => Answer {
  const { lexicon } = loadLanguagePack(language);
  const yes = new Set([...lexicon.affirm, ...lexicon.confirmAction].map(normalize));
  const no = new Set(lexicon.deny.map(normalize));
  return (text) => {
    const said = normalize(text);
    const core = said.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
    if (yes.has(said) || (core && yes.has(core))) return 'yes';
    if (no.has(said) || (core && no.has(core))) return 'no';
    return null;
  };
}

/**
 * Reads a shopper's message as a plain yes or no to the one change waiting for them, with the
 * words of the conversation's language pack (which has English's too: "ok" is a yes in any); a
 * message that says anything more ("yes but in blue") is neither, and goes to the assistant.
 */
export function createConfirmationReader(defaultLanguage = 'en') {
  const readers = new Map<string, (text: string) => Answer>();
  return (text: string, language = defaultLanguage): Answer => {
    let read = readers.get(language);
    if (!read) readers.set(language, (read = readerOf(language)));
    return read(text);
  };
}
export type ConfirmationReader = ReturnType<typeof createConfirmationReader>;
