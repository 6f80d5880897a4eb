/**
 * npx tsx tests/bench/assistant/probe.ts --catalog demo|tau2|partners [--customer id] "message" "message" …
 *
 * Plays one conversation against the offline assistant over a bench shop and prints, per turn,
 * how the model read the message (intent, confidence, product words, links), its tool calls and
 * its reply: the quickest way to see why a phrasing is misunderstood. With PROBE_RESULTS=1 it also prints
 * each tool result, a failed turn, and the errors the server logs.
 */
import { parseArgs } from 'node:util';
import { runTurn } from '../../../src/agent/run-turn.js';
import { CURRENCY, loadBenchShop, type CatalogName } from './shops.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { catalog: { type: 'string', default: 'demo' }, customer: { type: 'string' } },
});
const shop = await loadBenchShop(values.catalog as CatalogName);
const { core } = shop;
const customer = values.customer ?? null;
const cartId = `cart_probe_${Date.now()}`;
await core.carts.ensure(cartId, { currency: CURRENCY[shop.name], customerId: customer });
const conversation = await core.conversations.create({
  sessionId: `probe_${Date.now()}`,
  customerId: customer,
  cartId,
});
for (const text of positionals) {
  shop.drainSteps();
  const calls: string[] = [];
  let reply = '';
  for await (const ev of runTurn(core.turn, { conversation, text })) {
    if (ev.type === 'tool_call') calls.push(`${ev.call.name}${ev.call.arguments}`);
    if (ev.type === 'tool_result' && process.env.PROBE_RESULTS) console.log(JSON.stringify(ev.result).slice(0, 400));
    if (ev.type === 'completed' || ev.type === 'failed') reply = ev.reply?.text ?? ev.type;
    if (ev.type === 'failed' && process.env.PROBE_RESULTS) console.log(JSON.stringify(ev).slice(0, 2000));
  }
  const u = shop.drainSteps()[0]?.understanding;
  console.log(`\n> ${text}`);
  if (u) {
    const products = u.links.products.map((p) => `${p.handle}(${p.distinctive},${p.coverage.toFixed(2)})`).join(' ');
    console.log(
      `  intent ${u.intent} ${u.confidence.toFixed(2)} (then ${u.intents
        .slice(1, 3)
        .map((x) => `${x.intent} ${x.p.toFixed(2)}`)
        .join(', ')}) | delex "${u.delexicalized}"`,
    );
    console.log(`  query [${u.queryWords.join(' ')}] type ${u.links.type?.label ?? '-'} products ${products || '-'}`);
    const options = JSON.stringify(u.options.map((o) => `${o.name}:${o.value}`));
    const slots = `size ${u.size} price ${JSON.stringify(u.price)} quantity ${u.quantity} ordinal ${u.ordinal?.n}`;
    console.log(`  options ${options} ${slots}`);
  }
  console.log(`  calls ${calls.join(' ') || '-'}`);
  console.log(`  reply ${reply.replace(/\n/g, ' | ').slice(0, 400)}`);
}
await shop.close();
