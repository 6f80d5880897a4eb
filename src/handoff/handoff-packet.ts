import type { ChatModel } from '../agent/model.js';
import type { CartView } from '../carts/types.js';
import type { StoredMessage } from '../conversations/conversation-store.js';
import { toCartPayload, toProductCard } from '../conversations/product-cards.js';
import type { CustomerProfile } from '../customers/customer-reader.js';
import type { ProductLookup } from '../catalog/product-lookup.js';
import type { HandoffPacket, SummaryFacts } from './agent-protocol.js';

/** A policy section as search_policies returned it (with the original when it was translated). */
interface CitedChunk {
  source: string;
  title: string;
  heading: string;
  original?: { title: string; heading: string };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What the summary without a model is made of: how many messages the shopper wrote, the last ones, the tools used. */
export function summaryFacts(messages: StoredMessage[]): SummaryFacts {
  const asked = messages.filter((m) => m.role === 'user').map((m) => m.content ?? '');
  return {
    shopperMessages: asked.length,
    lastShopperMessages: asked.slice(-3).map((a) => clip(a, 120)),
    toolsUsed: [...new Set(messages.flatMap((m) => (m.toolCalls ?? []).map((c) => c.name)))],
  };
}

/**
 * A summary without a model: what the shopper asked, what the assistant did, and why a person is
 * needed. In English, for API clients; the console words the same facts in the agent's language.
 */
export function extractiveSummary(facts: SummaryFacts, reason: string | null): string {
  const n = facts.shopperMessages;
  const parts = [
    n > 0
      ? `The shopper wrote ${n} message${n === 1 ? '' : 's'}: ${facts.lastShopperMessages.map((a) => `“${a}”`).join(', ')}.`
      : 'The shopper has not written yet.',
    facts.toolsUsed.length > 0 ? `The assistant used: ${facts.toolsUsed.join(', ')}.` : 'The assistant used no tools.',
    reason ? `Handoff reason: ${reason}.` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

async function modelSummary(model: ChatModel, messages: StoredMessage[], signal: AbortSignal): Promise<string | null> {
  const transcript = messages
    .filter((m) => m.role === 'user' || m.role === 'agent' || (m.role === 'assistant' && m.content))
    .map(
      (m) =>
        `${m.role === 'user' ? 'Shopper' : m.role === 'agent' ? 'Agent' : 'Assistant'}: ${clip(m.content ?? '', 500)}`,
    )
    .join('\n');
  let text = '';
  for await (const chunk of model.stream({
    messages: [
      {
        role: 'system',
        content:
          'Summarize this shop conversation for the support agent taking it over: what the shopper wants, what was tried, what is open. Two or three sentences.',
      },
      { role: 'user', content: clip(transcript, 8_000) },
    ],
    tools: [],
    signal,
  })) {
    if (chunk.type === 'text_delta') text += chunk.text;
  }
  return text.trim() || null;
}

/**
 * Everything an agent needs on taking a conversation: a summary (by the model when one is
 * configured, else extractive), who the shopper is, the live cart, products shown, policies
 * cited and the assistant's tool-call trace.
 */
export async function buildHandoffPacket(
  deps: { model: ChatModel; products: ProductLookup },
  input: {
    messages: StoredMessage[];
    profile: CustomerProfile | null;
    cart: CartView;
    reason: string | null;
    urgency: HandoffPacket['urgency'];
  },
): Promise<HandoffPacket> {
  const { messages } = input;
  const results = new Map(messages.filter((m) => m.role === 'tool').map((m) => [m.toolCallId ?? '', m]));
  const toolTrace = messages.flatMap((m) =>
    (m.toolCalls ?? []).map((c) => {
      const r = results.get(c.id);
      const text = r?.content ?? '';
      return {
        at: m.createdAt,
        name: c.name,
        arguments: clip(c.arguments, 500),
        result: clip(text, 800),
        isError: text.startsWith('{"error"'),
      };
    }),
  );
  const shownHandles = [
    ...new Set(messages.flatMap((m) => (Array.isArray(m.meta.products) ? (m.meta.products as string[]) : []))),
  ].slice(-8);
  const policies = new Map<string, { source: string; title: string; heading: string }>();
  for (const m of messages) {
    if (m.role !== 'tool' || m.toolName !== 'search_policies' || !m.content) continue;
    try {
      for (const found of (JSON.parse(m.content) as { chunks?: CitedChunk[] }).chunks ?? []) {
        // Agents read the shop's own policies: a section shown translated is cited as written.
        const c = { ...found, ...found.original };
        policies.set(`${c.source}#${c.heading}`, { source: c.source, title: c.title, heading: c.heading });
      }
    } catch {
      // a malformed stored result is simply not cited
    }
  }
  let summary: string | null = null;
  let summarySource: HandoffPacket['summarySource'] = 'extractive';
  if (!deps.model.id.startsWith('offline:') && messages.length > 0) {
    summary = await modelSummary(deps.model, messages, AbortSignal.timeout(8_000)).catch(() => null);
    if (summary) summarySource = 'model';
  }
  const facts = summaryFacts(messages);
  return {
    summary: summary ?? extractiveSummary(facts, input.reason),
    summarySource,
    summaryFacts: facts,
    identity: input.profile
      ? {
          verified: true,
          customerId: input.profile.id,
          name: `${input.profile.firstName} ${input.profile.lastName}`.trim(),
          email: input.profile.email,
        }
      : { verified: false, label: 'anonymous' },
    cart: toCartPayload(input.cart),
    productsShown: (await deps.products.byHandles(shownHandles)).map(toProductCard),
    policiesCited: [...policies.values()],
    toolTrace,
    reason: input.reason,
    urgency: input.urgency,
  };
}
