import { describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/conversations/conversation-store.js';
import { evaluateHandoffRules } from '../../src/handoff/handoff-rules.js';

const cfg = { unhelpfulTurns: 2, onAnger: true, onOrderProblem: true };
let id = 0;
const msg = (role: StoredMessage['role'], content: string, meta: Record<string, unknown> = {}): StoredMessage => ({
  id: ++id,
  role,
  content,
  toolCalls: null,
  toolCallId: null,
  toolName: null,
  epoch: 0,
  meta,
  createdAt: '',
});

describe('handoff rules', () => {
  it('hands an angry shopper to a person at once', () => {
    expect(evaluateHandoffRules(cfg, 'this bot is useless', [])).toEqual({
      reason: 'The shopper sounds upset',
      urgency: 'high',
    });
  });
  it('hands over order problems', () => {
    expect(evaluateHandoffRules(cfg, 'my parcel never arrived', [])?.reason).toMatch(/order problem/);
    expect(evaluateHandoffRules(cfg, 'the jacket came damaged', [])?.urgency).toBe('normal');
  });
  it('hands over after repeated replies that could not help', () => {
    const history = [
      msg('user', 'blorp'),
      msg('assistant', "I'm not sure I understood.", { model: 'x', tools: [] }),
      msg('user', 'flarn'),
      msg('assistant', "Sorry, I can't help with that.", { model: 'x', tools: [] }),
    ];
    expect(evaluateHandoffRules(cfg, 'zzz', history)?.reason).toMatch(/2 assistant replies/);
    const helped = [...history.slice(0, 3), msg('assistant', 'found it', { model: 'x', tools: ['search_products'] })];
    expect(evaluateHandoffRules(cfg, 'zzz', helped)).toBeNull();
    const chatty = [
      msg('user', 'what is merino?'),
      msg('assistant', 'A fine wool.', { model: 'x', tools: [] }),
      msg('user', 'and alpaca?'),
      msg('assistant', 'Also wool.', { model: 'x', tools: [] }),
    ];
    expect(evaluateHandoffRules(cfg, 'ok', chatty)).toBeNull();
  });
  it('can be switched off', () => {
    expect(
      evaluateHandoffRules(
        { unhelpfulTurns: 0, onAnger: false, onOrderProblem: false },
        'useless, my parcel never arrived',
        [],
      ),
    ).toBeNull();
  });
  it('leaves ordinary messages alone', () => {
    expect(evaluateHandoffRules(cfg, 'do you have waterproof boots in size 42?', [])).toBeNull();
  });
});
