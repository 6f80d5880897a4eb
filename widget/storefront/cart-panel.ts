import type { CartPayload } from '../../src/chat/protocol.js';
import { h } from '../chat/dom.js';
import { productImage, safeImage } from '../chat/product-image.js';
import type { DemoOrder } from '../loader/frame-messages.js';
import { money, number, t } from '../i18n/live.js';

export interface CartActions {
  setQuantity: (sku: string, quantity: number) => void;
  /** The demo checkout; absent where the shop's own checkout takes orders. */
  checkout?: (button: HTMLButtonElement) => void;
  /** The order the demo checkout just placed, confirmed above the empty cart. */
  placed?: DemoOrder | null;
}

function confirmation(order: DemoOrder) {
  return h(
    'div',
    { class: 'placed', role: 'status' },
    h('p', { class: 'ltitle' }, t('store.orderPlaced')),
    h('p', {}, t('store.orderNumber'), ' ', h('strong', { class: 'order-number', dir: 'ltr' }, order.id)),
    h('p', { class: 'lopts' }, t('store.orderItems', { count: order.itemCount, total: order.total.formatted })),
  );
}

/** The shop's cart panel, drawn from the same live cart events the chat shows. */
export function renderCart(root: HTMLElement, cart: CartPayload | null, actions: CartActions) {
  const { setQuantity } = actions;
  if (!cart || cart.items.length === 0) {
    root.replaceChildren(
      ...(actions.placed ? [confirmation(actions.placed)] : []),
      h('p', { class: 'empty' }, t('store.cartEmpty')),
    );
    return;
  }
  const items = cart.items.map((item) => {
    const options = Object.values(item.options).join(' / ');
    const step = (delta: number, label: 'store.oneFewer' | 'store.oneMore', text: string) =>
      h(
        'button',
        {
          type: 'button',
          class: 'step',
          'aria-label': t(label, { title: item.title }),
          disabled: delta > 0 && item.quantity >= 20,
          onClick: () => setQuantity(item.sku, item.quantity + delta),
        },
        text,
      );
    return h(
      'li',
      { class: 'line' },
      productImage(safeImage(item.image, location.href), 'limg'),
      h(
        'div',
        { class: 'linfo' },
        h('p', { class: 'ltitle', dir: 'auto' }, item.title),
        options ? h('p', { class: 'lopts', dir: 'auto' }, options) : null,
        item.inStock ? null : h('p', { class: 'lopts warn' }, t('store.noLongerInStock')),
        h(
          'div',
          { class: 'qty' },
          step(-1, 'store.oneFewer', '−'),
          h('span', { 'aria-label': t('store.quantity', { count: item.quantity }) }, number(item.quantity)),
          step(1, 'store.oneMore', '+'),
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'aria-label': t('store.removeItem', { title: item.title }),
              onClick: () => setQuantity(item.sku, 0),
            },
            t('store.remove'),
          ),
        ),
      ),
      h('p', { class: 'ltotal' }, h('bdi', {}, money(item.lineTotal.amount, item.lineTotal.currency))),
    );
  });
  root.replaceChildren(
    h('ul', { class: 'lines' }, ...items),
    h(
      'p',
      { class: 'subtotal' },
      h('span', {}, t('store.subtotal', { count: cart.itemCount })),
      h('strong', {}, h('bdi', {}, money(cart.subtotal.amount, cart.subtotal.currency))),
    ),
    ...(actions.checkout
      ? [
          h(
            'button',
            {
              type: 'button',
              class: 'btn checkout',
              onClick: (e: Event) => actions.checkout!(e.currentTarget as HTMLButtonElement),
            },
            t('store.checkout'),
          ),
          h('p', { class: 'lopts' }, t('store.checkoutNote')),
        ]
      : []),
  );
}
