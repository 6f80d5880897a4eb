import type { CartPayload, ProductCard } from '../../src/chat/protocol.js';
import { h } from './dom.js';
import { money, relabel, t } from '../i18n/live.js';
import { productImage, safeImage } from './product-image.js';
import {
  choose,
  findVariant,
  initialSelection,
  optionValues,
  pickerOptions,
  valueAvailable,
} from './variant-picker.js';

let cardCount = 0;

/**
 * A product card with a variant picker and an "Add to cart" button that adds the chosen
 * variant directly over the socket: no round trip through the model.
 */
export function productCard(
  card: ProductCard,
  deps: { addToCart(sku: string): Promise<CartPayload>; base: string },
): HTMLElement {
  const id = `pc${++cardCount}`;
  let sel = initialSelection(card);
  const names = pickerOptions(card);
  const price = h('p', { class: 'price' });
  const button = h('button', { type: 'button', class: 'btn add' });
  const note = h('p', { class: 'card-note', role: 'status' });
  const selects = names.map((name, i) => {
    const select = h('select', { id: `${id}-${i}`, class: 'select' });
    select.addEventListener('change', () => {
      sel = choose(card, sel, i, select.value);
      refresh();
    });
    return h('div', { class: 'opt' }, h('label', { for: `${id}-${i}`, dir: 'auto', text: name }), select);
  });

  function refresh() {
    names.forEach((name, i) => {
      const select = selects[i].querySelector('select')!;
      select.replaceChildren(
        ...optionValues(card, name).map((v) => {
          const ok = valueAvailable(card, sel, i, v);
          return h(
            'option',
            { value: v, disabled: !ok, selected: sel[name] === v },
            ok ? v : t('card.optionSoldOut', { value: v }),
          );
        }),
      );
      select.value = sel[name] ?? '';
    });
    const v = findVariant(card, sel);
    const was = v?.compareAtPrice ?? (v && v.price.amount === card.price.amount ? card.compareAtPrice : null);
    const now = (v ?? card).price;
    price.replaceChildren(
      h('bdi', { class: 'now' }, money(now.amount, now.currency)),
      was && was.amount > now.amount
        ? h(
            's',
            { class: 'was' },
            h('span', { class: 'sr' }, t('card.was')),
            h('bdi', {}, money(was.amount, was.currency)),
          )
        : '',
    );
    button.classList.remove('done');
    const inStock = !!v?.inStock;
    button.disabled = !inStock;
    button.textContent = inStock ? t('card.add') : t('card.soldOut');
  }

  button.addEventListener('click', async () => {
    const v = findVariant(card, sel);
    if (!v || !v.inStock) return;
    button.disabled = true;
    button.textContent = t('card.adding');
    note.className = 'card-note';
    note.textContent = '';
    try {
      await deps.addToCart(v.sku);
      button.textContent = t('card.added');
      button.classList.add('done');
      note.textContent = t('card.addedNote');
      setTimeout(refresh, 1_800);
    } catch (err) {
      note.className = 'card-note error';
      note.textContent = (err as Error).message;
      refresh();
    }
  });

  return relabel(
    h(
      'article',
      { class: 'card', 'aria-labelledby': `${id}-t` },
      productImage(safeImage(card.image, deps.base), 'card-img'),
      h(
        'div',
        { class: 'card-body' },
        h('p', { class: 'vendor', dir: 'auto' }, card.vendor),
        h('h3', { class: 'card-title', id: `${id}-t`, dir: 'auto' }, card.title),
        price,
        ...selects,
        button,
        note,
      ),
    ),
    refresh,
  );
}
