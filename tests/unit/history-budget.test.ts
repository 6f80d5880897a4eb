import { describe, expect, it } from 'vitest';
import { estimateHistoryTokens, fitHistory, repairToolPairs } from '../../src/agent/history-budget.js';
import type { ChatMessage } from '../../src/agent/model.js';

const system: ChatMessage = { role: 'system', content: 'You are the shop assistant.' };
const long = (label: string) => `${label} ${'x'.repeat(400)}`;

/** A turn with a tool exchange: user, assistant tool call, tool result, assistant answer. */
function toolTurn(n: number): ChatMessage[] {
  return [
    { role: 'user', content: `question ${n}: do you have size ${40 + n}?` },
    {
      role: 'assistant',
      content: null,
      toolCalls: [{ id: `call_${n}`, name: 'search_products', arguments: '{"query":"shoes"}' }],
    },
    { role: 'tool', toolCallId: `call_${n}`, name: 'search_products', content: long(`result ${n}`) },
    { role: 'assistant', content: `answer ${n}` },
  ];
}

function expectNoOrphans(messages: ChatMessage[]) {
  const calls = messages.flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []).map((c) => c.id) : []));
  const results = messages.flatMap((m) => (m.role === 'tool' ? [m.toolCallId] : []));
  expect(results.sort()).toEqual(calls.sort());
}

describe('fitHistory', () => {
  it('returns the history unchanged when it fits', () => {
    const history = [system, ...toolTurn(1), { role: 'user', content: 'thanks' } as ChatMessage];
    expect(fitHistory(history, { maxTokens: 10_000 })).toEqual(history);
  });

  it('drops the oldest whole turns, keeps the system prompt first and says what was trimmed', () => {
    const history = [
      system,
      ...toolTurn(1),
      ...toolTurn(2),
      ...toolTurn(3),
      { role: 'user', content: 'and in black?' } as ChatMessage,
    ];

    const fitted = fitHistory(history, { maxTokens: 300 });

    expect(fitted[0]).toEqual(system);
    expect(fitted[1]).toEqual({
      role: 'system',
      content: expect.stringMatching(
        /^Earlier conversation trimmed: 2 turns\. .*"question 1: do you have size 41\?"; "question 2/,
      ),
    });
    expect(fitted.slice(2)).toEqual([...toolTurn(3), { role: 'user', content: 'and in black?' }]);
    expect(estimateHistoryTokens(fitted)).toBeLessThanOrEqual(300);
    expectNoOrphans(fitted);
  });

  it('never splits a tool exchange, even under a budget smaller than one turn', () => {
    const history = [system, ...toolTurn(1), ...toolTurn(2)];

    const fitted = fitHistory(history, { maxTokens: 50 });

    expect(fitted.slice(2)).toEqual(toolTurn(2));
    expect(fitted[1]).toMatchObject({ role: 'system', content: expect.stringContaining('trimmed: 1 turn.') });
    expectNoOrphans(fitted);
  });

  it('repairs persisted history with a tool result whose call is missing, or a call without result', () => {
    const broken: ChatMessage[] = [
      system,
      { role: 'user', content: 'hi' },
      { role: 'tool', toolCallId: 'ghost', name: 'get_cart', content: '{}' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [
          { id: 'a', name: 'get_cart', arguments: '{}' },
          { id: 'b', name: 'get_cart', arguments: '{}' },
        ],
      },
      { role: 'tool', toolCallId: 'a', name: 'get_cart', content: '{}' },
      { role: 'assistant', content: null, toolCalls: [{ id: 'c', name: 'get_cart', arguments: '{}' }] },
    ];

    const repaired = repairToolPairs(broken);

    expect(repaired).toEqual([
      system,
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'a', name: 'get_cart', arguments: '{}' }] },
      { role: 'tool', toolCallId: 'a', name: 'get_cart', content: '{}' },
    ]);
    expect(fitHistory(broken, { maxTokens: 10_000 })).toEqual(repaired);
  });
});
