/**
 * tau2-bench's retail domain on Concierge (docs/tau2.md).
 *
 *   npm run eval:tau2 -- --gold [--tasks <file>|train] [--db <db.json>]
 *       replays each task's gold actions through the agent loop (scripted model) and diffs the
 *       resulting database with the reference executor's; last line `gold replay: N/M tasks match`.
 *   npm run eval:tau2 -- [--tasks <file>|train] [--repeat k] [--db <db.json>]
 *       live: a configured model (OPENAI_*) plays the shopper from each task's scenario against the
 *       assistant; prints pass^1 … pass^k beside the published figures. Without a model it says so.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { createChatScript, setupOpenAIMockServer } from '../../../tests/msw/openai-chat.js';
import { describeResult, replayTask } from './gold-replay.js';
import { prepareTau2Shop, TAU2_FIXTURES } from './tau2-shop.js';
import { runLiveEval } from './live-eval.js';
import type { Tau2Task } from '../tau2-db.js';

const USAGE = `usage: npm run eval:tau2 -- [--gold] [--tasks <file>|train] [--repeat k] [--db <db.json>]`;

const taskFileSchema = z.array(
  z.looseObject({
    id: z.union([z.string(), z.number()]).transform(String),
    evaluation_criteria: z.looseObject({
      actions: z
        .array(z.looseObject({ name: z.string(), arguments: z.record(z.string(), z.unknown()) }))
        .nullable()
        .default([]),
    }),
  }),
);

export async function readTasks(file: string): Promise<Tau2Task[]> {
  const resolved = file === 'train' ? path.join(TAU2_FIXTURES, 'tasks-train.json') : path.resolve(file);
  const parsed = taskFileSchema.safeParse(JSON.parse(await readFile(resolved, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${resolved}: not a tau2 task file: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as Tau2Task[];
}

async function gold(tasks: Tau2Task[], dbFile: string | undefined): Promise<number> {
  const script = createChatScript();
  const mock = setupOpenAIMockServer(script.handler);
  mock.listen({ onUnhandledRequest: 'error' });
  const shop = await prepareTau2Shop({ dbFile });
  let matched = 0;
  try {
    for (const task of tasks) {
      const result = await replayTask(shop, task, script);
      if (result.match) matched += 1;
      console.log(describeResult(result));
    }
  } finally {
    await shop.close();
    mock.close();
  }
  console.log(`gold replay: ${matched}/${tasks.length} tasks match`);
  return matched === tasks.length ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      gold: { type: 'boolean' },
      tasks: { type: 'string', default: 'train' },
      repeat: { type: 'string', default: '1' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 8)
    throw new Error(`--repeat takes 1 to 8, not ${values.repeat}`);
  const tasks = await readTasks(values.tasks);
  const dbFile = values.db ? path.resolve(values.db) : undefined;
  if (values.gold) return gold(tasks, dbFile);
  return runLiveEval({ tasks, repeat, dbFile });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      console.error(USAGE);
      process.exitCode = 2;
    },
  );
}
