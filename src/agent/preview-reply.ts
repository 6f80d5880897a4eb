import type { ChatModel } from './model.js';
import type { Prompts } from './prompts/load-prompts.js';
import { runAgent } from './run-agent.js';
import type { Logger } from '../logger.js';
import { LANGUAGE_NAMES } from '../shared/choose-language.js';
import { detectLanguage, type Language } from '../shared/language.js';
import type { AnyTool } from '../tools/define-tool.js';

/** One answer to one shopper message, written with a given set of prompts. */
export interface PreviewReply {
  text: string;
  /** Handles of the products the answer showed. */
  products: string[];
  tools: string[];
  promptVersion: string;
  promptVersions: Record<string, string>;
  failed: boolean;
}

export interface PreviewDeps {
  model: ChatModel;
  tools: readonly AnyTool[];
  shop: { name: string; currency: string; language?: Language };
  maxSteps: number;
  logger?: Pick<Logger, 'error'>;
  now?: () => Date;
}

/**
 * Answers a shopper message as the assistant would with these prompts, for an anonymous shopper,
 * without a conversation: only read-only tools run (a search, a product, a policy), so nothing
 * is stored and no cart, order or handoff is touched.
 */
export async function previewReply(
  deps: PreviewDeps,
  input: { prompts: Prompts; message: string; signal?: AbortSignal },
): Promise<PreviewReply> {
  const shopLanguage = deps.shop.language ?? 'en';
  const language = detectLanguage(input.message) ?? shopLanguage;
  const system = input.prompts.render({
    shop_name: deps.shop.name,
    currency: deps.shop.currency,
    customer_first_name: null,
    today: (deps.now?.() ?? new Date()).toISOString().slice(0, 10),
    language_name: LANGUAGE_NAMES[language].english,
    catalog_language_name: LANGUAGE_NAMES[shopLanguage].english,
  });
  const products = new Set<string>();
  for await (const ev of runAgent({
    model: deps.model,
    tools: deps.tools.filter((t) => t.readOnly),
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: input.message },
    ],
    // No conversation and no cart: the tools that could use them are not offered.
    ctx: { conversationId: 'preview', customerId: null, cartId: 'preview', actor: 'assistant', signal: input.signal },
    maxSteps: deps.maxSteps,
    signal: input.signal,
    language,
    logger: deps.logger,
  })) {
    if (ev.type === 'products') ev.products.forEach((p) => products.add(p.handle));
    if (ev.type !== 'done' && ev.type !== 'error') continue;
    const calls = ev.newMessages.flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []) : []));
    return {
      text: ev.type === 'done' ? ev.message.content : ev.error.message,
      products: [...products],
      tools: calls.map((c) => c.name),
      promptVersion: input.prompts.version,
      promptVersions: input.prompts.versions,
      failed: ev.type === 'error',
    };
  }
  throw new Error('the agent ended without an answer');
}
