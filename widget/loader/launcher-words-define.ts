import { isRtl, LANGUAGES } from '../../src/shared/language.js';
import { CATALOGS } from '../i18n/catalogs.js';
import type { LauncherWords } from './launcher-words.js';

/**
 * The launcher's words and direction in every language, from the message catalogs, as the build's
 * `define` for `__CONCIERGE_LAUNCHER_WORDS__`: the loader runs on every shop page and carries these
 * few strings, not the catalogs.
 */
export function launcherWordsDefine(): Record<string, string> {
  const words = Object.fromEntries(
    LANGUAGES.map((l): [string, LauncherWords] => [
      l,
      { open: CATALOGS[l]['launcher.open'], title: CATALOGS[l]['chat.title'], dir: isRtl(l) ? 'rtl' : 'ltr' },
    ]),
  );
  return { __CONCIERGE_LAUNCHER_WORDS__: JSON.stringify(words) };
}
