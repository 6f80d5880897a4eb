import type { HandoffPacket } from '../../src/handoff/agent-protocol.js';
import { h, replaceKeepingFocus } from './dom.js';
import { amount, clock } from './format.js';
import { t, type MessageKey } from '../i18n/live.js';
import { listNodes, messageNodes } from '../i18n/message-nodes.js';

const URGENCY: Record<NonNullable<HandoffPacket['urgency']>, MessageKey> = {
  low: 'urgency.low',
  normal: 'urgency.normal',
  high: 'urgency.high',
};

/**
 * The summary: the model's as it wrote it; without a model, its facts worded in the console's language
 * (the reason, shown above it, is not repeated).
 */
function summary(packet: HandoffPacket): HTMLElement {
  const facts = packet.summaryFacts;
  if (packet.summarySource === 'model' || !facts) {
    return packet.summary
      ? h('p', { class: 'summary', dir: 'auto' }, packet.summary)
      : h('p', { class: 'summary' }, t('packet.noSummary'));
  }
  const asked = facts.lastShopperMessages.map((text) => messageNodes('console.quote', { text }));
  const tools = facts.toolsUsed.map((name) => h('code', { text: name }));
  return h(
    'p',
    { class: 'summary' },
    facts.shopperMessages > 0
      ? messageNodes('packet.shopperWrote', { count: facts.shopperMessages, messages: listNodes(asked) })
      : t('packet.notWritten'),
    ' ',
    tools.length > 0 ? messageNodes('packet.toolsUsed', { tools: listNodes(tools) }) : t('packet.noTools'),
  );
}

/**
 * The handoff packet: what the agent needs before saying a word. Summary, identity, why and
 * how urgent, what the assistant showed and cited, and (folded) every tool call it made.
 */
export function createPacketPanel(root: HTMLElement) {
  let open = true;
  let traceOpen = false;

  function identity(p: HandoffPacket) {
    return p.identity.verified
      ? h(
          'span',
          { class: 'verified' },
          h('span', { 'aria-hidden': 'true', text: '✓ ' }),
          messageNodes('packet.verified', { name: p.identity.name, email: p.identity.email }),
        )
      : h('span', { class: 'anon', text: t('packet.anonymous') });
  }

  function trace(p: HandoffPacket) {
    const details = h(
      'details',
      { class: 'trace' },
      h('summary', { 'data-key': 'trace' }, t('packet.toolCalls', { count: p.toolTrace.length })),
    );
    details.open = traceOpen;
    details.addEventListener('toggle', () => (traceOpen = details.open));
    details.append(
      h(
        'ol',
        {},
        ...p.toolTrace.map((call) =>
          h(
            'li',
            { class: call.isError ? 'error' : '' },
            h(
              'div',
              { class: 'trace-head' },
              h('code', { text: call.name }),
              h('time', { datetime: call.at, text: clock(call.at) }),
              call.isError ? h('span', { class: 'badge urgency-high', text: t('packet.error') }) : null,
            ),
            h('pre', { class: 'args', text: call.arguments }),
            h('pre', { class: 'result', text: call.result }),
          ),
        ),
      ),
    );
    return details;
  }

  return {
    render(packet: HandoffPacket | null): void {
      if (!packet) return replaceKeepingFocus(root);
      const details = h(
        'details',
        { class: 'packet-details' },
        h(
          'summary',
          { 'data-key': 'packet' },
          h('span', { class: 'packet-title', text: t('console.handoffSummary') }),
          packet.urgency
            ? h('span', { class: `badge urgency-${packet.urgency}`, text: t(URGENCY[packet.urgency]) })
            : null,
          identity(packet),
        ),
        h(
          'div',
          { class: 'packet-content' },
          packet.reason
            ? h(
                'p',
                { class: 'reason' },
                h('strong', { text: `${t('packet.reason')} ` }),
                h('span', { dir: 'auto', text: packet.reason }),
              )
            : null,
          summary(packet),
          packet.summarySource === 'extractive' ? h('p', { class: 'muted small', text: t('packet.extractive') }) : null,
          packet.productsShown.length > 0
            ? h(
                'div',
                { class: 'packet-block' },
                h('h3', { text: t('packet.productsShown') }),
                h(
                  'ul',
                  { class: 'chips' },
                  ...packet.productsShown.map((p) =>
                    h(
                      'li',
                      {},
                      h('bdi', { text: p.title }),
                      h('span', { class: 'price' }, h('bdi', {}, amount(p.price.amount, p.price.currency))),
                      p.inStock ? null : h('span', { class: 'muted', text: t('packet.outOfStock') }),
                    ),
                  ),
                ),
              )
            : null,
          packet.policiesCited.length > 0
            ? h(
                'div',
                { class: 'packet-block' },
                h('h3', { text: t('packet.policiesCited') }),
                h(
                  'ul',
                  { class: 'chips' },
                  ...packet.policiesCited.map((c) =>
                    h('li', { title: c.source, dir: 'auto' }, `${c.title} — ${c.heading}`),
                  ),
                ),
              )
            : null,
          packet.toolTrace.length > 0 ? trace(packet) : null,
        ),
      );
      details.open = open;
      details.addEventListener('toggle', () => (open = details.open));
      replaceKeepingFocus(root, details);
    },
  };
}
