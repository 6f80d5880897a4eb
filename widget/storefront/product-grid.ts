import { h } from '../chat/dom.js';
import { productImage, safeImage } from '../chat/product-image.js';
import type { StoreProduct } from './api.js';
import { money, t } from '../i18n/live.js';

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
  const add = h(
    'button',
    { type: 'button', class: 'btn', disabled: !variant },
    variant ? t('card.add') : t('card.soldOut'),
  );
  add.addEventListener(
    'click',
    () => variant && actions.addToCart(variant.sku, options ? `${p.title} (${options})` : p.title, add),
  );
  const ask = h(
    'button',
    { type: 'button', class: 'btn ghost', 'aria-label': t('store.askLabel', { title: p.title }) },
    t('store.ask'),
  );
  ask.addEventListener('click', () => actions.ask(p));
  return h(
    'li',
    { class: 'product' },
    productImage(safeImage(p.image, location.href), 'pimg'),
    h(
      'div',
      { class: 'pbody' },
      h('p', { class: 'vendor', dir: 'auto' }, p.vendor),
      h('h3', { class: 'ptitle', dir: 'auto' }, p.title),
      h(
        'p',
        { class: 'price' },
        h('bdi', { class: 'now' }, money(price.amount, price.currency)),
        was
          ? h(
              's',
              { class: 'was' },
              h('span', { class: 'sr' }, t('card.was')),
              h('bdi', {}, money(was.amount, was.currency)),
            )
          : null,
      ),
      h(
        'p',
        { class: `stock ${p.inStock ? 'in' : 'out'}` },
        p.inStock ? (options ? t('store.inStockOptions', { options }) : t('store.inStock')) : t('store.outOfStock'),
      ),
      h('div', { class: 'actions' }, add, ask),
    ),
  );
}

export function renderGrid(list: HTMLElement, products: StoreProduct[], actions: GridActions) {
  list.replaceChildren(...products.map((p) => productTile(p, actions)));
}
