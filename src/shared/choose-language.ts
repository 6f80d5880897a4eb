import { isLanguage, type Language } from './language.js';

/** Each language's name in English (for the model's instructions) and in itself (for people). */
export const LANGUAGE_NAMES: Record<Language, { english: string; native: string }> = {
  en: { english: 'English', native: 'English' },
  fa: { english: 'Persian', native: 'فارسی' },
  ar: { english: 'Arabic', native: 'العربية' },
  de: { english: 'German', native: 'Deutsch' },
};

/** Everything that may say which language to answer in, strongest first. */
export interface LanguageClues {
  /** The language the latest message tells by its words (`detectLanguage`), null when it tells none. */
  message?: Language | null;
  /** The language the conversation was last written in. */
  conversation?: string | null;
  /** The signed-in customer's language (customers.language). */
  customer?: string | null;
  /** The shop page's `lang` or the widget's `data-lang`. */
  page?: string | null;
  /** SHOP_LANGUAGE. */
  shop: Language;
}

/**
 * The conversation's language: the message's when it tells one, else the conversation's so far,
 * else the customer's, else the page's, else the shop's. Values Concierge does not speak are skipped.
 */
export function chooseLanguage(clues: LanguageClues): Language {
  const order = [clues.message, clues.conversation, clues.customer, clues.page];
  return order.find(isLanguage) ?? clues.shop;
}
