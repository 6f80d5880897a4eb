import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePolicy } from '../../src/agent/models/offline/compose-policy.js';
import { loadReplies } from '../../src/agent/models/offline/replies.js';
import type { Database } from '../../src/db/database.js';
import { readCatalogFiles, type ParsedBatch } from '../../src/ingest/importers/read-catalog-files.js';
import { ingest, type IngestInput, type IngestSummary } from '../../src/ingest/ingest.js';
import { parsePolicyMarkdown } from '../../src/ingest/importers/policy-markdown.js';
import { attachTranslations } from '../../src/ingest/importers/policy-translations.js';
import { createPolicySearch } from '../../src/policies/policy-search.js';
import type { ToolContext } from '../../src/tools/define-tool.js';
import type { SearchPoliciesResult } from '../../src/tools/results.js';
import { searchPolicies } from '../../src/tools/search-policies.js';
import type { ToolDeps } from '../../src/tools/tool-deps.js';
import type { Language } from '../../src/shared/language.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { openTestDatabase } from '../helpers/test-database.js';

// A shop whose policies come with translations in policies/<language>/<name>.md: returns in
// Persian (whole), care in Persian (its last section missing), shipping in German, and an Arabic
// file with no original.
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/policy-translations');

let db: Database;
let batch: ParsedBatch;
let summary: IngestSummary;
let tool: ReturnType<typeof searchPolicies>;
const none: IngestInput = { products: [], customers: [], orders: [], policies: [], errors: [] };

beforeAll(async () => {
  db = await openTestDatabase('pglite');
  const embedder = await testEmbedder();
  batch = await readCatalogFiles(FIXTURE);
  summary = await ingest({ db, embedder }, batch);
  // The tool needs only policy search here.
  tool = searchPolicies({ policies: createPolicySearch({ db, embedder }) } as unknown as ToolDeps);
});
afterAll(async () => {
  await db?.close();
});

const ask = (query: string, language?: Language) => {
  const ctx: ToolContext = { conversationId: 'c1', customerId: null, cartId: 'cart1', actor: 'assistant', language };
  return tool.run({ query }, ctx) as Promise<SearchPoliciesResult>;
};

describe('importing policy translations', () => {
  it('reads policies/<language>/<name>.md as a translation of <name>, never as a policy of its own', () => {
    const bySlug = new Map(batch.policies.map((p) => [p.record.slug, p.record]));
    expect([...bySlug.keys()].sort()).toEqual(['care', 'returns', 'shipping']);
    const fa = bySlug.get('returns')?.translations?.find((t) => t.language === 'fa');
    expect(fa?.title).toBe('بازگشت کالا');
    expect(fa?.chunks.map((c) => [c.position, c.heading])).toEqual([
      [0, 'بازگشت کالا'],
      [1, 'مهلت بازگشت'],
      [2, 'بازپرداخت'],
    ]);
    expect(summary.counts.policies).toMatchObject({ created: 3, failed: 0 });
  });

  it('warns about a translation whose headings do not match, importing the sections that align', () => {
    const care = batch.policies.find((p) => p.record.slug === 'care')?.record;
    expect(care?.translations?.[0].chunks.map((c) => c.heading)).toEqual(['شستشو']);
    const warning = batch.errors.find((e) => e.file.endsWith(path.join('fa', 'care.md')));
    expect(warning).toMatchObject({ warning: true });
    expect(warning?.message).toMatch(
      /headings do not match .*care\.md \(it has 2 sections where the original has 3\); .*first 2 of its 3/,
    );
  });

  it('warns about a translation without an original and leaves it out', () => {
    const warning = batch.errors.find((e) => e.file.endsWith(path.join('ar', 'privacy.md')));
    expect(warning?.warning).toBe(true);
    expect(warning?.message).toMatch(/no original policy privacy\.md/);
  });

  it('rewrites a document when a translation of it arrives, changes or goes', async () => {
    const embedder = await testEmbedder();
    const gifts = (translated: string | null) => {
      const files = [
        { file: 'shop/policies/gifts.md', text: '# Gifts\n\n## Ribbons\n\nEvery parcel gets a red ribbon.\n' },
      ];
      if (translated) files.push({ file: 'shop/policies/fa/gifts.md', text: `# هدیه\n\n## روبان\n\n${translated}\n` });
      const parsed = files.map((f) => ({ file: f.file, parsed: parsePolicyMarkdown(f.text, { file: f.file }) }));
      const [doc] = attachTranslations(parsed).policies;
      return { ...none, policies: [{ record: doc.doc, source: { file: doc.file, line: 1 } }] };
    };
    const outcomes = [];
    for (const translated of [null, 'هر بسته یک روبان قرمز دارد.', 'هر بسته روبان قرمز می‌گیرد.', null]) {
      outcomes.push((await ingest({ db, embedder }, gifts(translated))).counts.policies);
    }
    expect(outcomes.map((c) => (c.created ? 'created' : c.updated ? 'updated' : 'unchanged'))).toEqual([
      'created',
      'updated',
      'updated',
      'updated',
    ]);
    const left = await db.query(
      'SELECT 1 FROM policy_document_translations t JOIN policy_documents d ON d.id = t.document_id WHERE d.slug = $1',
      ['gifts'],
    );
    expect(left.rows).toEqual([]);
  });

  it('imports the same files again as unchanged', async () => {
    const again = await ingest({ db, embedder: await testEmbedder() }, batch);
    expect(again.counts.policies).toMatchObject({ unchanged: 3, updated: 0 });
  });
});

describe('search_policies in the shopper language', () => {
  it('returns the Persian section with its Persian title and the original anchor', async () => {
    const { chunks } = await ask('how many days to return an item', 'fa');
    expect(chunks[0]).toMatchObject({
      title: 'بازگشت کالا',
      heading: 'مهلت بازگشت',
      anchor: 'return-window',
      language: 'fa',
      original: { title: 'Returns', heading: 'Return window' },
    });
    expect(chunks[0].text).toContain('۳۰ روز');
  });

  it('finds a translated section by the words of the translation', async () => {
    const { chunks } = await ask('بازپرداخت', 'fa');
    expect(chunks[0]).toMatchObject({ heading: 'بازپرداخت', anchor: 'refunds' });
  });

  it('searches German translations with the German stemmer', async () => {
    const { chunks } = await ask('Lieferzeit', 'de');
    expect(chunks[0]).toMatchObject({ title: 'Versand', heading: 'Lieferzeiten', anchor: 'delivery-times' });
  });

  it('shows English turns the policies as written', async () => {
    const { chunks } = await ask('how many days to return an item', 'en');
    expect(chunks[0]).toMatchObject({ title: 'Returns', heading: 'Return window', anchor: 'return-window' });
    expect(chunks.every((c) => c.language === undefined && c.original === undefined)).toBe(true);
  });

  it('returns sections without a translation as written', async () => {
    const shipping = await ask('how long does delivery take', 'fa');
    expect(shipping.chunks[0]).toMatchObject({ title: 'Shipping', heading: 'Delivery times' });
    expect(shipping.chunks[0].original).toBeUndefined();
    const drying = await ask('how do I dry it', 'fa');
    expect(drying.chunks[0]).toMatchObject({ title: 'Care', heading: 'Drying' });
  });
});

describe('the offline model quoting a translated policy', () => {
  it('quotes the Persian passage and cites the Persian title and heading', async () => {
    const result = await ask('how many days to return an item', 'fa');
    const reply = composePolicy(loadReplies('fa'), result, 'how many days do I have to return an item?');
    expect(reply).toContain('۳۰ روز');
    expect(reply).toContain('بازگشت کالا — مهلت بازگشت');
    expect(reply).not.toMatch(/Return window|30 days/);
  });

  it('quotes the original in English even if the search brought a translation', async () => {
    const result = await ask('how many days to return an item', 'fa');
    const reply = composePolicy(loadReplies('en'), result, 'how many days do I have to return an item?');
    expect(reply).toContain('30 days');
    expect(reply).toContain('(Source: Returns — Return window)');
  });
});
