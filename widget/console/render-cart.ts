import type { CartPayload } from '../../src/chat/protocol.js';
import type { Actions } from './actions.js';
import { errorText } from './error-text.js';
import { h, replaceKeepingFocus } from './dom.js';
import { money, number, t } from '../i18n/live.js';

const MAX_QUANTITY = 50;

/**
 * The shopper's cart as it is now (every cart.updated redraws it), with steppers, remove
 * buttons and an "Add SKU" field. Each change is `cart:set` with the line's new quantity.
 */
export function createCartPanel(root: HTMLElement, deps: { actions: Actions }) {
  const lines = h('div', { class: 'cart-lines' });
  const error = h('p', { class: 'error', role: 'alert' });
  const sku = h('input', {
    id: 'add-sku',
    name: 'sku',
    placeholder: t('cartPanel.sku'),
    autocomplete: 'off',
    required: true,
    maxlength: 120,
  });
  const qty = h('input', {
    id: 'add-qty',
    name: 'quantity',
    type: 'number',
    min: 1,
    max: MAX_QUANTITY,
    value: 1,
    'aria-label': t('cartPanel.quantity'),
    class: 'qty',
  });
  const form = h(
    'form',
    { class: 'add-sku' },
    h('label', { for: 'add-sku', class: 'sr-only', text: t('cartPanel.addSku') }),
    sku,
    qty,
    h('button', { type: 'submit', class: 'secondary', text: t('cartPanel.add') }),
  );
  root.append(h('h2', { text: t('cartPanel.title') }), lines, form, error);
  let cart: CartPayload | null = null;
  let busy = false;

  async function change(skuValue: string, quantity: number) {
    if (busy) return;
    busy = true;
    error.textContent = '';
    root.classList.add('busy');
    try {
      await deps.actions.setQuantity(skuValue, Math.max(0, Math.min(MAX_QUANTITY, quantity)));
      return true;
    } catch (err) {
      error.textContent = errorText(err, 'cartPanel.failed');
      return false;
    } finally {
      busy = false;
      root.classList.remove('busy');
    }
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const s = sku.value.trim();
    const add = Math.max(1, Number(qty.value) || 1);
    if (!s) return;
    const current = cart?.items.find((i) => i.sku === s)?.quantity ?? 0;
    if (await change(s, current + add)) {
      sku.value = '';
      qty.value = '1';
    }
  });

  return {
    render(next: CartPayload | null): void {
      cart = next;
      if (!next || next.items.length === 0)
        return replaceKeepingFocus(lines, h('p', { class: 'muted', text: t('cartPanel.empty') }));
      replaceKeepingFocus(
        lines,
        h(
          'ul',
          { class: 'cart' },
          ...next.items.map((i) => {
            const options = Object.values(i.options).join(' / ');
            return h(
              'li',
              {},
              h(
                'div',
                { class: 'line-title' },
                h('span', { text: i.title }),
                h('span', { class: 'price' }, h('bdi', {}, money(i.lineTotal.amount, i.lineTotal.currency))),
              ),
              h('div', {
                class: 'muted small',
                text: [i.sku, options, i.inStock ? '' : t('cartPanel.outOfStock')].filter(Boolean).join(' · '),
              }),
              h(
                'div',
                { class: 'stepper' },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'icon',
                    'data-key': `dec:${i.sku}`,
                    'aria-label': t('cartPanel.less', { title: i.title }),
                    onClick: () => void change(i.sku, i.quantity - 1),
                  },
                  '−',
                ),
                h('span', {
                  class: 'qty-value',
                  title: t('cartPanel.lineQuantity', { count: i.quantity }),
                  text: number(i.quantity),
                }),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'icon',
                    'data-key': `inc:${i.sku}`,
                    'aria-label': t('cartPanel.more', { title: i.title }),
                    onClick: () => void change(i.sku, i.quantity + 1),
                  },
                  '+',
                ),
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link danger',
                    'data-key': `rm:${i.sku}`,
                    onClick: () => void change(i.sku, 0),
                  },
                  t('cartPanel.remove'),
                ),
              ),
            );
          }),
        ),
        h(
          'div',
          { class: 'subtotal' },
          h('span', { text: t('cartPanel.items', { count: next.itemCount }) }),
          h('strong', {}, h('bdi', {}, money(next.subtotal.amount, next.subtotal.currency))),
        ),
      );
    },
    reset(): void {
      error.textContent = '';
    },
  };
}
