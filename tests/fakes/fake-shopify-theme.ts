import { escapeHtml } from './fake-http.js';
import type { Catalog, FakeShopifyCart, FakeShopifyProduct } from './fake-shopify-cart.js';

/**
 * Where the theme keeps its cart bubble: in a section of its own (`wrapped`), or, as Dawn does,
 * as `<a id="cart-icon-bubble">` inside the header section, with the `cart-icon-bubble` section
 * rendering only the bubble's contents (`dawn`).
 */
export type BubbleLayout = 'wrapped' | 'dawn';

const wrapper = (id: string, html: string) => `<div id="shopify-section-${id}" class="shopify-section">${html}</div>`;

/** The sections this theme renders through the Section Rendering API. */
export function renderSection(
  id: string,
  cart: FakeShopifyCart,
  catalog: Catalog,
  layout: BubbleLayout,
): string | null {
  const count = cart.lines.reduce((n, l) => n + l.quantity, 0);
  if (id === 'cart-icon-bubble') {
    const contents = `Cart <span class="cart-count">${count}</span>`;
    return wrapper(id, layout === 'dawn' ? contents : `<a id="cart-icon-bubble" href="/cart">${contents}</a>`);
  }
  if (id === 'cart-drawer') {
    const items = cart.lines.map((l) => {
      const entry = catalog.get(l.variantId)!;
      return `<li>${escapeHtml(entry.product.title)} (${escapeHtml(entry.variant.title)}) × ${l.quantity}</li>`;
    });
    return wrapper(id, `<ul id="CartDrawer">${items.join('')}</ul>`);
  }
  return null;
}

/** The page's header: the bubble's own section, or Dawn's header section holding the bubble. */
function header(cart: FakeShopifyCart, catalog: Catalog, layout: BubbleLayout): string {
  if (layout === 'wrapped') return `<header>${renderSection('cart-icon-bubble', cart, catalog, layout)}</header>`;
  const count = cart.lines.reduce((n, l) => n + l.quantity, 0);
  const bubble = `<a id="cart-icon-bubble" href="/cart">Cart <span class="cart-count">${count}</span></a>`;
  return wrapper('header', `<header>${bubble}</header>`);
}

function productForm(p: FakeShopifyProduct): string {
  const options = p.variants.map((v) => `<option value="${v.id}">${escapeHtml(v.title)}</option>`).join('');
  return `<form class="product-form" data-handle="${escapeHtml(p.handle)}">
  <h2>${escapeHtml(p.title)}</h2>
  <select name="id" aria-label="${escapeHtml(p.title)} variant">${options}</select>
  <input name="quantity" type="number" value="1" min="1" aria-label="Quantity">
  <button type="submit">Add to cart</button>
</form>`;
}

/**
 * The theme's own cart script: an "Add to cart" that posts to `/cart/add.js` as Dawn's product
 * form does, then updates its own bubble from `/cart.js`. It records the cart events it hears, so
 * a test can see what Concierge told the theme.
 */
const themeScript = `
window.themeEvents = [];
for (const name of ['cart:refresh', 'cart:updated', 'cart:build'])
  document.addEventListener(name, (e) => window.themeEvents.push(e.type));
for (const form of document.querySelectorAll('form.product-form')) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const res = await fetch(Shopify.routes.root + 'cart/add.js', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ items: [{ id: Number(data.get('id')), quantity: Number(data.get('quantity')) }] }),
    });
    form.dataset.status = res.ok ? 'added' : 'refused';
    const cart = await (await fetch(Shopify.routes.root + 'cart.js')).json();
    document.querySelector('.cart-count').textContent = String(cart.item_count);
  });
}`;

/** A storefront page: `window.Shopify`, the header's cart bubble, product forms, the cart drawer. */
export function themePage(opts: {
  shop: string;
  root: string;
  currency: string;
  products: FakeShopifyProduct[];
  cart: FakeShopifyCart;
  catalog: Catalog;
  extraHead: string;
  layout: BubbleLayout;
}): string {
  const shopify = {
    shop: opts.shop,
    locale: 'en',
    currency: { active: opts.currency, rate: '1.0' },
    routes: { root: opts.root },
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(opts.shop)}</title>
<script>window.Shopify = ${JSON.stringify(shopify)};</script>
${opts.extraHead}
</head><body>
${header(opts.cart, opts.catalog, opts.layout)}
<main>${opts.products.map(productForm).join('\n')}</main>
${renderSection('cart-drawer', opts.cart, opts.catalog, opts.layout)}
<script>${themeScript}</script>
</body></html>`;
}
