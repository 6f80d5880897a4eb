import type { Approval } from '../../src/handoff/agent-protocol.js';
import type { Actions } from './actions.js';
import { errorText } from './error-text.js';
import { h, replaceKeepingFocus } from './dom.js';
import { amount, clock } from './format.js';
import { number, t } from '../i18n/live.js';
import { messageNodes } from '../i18n/message-nodes.js';

type CartApproval = Extract<Approval, { kind: 'cart' }>;
type OrderApproval = Extract<Approval, { kind: 'order' }>;

/** The server's English record (an order change's summary and outcome, why a change was held). */
const record = (text: string) => h('span', { lang: 'en', dir: 'ltr', text });

/** A decided approval: what it was, and the change's outcome for an order. */
function decidedNodes(a: Approval): DocumentFragment {
  const what =
    a.kind === 'cart'
      ? h('span', {}, messageNodes('console.item', { quantity: a.request.quantity, title: a.request.title }))
      : record(a.request.summary);
  const frag = messageNodes(a.status === 'approved' ? 'approvals.approved' : 'approvals.rejected', { what });
  if (a.kind === 'order' && a.request.outcome) frag.append(' — ', record(a.request.outcome));
  return frag;
}

const heldBecause = (a: Approval) =>
  h('div', { class: 'small' }, messageNodes('approvals.heldBecause', { reason: record(a.reason) }));

/**
 * Held actions: the assistant wanted to change the cart beyond its limits, or the shopper confirmed
 * an order change refunding more than the assistant may; the agent decides.
 */
export function createApprovalsPanel(root: HTMLElement, deps: { actions: Actions }) {
  const editing = new Map<number, string>();
  const errors = new Map<number, string>();
  /** Reasons being typed, kept across re-renders. */
  const notes = new Map<number, string>();
  let current: Approval[] = [];

  async function decide(a: Approval, decision: 'approve' | 'reject', opts: { quantity?: number; note?: string } = {}) {
    errors.delete(a.id);
    try {
      await deps.actions.decide(a.id, decision, opts);
      editing.delete(a.id);
    } catch (err) {
      errors.set(a.id, errorText(err, 'approvals.failed'));
      render(current);
    }
  }

  /** An order change: approve runs it; reject asks why (the shopper reads it). */
  function orderCard(a: OrderApproval): HTMLElement {
    const r = a.request;
    const note = h('input', {
      id: `why-${a.id}`,
      type: 'text',
      maxlength: 500,
      placeholder: t('approvals.whyPlaceholder'),
      'data-key': `why:${a.id}`,
      value: notes.get(a.id) ?? '',
    });
    note.addEventListener('input', () => notes.set(a.id, note.value));
    return h(
      'li',
      { class: 'approval order-approval' },
      h(
        'div',
        { class: 'row' },
        h('strong', {}, r.orderId ? messageNodes('approvals.order', { order: `#${r.orderId}` }) : a.tool),
        h(
          'span',
          { class: 'price' },
          messageNodes('approvals.refund', { amount: amount(r.refundValue.amount, r.refundValue.currency) }),
        ),
      ),
      h('div', { class: 'small' }, record(r.summary)),
      h('div', { class: 'muted small', text: `${a.tool} · ${clock(a.createdAt)}` }),
      heldBecause(a),
      h(
        'form',
        {
          class: 'actions',
          onSubmit: (ev: SubmitEvent) => {
            ev.preventDefault();
            const why = note.value.trim();
            if (!why) {
              errors.set(a.id, t('console.error.noteRequired'));
              return render(current);
            }
            void decide(a, 'reject', { note: why });
          },
        },
        h(
          'button',
          { type: 'button', class: 'primary', 'data-key': `ok:${a.id}`, onClick: () => void decide(a, 'approve') },
          t('approvals.approve'),
        ),
        h('label', { for: `why-${a.id}`, class: 'sr-only', text: t('approvals.whyLabel') }),
        note,
        h('button', { type: 'submit', class: 'secondary danger', 'data-key': `no:${a.id}` }, t('approvals.reject')),
      ),
      errors.has(a.id) ? h('p', { class: 'error', role: 'alert', text: errors.get(a.id)! }) : null,
    );
  }

  function card(a: Approval): HTMLElement {
    return a.kind === 'order' ? orderCard(a) : cartCard(a);
  }

  function cartCard(a: CartApproval): HTMLElement {
    const r = a.request;
    const edit = editing.get(a.id);
    const actions =
      edit === undefined
        ? h(
            'div',
            { class: 'actions' },
            h(
              'button',
              { type: 'button', class: 'primary', 'data-key': `ok:${a.id}`, onClick: () => void decide(a, 'approve') },
              t('approvals.approve'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                'data-key': `edit:${a.id}`,
                onClick: () => {
                  editing.set(a.id, String(r.quantity));
                  render(current);
                  root.querySelector<HTMLInputElement>(`#qty-${a.id}`)?.focus();
                },
              },
              t('approvals.editQuantity'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'secondary danger',
                'data-key': `no:${a.id}`,
                onClick: () => void decide(a, 'reject'),
              },
              t('approvals.reject'),
            ),
          )
        : (() => {
            const input = h('input', {
              id: `qty-${a.id}`,
              type: 'number',
              min: 1,
              max: 50,
              value: edit,
              class: 'qty',
              'data-key': `q:${a.id}`,
            });
            input.addEventListener('input', () => editing.set(a.id, input.value));
            return h(
              'form',
              {
                class: 'actions',
                onSubmit: (ev: SubmitEvent) => {
                  ev.preventDefault();
                  void decide(a, 'approve', {
                    quantity: Math.max(1, Math.min(50, Math.round(Number(input.value) || 1))),
                  });
                },
              },
              h('label', { for: `qty-${a.id}`, text: t('approvals.quantity') }),
              input,
              h('button', { type: 'submit', class: 'primary', 'data-key': `okq:${a.id}` }, t('approvals.approve')),
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary',
                  'data-key': `cancel:${a.id}`,
                  onClick: () => {
                    editing.delete(a.id);
                    render(current);
                  },
                },
                t('approvals.cancel'),
              ),
            );
          })();
    return h(
      'li',
      { class: 'approval' },
      h(
        'div',
        { class: 'row' },
        h('strong', {}, messageNodes('console.item', { quantity: r.quantity, title: r.title })),
        h('span', { class: 'price' }, h('bdi', {}, amount(r.lineValue.amount, r.lineValue.currency))),
      ),
      h('div', { class: 'muted small' }, `${a.tool} · `, h('bdi', {}, r.sku), ` · ${clock(a.createdAt)}`),
      heldBecause(a),
      actions,
      errors.has(a.id) ? h('p', { class: 'error', role: 'alert', text: errors.get(a.id)! }) : null,
    );
  }

  function render(approvals: Approval[]): void {
    current = approvals;
    const pending = approvals.filter((a) => a.status === 'pending');
    const decided = approvals.filter((a) => a.status !== 'pending').slice(-3);
    root.hidden = approvals.length === 0;
    root.classList.toggle('has-pending', pending.length > 0);
    replaceKeepingFocus(
      root,
      h(
        'h2',
        {},
        t('approvals.title'),
        pending.length > 0 ? h('span', { class: 'count alert', text: number(pending.length) }) : null,
      ),
      pending.length > 0
        ? h('ul', { class: 'approvals' }, ...pending.map(card))
        : h('p', { class: 'muted small', text: t('approvals.none') }),
      decided.length > 0
        ? h('ul', { class: 'decided' }, ...decided.map((a) => h('li', { class: 'muted small' }, decidedNodes(a))))
        : null,
    );
  }

  return {
    render(approvals: Approval[]): void {
      render(approvals);
    },
    reset(): void {
      editing.clear();
      errors.clear();
      notes.clear();
    },
  };
}
