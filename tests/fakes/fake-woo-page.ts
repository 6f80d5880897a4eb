import { escapeHtml } from './fake-http.js';
import type { FakeWooProduct } from './fake-woo-cart.js';

/**
 * The theme's cart script: a mini-cart badge that refetches the cart on
 * `wc-blocks_added_to_cart` (as the mini-cart block does), and "Add to cart" buttons that post to
 * the Store API with the page's nonce, keeping the newer nonce each response brings.
 */
const themeScript = `
window.themeEvents = [];
const api = wpApiSettings.root + 'wc/store/v1/';
async function refreshBadge(e) {
  window.themeEvents.push(e.type);
  const cart = await (await fetch(api + 'cart')).json();
  document.querySelector('.wc-block-mini-cart__badge').textContent = String(cart.items_count);
}
document.body.addEventListener('wc-blocks_added_to_cart', refreshBadge);
for (const button of document.querySelectorAll('.add_to_cart_button')) {
  button.addEventListener('click', async () => {
    const res = await fetch(api + 'cart/add-item', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Nonce: wcBlocksMiddlewareConfig.storeApiNonce },
      body: JSON.stringify({ id: Number(button.dataset.product_id), quantity: 1 }),
    });
    wcBlocksMiddlewareConfig.storeApiNonce = res.headers.get('Nonce') || wcBlocksMiddlewareConfig.storeApiNonce;
    button.dataset.status = res.ok ? 'added' : 'refused';
    document.body.dispatchEvent(new CustomEvent('wc-blocks_added_to_cart', { bubbles: true }));
  });
}`;

/** A shop page with WooCommerce's globals, the mini-cart badge and "Add to cart" buttons. */
export function wooShopPage(opts: {
  origin: string;
  nonce: string;
  itemsCount: number;
  products: FakeWooProduct[];
  extraHead: string;
}): string {
  const checkout = `${opts.origin}/checkout/`;
  const settings = { checkoutUrl: checkout, storePages: { checkout: { id: 8, permalink: checkout } } };
  const globals = [
    `window.wpApiSettings = ${JSON.stringify({ root: `${opts.origin}/wp-json/`, nonce: 'wp-rest-nonce' })};`,
    `window.wcSettings = ${JSON.stringify(settings)};`,
    `window.wcBlocksMiddlewareConfig = ${JSON.stringify({ storeApiNonce: opts.nonce, wcStoreApiNonceTimestamp: '0' })};`,
  ];
  const buttons = opts.products.map(
    (p) => `<li><span>${escapeHtml(p.name)}</span>
  <button class="add_to_cart_button" data-product_id="${p.id}" aria-label="Add ${escapeHtml(p.name)} to cart">Add to cart</button></li>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake WooCommerce shop</title>
<script>${globals.join('\n')}</script>
${opts.extraHead}
</head><body>
<header><button class="wc-block-mini-cart__button">Cart <span class="wc-block-mini-cart__badge">${opts.itemsCount}</span></button></header>
<ul class="products">${buttons.join('\n')}</ul>
<script>${themeScript}</script>
</body></html>`;
}
