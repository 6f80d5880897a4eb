/**
 * npx tsx tests/bench/assistant/policy-probe.ts --catalog demo|tau2|partners "question" …
 *
 * How a policy question is read and answered: its concepts, asks and topics, the sections search
 * returns (in order) and each one's score, the section chosen first. The quickest way to see why a
 * question quotes a neighbouring section.
 */
import { parseArgs } from 'node:util';
import { policyReader } from '../../../src/policies/policy-reader.js';
import { scoreSections } from '../../../src/policies/select-policy-answer.js';
import { createPolicySearch } from '../../../src/policies/policy-search.js';
import { testEmbedder } from '../../helpers/local-embedder.js';
import { loadBenchShop, type CatalogName } from './shops.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { catalog: { type: 'string', default: 'demo' } },
});
const shop = await loadBenchShop(values.catalog as CatalogName);
const search = createPolicySearch({ db: shop.db, embedder: await testEmbedder() });
const reader = policyReader();
for (const question of positionals) {
  const q = reader.read(question);
  console.log(`\n> ${question}\n  text "${q.text}" asks [${q.asks.map((a) => a.kind).join(' ')}]`);
  const show = (c: { words: string[]; related: string[]; weight: number }) =>
    `${c.words.join('/')}${c.related.length ? `(+${c.related.join('/')})` : ''}@${c.weight}`;
  console.log(`  concepts ${q.concepts.map(show).join(' ')}`);
  console.log(`  topics ${q.topics.map(show).join(' ')}`);
  const hits = await search.search(q.text || question, { limit: 5 });
  const scored = scoreSections(hits, question, reader);
  scored.forEach((s, i) => console.log(`  ${i + 1}. ${s.score.toFixed(2)} ${s.section.title} — ${s.section.heading}`));
}
await shop.close();
