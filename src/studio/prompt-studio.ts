import { previewReply, type PreviewDeps, type PreviewReply } from '../agent/preview-reply.js';
import { compileVersions, PROMPT_FILES, type PromptStore } from '../agent/prompts/load-prompts.js';
import { templateProblem } from '../agent/prompts/render-prompt.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { PromptVersion, PromptVersions } from '../prompt-versions/prompt-versions.js';

/** A prompt with every version it has had, newest first. */
export interface PromptHistory {
  name: string;
  publishedId: string | null;
  versions: PromptVersion[];
}

/**
 * What the studio does with prompts: lists their versions, keeps a checked draft, publishes (and
 * rolls back), and previews an answer with any set of versions.
 */
export function createPromptStudio(deps: { versions: PromptVersions; prompts: PromptStore; preview: PreviewDeps }) {
  const { versions } = deps;

  /** The published versions with `chosen` in their place; every chosen id must be a version of its prompt. */
  async function promptSet(chosen: Partial<Record<string, string>>) {
    const ids = Object.values(chosen).filter((id): id is string => Boolean(id));
    const found = new Map((await versions.get(ids)).map((v) => [v.id, v]));
    const set = new Map((await versions.published()).map((v) => [v.name, v]));
    for (const [name, id] of Object.entries(chosen)) {
      const v = id ? found.get(id) : undefined;
      if (!v || v.name !== name) throw new NotFoundError('prompts:version_not_found', `${name} has no version ${id}.`);
      set.set(name, v);
    }
    return compileVersions([...set.values()]);
  }

  return {
    async list(): Promise<PromptHistory[]> {
      const all = await versions.list();
      return PROMPT_FILES.map((name) => {
        const own = all.filter((v) => v.name === name);
        return { name, publishedId: own.find((v) => v.status === 'published')?.id ?? null, versions: own };
      });
    },

    /** A new draft of `name`; a broken template is refused with what is wrong. */
    async createDraft(name: string, text: string, by: { author: string; note: string }): Promise<PromptVersion> {
      const problem = templateProblem(text);
      if (problem) throw new ValidationError('prompts:invalid_template', `${name}: ${problem}`);
      return versions.create(name, text, by);
    },

    /** Publishes a version (an older one to roll back); this instance answers with it at once. */
    async publish(name: string, versionId: string): Promise<PromptVersion> {
      const v = await versions.publish(name, versionId);
      await deps.prompts.latest();
      return v;
    },

    /** One answer to `message` with these versions (the published ones for prompts left out). */
    async preview(chosen: Partial<Record<string, string>>, message: string): Promise<PreviewReply> {
      const prompts = await promptSet(chosen);
      return previewReply(deps.preview, { prompts, message, signal: AbortSignal.timeout(60_000) });
    },
  };
}

export type PromptStudio = ReturnType<typeof createPromptStudio>;
