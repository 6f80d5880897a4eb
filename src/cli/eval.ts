import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createModel } from '../agent/models/create-model.js';
import { shopIndexSource } from '../agent/models/offline/shop-index-source.js';
import { createAppEmbedder } from '../app/create-app-embedder.js';
import { openEvalTargets } from '../app/eval-targets.js';
import { loadConfig, type Config } from '../config.js';
import { ValidationError } from '../errors.js';
import { formatReport, reportJson } from '../evals/format-report.js';
import { loadSuites } from '../evals/load-suites.js';
import { resolvePromptSets } from '../evals/prompt-sets.js';
import { createModelGrader, skipRubrics } from '../evals/rubric-grader.js';
import { runEvals, type EvalReport } from '../evals/run-evals.js';
import { createLogger } from '../logger.js';
import { runCommand } from './run-command.js';

const HELP = `npm run eval -- [--suite name] [--prompts a,b] [--repeat k] [--concurrency n] [--json]

Runs the scenario suites in evals/*.yaml against the configured model (the offline model unless
OPENAI_API_KEY or OPENAI_BASE_URL is set), in a fresh in-memory database.
  --suite name       only this suite (repeatable, or comma-separated)
  --prompts a,b      prompt sets to compare: folders of prompt files or prompt version ids
  --repeat k         runs per scenario, for pass^k (default 1)
  --concurrency n    scenario runs in flight at once (default 4)
  --json             machine-readable results on stdout
Exits 1 when a scenario marked required fails.`;

const list = z
  .array(z.string())
  .default([])
  .transform((xs) =>
    xs
      .flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter(Boolean),
  );

const optionsSchema = z.strictObject({
  suite: list,
  prompts: list,
  repeat: z.coerce.number().int().min(1).max(100).default(1),
  concurrency: z.coerce.number().int().min(1).max(32).default(4),
  json: z.boolean().default(false),
  dir: z.string().default('evals'),
  help: z.boolean().default(false),
});
type Options = z.infer<typeof optionsSchema>;

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      suite: { type: 'string', multiple: true },
      prompts: { type: 'string', multiple: true },
      repeat: { type: 'string' },
      concurrency: { type: 'string' },
      json: { type: 'boolean' },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError('cli:invalid_option', `--${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

async function run(config: Config, options: Options): Promise<EvalReport> {
  const cwd = process.cwd();
  const suites = await loadSuites(options.dir, options.suite);
  const refs = options.prompts.length ? options.prompts : [path.relative(cwd, config.promptsDir) || '.'];
  const promptSets = await resolvePromptSets(refs, { cwd });
  const logger = createLogger('silent');
  process.stderr.write(`evals: loading the shop from ${config.catalogDir}\n`);
  const { targets, close } = await openEvalTargets({
    config,
    catalogDir: config.catalogDir,
    embedder: await createAppEmbedder(config),
    logger,
    promptSets,
    model: (vocabulary) => createModel(config, { index: shopIndexSource(vocabulary) }),
  });
  try {
    const grader = config.openai ? createModelGrader(createModel(config)) : skipRubrics;
    return await runEvals({ suites, targets, repeat: options.repeat, concurrency: options.concurrency, grader });
  } finally {
    await close();
  }
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const report = await run(loadConfig(), options);
  console.log(options.json ? reportJson(report) : formatReport(report));
  return report.targets.some((t) => t.requiredFailed.length > 0) ? 1 : 0;
}

runCommand(main, 2);
