import { isRtl, type Language } from '../../src/shared/language.js';
import { CATALOGS, type MessageKey } from './catalogs.js';
import { formatDate, formatMessage, formatMoney, formatNumber, type MessageVars } from './format.js';

export type { MessageKey } from './catalogs.js';

/**
 * The language a page's own words are in right now, and the words themselves. A page (the chat,
 * the console, the storefront) has one; parts of it re-label themselves when it changes.
 */
let current: Language = 'en';
const listeners = new Set<(language: Language) => void>();

export const language = (): Language => current;
export const dir = (): 'rtl' | 'ltr' => (isRtl(current) ? 'rtl' : 'ltr');

/** A message from the catalog of the current language (English when a catalog lacks it). */
export function t(key: MessageKey, vars?: MessageVars): string {
  return formatMessage(current, CATALOGS[current][key] ?? CATALOGS.en[key], vars);
}

export const money = (minor: number, currency: string): string => formatMoney(current, minor, currency);
export const number = (n: number): string => formatNumber(current, n);
export const date = (iso: string, style?: 'date' | 'dateTime' | 'time'): string => formatDate(current, iso, style);

/** Switches the page's words to `next`: `lang` and `dir` on the document, then every listener. */
export function setLanguage(next: Language): void {
  const changed = next !== current;
  current = next;
  document.documentElement.lang = next;
  document.documentElement.dir = dir();
  if (changed) for (const listener of listeners) listener(next);
}

/** Calls `listener` whenever the language changes; returns how to stop. */
export function onLanguage(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `apply` now and again whenever the language changes, while `node` is in the document
 * (a node that has left it is forgotten at the next change).
 */
export function relabel<N extends Node>(node: N, apply: (node: N) => void): N {
  apply(node);
  const stop = onLanguage(() => (node.isConnected ? apply(node) : stop()));
  return node;
}
