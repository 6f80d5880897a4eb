import OpenAI from 'openai';
import { AppError } from '../../errors.js';
import type { Embedder } from './embedder.js';

export const KNOWN_OPENAI_DIMENSIONS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

export interface OpenAIEmbedderOptions {
  /** Built by the caller, with its own `maxRetries` and timeout: this module adds no retry layer. */
  client: OpenAI;
  model: string;
  /** Output size. For text-embedding-3-* a smaller value shortens the vectors server-side. */
  dimension?: number;
  batchSize?: number;
}

export interface OpenAIEmbedder extends Embedder {
  /** False until the first response when neither the config nor the model name tells the size. */
  readonly dimensionKnown: boolean;
}

/**
 * Embeds through OpenAI's (or a compatible server's) `/embeddings` endpoint, in batches of
 * `batchSize`, keeping input order and scaling each vector to unit length.
 */
export function createOpenAIEmbedder(opts: OpenAIEmbedderOptions): OpenAIEmbedder {
  const { client, model } = opts;
  const batchSize = opts.batchSize ?? 128;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2048) {
    throw new AppError('embeddings:config', `batchSize must be an integer from 1 to 2048, got ${batchSize}`);
  }
  const native = KNOWN_OPENAI_DIMENSIONS[model];
  // Ask for a size only when it differs from the model's own: ada-002 rejects the parameter.
  const requested = opts.dimension !== undefined && opts.dimension !== native ? opts.dimension : undefined;
  let dimension = opts.dimension ?? native;

  async function embedBatch(input: string[], signal?: AbortSignal): Promise<number[][]> {
    let response: OpenAI.CreateEmbeddingResponse;
    try {
      // 'float' explicitly: the SDK's default base64 is decoded without checks, and some
      // OpenAI-compatible servers ignore the parameter and send floats anyway.
      response = await client.embeddings.create(
        { model, input, encoding_format: 'float', ...(requested ? { dimensions: requested } : {}) },
        { signal },
      );
    } catch (err) {
      if (err instanceof OpenAI.APIError && !(err instanceof OpenAI.APIUserAbortError)) {
        const status = err.status ? ` (HTTP ${err.status})` : '';
        throw new AppError(
          'embeddings:upstream',
          `OpenAI embeddings request for model ${model} failed${status}: ${err.message}`,
          { status: 502, cause: err },
        );
      }
      throw err;
    }
    return orderedUnitVectors(response, input.length);
  }

  function orderedUnitVectors(response: OpenAI.CreateEmbeddingResponse, expected: number): number[][] {
    const data = response.data ?? [];
    if (data.length !== expected) throw badResponse(model, `expected ${expected} embeddings, got ${data.length}`);
    const out: number[][] = new Array(expected);
    for (const item of data) {
      const vector = item.embedding as unknown;
      if (
        !Number.isInteger(item.index) ||
        item.index < 0 ||
        item.index >= expected ||
        out[item.index] ||
        !Array.isArray(vector)
      ) {
        throw badResponse(model, `unexpected item at index ${String(item.index)}`);
      }
      dimension ??= vector.length;
      if (vector.length !== dimension)
        throw badResponse(model, `expected ${dimension} dimensions, got ${vector.length}`);
      out[item.index] = toUnit(vector as number[], model);
    }
    return out;
  }

  const embedder: OpenAIEmbedder = {
    id: `openai:${model}`,
    get dimension(): number {
      if (dimension === undefined) {
        throw new AppError(
          'embeddings:config',
          `Dimension of ${model} is not known yet: set it in the config or embed something first`,
        );
      }
      return dimension;
    },
    get dimensionKnown() {
      return dimension !== undefined;
    },
    async embedDocuments(texts, options) {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        vectors.push(...(await embedBatch(texts.slice(i, i + batchSize), options?.signal)));
      }
      return vectors;
    },
    async embedQuery(text, options) {
      const [vector] = await embedBatch([text], options?.signal);
      return vector;
    },
  };
  return embedder;
}

function badResponse(model: string, detail: string): AppError {
  return new AppError(
    'embeddings:bad_response',
    `OpenAI embeddings response for model ${model} is unusable: ${detail}`,
    { status: 502 },
  );
}

function toUnit(vector: number[], model: string): number[] {
  let sum = 0;
  for (const x of vector) sum += x * x;
  if (!(sum > 0) || !Number.isFinite(sum)) throw badResponse(model, 'a zero or non-finite vector');
  const inv = 1 / Math.sqrt(sum);
  return vector.map((x) => x * inv);
}
