import { describe, expect, it } from 'vitest';
import { ToolCallAccumulator } from '../../src/agent/models/tool-call-accumulator.js';

describe('ToolCallAccumulator', () => {
  it('joins interleaved deltas by index', () => {
    const acc = new ToolCallAccumulator();
    acc.add({ index: 0, id: 'a', type: 'function', function: { name: 'get_cart', arguments: '' } });
    acc.add({ index: 1, id: 'b', type: 'function', function: { name: 'search_products', arguments: '{"qu' } });
    acc.add({ index: 0, function: { arguments: '{}' } });
    acc.add({ index: 1, function: { arguments: 'ery":"hat"}' } });

    expect(acc.calls()).toEqual([
      { id: 'a', name: 'get_cart', arguments: '{}' },
      { id: 'b', name: 'search_products', arguments: '{"query":"hat"}' },
    ]);
  });

  it('copes with servers that omit the index, repeat the name or omit the id', () => {
    const acc = new ToolCallAccumulator();
    // @ts-expect-error index missing, as some OpenAI-compatible servers send it
    acc.add({ id: 'x', function: { name: 'get_product', arguments: '{"handle":' } });
    // @ts-expect-error index and id missing
    acc.add({ function: { name: 'get_product', arguments: '"hat"}' } });
    // @ts-expect-error index missing again
    acc.add({ id: 'y', function: { name: 'get_cart', arguments: '{}' } });
    acc.add({ index: 5, function: { name: 'get_orders', arguments: '{}' } });

    const calls = acc.calls();
    expect(calls.slice(0, 2)).toEqual([
      { id: 'x', name: 'get_product', arguments: '{"handle":"hat"}' },
      { id: 'y', name: 'get_cart', arguments: '{}' },
    ]);
    expect(calls[2]).toEqual({ id: expect.stringMatching(/^call_[0-9a-f]{32}$/), name: 'get_orders', arguments: '{}' });
  });
});
