import type { CartPayload } from '../../src/chat/protocol.js';
import { h } from '../chat/dom.js';
import { productImage, safeImage } from '../chat/product-image.js';

/** The shop's cart panel, drawn from the same live cart events the chat shows. */
export function renderCart(
  root: HTMLElement,
  cart: CartPayload | null,
  setQuantity: (sku: string, quantity: number) => void,
) {
  if (!cart || cart.items.length === 0) {
    root.replaceChildren(
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
  );
}
