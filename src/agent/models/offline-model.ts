import type { ChatModel, ModelChunk, ModelRequest } from '../model.js';
import { decideStep } from './offline/decide-step.js';
import type { PlanOptions } from './offline/plan.js';

export type OfflineModelOptions = PlanOptions;

export const OFFLINE_MODEL_ID = 'offline:rules-v1';

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
 * The built-in model used when no LLM is configured: deterministic rules over the transcript,
 * speaking the same `ChatModel` protocol as the OpenAI provider. It is stateless — everything it
 * remembers ("the second one", the cart) is read back from earlier tool results in `messages`.
 */
export function createOfflineModel(opts: OfflineModelOptions = {}): ChatModel {
  return {
    id: OFFLINE_MODEL_ID,
    async *stream(request: ModelRequest): AsyncIterable<ModelChunk> {
      request.signal?.throwIfAborted();
      const step = decideStep(request.messages, request.tools, opts);
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
