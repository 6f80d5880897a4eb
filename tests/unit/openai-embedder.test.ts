import { http } from 'msw';
import { setupServer } from 'msw/node';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/catalog/embeddings/create-embedder.js';
import { createOpenAIEmbedder } from '../../src/catalog/embeddings/openai-embedder.js';
import { AppError } from '../../src/errors.js';
import {
  drainMockedResponses,
  embeddingsHandler,
  fakeEmbedding,
  OPENAI_EMBEDDINGS_URL,
  openAIError,
  type EmbeddingsRequestBody,
} from '../msw/openai-embeddings.js';

const server = setupServer();
drainMockedResponses(server);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = (maxRetries = 2) => new OpenAI({ apiKey: 'sk-test', baseURL: 'https://api.openai.com/v1', maxRetries });
const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const unit = (v: number[]) => v.map((x) => x / norm(v));

describe('OpenAI embedder', () => {
  it('sends batches of 128 and returns unit vectors in input order', async () => {
    const requests: EmbeddingsRequestBody[] = [];
    // The API tags items with `index`; answer in reverse to prove the order comes from it.
    server.use(
      embeddingsHandler({
        dimension: 8,
        onRequest: (b) => requests.push(b),
        transformData: (data) => [...data].reverse(),
      }),
    );
    const embedder = createOpenAIEmbedder({ client: client(), model: 'text-embedding-3-small', dimension: 8 });
    const texts = Array.from({ length: 300 }, (_, i) => `product ${i}`);

    const vectors = await embedder.embedDocuments(texts);

    expect(requests.map((r) => (r.input as string[]).length)).toEqual([128, 128, 44]);
    expect(requests.flatMap((r) => r.input)).toEqual(texts);
    expect(requests[0]).toMatchObject({ model: 'text-embedding-3-small', encoding_format: 'float', dimensions: 8 });
    expect(vectors).toHaveLength(300);
    vectors.forEach((v, i) => {
      expect(norm(v)).toBeCloseTo(1, 6);
      expect(v).toEqual(unit(fakeEmbedding(texts[i], 8)).map((x) => expect.closeTo(x, 6)));
    });
    expect(embedder.id).toBe('openai:text-embedding-3-small');
    expect(embedder.dimension).toBe(8);
  });

  it('uses the model default dimension and does not send `dimensions` for it', async () => {
    const requests: EmbeddingsRequestBody[] = [];
    server.use(embeddingsHandler({ onRequest: (b) => requests.push(b) }));
    const embedder = createOpenAIEmbedder({ client: client(), model: 'text-embedding-ada-002' });

    expect(embedder.dimension).toBe(1536);
    const vector = await embedder.embedQuery('running shoes');
    expect(vector).toHaveLength(1536);
    expect(requests[0]).not.toHaveProperty('dimensions');
  });

  it('learns the dimension of an unknown model from its first response', async () => {
    server.use(embeddingsHandler({ dimension: 12 }));
    const embedder = await createEmbedder({
      openai: { client: client(), model: 'acme-embed' },
      cacheDir: '/nonexistent',
    });

    expect(embedder.id).toBe('openai:acme-embed');
    expect(embedder.dimension).toBe(12);
  });

  it('recovers from a 429 through the SDK retry (retry-after: 0)', async () => {
    let calls = 0;
    server.use(
      http.post(OPENAI_EMBEDDINGS_URL, () =>
        calls++ === 0 ? openAIError(429, 'Rate limit reached', { 'retry-after': '0' }) : undefined,
      ),
      embeddingsHandler({ dimension: 4 }),
    );
    const embedder = createOpenAIEmbedder({ client: client(2), model: 'text-embedding-3-small', dimension: 4 });

    const vector = await embedder.embedQuery('mug');

    expect(calls).toBe(2);
    expect(vector).toEqual(unit(fakeEmbedding('mug', 4)).map((x) => expect.closeTo(x, 6)));
  });

  it('fails with a clear error when the server keeps answering 500', async () => {
    let calls = 0;
    server.use(
      http.post(OPENAI_EMBEDDINGS_URL, () => {
        calls++;
        return openAIError(500, 'The server had an error while processing your request.', { 'retry-after': '0' });
      }),
    );
    const embedder = createOpenAIEmbedder({ client: client(2), model: 'text-embedding-3-small' });

    const error = await embedder.embedDocuments(['a', 'b']).catch((e: unknown) => e);

    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'embeddings:upstream', status: 502 });
    expect((error as AppError).message).toMatch(/text-embedding-3-small.*HTTP 500/);
    expect((error as AppError).cause).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it('rejects a response with the wrong number of embeddings', async () => {
    server.use(embeddingsHandler({ dimension: 4, transformData: (data) => data.slice(1) }));
    const embedder = createOpenAIEmbedder({ client: client(), model: 'text-embedding-3-small', dimension: 4 });

    await expect(embedder.embedDocuments(['a', 'b'])).rejects.toMatchObject({ code: 'embeddings:bad_response' });
  });

  it('fake answers the SDK default (base64) request in the wire format the SDK decodes', async () => {
    const requests: EmbeddingsRequestBody[] = [];
    server.use(embeddingsHandler({ dimension: 6, onRequest: (b) => requests.push(b) }));

    const response = await client().embeddings.create({ model: 'text-embedding-3-small', input: ['mug'] });

    expect(requests[0].encoding_format).toBe('base64');
    expect(response.data[0].embedding).toEqual(fakeEmbedding('mug', 6));
  });
});
