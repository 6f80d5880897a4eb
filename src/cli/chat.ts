import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createModel } from '../agent/models/create-model.js';
import { buildCore } from '../app/build-core.js';
import { createAppEmbedder } from '../app/create-app-embedder.js';
import { importCatalog } from '../ingest/import-catalog.js';
import { createShopVocabulary } from '../catalog/shop-vocabulary.js';
import { shopIndexSource } from '../agent/models/offline/shop-index-source.js';
import { runTurn } from '../agent/run-turn.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { AppError } from '../errors.js';
import { createLogger } from '../logger.js';
import { loadMerchandisingRules } from '../merchandising/merchandising-rules.js';
import { renderTurnEvent } from './render-turn-event.js';
import { runCommand } from './run-command.js';

const HELP = `npm run chat -- [--customer <id>] [--quiet]

A terminal conversation with the same assistant, tools and prompts the shop runs.
  --customer <id>   act as this signed-in customer (e.g. cus_1001)
  --quiet           hide tool calls
Type /exit to leave.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { customer: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await openDatabase(config.database);
  try {
    const embedder = await createAppEmbedder(config);
    const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
    if (count.rows[0].n === 0) {
      const { report } = await importCatalog(
        { db, embedder, catalogLanguage: config.shop.language },
        config.catalogDir,
        {
          currency: config.shop.currency,
          out: process.stderr,
        },
      );
      process.stderr.write(report);
    }
    const vocabulary = createShopVocabulary({ db });
    await vocabulary.refresh();
    const model = createModel(config, { index: shopIndexSource(vocabulary) });
    const merchandising = loadMerchandisingRules(config.catalogDir);
    const core = await buildCore({
      config: { ...config, promptsWatch: true },
      db,
      embedder,
      model,
      logger,
      merchandising,
      vocabulary,
    });
    const customerId = values.customer ?? null;
    if (customerId && !(await core.customers.profile(customerId)))
      throw new AppError('cli:unknown_customer', `No customer ${customerId}.`, { status: 400 });
    const sid = `cli_${Date.now().toString(36)}`;
    await core.carts.ensure(`cart_${sid}`, { currency: config.shop.currency, customerId });
    const conversation = await core.conversations.create({
      sessionId: sid,
      customerId,
      cartId: `cart_${sid}`,
      channel: 'cli',
    });
    console.log(
      `${config.shop.name} assistant (${model.id})${customerId ? `, signed in as ${customerId}` : ''}. Type /exit to leave.`,
    );

    const rl = readline.createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY,
    });
    const prompt = () => process.stdout.write('\nyou> ');
    prompt();
    // The line iterator buffers, so piped input (a script of messages) is read line by line too.
    for await (const line of rl) {
      if (line.trim() === '/exit') break;
      if (!process.stdin.isTTY) process.stdout.write(`${line}\n`);
      if (!line.trim()) {
        prompt();
        continue;
      }
      process.stdout.write('assistant> ');
      const conv = (await core.conversations.get(conversation.id))!;
      for await (const ev of runTurn(core.turn, { conversation: conv, text: line.trim() })) {
        process.stdout.write(renderTurnEvent(ev, { showTools: !values.quiet }));
      }
      prompt();
    }
    rl.close();
    core.prompts.close();
    return 0;
  } finally {
    await db.close();
  }
}

runCommand(main);
