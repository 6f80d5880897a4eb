/**
 * npm run bench:assistant [-- --catalog demo|tau2|partners]
 *   [--half train|dev|dev2|dev3|dev4|dev5|dev6|heldout|<lang>-train|<lang>-dev|<lang>-heldout] [--failures]
 *
 * Plays the labelled shopper dialogs (tests/fixtures/assistant-dialogs) against the offline
 * assistant over each catalog and prints intent accuracy, slot accuracy and turn success per
 * request kind, for each half, and the model's own time per turn. `--failures` lists the failed
 * turns of the tuning halves (train and the dev halves) only: the held-out half is never looked at while tuning.
 */
import { parseArgs } from 'node:util';
import {
  loadDialogs,
  runDialogs,
  summarize,
  LANGUAGE_HALVES,
  type Half,
  type Summary,
  type TurnOutcome,
} from './assistant/run-dialogs.js';
import { loadBenchShop, type CatalogName } from './assistant/shops.js';

const { values } = parseArgs({
  options: {
    catalog: { type: 'string', multiple: true },
    half: { type: 'string', multiple: true },
    failures: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const catalogs = (values.catalog ?? ['demo', 'tau2', 'partners']) as CatalogName[];
const halves = (values.half ?? [
  'train',
  'dev',
  'dev2',
  'dev3',
  'dev4',
  'dev5',
  'dev6',
  'heldout',
  ...LANGUAGE_HALVES,
]) as Half[];
const pct = (x: number | null) => (x === null ? '   –  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

const results: { catalog: CatalogName; half: Half; summary: Summary; outcomes: TurnOutcome[] }[] = [];
for (const catalog of catalogs) {
  const t0 = performance.now();
  const shop = await loadBenchShop(catalog);
  process.stderr.write(`${catalog}: shop loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  for (const half of halves) {
    const dialogs = loadDialogs(half, catalog);
    if (!dialogs.length) continue;
    const outcomes = await runDialogs(shop, dialogs);
    results.push({ catalog, half, summary: summarize(outcomes), outcomes });
  }
  await shop.close();
}

const kinds = [...new Set(results.flatMap((r) => Object.keys(r.summary.byKind)))].sort();
console.log(`\n${'catalog/half'.padEnd(16)}${'turns'.padStart(6)}  intent   slots  success   model ms p50/p95`);
for (const r of results) {
  const s = r.summary;
  console.log(
    `${`${r.catalog}/${r.half}`.padEnd(16)}${String(s.turns).padStart(6)}  ${pct(s.intentAccuracy)}  ${pct(s.slotAccuracy)}  ${pct(s.success)}   ${s.modelMs.p50.toFixed(1)} / ${s.modelMs.p95.toFixed(1)}`,
  );
}
console.log(
  `\nturn success by request kind (turns)\n${'kind'.padEnd(18)}${results.map((r) => `${r.catalog}/${r.half}`.padStart(15)).join('')}`,
);
for (const k of kinds) {
  const cells = results.map((r) => {
    const b = r.summary.byKind[k];
    return (b ? `${pct(b.success / b.turns)} (${b.turns})` : '').padStart(15);
  });
  console.log(`${k.padEnd(18)}${cells.join('')}`);
}
if (values.failures) {
  for (const r of results.filter((x) => !x.half.endsWith('heldout'))) {
    console.log(`\nfailed turns, ${r.catalog}/${r.half}:`);
    for (const o of r.outcomes.filter((x) => !x.success)) {
      console.log(
        `- ${o.dialog}#${o.turn} [${o.kind}→${o.intent}] "${o.user}"\n    ${o.failures.join('; ')}\n    calls: ${o.calls.map((c) => `${c.name}${JSON.stringify(c.args)}`).join(' ')}\n    reply: ${o.reply.replace(/\n/g, ' | ').slice(0, 300)}`,
      );
    }
  }
}
if (values.json) console.log(JSON.stringify(results.map((r) => ({ catalog: r.catalog, half: r.half, ...r.summary }))));
