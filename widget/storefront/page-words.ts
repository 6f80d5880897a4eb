import { t, type MessageKey } from '../i18n/live.js';
import { messageNodes } from '../i18n/message-nodes.js';

/** The attributes the page's words may go to, by the data attribute that names their message. */
const ATTRIBUTES = [
  { data: 'i18nPlaceholder', selector: '[data-i18n-placeholder]', attribute: 'placeholder' },
  { data: 'i18nLabel', selector: '[data-i18n-label]', attribute: 'aria-label' },
] as const;

/**
 * The page's own words (headings, labels, the footer) from the catalogs, in the page's language:
 * `data-i18n` names the message for an element's text, `data-i18n-placeholder` and
 * `data-i18n-label` those of its placeholder and `aria-label`. The page's HTML keeps the English
 * as written for a browser without scripts. `{shop}` is the shop's name (`data-shop` on <body>),
 * isolated in the text as a name written the other way.
 */
export function fillPageWords(root: ParentNode = document): void {
  const vars = { shop: document.body.dataset.shop ?? '' };
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n as MessageKey;
    // A <title> shows only its own text, no elements.
    if (el instanceof HTMLTitleElement) el.textContent = t(key, vars);
    else el.replaceChildren(messageNodes(key, vars));
  }
  for (const { data, selector, attribute } of ATTRIBUTES) {
    for (const el of root.querySelectorAll<HTMLElement>(selector)) {
      el.setAttribute(attribute, t(el.dataset[data] as MessageKey, vars));
    }
  }
}
