import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../errors.js';

/** The prompts a run answers with: a folder of prompt files (the four `prompts/*.md`). */
export interface PromptSet {
  label: string;
  dir: string;
}

/**
 * Finds a stored prompt version by id and returns a folder holding its files, or null when
 * there is no such version. Prompt versions in the database come with the studio; until then
 * no finder is passed and every reference must be a folder.
 */
export type PromptVersionFinder = (id: string) => Promise<PromptSet | null>;

async function isDir(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/**
 * Reads `--prompts a,b`: each reference is a folder of prompt files (tried first) or a prompt
 * version id. Throws `evals:unknown_prompts` for a reference that is neither.
 */
export async function resolvePromptSets(
  refs: string[],
  opts: { cwd: string; findVersion?: PromptVersionFinder },
): Promise<PromptSet[]> {
  const sets: PromptSet[] = [];
  for (const ref of refs) {
    const dir = path.resolve(opts.cwd, ref);
    const found = (await isDir(dir)) ? { label: ref, dir } : await opts.findVersion?.(ref);
    if (!found) {
      const why = opts.findVersion ? 'nor a prompt version id' : 'and prompt versions are not stored yet';
      throw new ValidationError('evals:unknown_prompts', `--prompts ${ref}: not a folder of prompt files, ${why}.`);
    }
    sets.push(found);
  }
  const labels = sets.map((s) => s.label);
  if (new Set(labels).size !== labels.length) {
    throw new ValidationError(
      'evals:unknown_prompts',
      `--prompts names the same prompt set twice: ${labels.join(', ')}`,
    );
  }
  return sets;
}
