import type { ExperimentStore } from '../../experiments/experiment-store.js';
import type { PromptVersions } from '../../prompt-versions/prompt-versions.js';
import { compileVersions, type Prompts } from './load-prompts.js';

/**
 * The prompts a conversation's turn uses while an experiment runs: its variant's versions, the
 * published ones for prompts the variant leaves out. Null when no experiment applies to it.
 */
export function createExperimentPrompts(deps: { experiments: ExperimentStore; versions: PromptVersions }) {
  return async (conv: { id: string; createdAt: string }): Promise<Prompts | null> => {
    const variant = await deps.experiments.variantFor(conv);
    if (!variant) return null;
    const byName = new Map((await deps.versions.published()).map((v) => [v.name, v]));
    for (const v of await deps.versions.get(Object.values(variant.prompts))) byName.set(v.name, v);
    return compileVersions([...byName.values()]);
  };
}
