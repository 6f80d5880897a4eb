import type OpenAI from 'openai';
import { APIConnectionTimeoutError, APIError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import type { ChatModel, ModelChunk, ModelRequest } from '../model.js';
import { ModelError } from '../model-error.js';
import { toOpenAITools } from '../../tools/tool-adapter.js';
import { completionToChunks, toOpenAIMessages } from './openai-messages.js';
import { ToolCallAccumulator } from './tool-call-accumulator.js';

export interface OpenAIModelOptions {
  /** From createOpenAIClient: its maxRetries/timeout are the one retry layer. */
  client: OpenAI;
  model: string;
  temperature?: number;
  /** A step fails when no chunk arrives for this long (a hung stream must not hang the turn). */
  streamIdleMs?: number;
}

const DEFAULT_STREAM_IDLE_MS = 30_000;
const FINISH_REASONS = new Set(['stop', 'tool_calls', 'length', 'content_filter']);
type FinishReason = Extract<ModelChunk, { type: 'finish' }>['reason'];

/** A ChatModel backed by any OpenAI-compatible chat-completions endpoint, always streaming. */
export function createOpenAIModel(opts: OpenAIModelOptions): ChatModel {
  const idleMs = opts.streamIdleMs ?? DEFAULT_STREAM_IDLE_MS;

  async function* stream(request: ModelRequest): AsyncGenerator<ModelChunk> {
    const { signal } = request;
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) throw abortedError(signal.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });

    const params: ChatCompletionCreateParamsStreaming = {
      model: opts.model,
      messages: toOpenAIMessages(request.messages),
      stream: true,
      stream_options: { include_usage: true },
      ...(request.tools.length > 0 ? { tools: toOpenAITools(request.tools) } : {}),
      ...(opts.temperature === undefined ? {} : { temperature: opts.temperature }),
    };

    try {
      const { data: completion, response } = await opts.client.chat.completions
        .create(params, { signal: controller.signal })
        .withResponse();
      if (response.headers.get('content-type')?.includes('application/json')) {
        // A server that ignored `stream: true` and answered with one whole completion.
        const whole = await withinIdle(response.json() as Promise<ChatCompletion>, idleMs, controller, signal);
        yield* completionToChunks(whole);
        const reason = whole.choices?.[0]?.finish_reason;
        yield { type: 'finish', reason: reason ? toFinishReason(reason) : 'stop' };
        return;
      }
      const iterator = completion[Symbol.asyncIterator]();
      const toolCalls = new ToolCallAccumulator();
      let finishReason: FinishReason = 'stop';

      for (;;) {
        const next = await withinIdle(iterator.next(), idleMs, controller, signal);
        if (next.done) break;
        const chunk: ChatCompletionChunk = next.value;
        if (chunk.usage) {
          yield {
            type: 'usage',
            usage: { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens },
          };
        }
        const choice = chunk.choices?.[0];
        if (!choice) continue;
        const text = choice.delta?.content ?? choice.delta?.refusal;
        if (text) yield { type: 'text_delta', text };
        for (const delta of choice.delta?.tool_calls ?? []) toolCalls.add(delta);
        if (choice.finish_reason) finishReason = toFinishReason(choice.finish_reason);
      }
      for (const call of toolCalls.calls()) yield { type: 'tool_call', call };
      yield { type: 'finish', reason: finishReason };
    } catch (err) {
      throw toModelError(err, signal);
    } finally {
      signal?.removeEventListener('abort', forwardAbort);
      // Releases the connection when the consumer stopped early; a no-op after a clean finish.
      controller.abort();
    }
  }

  return { id: `openai:${opts.model}`, stream };
}

/** Waits for the next piece of the answer, failing after `idleMs` of silence or as soon as `signal` aborts. */
async function withinIdle<T>(
  next: Promise<T>,
  idleMs: number,
  controller: AbortController,
  signal: AbortSignal | undefined,
): Promise<T> {
  next.catch(() => {}); // if we stop waiting, a later rejection must not go unhandled
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new ModelError('model:stream_idle', `The model stream sent nothing for ${idleMs} ms.`, {
          retryable: true,
          status: 504,
        }),
      );
      controller.abort();
    }, idleMs);
    onAbort = () => reject(abortedError(signal?.reason));
    // A listener added to an already-aborted signal never fires.
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([next, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

function toFinishReason(reason: string): FinishReason {
  if (reason === 'function_call') return 'tool_calls';
  return FINISH_REASONS.has(reason) ? (reason as FinishReason) : 'other';
}

function abortedError(cause: unknown): ModelError {
  return new ModelError('model:aborted', 'The model call was aborted.', { retryable: false, status: 499, cause });
}

/** Classifies by error class and HTTP status, never by message text. */
function toModelError(err: unknown, signal: AbortSignal | undefined): ModelError {
  if (err instanceof ModelError) return err;
  if (signal?.aborted) return abortedError(err);
  if (err instanceof APIConnectionTimeoutError) {
    return new ModelError('model:timeout', 'The model did not answer in time.', {
      retryable: true,
      status: 504,
      cause: err,
    });
  }
  if (err instanceof APIError) {
    const status = err.status;
    if (status === undefined)
      return new ModelError('model:connection', 'Could not reach the model.', { retryable: true, cause: err });
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    return new ModelError('model:http', `The model endpoint answered ${status}.`, {
      retryable,
      cause: err,
      details: { status },
    });
  }
  return new ModelError('model:failed', 'The model call failed.', { retryable: false, cause: err });
}
