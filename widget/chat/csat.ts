import { h } from './dom.js';
import { t } from '../i18n/live.js';

const RATED_KEY = 'concierge:rated';

function rated(): string[] {
  try {
    return JSON.parse(localStorage.getItem(RATED_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function alreadyRated(conversationId: string): boolean {
  return rated().includes(conversationId);
}

function remember(conversationId: string) {
  try {
    localStorage.setItem(RATED_KEY, JSON.stringify([...rated().slice(-49), conversationId]));
  } catch {
    // Not remembered: the prompt may show again after a reload.
  }
}

/** The 1–5 rating prompt shown when a conversation closes, with an optional comment. */
export function createCsat(rate: (rating: number, comment?: string) => Promise<unknown>) {
  const el = h('form', { class: 'csat', hidden: true });
  let conversationId = '';
  let thanked = '';

  function render() {
    const stars = [1, 2, 3, 4, 5].map((n) =>
      h(
        'label',
        { class: 'star' },
        h('input', { type: 'radio', name: 'rating', value: n, required: true }),
        h('span', { 'aria-hidden': 'true' }, '★'),
        h('span', { class: 'sr' }, t('csat.star', { n, max: 5 })),
      ),
    );
    el.onchange = () => {
      const value = Number(new FormData(el).get('rating'));
      stars.forEach((s, i) => s.classList.toggle('on', i < value));
    };
    const comment = h('textarea', {
      id: 'csat-comment',
      class: 'input',
      rows: 2,
      maxlength: 1_000,
      placeholder: t('csat.placeholder'),
    });
    const error = h('p', { class: 'note error', role: 'alert' });
    const submit = h('button', { type: 'submit', class: 'btn' }, t('csat.send'));
    el.replaceChildren(
      h('fieldset', {}, h('legend', {}, t('csat.question')), h('div', { class: 'stars' }, ...stars)),
      h('label', { for: 'csat-comment', class: 'sr' }, t('csat.comment')),
      comment,
      h('div', { class: 'row' }, submit, error),
    );
    el.onsubmit = async (e) => {
      e.preventDefault();
      const rating = Number(new FormData(el).get('rating'));
      if (!rating) return;
      submit.disabled = true;
      try {
        await rate(rating, comment.value.trim() || undefined);
        remember(conversationId);
        thanked = conversationId;
        el.replaceChildren(h('p', { class: 'thanks', role: 'status' }, t('csat.thanks')));
      } catch (err) {
        submit.disabled = false;
        error.textContent = (err as Error).message;
      }
    };
  }

  return {
    el,
    /** Shows the prompt for a closed conversation not yet rated here; hides it otherwise. */
    show(show: boolean, id: string) {
      if (thanked === id) return;
      const want = show && !alreadyRated(id);
      if (want && (el.hidden || conversationId !== id)) {
        conversationId = id;
        render();
      }
      el.hidden = !want;
    },
    /** Asks again in the page's current language; a rating being chosen starts over. */
    relabel() {
      if (el.hidden) return;
      if (thanked === conversationId) el.replaceChildren(h('p', { class: 'thanks', role: 'status' }, t('csat.thanks')));
      else render();
    },
  };
}
