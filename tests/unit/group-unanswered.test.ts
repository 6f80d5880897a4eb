import { describe, expect, it } from 'vitest';
import { contentWords, groupQuestions } from '../../src/knowledge/group-unanswered.js';
import type { UnansweredRow } from '../../src/knowledge/unanswered-store.js';

let next = 0;
const row = (question: string, over: Partial<UnansweredRow> = {}): UnansweredRow => ({
  id: ++next,
  conversationId: `conv_${next}`,
  question,
  reason: 'no_policy_match',
  promptVersions: {},
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, next)),
  resolvedBy: null,
  ...over,
});

describe('grouping unanswered questions', () => {
  it('reads content words: lowercased, without punctuation, stopwords or inflection', () => {
    expect(contentWords('Do you offer GIFT-wrapping?!')).toEqual(['gift', 'wrap']);
    expect(contentWords('Can you gift wrap my orders?')).toEqual(['gift', 'order', 'wrap']);
    expect(contentWords('what?')).toEqual([]);
  });

  it('groups phrasings that share most content words, and keeps other questions apart', () => {
    const groups = groupQuestions([
      row('Do you offer gift wrapping?'),
      row('Is there a student discount?'),
      row('Can you gift wrap my order?'),
      row('do you offer gift wrapping?'),
    ]);
    expect(groups.map((g) => [g.representative, g.count])).toEqual([
      ['Do you offer gift wrapping?', 3],
      ['Is there a student discount?', 1],
    ]);
    expect(groups[0]).toMatchObject({
      key: 'gift wrap',
      examples: ['do you offer gift wrapping?', 'Can you gift wrap my order?'],
      reasons: ['no_policy_match'],
      resolved: false,
    });
  });

  it('puts answered groups last and tells which entries answered them', () => {
    const groups = groupQuestions([
      row('Do you do engraving?', { resolvedBy: 7 }),
      row('hmm', { reason: 'not_understood' }),
      row('Engraving possible?', { resolvedBy: 7 }),
    ]);
    expect(groups.map((g) => [g.key, g.resolved, g.resolvedBy])).toEqual([
      ['hmm', false, []],
      ['engrav', true, [7]],
    ]);
  });

  it('is deterministic: the same rows give the same groups', () => {
    const rows = ['Gift wrap?', 'gift wrapping please', 'Wrap as a gift', 'student discount'].map((q) => row(q));
    expect(groupQuestions(rows)).toEqual(groupQuestions([...rows]));
  });
});
