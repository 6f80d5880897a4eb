import type { CartPayload } from '../../src/chat/protocol.js';
import { h } from '../chat/dom.js';
import { productImage, safeImage } from '../chat/product-image.js';
import type { DemoOrder } from '../loader/frame-messages.js';

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
    h('p', { class: 'ltitle' }, 'Thank you! Your demo order is placed.'),
    h('p', {}, 'Order number ', h('strong', { class: 'order-number' }, order.id)),
    h(
      'p',
      { class: 'lopts' },
      `${order.itemCount} ${order.itemCount === 1 ? 'item' : 'items'} · ${order.total.formatted}`,
    ),
  );
}

/** The shop's cart panel, drawn from the same live cart events the chat shows. */
export function renderCart(root: HTMLElement, cart: CartPayload | null, actions: CartActions) {
  const { setQuantity } = actions;
  if (!cart || cart.items.length === 0) {
    root.replaceChildren(
      ...(actions.placed ? [confirmation(actions.placed)] : []),
      h('p', { class: 'empty' }, 'Your cart is empty. Add something from the shop, or ask the assistant for ideas.'),
    );
    return;
  }
  const items = cart.items.map((item) => {
    const options = Object.values(item.options).join(' / ');
    const step = (delta: number, label: string, text: string) =>
      h(
        'button',
        {
          type: 'button',
          class: 'step',
          'aria-label': `${label} ${item.title}`,
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
        h('p', { class: 'ltitle' }, item.title),
        options ? h('p', { class: 'lopts' }, options) : null,
        item.inStock ? null : h('p', { class: 'lopts warn' }, 'No longer in stock'),
        h(
          'div',
          { class: 'qty' },
          step(-1, 'One fewer', '−'),
          h('span', { 'aria-label': `Quantity ${item.quantity}` }, String(item.quantity)),
          step(1, 'One more', '+'),
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'aria-label': `Remove ${item.title}`,
              onClick: () => setQuantity(item.sku, 0),
            },
            'Remove',
          ),
        ),
      ),
      h('p', { class: 'ltotal' }, item.lineTotal.formatted),
    );
  });
  root.replaceChildren(
    h('ul', { class: 'lines' }, ...items),
    h(
      'p',
      { class: 'subtotal' },
      h('span', {}, `Subtotal · ${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}`),
      h('strong', {}, cart.subtotal.formatted),
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
            'Checkout (demo)',
          ),
          h('p', { class: 'lopts' }, 'Places a demo order: no payment, nothing is shipped.'),
        ]
      : []),
  );
}
