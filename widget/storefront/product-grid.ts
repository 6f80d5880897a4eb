import { h } from '../chat/dom.js';
import { productImage, safeImage } from '../chat/product-image.js';
import type { StoreProduct } from './api.js';

export interface GridActions {
  addToCart(sku: string, label: string, button: HTMLButtonElement): void;
  ask(product: StoreProduct): void;
}

/** The first in-stock variant: what "Add to cart" on the grid adds. */
export function firstInStock(p: StoreProduct) {
  return p.variants.find((v) => v.inStock) ?? null;
}

function productTile(p: StoreProduct, actions: GridActions): HTMLLIElement {
  const variant = firstInStock(p);
  const was =
    variant?.compareAtPrice && variant.compareAtPrice.amount > variant.price.amount ? variant.compareAtPrice : null;
  const price = variant?.price ?? p.price;
  const options = variant && p.variants.length > 1 ? Object.values(variant.options).join(' / ') : '';
  const add = h('button', { type: 'button', class: 'btn', disabled: !variant }, variant ? 'Add to cart' : 'Sold out');
  add.addEventListener(
    'click',
    () => variant && actions.addToCart(variant.sku, options ? `${p.title} (${options})` : p.title, add),
  );
  const ask = h(
    'button',
    { type: 'button', class: 'btn ghost', 'aria-label': `Ask the assistant about ${p.title}` },
    'Ask',
  );
  ask.addEventListener('click', () => actions.ask(p));
  return h(
    'li',
    { class: 'product' },
    productImage(safeImage(p.image, location.href), 'pimg'),
    h(
      'div',
      { class: 'pbody' },
      h('p', { class: 'vendor' }, p.vendor),
      h('h3', { class: 'ptitle' }, p.title),
      h(
        'p',
        { class: 'price' },
        h('span', { class: 'now' }, price.formatted),
        was ? h('s', { class: 'was' }, h('span', { class: 'sr' }, 'Was '), was.formatted) : null,
      ),
      h(
        'p',
        { class: `stock ${p.inStock ? 'in' : 'out'}` },
        p.inStock ? (options ? `In stock · ${options}` : 'In stock') : 'Out of stock',
      ),
      h('div', { class: 'actions' }, add, ask),
    ),
  );
}

export function renderGrid(list: HTMLElement, products: StoreProduct[], actions: GridActions) {
  list.replaceChildren(...products.map((p) => productTile(p, actions)));
}
