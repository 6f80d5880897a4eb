import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createOpenAIClient } from '../../src/agent/models/create-openai-client.js';
import { createOpenAIModel } from '../../src/agent/models/openai-model.js';
import type { ChatMessage } from '../../src/agent/model.js';
import {
  EMPTY_REPLY_TEXT,
  runAgent,
  STEP_LIMIT_TEXT,
  type AgentEvent,
  type RunAgentOptions,
} from '../../src/agent/run-agent.js';
import type { ProductSummary } from '../../src/catalog/types.js';
import { AppError } from '../../src/errors.js';
import { defineTool, type ToolContext } from '../../src/tools/define-tool.js';
import { HttpResponse } from 'msw';
import {
  chatCompletion,
  createChatScript,
  errorReply,
  hangingReply,
  setupOpenAIMockServer,
  streamReply,
  TEST_OPENAI_BASE_URL,
} from '../msw/openai-chat.js';

const server = setupOpenAIMockServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ctx: ToolContext = { conversationId: 'conv-1', customerId: 'cust-1', cartId: 'cart-1', actor: 'assistant' };
const history: ChatMessage[] = [
  { role: 'system', content: 'You are the shop assistant.' },
  { role: 'user', content: 'Do you have trail shoes?' },
];
const silentLogger = { info() {}, warn() {}, error() {} };

function product(handle: string): ProductSummary {
  const price = { amount: 8900, currency: 'EUR', formatted: '€89.00' };
  return {
    handle,
    title: handle,
    vendor: 'Acme',
    category: 'Shoes',
    categoryPath: ['Shoes'],
    tags: [],
    attributes: {},
    description: '',
    price,
    inStock: true,
    image: null,
    optionNames: [],
    variants: [],
  };
}

const toolsSeen: { name: string; input: unknown; ctx: ToolContext }[] = [];
const searchProducts = defineTool({
  name: 'search_products',
  description: 'Find products.',
  input: z.object({ query: z.string().min(1), maxPriceCents: z.number().int().positive().optional() }),
  run: async (input, c) => {
    toolsSeen.push({ name: 'search_products', input, ctx: c });
    return { products: [product('trail-runner'), product('trail-runner'), product('summit-boot')] };
  },
});
const explode = defineTool({
  name: 'explode',
  description: 'Always fails.',
  input: z.object({}),
  run: async () => {
    throw new Error('db connection reset');
  },
});
const refuse = defineTool({
  name: 'refuse',
  description: 'Fails with a message meant for the user.',
  input: z.object({}),
  run: async () => {
    throw new AppError('carts:limit', 'You can order at most 5 of this item.', { status: 409 });
  },
});
const requestHuman = defineTool({
  name: 'request_human',
  description: 'Hand over to a person.',
  input: z.object({ reason: z.string(), urgency: z.enum(['low', 'normal', 'high']).default('normal') }),
  run: async (input) => ({
    requested: true as const,
    reason: input.reason,
    urgency: input.urgency,
    message: 'A colleague will join shortly.',
  }),
});

/** Two tools that each wait until both have started: they only finish when run in parallel. */
function barrierTools() {
  let arrived = 0;
  let release!: () => void;
  const bothStarted = new Promise<void>((resolve) => (release = resolve));
  const make = (name: string) =>
    defineTool({
      name,
      description: `Barrier tool ${name}.`,
      input: z.object({ sku: z.string() }),
      run: async (input) => {
        if (++arrived === 2) release();
        await Promise.race([
          bothStarted,
          new Promise((_, reject) => setTimeout(() => reject(new Error('ran sequentially')), 500)),
        ]);
        return { sku: input.sku, stock: 3 };
      },
    });
  return [make('get_stock'), make('get_price')];
}

function setup(opts: { timeoutMs?: number; maxRetries?: number; streamIdleMs?: number } = {}) {
  const script = createChatScript();
  server.use(script.handler);
  const client = createOpenAIClient({
    baseURL: TEST_OPENAI_BASE_URL,
    apiKey: 'sk-test',
    timeoutMs: opts.timeoutMs ?? 300,
    maxRetries: opts.maxRetries ?? 1,
  });
  const model = createOpenAIModel({ client, model: 'gpt-test', streamIdleMs: opts.streamIdleMs ?? 200 });
  return { script, model };
}

async function collect(opts: Partial<RunAgentOptions> & Pick<RunAgentOptions, 'model'>): Promise<AgentEvent[]> {
  const events: AgentEvent[] = [];
  const run = runAgent({
    tools: [searchProducts, explode, refuse, requestHuman],
    messages: history,
    ctx,
    maxSteps: 4,
    logger: silentLogger,
    ...opts,
  });
  for await (const event of run) events.push(event);
  return events;
}

const types = (events: AgentEvent[]) => events.map((e) => e.type);
const last = (events: AgentEvent[]) => events[events.length - 1];
const textOf = (events: AgentEvent[]) => events.flatMap((e) => (e.type === 'text_delta' ? [e.text] : [])).join('');

/** Every assistant tool call in `messages` is followed by exactly one tool message answering it. */
function expectNoOrphans(messages: ChatMessage[]) {
  const callIds = messages.flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []).map((c) => c.id) : []));
  const answered = messages.flatMap((m) => (m.role === 'tool' ? [m.toolCallId] : []));
  expect(answered.sort()).toEqual(callIds.sort());
}

function newMessagesOf(events: AgentEvent[]): ChatMessage[] {
  const end = last(events);
  if (end.type !== 'done' && end.type !== 'error') throw new Error(`turn ended with ${end.type}`);
  expectNoOrphans(end.newMessages);
  return end.newMessages;
}

describe('runAgent with the OpenAI provider', () => {
  it('streams text deltas and finishes with usage, timings and the assistant message to persist', async () => {
    const { script, model } = setup();
    script.reply(
      streamReply({ text: 'We have two trail shoes in stock.', usage: { prompt_tokens: 40, completion_tokens: 9 } }),
    );

    const events = await collect({ model });

    expect(types(events).filter((t) => t === 'text_delta').length).toBeGreaterThan(3);
    expect(textOf(events)).toBe('We have two trail shoes in stock.');
    const done = last(events);
    expect(done).toMatchObject({
      type: 'done',
      message: {
        content: 'We have two trail shoes in stock.',
        toolCalls: [],
        usage: { promptTokens: 40, completionTokens: 9 },
        steps: 1,
        model: 'openai:gpt-test',
        stepLimitReached: false,
      },
      newMessages: [{ role: 'assistant', content: 'We have two trail shoes in stock.' }],
    });
    if (done.type === 'done')
      expect(done.message.timings.firstTokenMs).toBeLessThanOrEqual(done.message.timings.totalMs);
    const [body] = script.requests;
    expect(body).toMatchObject({
      model: 'gpt-test',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'system' }, { role: 'user', content: 'Do you have trail shoes?' }],
    });
    expect(body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual([
      'search_products',
      'explode',
      'refuse',
      'request_human',
    ]);
    expect(body.tools[0]).toEqual({
      type: 'function',
      function: {
        name: 'search_products',
        description: 'Find products.',
        parameters: expect.objectContaining({ type: 'object', required: ['query'] }),
      },
    });
  });

  it('never ends a turn with an empty reply', async () => {
    const { script, model } = setup();
    script.reply(streamReply({ text: '', finishReason: 'content_filter' }));

    const events = await collect({ model });

    expect(events).toEqual([
      { type: 'text_delta', text: EMPTY_REPLY_TEXT },
      expect.objectContaining({ type: 'done', newMessages: [{ role: 'assistant', content: EMPTY_REPLY_TEXT }] }),
    ]);
  });

  it('reassembles tool-call arguments split across many chunks, runs the tool and sends the result back', async () => {
    const { script, model } = setup();
    const args = JSON.stringify({ query: 'trail shoes', maxPriceCents: 12000 });
    script.reply(
      streamReply({
        text: 'Let me look.',
        toolCalls: [{ id: 'call_search1', name: 'search_products', arguments: args }],
        argPieceSize: 2,
      }),
      streamReply({ text: 'The Trail Runner costs €89.00.' }),
    );
    toolsSeen.length = 0;

    const events = await collect({ model });

    expect(types(events)).toEqual([
      ...Array(3).fill('text_delta'),
      'tool_call',
      'tool_result',
      'products',
      ...Array(5).fill('text_delta'),
      'done',
    ]);
    expect(events.find((e) => e.type === 'tool_call')).toEqual({
      type: 'tool_call',
      call: { id: 'call_search1', name: 'search_products', arguments: args },
    });
    expect(toolsSeen).toEqual([
      {
        name: 'search_products',
        input: { query: 'trail shoes', maxPriceCents: 12000 },
        ctx: expect.objectContaining({ customerId: 'cust-1', cartId: 'cart-1' }),
      },
    ]);
    const products = events.find((e) => e.type === 'products');
    expect(products?.type === 'products' && products.products.map((p) => p.handle)).toEqual([
      'trail-runner',
      'summit-boot',
    ]);
    expect(textOf(events)).toBe('Let me look.\n\nThe Trail Runner costs €89.00.');

    const second = script.requests[1].messages;
    expect(second.slice(2)).toEqual([
      {
        role: 'assistant',
        content: 'Let me look.',
        tool_calls: [{ id: 'call_search1', type: 'function', function: { name: 'search_products', arguments: args } }],
      },
      { role: 'tool', tool_call_id: 'call_search1', content: expect.stringContaining('"handle":"trail-runner"') },
    ]);
    expect(newMessagesOf(events).map((m) => m.role)).toEqual(['assistant', 'tool', 'assistant']);
  });

  it('runs two tool calls of one step in parallel and answers each by its call id', async () => {
    const { script, model } = setup();
    script.reply(
      streamReply({
        toolCalls: [
          { id: 'call_a', name: 'get_stock', arguments: '{"sku":"TR-42"}' },
          { id: 'call_b', name: 'get_price', arguments: '{"sku":"TR-42"}' },
        ],
      }),
      streamReply({ text: '3 left at €89.' }),
    );

    const events = await collect({ model, tools: barrierTools() });

    const results = events.filter((e) => e.type === 'tool_result');
    expect(results).toEqual([
      { type: 'tool_result', callId: 'call_a', name: 'get_stock', result: { sku: 'TR-42', stock: 3 }, isError: false },
      { type: 'tool_result', callId: 'call_b', name: 'get_price', result: { sku: 'TR-42', stock: 3 }, isError: false },
    ]);
    const sent = script.requests[1].messages.slice(2);
    expect(sent[0].tool_calls.map((c: { id: string }) => c.id)).toEqual(['call_a', 'call_b']);
    expect(sent.slice(1).map((m: { role: string; tool_call_id: string }) => [m.role, m.tool_call_id])).toEqual([
      ['tool', 'call_a'],
      ['tool', 'call_b'],
    ]);
    expect(last(events).type).toBe('done');
  });

  it('also works with a server that ignores stream: true and answers one JSON completion', async () => {
    const { script, model } = setup();
    script.reply(
      HttpResponse.json(
        chatCompletion({ toolCalls: [{ id: 'call_j', name: 'search_products', arguments: '{"query":"boots"}' }] }),
      ),
      HttpResponse.json(
        chatCompletion({ content: 'The Summit Boot is €89.00.', usage: { prompt_tokens: 50, completion_tokens: 8 } }),
      ),
    );

    const events = await collect({ model });

    expect(types(events)).toEqual(['tool_call', 'tool_result', 'products', 'text_delta', 'done']);
    expect(last(events)).toMatchObject({
      message: { content: 'The Summit Boot is €89.00.', usage: { promptTokens: 62, completionTokens: 15 } },
    });
    expect(script.requests[1].messages.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_j' });
  });

  it('retries a 429 once inside the SDK and then answers normally', async () => {
    const { script, model } = setup();
    script.reply(errorReply(429, { headers: { 'retry-after': '0' } }), streamReply({ text: 'Hello!' }));

    const events = await collect({ model });

    expect(script.requests).toHaveLength(2);
    expect(types(events)).toEqual(['text_delta', 'done']);
  });

  it('turns a 500 that persists after the retry into a graceful, retryable error', async () => {
    const { script, model } = setup();
    script.reply(
      errorReply(500, { headers: { 'retry-after': '0' } }),
      errorReply(500, { headers: { 'retry-after': '0' } }),
    );

    const events = await collect({ model });

    expect(script.requests).toHaveLength(2);
    expect(events).toEqual([
      {
        type: 'error',
        error: { code: 'model:unavailable', message: expect.stringMatching(/try again/i) },
        retryable: true,
        newMessages: [],
        modelMs: expect.any(Number),
      },
    ]);
  });

  it('gives up on a server that never answers once the timeout and the one retry are spent', async () => {
    const { script, model } = setup({ timeoutMs: 150 });
    script.reply(hangingReply, hangingReply);
    const started = Date.now();

    const events = await collect({ model });

    expect(script.requests).toHaveLength(2);
    expect(last(events)).toMatchObject({ type: 'error', error: { code: 'model:unavailable' }, retryable: true });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('aborts a stream that goes silent mid-answer and keeps the text already shown', async () => {
    const { script, model } = setup({ streamIdleMs: 100 });
    script.reply(streamReply({ text: ['We ', 'have ', 'several'] }, { hangAfter: 3 }));

    const events = await collect({ model });

    expect(types(events)).toEqual(['text_delta', 'text_delta', 'error']);
    expect(last(events)).toMatchObject({
      error: { code: 'model:unavailable' },
      retryable: true,
      newMessages: [{ role: 'assistant', content: 'We have ' }],
    });
  });

  it('sends malformed or invalid arguments back as an error result the model recovers from', async () => {
    const { script, model } = setup();
    script.reply(
      streamReply({
        toolCalls: [
          { id: 'call_bad', name: 'search_products', arguments: '{"query": "trail' },
          { id: 'call_empty', name: 'search_products', arguments: '{"query": ""}' },
        ],
      }),
      streamReply({ toolCalls: [{ id: 'call_ok', name: 'search_products', arguments: '{"query":"trail"}' }] }),
      streamReply({ text: 'Found them.' }),
    );

    const events = await collect({ model });

    const [bad, empty] = events.filter((e) => e.type === 'tool_result');
    expect(bad).toMatchObject({
      callId: 'call_bad',
      isError: true,
      result: { error: { code: 'tool:bad_arguments', message: expect.stringContaining('not valid JSON') } },
    });
    expect(empty).toMatchObject({
      callId: 'call_empty',
      isError: true,
      result: { error: { code: 'tool:bad_arguments', message: expect.stringMatching(/query: .*>=1 characters/) } },
    });
    const toolMessages = script.requests[1].messages.filter((m: { role: string }) => m.role === 'tool');
    expect(toolMessages.map((m: { tool_call_id: string }) => m.tool_call_id)).toEqual(['call_bad', 'call_empty']);
    expect(JSON.parse(toolMessages[0].content)).toEqual({
      error: { code: 'tool:bad_arguments', message: expect.any(String) },
    });
    expect(last(events)).toMatchObject({ type: 'done', message: { content: 'Found them.', steps: 3 } });
  });

  it('answers an unknown tool or a failing tool with an error result and keeps going', async () => {
    const { script, model } = setup();
    script.reply(
      streamReply({
        toolCalls: [
          { id: 'c1', name: 'delete_shop', arguments: '{}' },
          { id: 'c2', name: 'explode', arguments: '' },
          { id: 'c3', name: 'refuse', arguments: '{}' },
        ],
      }),
      streamReply({ text: 'Sorry about that.' }),
    );

    const events = await collect({ model });

    const results = events.filter((e) => e.type === 'tool_result');
    expect(results.map((e) => e.type === 'tool_result' && e.result)).toEqual([
      { error: { code: 'tool:unknown', message: expect.stringContaining('search_products') } },
      { error: { code: 'tool:failed', message: expect.not.stringContaining('db connection') } },
      { error: { code: 'tool:failed', message: 'You can order at most 5 of this item.' } },
    ]);
    expect(script.requests[1].messages.filter((m: { role: string }) => m.role === 'tool')).toHaveLength(3);
    expect(last(events).type).toBe('done');
  });

  it('emits a handoff event when request_human succeeds', async () => {
    const { script, model } = setup();
    script.reply(
      streamReply({
        toolCalls: [{ id: 'h1', name: 'request_human', arguments: '{"reason":"damaged parcel","urgency":"high"}' }],
      }),
      streamReply({ text: 'A colleague will join shortly.' }),
    );

    const events = await collect({ model });

    expect(events).toContainEqual({ type: 'handoff', reason: 'damaged parcel', urgency: 'high' });
  });

  it('stops after maxSteps model calls with a graceful text and no unanswered tool call', async () => {
    const { script, model } = setup();
    const search = (id: string) =>
      streamReply({ toolCalls: [{ id, name: 'search_products', arguments: '{"query":"x"}' }] });
    script.reply(search('s1'), search('s2'), search('s3'));

    const events = await collect({ model, maxSteps: 2 });

    expect(script.requests).toHaveLength(2);
    expect(events.filter((e) => e.type === 'tool_call')).toHaveLength(1);
    expect(textOf(events)).toBe(STEP_LIMIT_TEXT);
    expect(last(events)).toMatchObject({
      type: 'done',
      message: { steps: 2, stepLimitReached: true, content: STEP_LIMIT_TEXT },
    });
    expect(newMessagesOf(events)).toEqual([
      expect.objectContaining({ role: 'assistant', toolCalls: [expect.objectContaining({ id: 's1' })] }),
      expect.objectContaining({ role: 'tool', toolCallId: 's1' }),
      { role: 'assistant', content: STEP_LIMIT_TEXT },
    ]);
  });

  it('stops mid-stream on abort, ends with agent:aborted and sends nothing more', async () => {
    const { script, model } = setup({ streamIdleMs: 5000 });
    script.reply(streamReply({ text: ['One ', 'two ', 'three ', 'four'] }, { delayMs: 40 }));
    const controller = new AbortController();
    const events: AgentEvent[] = [];
    const started = Date.now();

    for await (const event of runAgent({
      model,
      tools: [searchProducts],
      messages: history,
      ctx,
      maxSteps: 3,
      signal: controller.signal,
      logger: silentLogger,
    })) {
      events.push(event);
      if (event.type === 'text_delta') controller.abort();
    }

    expect(types(events)).toEqual(['text_delta', 'error']);
    expect(last(events)).toMatchObject({
      error: { code: 'agent:aborted' },
      retryable: false,
      newMessages: [{ role: 'assistant', content: 'One ' }],
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(script.requests).toHaveLength(1);
  });

  it('completes the step with error results when aborted while tools run, so no tool call is left unanswered', async () => {
    const { script, model } = setup();
    script.reply(
      streamReply({
        toolCalls: [
          { id: 'fast', name: 'search_products', arguments: '{"query":"x"}' },
          { id: 'slow', name: 'wait_forever', arguments: '{}' },
        ],
      }),
    );
    const controller = new AbortController();
    const waitForever = defineTool({
      name: 'wait_forever',
      description: 'Never finishes on its own.',
      input: z.object({}),
      run: () => {
        setTimeout(() => controller.abort(), 20);
        return new Promise(() => {});
      },
    });

    const events: AgentEvent[] = [];
    for await (const event of runAgent({
      model,
      tools: [searchProducts, waitForever],
      messages: history,
      ctx,
      maxSteps: 3,
      signal: controller.signal,
      logger: silentLogger,
    }))
      events.push(event);

    expect(types(events)).toEqual(['tool_call', 'tool_call', 'tool_result', 'products', 'tool_result', 'error']);
    expect(events[4]).toMatchObject({ callId: 'slow', isError: true, result: { error: { code: 'tool:aborted' } } });
    expect(newMessagesOf(events).map((m) => m.role)).toEqual(['assistant', 'tool', 'tool']);
    expect(last(events)).toMatchObject({ error: { code: 'agent:aborted' } });
    expect(script.requests).toHaveLength(1);
  });
});
