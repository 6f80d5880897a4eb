import type { HandoffPacket } from '../../src/handoff/agent-protocol.js';
import { h, replaceKeepingFocus } from './dom.js';
import { clock } from './format.js';

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
          `Verified: ${p.identity.name} · ${p.identity.email}`,
        )
      : h('span', { class: 'anon', text: 'Anonymous shopper (not signed in)' });
  }

  function trace(p: HandoffPacket) {
    const details = h(
      'details',
      { class: 'trace' },
      h('summary', { 'data-key': 'trace' }, `Tool calls (${p.toolTrace.length})`),
    );
    details.open = traceOpen;
    details.addEventListener('toggle', () => (traceOpen = details.open));
    details.append(
      h(
        'ol',
        {},
        ...p.toolTrace.map((t) =>
          h(
            'li',
            { class: t.isError ? 'error' : '' },
            h(
              'div',
              { class: 'trace-head' },
              h('code', { text: t.name }),
              h('time', { datetime: t.at, text: clock(t.at) }),
              t.isError ? h('span', { class: 'badge urgency-high', text: 'error' }) : null,
            ),
            h('pre', { class: 'args', text: t.arguments }),
            h('pre', { class: 'result', text: t.result }),
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
          h('span', { class: 'packet-title', text: 'Handoff summary' }),
          packet.urgency
            ? h('span', { class: `badge urgency-${packet.urgency}`, text: `${packet.urgency} urgency` })
            : null,
          identity(packet),
        ),
        h(
          'div',
          { class: 'packet-content' },
          packet.reason ? h('p', { class: 'reason' }, h('strong', { text: 'Reason: ' }), packet.reason) : null,
          h('p', { class: 'summary' }, packet.summary || 'No summary yet.'),
          packet.summarySource === 'extractive'
            ? h('p', { class: 'muted small', text: 'Summary taken from the conversation itself (no model summary).' })
            : null,
          packet.productsShown.length > 0
            ? h(
                'div',
                { class: 'packet-block' },
                h('h3', { text: 'Products shown' }),
                h(
                  'ul',
                  { class: 'chips' },
                  ...packet.productsShown.map((p) =>
                    h(
                      'li',
                      {},
                      h('span', { text: p.title }),
                      h('span', { class: 'price', text: p.price.formatted }),
                      p.inStock ? null : h('span', { class: 'muted', text: 'out of stock' }),
                    ),
                  ),
                ),
              )
            : null,
          packet.policiesCited.length > 0
            ? h(
                'div',
                { class: 'packet-block' },
                h('h3', { text: 'Policies cited' }),
                h(
                  'ul',
                  { class: 'chips' },
                  ...packet.policiesCited.map((c) => h('li', { title: c.source }, `${c.title} — ${c.heading}`)),
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
