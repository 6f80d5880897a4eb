import { loadLanguagePack } from './models/offline/language-pack.js';
import { normalize } from './models/offline/normalize.js';

/** Words around a yes or no that change nothing ("yes please, thanks!"). */
const FILLER = /\b(please|thanks|thank you|thx|ok|okay)\b/g;

/**
 * Reads a shopper's message as a plain yes or no to the one change waiting for them, with the
 * language pack's words; a message that says anything more ("yes but in blue") is neither, and
 * goes to the assistant.
 */
export function createConfirmationReader(language = 'en') {
  const { lexicon } = loadLanguagePack(language);
  const yes = new Set([...lexicon.affirm, ...lexicon.confirmAction].map(normalize));
  const no = new Set(lexicon.deny.map(normalize));
  return (text: string): 'yes' | 'no' | null => {
    const said = normalize(text);
    const core = said.replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
    if (yes.has(said) || (core && yes.has(core))) return 'yes';
    if (no.has(said) || (core && no.has(core))) return 'no';
    return null;
  };
}
export type ConfirmationReader = ReturnType<typeof createConfirmationReader>;
