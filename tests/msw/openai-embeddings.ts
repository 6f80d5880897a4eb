import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';

/** msw fakes for OpenAI's `POST /v1/embeddings`, in its wire format (JSON floats or base64 float32). */

export const OPENAI_EMBEDDINGS_URL = 'https://api.openai.com/v1/embeddings';

export interface EmbeddingsRequestBody {
  model: string;
  input: string | string[];
  encoding_format?: 'float' | 'base64';
  dimensions?: number;
  user?: string;
}

/** A deterministic, not normalized vector for a text, so tests can tell which input a vector came from. */
export function fakeEmbedding(text: string, dimension: number): number[] {
  let seed = 2166136261;
  for (let i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619) >>> 0;
  return Array.from({ length: dimension }, (_, d) => {
    seed = Math.imul(seed ^ (d + 1), 2654435761) >>> 0;
    return Math.fround(((seed % 2001) - 1000) / 250);
  });
}

/** Encodes a vector the way the API does for `encoding_format: 'base64'`: little-endian float32 bytes. */
export function toBase64Float32(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

/** The JSON body the API sends back for `request` with these vectors (one per input, in order). */
export function embeddingsResponseBody(request: EmbeddingsRequestBody, vectors: number[][]) {
  const inputs = Array.isArray(request.input) ? request.input : [request.input];
  const tokens = inputs.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / 4)), 0);
  return {
    object: 'list' as const,
    data: vectors.map((vector, index) => ({
      object: 'embedding' as const,
      index,
      embedding: request.encoding_format === 'base64' ? toBase64Float32(vector) : vector,
    })),
    model: request.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

export interface EmbeddingsHandlerOptions {
  /** Vector size when the request has no `dimensions` (1536 by default). */
  dimension?: number;
  /** Sees every request body, e.g. to count batches or check parameters. */
  onRequest?: (body: EmbeddingsRequestBody) => void;
  /** Changes the response items before sending, e.g. to shuffle them. */
  transformData?: <T>(data: T[]) => T[];
}

/** A handler answering every embeddings request with `fakeEmbedding` vectors. */
export function embeddingsHandler(opts: EmbeddingsHandlerOptions = {}) {
  return http.post(OPENAI_EMBEDDINGS_URL, async ({ request }) => {
    const body = (await request.json()) as EmbeddingsRequestBody;
    opts.onRequest?.(body);
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    const dimension = body.dimensions ?? opts.dimension ?? 1536;
    const response = embeddingsResponseBody(
      body,
      inputs.map((text) => fakeEmbedding(text, dimension)),
    );
    if (opts.transformData) response.data = opts.transformData(response.data);
    return HttpResponse.json(response);
  });
}

/** An error response in the API's format, e.g. `openAIError(429, 'Rate limit reached', { 'retry-after': '0' })`. */
export function openAIError(status: number, message: string, headers: Record<string, string> = {}) {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return HttpResponse.json(
    { error: { message, type, param: null, code: status === 429 ? 'rate_limit_exceeded' : null } },
    { status, headers },
  );
}

/**
 * Lets the SDK's retries work against msw. Before retrying a 429/5xx the SDK cancels the error
 * body, and with msw 2.15 (@mswjs/interceptors 0.41) that cancel never settles while msw's own
 * clone of the response is unread (mswjs/interceptors#712, #799): reading the clone fixes it.
 */
export function drainMockedResponses(server: SetupServer): void {
  server.events.on('response:mocked', ({ response }) => {
    void response.arrayBuffer().catch(() => undefined);
  });
}
