import type { Customer360, OrderActionView } from '../../src/handoff/agent-protocol.js';
import type { Actions, OrderChangeInput } from './actions.js';
import { errorText } from './error-text.js';
import { h } from './dom.js';
import { clock } from './format.js';
import { cancelReasonText } from './render-order-details.js';
import { t, type MessageKey } from '../i18n/live.js';
import { messageNodes } from '../i18n/message-nodes.js';

type Order = Customer360['orders'][number];

type AddressInput = Extract<OrderChangeInput, { kind: 'change_order_address' }>['address'];

/**
 * Where an order's change stands: choosing a reason, typing a new address, or reading the server's
 * summary before confirming.
 */
type Step =
  | { step: 'reason'; reason: string }
  | { step: 'address'; address: AddressInput }
  | { step: 'confirm'; action: OrderActionView };

const ADDRESS_FIELDS: [keyof AddressInput, MessageKey][] = [
  ['line1', 'orderActions.line1'],
  ['line2', 'orderActions.line2'],
  ['postalCode', 'orderActions.postalCode'],
  ['city', 'orderActions.city'],
  ['region', 'orderActions.region'],
  ['country', 'orderActions.country'],
];

const STATUS_TEXT: Record<OrderActionView['status'], MessageKey> = {
  pending: 'orderActions.status.pending',
  awaiting_approval: 'orderActions.status.awaitingApproval',
  done: 'orderActions.status.done',
  cancelled: 'orderActions.status.cancelled',
  expired: 'orderActions.status.expired',
  refused: 'orderActions.status.refused',
};

/**
 * The agent's order changes in the 360: "Cancel order" and "Change address" for a pending order,
 * "Return" for a delivered one. The server checks the change under the shop's rules and answers its summary;
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
      errors.set(orderId, errorText(err, 'orderActions.failed'));
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

  const button = (key: string, label: MessageKey, onClick: () => void, cls = 'secondary') =>
    h('button', { type: 'button', class: `${cls} small`, 'data-key': key, onClick }, t(label));

  function reasonForm(o: Order, s: Extract<Step, { step: 'reason' }>, reasons: string[]) {
    const id = `cancel-why-${o.id}`;
    const field = reasons.length
      ? h('select', { id, 'data-key': id }, ...reasons.map((r) => h('option', { value: r, text: cancelReasonText(r) })))
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
      h('label', { for: id, text: t('orderActions.reason') }),
      field,
      h(
        'button',
        { type: 'submit', class: 'primary small', 'data-key': `cancel-next:${o.id}` },
        t('orderActions.continue'),
      ),
      button(`cancel-back:${o.id}`, 'orderActions.back', () => {
        steps.delete(o.id);
        deps.rerender();
      }),
    );
  }

  const back = (o: Order, key: string) =>
    button(`${key}:${o.id}`, 'orderActions.back', () => {
      steps.delete(o.id);
      deps.rerender();
    });

  /** A new shipping address for a pending order, starting from the one it has. */
  function addressForm(o: Order, s: Extract<Step, { step: 'address' }>) {
    const fields = ADDRESS_FIELDS.map(([name, label]) => {
      const id = `address-${name}-${o.id}`;
      const input = h('input', { id, type: 'text', maxlength: 200, 'data-key': id });
      input.value = s.address[name] ?? '';
      input.addEventListener('input', () => (s.address = { ...s.address, [name]: input.value }));
      return h('div', { class: 'field' }, h('label', { for: id, text: t(label) }), input);
    });
    return h(
      'form',
      {
        class: 'address-form',
        onSubmit: (ev: SubmitEvent) => {
          ev.preventDefault();
          void prepare(o.id, { kind: 'change_order_address', orderId: o.id, address: s.address });
        },
      },
      ...fields,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { type: 'submit', class: 'primary small', 'data-key': `address-next:${o.id}` },
          t('orderActions.continue'),
        ),
        back(o, 'address-back'),
      ),
    );
  }

  function confirmStep(o: Order, action: OrderActionView) {
    return h(
      'div',
      { class: 'order-confirm', role: 'group', 'aria-label': t('orderActions.confirmLabel', { order: o.id }) },
      // The server's summary: the English record of the change (docs/languages.md).
      h('p', { class: 'small', lang: 'en', dir: 'ltr', text: action.summary }),
      h(
        'div',
        { class: 'actions' },
        button(`order-run:${o.id}`, 'orderActions.confirm', () => void execute(o.id, action), 'primary'),
        button(`order-back:${o.id}`, 'orderActions.back', () => {
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
      if (busy.has(o.id)) return h('div', { class: 'muted small', text: t('orderActions.working') });
      if (s?.step === 'reason') return h('div', {}, reasonForm(o, s, cancelReasons), error);
      if (s?.step === 'address') return h('div', {}, addressForm(o, s), error);
      if (s?.step === 'confirm') return h('div', {}, confirmStep(o, s.action), error);
      const begin = (step: Step) => () => {
        steps.set(o.id, step);
        deps.rerender();
      };
      const address: AddressInput = { line1: '', city: '', country: '', ...o.shippingAddress };
      const start =
        o.status === 'pending'
          ? [
              button(`order-cancel:${o.id}`, 'orderActions.cancelOrder', begin({ step: 'reason', reason: '' })),
              button(`order-address:${o.id}`, 'orderActions.changeAddress', begin({ step: 'address', address })),
            ]
          : o.status === 'delivered'
            ? [
                button(
                  `order-return:${o.id}`,
                  'orderActions.return',
                  () => void prepare(o.id, { kind: 'return_items', orderId: o.id }),
                ),
              ]
            : [];
      return start.length || error ? h('div', { class: 'actions' }, ...start, error) : null;
    },

    /** The conversation's order changes: what, where it stands, and who prepared it. */
    list(actions: OrderActionView[]) {
      if (actions.length === 0) return null;
      return h(
        'ul',
        { class: 'order-actions small' },
        ...actions.map((a) => {
          // The summary and outcome are the server's English record; the rest is the console's.
          const summary = h('span', { lang: 'en', dir: 'ltr', text: a.summary });
          const status = t(STATUS_TEXT[a.status]);
          const entry = a.preparedBy
            ? messageNodes('orderActions.entryBy', { summary, status, name: a.preparedBy })
            : messageNodes('orderActions.entryByAssistant', { summary, status });
          const outcome =
            a.outcome && a.status !== 'pending' ? h('span', { lang: 'en', dir: 'ltr', text: a.outcome }) : null;
          return h('li', {}, `${clock(a.createdAt)} · `, entry, outcome ? ' — ' : null, outcome);
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
