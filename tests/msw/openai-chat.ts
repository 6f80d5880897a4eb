import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';

/**
 * Fakes of the OpenAI chat-completions HTTP API in its exact wire format: JSON completions,
 * `text/event-stream` chunk streams with split tool-call deltas, error bodies, and a scripted
 * handler that serves a queue of replies and records every request body it received.
 */

export const TEST_OPENAI_BASE_URL = 'http://openai.test/v1';

/**
 * `setupServer` plus a workaround for an msw/interceptors bug (mswjs/interceptors#712, #799;
 * fixed upstream after @mswjs/interceptors 0.41.9): msw tees every mocked response to emit
 * `response:mocked`, and while that clone is unread, cancelling the real body never settles.
 * The OpenAI SDK cancels the body of a 429/5xx before retrying, so without this a retried
 * request hangs forever. Cancelling the clone lets the real cancel settle.
 */
/**
 * msw's policy for tests that also call their own server on 127.0.0.1: those requests reach it;
 * any other request no handler answers is an error (nothing leaves the machine unnoticed).
 */
export const LOCAL_SERVER_ONLY = {
  onUnhandledRequest(request: Request, print: { error(): void }) {
    const host = new URL(request.url).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return;
    print.error();
  },
};

export function setupOpenAIMockServer(...handlers: RequestHandler[]) {
  const server = setupServer(...handlers);
  server.events.on('response:mocked', ({ response }) => {
    response.body?.cancel().catch(() => {});
  });
  return server;
}

export interface FakeToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

type FinishReason = 'stop' | 'tool_calls' | 'length' | 'content_filter';

const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 12, completion_tokens: 7 };
let counter = 0;
const nextId = () => `chatcmpl-test${++counter}`;
const created = () => Math.floor(Date.now() / 1000);

/** A non-streamed `chat.completion` object. */
export function chatCompletion(
  opts: {
    content?: string | null;
    toolCalls?: FakeToolCall[];
    finishReason?: FinishReason;
    usage?: FakeUsage;
    model?: string;
  } = {},
) {
  const toolCalls = opts.toolCalls ?? [];
  const usage = opts.usage ?? DEFAULT_USAGE;
  return {
    id: nextId(),
    object: 'chat.completion',
    created: created(),
    model: opts.model ?? 'gpt-test',
    system_fingerprint: 'fp_test',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: opts.content ?? null,
          refusal: null,
          ...(toolCalls.length > 0
            ? {
                tool_calls: toolCalls.map((c) => ({
                  id: c.id,
                  type: 'function',
                  function: { name: c.name, arguments: c.arguments },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: opts.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
      },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

export interface StreamScript {
  /** A string is split into word-sized pieces; an array is sent piece by piece. */
  text?: string | string[];
  toolCalls?: FakeToolCall[];
  /** Tool-call arguments are sent in pieces of this many characters. */
  argPieceSize?: number;
  finishReason?: FinishReason;
  /** `null`: the server sends no usage chunk (as when include_usage is off). */
  usage?: FakeUsage | null;
  model?: string;
}

/** The `chat.completion.chunk` objects of one streamed answer, usage chunk last. */
export function chatCompletionChunks(script: StreamScript): object[] {
  const id = nextId();
  const base = {
    id,
    object: 'chat.completion.chunk',
    created: created(),
    model: script.model ?? 'gpt-test',
    system_fingerprint: 'fp_test',
  };
  const withUsage = script.usage !== null;
  const chunk = (delta: object, finishReason: FinishReason | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(withUsage ? { usage: null } : {}),
  });
  const toolCalls = script.toolCalls ?? [];
  const pieces = typeof script.text === 'string' ? (script.text.match(/\S+\s*|\s+/g) ?? []) : (script.text ?? []);
  const out: object[] = [
    chunk({ role: 'assistant', content: toolCalls.length > 0 && pieces.length === 0 ? null : '', refusal: null }),
  ];
  for (const piece of pieces) out.push(chunk({ content: piece }));
  toolCalls.forEach((call, index) => {
    out.push(
      chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }),
    );
    for (const piece of splitEvery(call.arguments, script.argPieceSize ?? 4)) {
      out.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  out.push(chunk({}, script.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop')));
  if (withUsage) {
    const usage = script.usage ?? DEFAULT_USAGE;
    out.push({
      ...base,
      choices: [],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  }
  return out;
}

export interface SseOptions {
  /** Pause before each chunk. */
  delayMs?: number;
  /** After this many chunks the stream stays open and silent forever (a hung server). */
  hangAfter?: number;
}

/** A `text/event-stream` body: `data: {json}\n\n` per chunk, then `data: [DONE]\n\n`. */
export function sseStream(chunks: object[], opts: SseOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const lines = [...chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`), 'data: [DONE]\n\n'];
  let sent = 0;
  // pull(), not start(): delays only begin once the client reads.
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (opts.hangAfter !== undefined && sent >= opts.hangAfter) return new Promise<void>(() => {});
      if (opts.delayMs) await new Promise((resolve) => setTimeout(resolve, opts.delayMs));
      const line = lines[sent++];
      if (line === undefined) return controller.close();
      controller.enqueue(encoder.encode(line));
    },
  });
}

export function sseResponse(chunks: object[], opts: SseOptions = {}): Response {
  return new HttpResponse(sseStream(chunks, opts), {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  });
}

/** A streamed answer: text and/or tool calls. */
export function streamReply(script: StreamScript, opts: SseOptions = {}): Response {
  return sseResponse(chatCompletionChunks(script), opts);
}

/** An API error in OpenAI's body shape, e.g. `errorReply(429, { headers: { 'retry-after': '0' } })`. */
export function errorReply(
  status: number,
  opts: { message?: string; type?: string; code?: string | null; headers?: Record<string, string> } = {},
): Response {
  const body = {
    error: {
      message: opts.message ?? `Fake error ${status}`,
      type: opts.type ?? (status === 429 ? 'rate_limit_exceeded' : 'server_error'),
      param: null,
      code: opts.code ?? null,
    },
  };
  return HttpResponse.json(body, { status, headers: opts.headers });
}

/** A server that accepted the request and never sends headers. */
export const hangingReply: Reply = async () => {
  await delay('infinite');
  return new Response(null, { status: 204 });
};

export type Reply = Response | ((info: { request: Request; body: unknown }) => Response | Promise<Response>);

/**
 * A `POST {baseURL}/chat/completions` handler that answers with queued replies in order and
 * records each request body (parsed JSON) in `requests`. Past the end of the queue it answers 400
 * (not retried by the SDK) and counts it in `unexpected`.
 */
export function createChatScript(baseURL = TEST_OPENAI_BASE_URL) {
  const queue: Reply[] = [];
  const requests: Record<string, any>[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const state = { unexpected: 0 };
  const handler = http.post(`${baseURL}/chat/completions`, async ({ request }) => {
    const body = (await request.clone().json()) as Record<string, unknown>;
    requests.push(body);
    const reply = queue.shift();
    if (!reply) {
      state.unexpected += 1;
      return errorReply(400, { message: 'chat script exhausted: no reply queued for this request' });
    }
    return typeof reply === 'function' ? reply({ request, body }) : reply;
  });
  return {
    handler,
    requests,
    /** Queue replies; each is served to exactly one request. */
    reply(...replies: Reply[]) {
      queue.push(...replies);
    },
    get pending() {
      return queue.length;
    },
    get unexpected() {
      return state.unexpected;
    },
  };
}

export type ChatScript = ReturnType<typeof createChatScript>;

function splitEvery(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
