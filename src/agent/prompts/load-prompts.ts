import { createHash } from 'node:crypto';
import { watch as watchDir, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { compilePrompt, renderPrompts, type CompiledPrompt, type PromptVars } from './render-prompt.js';

export type { PromptVars } from './render-prompt.js';

/** The prompt files, in the order they are concatenated into the system message. */
export const PROMPT_FILES = ['system', 'persona', 'answer-rules', 'handoff-rules'] as const;

export interface PromptFile {
  name: string;
  path: string;
  raw: string;
}

/** One validated version of the prompts. */
export interface Prompts {
  render(vars: PromptVars): string;
  /** First 12 hex of the sha256 of the raw files: record it with each reply. */
  version: string;
  files: PromptFile[];
}

export interface PromptStore {
  current(): Prompts;
  /** Re-reads the files; keeps the last good version when they are broken. Resolves true if the version changed. */
  reload(): Promise<boolean>;
  close(): void;
}

export interface PromptStoreOptions {
  dir: string;
  watch: boolean;
  logger: Pick<Logger, 'info' | 'error'>;
  debounceMs?: number;
}

/** Reads and validates every prompt file; throws `prompts:invalid` naming the broken file. */
export async function loadPrompts(dir: string): Promise<Prompts> {
  const files = await Promise.all(
    PROMPT_FILES.map(async (name): Promise<PromptFile> => {
      const file = path.join(dir, `${name}.md`);
      try {
        return { name, path: file, raw: await readFile(file, 'utf8') };
      } catch (cause) {
        throw new AppError('prompts:invalid', `${file}: cannot be read`, { cause });
      }
    }),
  );
  const compiled: CompiledPrompt[] = files.map((f) => compilePrompt(f.name, f.path, f.raw));
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.name}\n${f.raw}\0`);
  return { render: (vars) => renderPrompts(compiled, vars), version: hash.digest('hex').slice(0, 12), files };
}

/**
 * Loads the prompts at start (throwing when they are broken) and serves the current version.
 * With `watch`, edits in `dir` are picked up after a short debounce; a broken edit is logged
 * and the last good version keeps serving.
 */
export async function createPromptStore(opts: PromptStoreOptions): Promise<PromptStore> {
  let current = await loadPrompts(opts.dir);
  let pending: Promise<boolean> = Promise.resolve(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;

  const reloadNow = async (): Promise<boolean> => {
    try {
      const next = await loadPrompts(opts.dir);
      if (next.version === current.version) return false;
      current = next;
      opts.logger.info('prompts reloaded', { version: next.version });
      return true;
    } catch (err) {
      const reason = err instanceof AppError ? err.message : String(err);
      opts.logger.error(`prompts reload rejected, still serving ${current.version}: ${reason}`, { err });
      return false;
    }
  };
  // One reload at a time, in order.
  const reload = () => (pending = pending.then(reloadNow, reloadNow));

  if (opts.watch) {
    const names = new Set(PROMPT_FILES.map((n) => `${n}.md`));
    watcher = watchDir(opts.dir, (_event, filename) => {
      if (filename && !names.has(path.basename(filename.toString()))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), opts.debounceMs ?? 150);
    });
    watcher.on('error', (err) => opts.logger.error('prompts watcher failed; edits are no longer picked up', { err }));
    watcher.unref();
  }

  return {
    current: () => current,
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
