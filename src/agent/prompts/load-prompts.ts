import { createHash } from 'node:crypto';
import { watch as watchDir, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { PromptVersion, PromptVersions } from '../../prompt-versions/prompt-versions.js';
import { compilePrompt, renderPrompts, type PromptVars } from './render-prompt.js';

export type { PromptVars } from './render-prompt.js';

/** The prompt files, in the order they are concatenated into the system message. */
export const PROMPT_FILES = ['system', 'persona', 'answer-rules', 'handoff-rules'] as const;
export type PromptName = (typeof PROMPT_FILES)[number];

export interface PromptFile {
  name: string;
  /** The file it came from, or the version (`persona.v3`) when it came from the database. */
  path: string;
  raw: string;
}

/** One validated set of the prompts. */
export interface Prompts {
  render(vars: PromptVars): string;
  /** First 12 hex of the sha256 of the raw texts: record it with each reply. */
  version: string;
  /** The version id of each prompt (`{ persona: 'persona.v3' }`); empty when served from files only. */
  versions: Record<string, string>;
  files: PromptFile[];
}

export interface PromptStore {
  /** The prompts as last read. */
  current(): Prompts;
  /** The published prompts, checked against the database (another instance may have published). */
  latest(): Promise<Prompts>;
  /** Re-reads the files; keeps the last good version when they are broken. Resolves true if the version changed. */
  reload(): Promise<boolean>;
  close(): void;
}

export interface PromptStoreOptions {
  dir: string;
  watch: boolean;
  logger: Pick<Logger, 'info' | 'error'>;
  debounceMs?: number;
  /** Prompt versions in the database: files changed on disk become versions, the published ones answer. */
  versions?: PromptVersions;
}

/** Compiles a set of prompt texts (one per prompt file, in order); throws `prompts:invalid` naming the broken one. */
export function compilePrompts(files: PromptFile[], versions: Record<string, string> = {}): Prompts {
  const compiled = files.map((f) => compilePrompt(f.name, f.path, f.raw));
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.name}\n${f.raw}\0`);
  return { render: (vars) => renderPrompts(compiled, vars), version: hash.digest('hex').slice(0, 12), files, versions };
}

/** Compiles prompt versions from the database, in the prompt files' order. */
export function compileVersions(versions: PromptVersion[]): Prompts {
  const byName = new Map(versions.map((v) => [v.name, v]));
  const chosen = PROMPT_FILES.map((name) => {
    const v = byName.get(name);
    if (!v) throw new AppError('prompts:invalid', `${name}: no version to use`);
    return v;
  });
  return compilePrompts(
    chosen.map((v) => ({ name: v.name, path: v.id, raw: v.text })),
    Object.fromEntries(chosen.map((v) => [v.name, v.id])),
  );
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
  return compilePrompts(files);
}

/** Reads the files and, with versions, makes changed files published versions; returns what now serves. */
async function readSource(opts: PromptStoreOptions): Promise<Prompts> {
  const fromFiles = await loadPrompts(opts.dir);
  if (!opts.versions) return fromFiles;
  for (const f of fromFiles.files) await opts.versions.syncFile(f.name, f.raw);
  return compileVersions(await opts.versions.published());
}

/**
 * Loads the prompts at start (throwing when they are broken) and serves the current version.
 * With `watch`, edits in `dir` are picked up after a short debounce; a broken edit is logged
 * and the last good version keeps serving. With `versions`, what serves is the published
 * versions in the database, and a file changed on disk becomes a new published version.
 */
/** How long turns may go on using the published prompts last read. */
const PUBLISHED_TTL_MS = 2000;

export async function createPromptStore(opts: PromptStoreOptions): Promise<PromptStore> {
  let current = await readSource(opts);
  let pending: Promise<boolean> = Promise.resolve(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;

  const reloadNow = async (): Promise<boolean> => {
    try {
      const next = await readSource(opts);
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

  // Every turn asks for the latest prompts: the database is asked at most every PUBLISHED_TTL_MS, and at
  // once after a publish in this process (another instance's publish reaches turns here within the TTL).
  let checkedAt = Number.NEGATIVE_INFINITY;
  let seenChanges = -1;
  const latest = async (): Promise<Prompts> => {
    if (!opts.versions) return current;
    const now = Date.now();
    const changes = opts.versions.localChanges();
    if (now - checkedAt < PUBLISHED_TTL_MS && changes === seenChanges) return current;
    checkedAt = now;
    seenChanges = changes;
    const ids = await opts.versions.publishedIds();
    const same = PROMPT_FILES.every((n) => ids[n] === current.versions[n]);
    if (!same) current = compileVersions(await opts.versions.published());
    return current;
  };

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
    latest,
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
