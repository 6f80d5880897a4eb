import type { Customer360, OrderActionView } from '../../src/handoff/agent-protocol.js';
import type { Actions, OrderChangeInput } from './actions.js';
import { ConsoleError } from './api.js';
import { h } from './dom.js';
import { clock } from './format.js';

type Order = Customer360['orders'][number];

/** Where an order's change stands: choosing a reason, or reading the server's summary before confirming. */
type Step = { step: 'reason'; reason: string } | { step: 'confirm'; action: OrderActionView };

const STATUS_TEXT: Record<OrderActionView['status'], string> = {
  pending: 'waiting for confirmation',
  awaiting_approval: 'waiting for approval',
  done: 'done',
  cancelled: 'cancelled',
  expired: 'expired',
  refused: 'refused',
};

/**
 * The agent's order changes in the 360: "Cancel order" for a pending order, "Return" for a
 * delivered one. The server checks the change under the shop's rules and answers its summary;
 * only "Confirm" runs it. The list of the conversation's order changes is shown too, as text.
 */
export function createOrderActionControls(deps: { actions: Actions; rerender: () => void }) {
  const steps = new Map<string, Step>();
  const errors = new Map<string, string>();
  const busy = new Set<string>();

  async function attempt(orderId: string, work: () => Promise<void>) {
    errors.delete(orderId);
    busy.add(orderId);
    deps.rerender();
    try {
      await work();
    } catch (err) {
      errors.set(orderId, err instanceof ConsoleError ? err.message : 'Could not change the order.');
    } finally {
      busy.delete(orderId);
      deps.rerender();
    }
  }

  const prepare = (orderId: string, change: OrderChangeInput) =>
    attempt(orderId, async () => {
      steps.set(orderId, { step: 'confirm', action: await deps.actions.prepareOrder(change) });
    });

  const execute = (orderId: string, action: OrderActionView) =>
    attempt(orderId, async () => {
      await deps.actions.executeOrder(action.id);
      steps.delete(orderId);
    });

  const button = (key: string, label: string, onClick: () => void, cls = 'secondary') =>
    h('button', { type: 'button', class: `${cls} small`, 'data-key': key, onClick }, label);

  function reasonForm(o: Order, s: Extract<Step, { step: 'reason' }>, reasons: string[]) {
    const id = `cancel-why-${o.id}`;
    const field = reasons.length
      ? h('select', { id, 'data-key': id }, ...reasons.map((r) => h('option', { value: r, text: r })))
      : h('input', { id, type: 'text', maxlength: 200, 'data-key': id });
    field.value = s.reason || (reasons[0] ?? '');
    field.addEventListener('input', () => (s.reason = field.value));
    field.addEventListener('change', () => (s.reason = field.value));
    return h(
      'form',
      {
        class: 'actions',
        onSubmit: (ev: SubmitEvent) => {
          ev.preventDefault();
          void prepare(o.id, { kind: 'cancel_order', orderId: o.id, reason: field.value });
        },
      },
      h('label', { for: id, text: 'Reason' }),
      field,
      h('button', { type: 'submit', class: 'primary small', 'data-key': `cancel-next:${o.id}` }, 'Continue'),
      button(`cancel-back:${o.id}`, 'Back', () => {
        steps.delete(o.id);
        deps.rerender();
      }),
    );
  }

  function confirmStep(o: Order, action: OrderActionView) {
    return h(
      'div',
      { class: 'order-confirm', role: 'group', 'aria-label': `Confirm the change to order ${o.id}` },
      h('p', { class: 'small', text: action.summary }),
      h(
        'div',
        { class: 'actions' },
        button(`order-run:${o.id}`, 'Confirm', () => void execute(o.id, action), 'primary'),
        button(`order-back:${o.id}`, 'Back', () => {
          steps.delete(o.id);
          deps.rerender();
        }),
      ),
    );
  }

  return {
    /** The buttons (or the step in progress) under one order of the 360. */
    controls(o: Order, cancelReasons: string[]) {
      const s = steps.get(o.id);
      const error = errors.has(o.id) ? h('p', { class: 'error', role: 'alert', text: errors.get(o.id)! }) : null;
      if (busy.has(o.id)) return h('div', { class: 'muted small', text: 'Working…' });
      if (s?.step === 'reason') return h('div', {}, reasonForm(o, s, cancelReasons), error);
      if (s?.step === 'confirm') return h('div', {}, confirmStep(o, s.action), error);
      const start =
        o.status === 'pending'
          ? button(`order-cancel:${o.id}`, 'Cancel order', () => {
              steps.set(o.id, { step: 'reason', reason: '' });
              deps.rerender();
            })
          : o.status === 'delivered'
            ? button(
                `order-return:${o.id}`,
                'Return',
                () => void prepare(o.id, { kind: 'return_items', orderId: o.id }),
              )
            : null;
      return start || error ? h('div', { class: 'actions' }, start, error) : null;
    },

    /** The conversation's order changes: what, where it stands, and who prepared it. */
    list(actions: OrderActionView[]) {
      if (actions.length === 0) return null;
      return h(
        'ul',
        { class: 'order-actions small' },
        ...actions.map((a) => {
          const who = a.preparedBy ? `by ${a.preparedBy}` : 'by the assistant';
          const outcome = a.outcome && a.status !== 'pending' ? ` — ${a.outcome}` : '';
          return h('li', { text: `${clock(a.createdAt)} · ${a.summary} (${STATUS_TEXT[a.status]}, ${who})${outcome}` });
        }),
      );
    },

    reset(): void {
      steps.clear();
      errors.clear();
      busy.clear();
    },
  };
}
