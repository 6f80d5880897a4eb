import path from 'node:path';
import type { ChatModel } from '../agent/model.js';
import { createModel } from '../agent/models/create-model.js';
import { shopIndexSource } from '../agent/models/offline/shop-index-source.js';
import { createEmbedder } from '../catalog/embeddings/create-embedder.js';
import type { ShopVocabulary } from '../catalog/shop-vocabulary.js';
import type { Config } from '../config.js';
import { loadSuites } from '../evals/load-suites.js';
import { createModelGrader, skipRubrics } from '../evals/rubric-grader.js';
import { runEvals, type ScenarioReport } from '../evals/run-evals.js';
import { createLogger } from '../logger.js';
import type { EvalOutcome, ScenarioOutcome } from '../studio/eval-runs.js';
import { createAppEmbedder } from './create-app-embedder.js';
import { openEvalTargets } from './eval-targets.js';

/** One studio eval run, as plain data (it crosses to a worker thread). */
export interface EvalJob {
  config: Config;
  /** A folder holding the prompt files the run answers with. */
  promptsDir: string;
  suitesDir: string;
  suite: string | null;
  repeat: number;
  /** The local embedder's cache folder, when not the data folder's. */
  embeddingCacheDir?: string;
  /** A module exporting `evalModel(vocabulary)`, used instead of the configured model (tests). */
  modelModule?: string;
}

const CONCURRENCY = 4;

function outcomeOf(s: ScenarioReport): ScenarioOutcome {
  const failures = s.runs.flatMap((r) => [...r.turns.flatMap((t) => t.failures), ...(r.error ? [r.error] : [])]);
  return {
    id: s.id,
    suite: s.suite,
    description: s.description,
    required: s.required,
    passed: s.runs.every((r) => r.passed),
    failures: [...new Set(failures)],
  };
}

async function modelFactory(job: EvalJob): Promise<(vocabulary: ShopVocabulary) => ChatModel> {
  if (job.modelModule) {
    const m = (await import(job.modelModule)) as { evalModel: (v: ShopVocabulary) => ChatModel };
    return m.evalModel;
  }
  return (vocabulary) => createModel(job.config, { index: shopIndexSource(vocabulary) });
}

/** Plays the suites against a fresh in-memory shop, exactly as `npm run eval` does. */
export async function playEvalJob(job: EvalJob): Promise<EvalOutcome> {
  const { config } = job;
  const suites = await loadSuites(job.suitesDir, job.suite ? [job.suite] : []);
  const embedder = job.embeddingCacheDir
    ? await createEmbedder({ cacheDir: job.embeddingCacheDir })
    : await createAppEmbedder(config);
  const { targets, close } = await openEvalTargets({
    config,
    catalogDir: config.catalogDir,
    embedder,
    logger: createLogger('silent'),
    promptSets: [{ label: path.basename(job.promptsDir), dir: job.promptsDir }],
    model: await modelFactory(job),
  });
  try {
    const grader = config.openai ? createModelGrader(createModel(config)) : skipRubrics;
    const report = await runEvals({ suites, targets, repeat: job.repeat, concurrency: CONCURRENCY, grader });
    const [target] = report.targets;
    return { pass1: target.pass1, scenarios: target.scenarios.map(outcomeOf) };
  } finally {
    await close();
  }
}
