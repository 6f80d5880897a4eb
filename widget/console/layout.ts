import { h } from './dom.js';
import { t } from '../i18n/live.js';

/** The console's three columns, built once; each panel then renders into its own element. */
export function buildLayout(agentName: string, onLogout: () => void) {
  const connection = h('span', { class: 'conn', role: 'status' });
  const banner = h('div', { class: 'offline-banner', role: 'status', hidden: true });
  const toast = h('div', { class: 'toast', role: 'alert', hidden: true });
  const queue = h('nav', { class: 'col queue-col', 'aria-label': t('console.queue') });
  const empty = h(
    'div',
    { class: 'empty-state' },
    h('h2', { text: t('console.noConversation') }),
    h('p', { class: 'muted', text: t('console.pickConversation') }),
  );
  const header = h('div', { class: 'conv-header' });
  const packet = h('section', { class: 'packet', 'aria-label': t('console.handoffSummary') });
  const scroller = h('div', { class: 'conv-body' });
  const typing = h('p', { class: 'typing', 'aria-live': 'polite', hidden: true });
  const composer = h('div', { class: 'composer-wrap' });
  const conversation = h('div', { class: 'conversation', hidden: true }, header, packet, scroller, typing, composer);
  const approvals = h('section', {
    class: 'side-block approvals-block',
    'aria-label': t('console.approvals'),
    hidden: true,
  });
  const customer = h('section', { class: 'side-block', 'aria-label': t('console.customer') });
  const cart = h('section', { class: 'side-block', 'aria-label': t('console.cart') });
  const side = h(
    'aside',
    { class: 'col side-col', 'aria-label': t('console.customerAndCart'), hidden: true },
    approvals,
    customer,
    cart,
  );

  const root = h(
    'div',
    { class: 'app' },
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'logo', 'aria-hidden': 'true', text: 'C' }),
        h('span', { text: 'Concierge' }),
        h('span', { class: 'muted', text: t('console.brand') }),
      ),
      h(
        'div',
        { class: 'who-am-i' },
        connection,
        h('span', { class: 'agent-name', text: agentName }),
        h('button', { type: 'button', class: 'secondary small-btn', onClick: onLogout }, t('console.logout')),
      ),
    ),
    banner,
    toast,
    h(
      'div',
      { class: 'columns' },
      queue,
      h('main', { class: 'col conv-col', 'aria-labelledby': 'conv-title' }, empty, conversation),
      side,
    ),
  );
  return {
    root,
    connection,
    banner,
    toast,
    queue,
    empty,
    conversation,
    header,
    packet,
    scroller,
    typing,
    composer,
    side,
    approvals,
    customer,
    cart,
  };
}
