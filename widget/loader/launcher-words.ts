export interface LauncherWords {
  /** The launcher button's label. */
  open: string;
  /** The chat frame's title. */
  title: string;
  dir: 'ltr' | 'rtl';
}

// Put in by the build (launcher-words-define.ts), one entry per language; absent when this module runs unbundled.
declare const __CONCIERGE_LAUNCHER_WORDS__: Record<string, LauncherWords> | undefined;

const ENGLISH: LauncherWords = { open: 'Chat with us', title: 'Shopping assistant', dir: 'ltr' };

/**
 * The launcher's words and direction in the page's language (`data-lang` or `<html lang>`, a tag such
 * as `fa-IR` counting as `fa`), before the chat has loaded and said its own: a Persian page's launcher
 * is labelled in Persian and sits on the inline end of a right-to-left page from the start.
 */
export function launcherWords(tag: string | null): LauncherWords & { language: string } {
  const all = typeof __CONCIERGE_LAUNCHER_WORDS__ === 'undefined' ? { en: ENGLISH } : __CONCIERGE_LAUNCHER_WORDS__;
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  const language = Object.prototype.hasOwnProperty.call(all, base) ? base : 'en';
  return { ...(all[language] ?? ENGLISH), language };
}
