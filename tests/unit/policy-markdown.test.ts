import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_CHARS, parsePolicyMarkdown } from '../../src/ingest/importers/policy-markdown.js';

const RETURNS = `# Returns & refunds

We want you to **love** what you ordered.

## Returning an item

You can return items within *30 days*. Start at [our returns page](https://shop.example/returns).

- Unworn, with tags attached
* In the original box
1. Print the label from \`My orders\`

### Refund timing

Refunds reach your card in 5–10 business days.

## Exchanges

> Exchanges are free for sizes.

<b>Questions?</b> Write to [help@shop.example](mailto:help@shop.example).
`;

describe('parsePolicyMarkdown', () => {
  const { policy, errors } = parsePolicyMarkdown(Buffer.from(RETURNS), { file: 'catalog/policies/returns.md' });

  it('takes the title from "# ", the slug from the file name, and keeps the source', () => {
    expect(errors).toEqual([]);
    expect(policy).toMatchObject({
      slug: 'returns',
      title: 'Returns & refunds',
      source: 'catalog/policies/returns.md',
    });
  });

  it('makes one chunk per section with heading, heading path, anchor and position', () => {
    expect(policy?.chunks.map((c) => [c.heading, c.path, c.anchor, c.position])).toEqual([
      ['Returns & refunds', ['Returns & refunds'], 'returns-refunds', 0],
      ['Returning an item', ['Returns & refunds', 'Returning an item'], 'returning-an-item', 1],
      ['Refund timing', ['Returns & refunds', 'Returning an item', 'Refund timing'], 'refund-timing', 2],
      ['Exchanges', ['Returns & refunds', 'Exchanges'], 'exchanges', 3],
    ]);
  });

  it('strips markdown formatting but keeps list items and link targets', () => {
    const [intro, returning, , exchanges] = policy?.chunks ?? [];
    expect(intro.text).toBe('We want you to love what you ordered.');
    expect(returning.text).toBe(
      'You can return items within 30 days. Start at our returns page (https://shop.example/returns).\n\n' +
        '- Unworn, with tags attached\n- In the original box\n1. Print the label from My orders',
    );
    expect(exchanges.text).toBe('Exchanges are free for sizes.\n\nQuestions? Write to help@shop.example.');
  });

  it('splits a long section on paragraph boundaries into chunks of at most ~1,200 characters', () => {
    const paragraphs = Array.from(
      { length: 30 },
      (_, i) => `Paragraph ${i}: shipping to islands takes longer and costs a little more than the mainland.`,
    );
    const { policy: shipping } = parsePolicyMarkdown(`# Shipping\n\n## Islands\n\n${paragraphs.join('\n\n')}\n`, {
      file: 'shipping.md',
    });
    const chunks = shipping?.chunks ?? [];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
      expect(chunk.heading).toBe('Islands');
      expect(chunk.text.startsWith('Paragraph ')).toBe(true);
    }
    expect(chunks.map((c) => c.text).join('\n\n')).toBe(paragraphs.join('\n\n'));
    expect(chunks.map((c) => c.position)).toEqual(chunks.map((_, i) => i));
  });

  it('cuts a single huge paragraph at sentences without losing text', () => {
    const sentence = 'Orders placed before noon ship the same day.';
    const long = Array.from({ length: 60 }, () => sentence).join(' ');
    const { policy: doc } = parsePolicyMarkdown(`# Shipping\n\n${long}\n`, { file: 'shipping.md' });
    expect(doc?.chunks.every((c) => c.text.length <= MAX_CHUNK_CHARS && c.text.endsWith('.'))).toBe(true);
    expect(doc?.chunks.map((c) => c.text).join(' ')).toBe(long);
  });

  it('ignores headings inside code fences, and falls back to the file name for a missing title', () => {
    const { policy: doc } = parsePolicyMarkdown('Intro text.\n\n```\n## not a heading\n```\n\n## Real\n\nBody.\n', {
      file: 'privacy-policy.md',
    });
    expect(doc?.title).toBe('Privacy policy');
    expect(doc?.chunks.map((c) => c.heading)).toEqual(['Privacy policy', 'Real']);
    expect(doc?.chunks[0].text).toContain('## not a heading');
  });

  it('reports a document with no text, and a line of invalid UTF-8', () => {
    expect(parsePolicyMarkdown('# Empty\n', { file: 'empty.md' })).toEqual({
      policy: null,
      outline: [{ level: 1, heading: 'Empty', positions: [] }],
      errors: [{ line: 1, message: 'the policy document has no text' }],
    });
    const bad = Buffer.concat([Buffer.from('# T\n\nGood line.\nBad '), Buffer.from([0xff]), Buffer.from('\nAfter.\n')]);
    const result = parsePolicyMarkdown(bad, { file: 't.md' });
    expect(result.errors).toEqual([{ line: 4, message: expect.stringContaining('not valid UTF-8') }]);
    expect(result.policy?.chunks[0].text).toBe('Good line.\nAfter.');
  });
});
