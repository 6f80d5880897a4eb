import { describe, expect, it } from 'vitest';
import { composePolicy } from '../../src/agent/models/offline/compose-policy.js';
import { policyQuery } from '../../src/agent/models/offline/policy-question.js';
import { loadReplies } from '../../src/agent/models/offline/replies.js';
import type { Understanding } from '../../src/agent/models/offline/understanding.js';
import { parsePolicyMarkdown } from '../../src/ingest/importers/policy-markdown.js';
import { expandPolicyQuery } from '../../src/policies/expand-policy-query.js';
import { policyLanguageSchema } from '../../src/policies/policy-language.js';
import { policyReader } from '../../src/policies/policy-reader.js';
import { scoreSections, selectPolicyAnswer } from '../../src/policies/select-policy-answer.js';
import type { PolicyChunkView } from '../../src/tools/results.js';

/** A made-up shop's policies: no demo shop wording, so the answers cannot lean on it. */
const RETURNS = `# Returns

Changed your mind? Most things can go back to Velo Nord within 60 days.

## Return period

You have 60 days from delivery to send an item back. Bikes must be unridden and in their original box.

## Exchanges

Exchanging for another size or colour of the same model costs nothing. If your size is sold out, we refund you instead.

## Items we cannot take back

The following cannot be returned:

- Helmets that have been worn
- Wheels built to order
- Gift vouchers

## Refunds

We check returns within 3 working days. Refunds reach your original payment method within 7 business days; vouchers are refunded as store credit.
`;

const SHIPPING = `# Delivery

We ship from Aarhus to every EU country.

## Delivery prices

| Destination | Standard | Free from |
| --- | --- | --- |
| Denmark | €6 | €80 |
| Rest of the EU | €12 | €150 |

Bikes ship for a flat €45, whatever the order value.

## Delivery times

Denmark: 1–2 working days. Rest of the EU: 3–6 working days.
`;

const PAYMENT = `# Paying

## Ways to pay

- Visa and Mastercard
- MobilePay
- Klarna: pay in 30 days, Denmark and Sweden only

## Security

Card payments are encrypted and confirmed with 3-D Secure.
`;

const WARRANTY = `# Warranty

## Frames

Aluminium frames are covered for 5 years against cracks and broken welds.

## E-bike motors

Motors and batteries are covered for 2 years from delivery.
`;

function chunksOf(markdown: string, file: string): PolicyChunkView[] {
  const { policy } = parsePolicyMarkdown(markdown, { file });
  return (policy?.chunks ?? []).map((c) => ({
    source: file,
    title: policy!.title,
    heading: c.heading,
    anchor: c.anchor,
    text: c.text,
  }));
}

/** Every section of the shop, in document order: the answerer must find the right one itself. */
const ALL = [
  ...chunksOf(RETURNS, 'returns.md'),
  ...chunksOf(SHIPPING, 'delivery.md'),
  ...chunksOf(PAYMENT, 'paying.md'),
  ...chunksOf(WARRANTY, 'warranty.md'),
];
const say = loadReplies('en');
const answer = (question: string) => composePolicy(say, { chunks: ALL }, question);

describe('policy answers', () => {
  it.each([
    ['how long do I have to send something back?', 'Returns — Return period', '60 days'],
    [
      'Hi! My son outgrew the jersey already. Would swapping it for a bigger size cost me anything?',
      'Exchanges',
      'costs nothing',
    ],
    ["can I return a helmet if it's been worn?", 'Items we cannot take back', 'Helmets that have been worn'],
    ['when do I get my money back?', 'Refunds', '7 business days'],
    ['where does the refund go if I paid with a voucher?', 'Refunds', 'store credit'],
    ['We live in Copenhagen. Is delivery free on bigger orders?', 'Delivery prices', '€80'],
    ['how many days does delivery to the rest of the EU take', 'Delivery times', '3–6 working days'],
    ['do u take klarna', 'Ways to pay', 'Klarna: pay in 30 days'],
  ])('"%s" → %s, quoting "%s"', (question, section, quote) => {
    const reply = answer(question);
    expect(reply).toContain(`— ${section.replace(/^.* — /, '')})`);
    expect(reply).toContain(quote);
  });

  it('answers "what ways can I pay with?" with the passage that lists them', () => {
    // Search put a section that speaks of paying first; only the other one lists the ways.
    const sections = [
      {
        title: 'Orders',
        heading: 'Changing items',
        text: 'An item can be changed for another size. You pay the difference with a payment method you choose.',
      },
      {
        title: 'Orders',
        heading: 'Your account',
        text: 'Your account keeps your address and your payment details. We take three kinds of payment: card, bank transfer and store credit.',
      },
      { title: 'Orders', heading: 'Gift wrap', text: 'Any order can be gift wrapped for €3.' },
    ];
    const picked = selectPolicyAnswer(sections, 'what ways can I pay with?');
    expect(picked?.section.heading).toBe('Your account');
    expect(picked?.passages.map((p) => p.text).join(' ')).toContain('card, bank transfer and store credit');
  });

  it('counts the document\'s title as what a section speaks of: a warranty section that never says "warranty"', () => {
    // Search put the returns section first; the warranty section names its topic only in its document's title.
    const sections = [
      {
        title: 'Returns',
        heading: 'Damaged items',
        text: 'If an item arrives damaged or faulty, tell us within 14 days and we send a replacement.',
      },
      {
        title: 'Warranty',
        heading: 'Own-brand products',
        text: 'Our own tents are covered for 5 years from the day you bought them, tent poles and seams included.',
      },
    ];
    const picked = selectPolicyAnswer(
      sections,
      'I bought this tent a year ago and a tent pole broke, is it covered by guarantee?',
    );
    expect(picked?.section.heading).toBe('Own-brand products');
  });

  it('answers "when would it turn up?" with delivery times, and a city as its country', () => {
    // Search put the dispatch section first: it speaks of orders and the warehouse too.
    const sections = [
      {
        title: 'Delivery',
        heading: 'When we dispatch',
        text: 'Orders placed before noon leave our warehouse the same working day.',
      },
      {
        title: 'Delivery',
        heading: 'Delivery times',
        text: 'Counted from the day your order leaves our warehouse. Denmark: 1–2 working days. Germany: 3–4 working days.',
      },
    ];
    const picked = selectPolicyAnswer(
      sections,
      'if I order today and I live in Berlin, roughly when would it turn up?',
    );
    expect(picked?.section.heading).toBe('Delivery times');
    // "get to <someone>" asks when it arrives too.
    const dispatch = {
      title: 'Delivery',
      heading: 'When your order ships',
      text: 'An order placed before noon ships the same day; an order placed later ships the next working day.',
    };
    const getsTo = selectPolicyAnswer([dispatch, sections[1]], 'how soon would an order get to my sister in Berlin?');
    expect(getsTo?.section.heading).toBe('Delivery times');
    expect(
      policyReader()
        .read('I live in Berlin')
        .concepts.flatMap((c) => c.related),
    ).toContain('germany');
  });

  it('prefers a section on the asked topic over one whose heading names only another topic', () => {
    // Search put the returns section first: it says free, delivered, pay and EU as the question does.
    const sections = [
      {
        title: 'Returns',
        heading: 'Free return label in the EU',
        text:
          'Return shipping is free for all orders delivered within the EU: we send a prepaid label. ' +
          'From Norway you arrange and pay for the return shipping yourself.',
      },
      {
        title: 'Delivery',
        heading: 'Delivery prices',
        text: '| Destination | Standard | Free from |\n| --- | --- | --- |\n| Rest of the EU | €6.95 | €80 |',
      },
    ];
    const picked = selectPolicyAnswer(sections, 'is delivery to Finland free or do I have to pay?');
    expect(picked?.section.heading).toBe('Delivery prices');
  });

  it('counts a word of the heading the question does not ask about against the section ("late")', () => {
    const text = 'You have 30 days from delivery to send an item back.';
    const score = (heading: string) =>
      scoreSections([{ title: 'Our policies', heading, text }], 'how long do I have to send it back?')[0].score;
    expect(score('Late returns')).toBeLessThan(score('Returns'));
  });

  it('keeps a number said after the question, and quotes the line whose range holds it ("123–128")', () => {
    const sections = [
      {
        title: 'Sizing',
        heading: 'Children',
        text: 'Children are sized by height in centimetres. Size 116: 111–116. Size 128: 123–128. Size 140: 135–140.',
      },
    ];
    const picked = selectPolicyAnswer(sections, "What size would he need? He's about 127 cm tall.");
    const quoted = picked?.passages.map((p) => p.text).join(' ');
    expect(quoted).toContain('123–128');
    expect(quoted).not.toContain('135–140');
  });

  it('reads a cue with a pronoun inside it or another form of its words ("sending it back")', () => {
    for (const q of ['how does sending it back work?', 'can I give them back?']) {
      const topics = policyReader()
        .read(q)
        .topics.flatMap((t) => t.related);
      expect(topics).toContain('return');
    }
    expect(policyReader().read('how does it work?').topics).toEqual([]);
  });

  it('reads a cue inside a longer one of an unrelated topic as part of it, and keeps related ones', () => {
    const topicsOf = (q: string) =>
      policyReader()
        .read(q)
        .topics.flatMap((t) => t.related);
    expect(topicsOf('if they dont fit can i swap them for another size')).toEqual(
      expect.arrayContaining(['exchange', 'return']),
    );
    expect(topicsOf('if they dont fit can i swap them for another size')).not.toContain('sizes');
    expect(topicsOf('which size fits me?')).toContain('sizes');
    expect(topicsOf('is there free delivery to Finland?')).toEqual(expect.arrayContaining(['threshold', 'delivery']));
  });

  it('takes a country named as a question about where the shop ships, without making it the topic', () => {
    expect(answer('do you post to the UK?')).toContain('every EU country');
    expect(answer('do you ship to the UAE?')).toContain('every EU country');
    expect(answer('can you deliver to Saudi Arabia?')).toContain('every EU country');
    expect(answer('can I pay with klarna from Germany?')).toContain('Klarna: pay in 30 days');
  });

  it('quotes a list item with the line that introduces it', () => {
    expect(answer('could it still be returned once the helmet has been worn?')).toContain(
      'The following cannot be returned: Helmets that have been worn.',
    );
  });

  it('reads the question with what it is about when the message does not say it', () => {
    const reply = composePolicy(say, { chunks: ALL }, 'Is that covered under warranty?', 'Volt E-bike Motor 250W');
    expect(reply).toContain('2 years');
    expect(reply).toMatch(/— E-bike motors\)$/);
    expect(
      policyQuery({ raw: 'Is that covered?', baseText: 'Is that covered?' } as Understanding, 'Volt E-bike Motor'),
    ).toBe('volt bike motor? covered?'); // "that" points back: the subject is asked about
  });

  it('cites title and heading, and offers a person when nothing was found', () => {
    expect(answer('do you take klarna')).toMatch(/\(Source: Paying — Ways to pay\)$/);
    expect(composePolicy(say, { chunks: [] }, 'anything')).toMatch(/connect you with a person/);
  });
});

describe('policy questions', () => {
  const query = (raw: string) => policyQuery({ raw, baseText: raw } as Understanding);

  it('drops greetings, filler and remarks after the question, and keeps what is asked', () => {
    expect(query('Hello! How long would I have to send it back? She is very picky.')).toBe('how long send it back?');
    expect(query('We live just outside Aarhus. Would delivery be free on an order like that?')).toBe(
      'live outside aarhus. delivery free order?',
    );
  });

  it('reads the sentence a question about "that" points back to as asked, not as scene-setting', () => {
    const weightOf = (question: string, word: string) =>
      policyReader()
        .read(question)
        .concepts.find((c) => c.words.includes(word))?.weight;
    expect(weightOf("I'd like to pay with a voucher instead. Is that allowed?", 'voucher')).toBe(1);
    expect(weightOf('I ordered a tent last week. How long will delivery take?', 'tent')).toBe(0.5);
  });

  it('adds the policies’ words for what is asked and for the topic, as weaker related words', () => {
    const { groups } = expandPolicyQuery('would swapping it cost me anything?');
    const related = groups.flatMap((g) => g.related.split(' '));
    expect(related).toEqual(expect.arrayContaining(['exchange']));
    expect(groups.map((g) => g.text)).toEqual(expect.arrayContaining(['cost']));
  });

  it('reads what kind of fact is asked for', () => {
    const kinds = (q: string) =>
      policyReader()
        .read(q)
        .asks.map((a) => a.kind);
    expect(kinds('how long does a refund take?')).toContain('duration');
    expect(kinds('how much is shipping?')).toContain('amount');
    expect(kinds('can I return socks?')).toContain('permission');
  });

  it('rejects language data that does not match the schema', () => {
    expect(() => policyLanguageSchema.parse({ code: 'xx', stopwords: [] })).toThrow();
  });
});
