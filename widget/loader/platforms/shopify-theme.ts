import { asRecord, readJson } from './coerce.js';
import { ownRequest } from './watch-cart-requests.js';

/** Ids of the sections and elements Shopify themes (Dawn and its descendants) give their cart UI. */
const KNOWN_IDS = ['cart-icon-bubble', 'cart-drawer', 'cart-notification-button', 'cart-live-region-text'];
/** The Section Rendering API renders at most five sections per request. */
const MAX_SECTIONS = 5;
const PREFIX = 'shopify-section-';

/** The cart sections this page shows: known ids present on it, and any section whose id names the cart. */
export function cartSectionIds(doc: Document = document): string[] {
  const ids = KNOWN_IDS.filter((id) => doc.getElementById(id) || doc.getElementById(PREFIX + id));
  for (const el of doc.querySelectorAll<HTMLElement>(`[id^="${PREFIX}"]`)) {
    const id = el.id.slice(PREFIX.length);
    if (/cart/i.test(id) && !ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, MAX_SECTIONS);
}

/**
 * The section wrapper in a rendered section's HTML. This is the one place a Concierge bundle parses
 * HTML: the shop's own theme, rendered by its own origin, as the theme itself would insert it; an
 * inert document runs no scripts and loads nothing.
 */
function sectionElement(html: string, id: string): Element | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.getElementById(PREFIX + id) ?? doc.querySelector('.shopify-section');
}

/**
 * Puts one re-rendered section in place: the section wrapper's contents when the page has the
 * wrapper, else (Dawn's header bubble, rendered as its own section) the element with the bare id.
 * The HTML is the shop's own theme, from its own origin, as the theme itself inserts it.
 */
function replaceSection(id: string, html: string): void {
  const fresh = sectionElement(html, id);
  const target = document.getElementById(PREFIX + id) ?? document.getElementById(id);
  if (fresh && target) target.replaceChildren(...[...fresh.childNodes].map((n) => document.importNode(n, true)));
}

/**
 * Re-renders the page's cart sections through the Section Rendering API, then tells the theme's
 * own scripts (events that common themes listen to) that the cart changed.
 */
export async function refreshShopifyTheme(fetchFn: typeof fetch, root: string, cart: unknown): Promise<void> {
  const ids = cartSectionIds();
  if (ids.length) {
    const url = `${root}?sections=${ids.map(encodeURIComponent).join(',')}`;
    const res = await fetchFn(url, ownRequest({ credentials: 'same-origin', headers: { Accept: 'application/json' } }));
    const sections = res.ok ? asRecord(await readJson(res)) : null;
    for (const id of ids) {
      const html = sections?.[id];
      if (typeof html === 'string') replaceSection(id, html);
    }
  }
  const detail = { cart, source: 'concierge' };
  for (const name of ['cart:refresh', 'cart:updated', 'cart:build']) {
    document.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
  }
}
