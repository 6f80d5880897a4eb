import { countVariants } from '../experiments/experiment-metrics.js';
import { experimentReport } from '../experiments/experiment-report.js';
import type { ExperimentStore, Metric } from '../experiments/experiment-store.js';
import type { Database } from '../db/database.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { PromptVersions } from '../prompt-versions/prompt-versions.js';
import type { PromptStudio } from './prompt-studio.js';

export interface NewExperiment {
  name: string;
  metric: Metric;
  variants: { prompts: Partial<Record<string, string>>; weight: number }[];
}

/** What the studio does with experiments: start one over published versions, report it, stop and promote. */
export function createExperimentStudio(deps: {
  db: Database;
  experiments: ExperimentStore;
  versions: PromptVersions;
  prompts: Pick<PromptStudio, 'publish'>;
}) {
  const { experiments } = deps;

  /** Every version id must be a version of its prompt that has been published (the one now, or an earlier one). */
  async function checkPublished(sets: Record<string, string>[]) {
    const ids = sets.flatMap((s) => Object.values(s));
    const found = new Map((await deps.versions.get(ids)).map((v) => [v.id, v]));
    for (const [name, id] of sets.flatMap((s) => Object.entries(s))) {
      const v = found.get(id);
      if (!v || v.name !== name)
        throw new ValidationError('experiments:unknown_version', `${name} has no version ${id}.`);
      // Only one version of a prompt is published at once, so a variant may use any version that has been.
      if (!v.publishedAt) {
        throw new ValidationError('experiments:version_not_published', `${id} was never published: publish it first.`);
      }
    }
  }

  return {
    list: () => experiments.list(),

    async create(input: NewExperiment, createdBy: string) {
      const variants = input.variants.map((v) => ({
        prompts: Object.fromEntries(Object.entries(v.prompts).filter((e): e is [string, string] => Boolean(e[1]))),
        weight: v.weight,
      }));
      await checkPublished(variants.map((v) => v.prompts));
      return experiments.create({ name: input.name, metric: input.metric, createdBy, variants });
    },

    async report(id: string, minSample: number) {
      const exp = await experiments.get(id);
      return experimentReport(exp, await countVariants(deps.db, id, exp.variants.length), minSample);
    },

    /**
     * Stops it; with `promote`, that variant's versions become the published ones. They are
     * published first, so a failure leaves the experiment running and the call can be repeated.
     */
    async stop(id: string, promote: number | undefined) {
      const exp = await experiments.get(id);
      if (exp.status !== 'running') {
        throw new ConflictError('experiments:not_running', `Experiment ${id} is already stopped.`);
      }
      const variant = promote === undefined ? undefined : exp.variants[promote];
      if (promote !== undefined && !variant) {
        throw new ValidationError('experiments:unknown_variant', `Experiment ${id} has no variant ${promote}.`);
      }
      for (const [name, versionId] of Object.entries(variant?.prompts ?? {})) {
        await deps.prompts.publish(name, versionId);
      }
      return experiments.stop(id, promote ?? null);
    },
  };
}

export type ExperimentStudio = ReturnType<typeof createExperimentStudio>;
