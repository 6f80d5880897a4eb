import type { Language } from '../../src/shared/language.js';
import ar from './order-changes/ar.json' with { type: 'json' };
import de from './order-changes/de.json' with { type: 'json' };
import en from './order-changes/en.json' with { type: 'json' };
import fa from './order-changes/fa.json' with { type: 'json' };

/**
 * The words of an order change and of a refusal on the chat's confirm card, one catalog per
 * language with the keys of `en.json` (docs/languages.md); apart from the main catalogs, which the
 * console and the storefront bundle too.
 */
export type OrderChangeKey = keyof typeof en;
export type OrderChangeCatalog = Record<OrderChangeKey, string>;

export const ORDER_CHANGE_CATALOGS: Record<Language, OrderChangeCatalog> = { en, fa, ar, de };
