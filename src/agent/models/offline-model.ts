import type { ChatModel, ModelChunk, ModelRequest } from '../model.js';
import { decideStep, type Brain } from './offline/decide-step.js';
import { loadLanguagePack } from './offline/language-pack.js';
import { createOptionReader } from './offline/product-options.js';
import { loadReplies } from './offline/replies.js';
import type { ShopIndex } from './offline/shop-index.js';
import { createUnderstanding, type Understanding } from './offline/understand.js';

export interface OfflineModelOptions {
  /** The shop's words (names, types, options), rebuilt after imports; without it the model reads plain words. */
  shop?: () => ShopIndex | null;
  language?: string;
  /** Told how each step read the latest message (the assistant benchmark scores intents with it). */
  onStep?: (step: { intent: string; understanding: Understanding | null; ms: number }) => void;
}

export const OFFLINE_MODEL_ID = 'offline:understand-v2';

/** Splits a reply into word-boundary chunks so the offline model streams like a real one. */
function chunks(text: string, size = 48): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = rest.lastIndexOf(' ', size);
    const at = cut > 0 ? cut + 1 : size;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) out.push(rest);
  return out;
}

const estimateTokens = (chars: number) => Math.ceil(chars / 4);

/**
 * The built-in model used when no LLM is configured: it understands a message with a learned
 * intent model over the shop's linked words and slots (see offline/understand.ts), plans tool
 * calls or a clarifying question, and words replies from tool results only. It speaks the same
 * `ChatModel` protocol as the OpenAI provider and keeps no state: everything it remembers ("the
 * second one", the cart) is read back from earlier tool results in `messages`.
 */
export function createOfflineModel(opts: OfflineModelOptions = {}): ChatModel {
  const pack = loadLanguagePack(opts.language ?? 'en');
  const engine = createUnderstanding(pack);
  engine.intentModel(); // trained now, at start, not on the first shopper's message
  const say = loadReplies(opts.language ?? 'en');
  const options = createOptionReader(pack.lexicon);
  return {
    id: OFFLINE_MODEL_ID,
    async *stream(request: ModelRequest): AsyncIterable<ModelChunk> {
      request.signal?.throwIfAborted();
      const started = performance.now();
      const brain: Brain = { engine, index: opts.shop?.() ?? null, say, options };
      const step = decideStep(request.messages, request.tools, brain);
      opts.onStep?.({ intent: step.intent, understanding: step.understanding, ms: performance.now() - started });
      const promptChars = request.messages.reduce((n, m) => n + (m.content?.length ?? 0), 0);
      if (step.calls) {
        let argChars = 0;
        for (const [i, c] of step.calls.entries()) {
          const args = JSON.stringify(c.args);
          argChars += args.length;
          yield {
            type: 'tool_call',
            call: { id: `call_offline_${request.messages.length}_${i}`, name: c.name, arguments: args },
          };
        }
        yield {
          type: 'usage',
          usage: { promptTokens: estimateTokens(promptChars), completionTokens: estimateTokens(argChars) },
        };
        yield { type: 'finish', reason: 'tool_calls' };
        return;
      }
      for (const text of chunks(step.text)) {
        request.signal?.throwIfAborted();
        yield { type: 'text_delta', text };
      }
      yield {
        type: 'usage',
        usage: { promptTokens: estimateTokens(promptChars), completionTokens: estimateTokens(step.text.length) },
      };
      yield { type: 'finish', reason: 'stop' };
    },
  };
}
