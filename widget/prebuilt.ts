import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { buildWidgetAssets, type BuiltAsset } from './build.js';
import { buildConsoleAssets } from './console/build-console.js';
import { buildStudioAssets } from './studio/build-studio.js';

/** Source paths in a manifest are relative to the repository root, so a build can move between machines. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** Where `npm run build` writes the browser bundles and where the server looks for them. */
export const DEFAULT_PREBUILT_DIR = path.join(REPO_ROOT, 'dist', 'public');

const MANIFEST = 'manifest.json';
const manifestSchema = z.object({
  version: z.literal(1),
  /** A hash of `minify` and `sources`: equal ids, equal bytes. */
  buildId: z.string(),
  builtAt: z.string(),
  minify: z.boolean(),
  /** Repo-relative path → sha256 of every file the bundles were made from. */
  sources: z.record(z.string(), z.string()),
  /** Served path → file in the prebuilt folder. */
  assets: z.record(z.string(), z.object({ file: z.string(), contentType: z.string(), sha256: z.string() })),
});

export type AssetManifest = z.infer<typeof manifestSchema>;
export type BrowserAssets = Map<string, BuiltAsset>;
export type PrebuiltAssets =
  { ok: true; assets: BrowserAssets; manifest: AssetManifest } | { ok: false; reason: string };

/** Bundles everything the server serves: widget loader, chat iframe, storefront, agent console and studio. */
export async function buildBrowserAssets(opts: { minify?: boolean } = {}): Promise<BrowserAssets> {
  const [widget, agentConsole, studio] = await Promise.all([
    buildWidgetAssets(opts),
    buildConsoleAssets(opts),
    buildStudioAssets(opts),
  ]);
  return new Map([...widget, ...agentConsole, ...studio]);
}

/** Bundles everything into `dir` and writes `manifest.json` beside the files. */
export async function buildPrebuiltAssets(
  dir: string,
  opts: { minify?: boolean } = {},
): Promise<{ assets: BrowserAssets; manifest: AssetManifest }> {
  const minify = opts.minify ?? true;
  const assets = await buildBrowserAssets({ minify });
  const sources = await hashSources([...assets.values()].flatMap((a) => (a.inputs ?? []).filter(isOutsideWidget)));
  const manifest: AssetManifest = {
    version: 1,
    buildId: sha256(JSON.stringify({ minify, sources })).slice(0, 16),
    builtAt: new Date().toISOString(),
    minify,
    sources,
    assets: {},
  };
  for (const [route, asset] of assets) {
    const file = fileFor(route);
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), asset.body);
    manifest.assets[route] = { file, contentType: asset.contentType, sha256: sha256(asset.body) };
  }
  // The manifest goes last and in one rename: an interrupted build is never taken for a current one.
  await writeFile(path.join(dir, `${MANIFEST}.tmp`), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(path.join(dir, `${MANIFEST}.tmp`), path.join(dir, MANIFEST));
  return { assets, manifest };
}

/**
 * The bundles `npm run build` wrote to `dir`, if they were built from the sources as they are now;
 * otherwise why not. Costs reading and hashing the widget sources (about 60 small files).
 */
export async function loadPrebuiltAssets(dir: string): Promise<PrebuiltAssets> {
  const text = await readFile(path.join(dir, MANIFEST), 'utf8').catch(nullIfMissing);
  if (text === null) return { ok: false, reason: `no ${MANIFEST} in ${dir} (npm run build writes it)` };
  const parsed = manifestSchema.safeParse(parseJson(text));
  if (!parsed.success) return { ok: false, reason: `${path.join(dir, MANIFEST)} is not a manifest this version reads` };
  const manifest = parsed.data;
  const changed = await changedSource(manifest.sources);
  if (changed) return { ok: false, reason: `${changed} since the build of ${manifest.builtAt}` };
  const assets: BrowserAssets = new Map();
  for (const [route, entry] of Object.entries(manifest.assets)) {
    const body = await readFile(path.join(dir, entry.file)).catch(nullIfMissing);
    if (!body || sha256(body) !== entry.sha256)
      return { ok: false, reason: `${entry.file} does not match ${MANIFEST}` };
    assets.set(route, { body, contentType: entry.contentType });
  }
  return { ok: true, assets, manifest };
}

/** `/` → index.html, `/console` → console.html, `/widget/chat.js` → widget/chat.js: no path is both file and folder. */
function fileFor(route: string): string {
  if (route === '/') return 'index.html';
  const file = route.slice(1);
  return path.extname(file) ? file : `${file}.html`;
}

/** The first difference between the recorded source hashes and the files as they are now, or null. */
async function changedSource(recorded: Record<string, string>): Promise<string | null> {
  const now = await hashSources(Object.keys(recorded).filter(isOutsideWidget));
  for (const [file, hash] of Object.entries(now)) {
    if (recorded[file] !== hash) return `${file} ${file in recorded ? 'changed' : 'was added'}`;
  }
  const removed = Object.keys(recorded).find((file) => !(file in now));
  return removed ? `${removed} was removed` : null;
}

/**
 * Hashes every file under widget/ (the build code included, and whatever chat.html is rendered from)
 * plus `extra`: the project files outside widget/ that the bundles import.
 */
async function hashSources(extra: string[]): Promise<Record<string, string>> {
  const files = [...new Set([...(await listFiles('widget')), ...extra])].sort();
  const bodies = await Promise.all(files.map((f) => readFile(path.join(REPO_ROOT, f)).catch(nullIfMissing)));
  return Object.fromEntries(files.flatMap((f, i) => (bodies[i] ? [[f, sha256(bodies[i])]] : [])));
}

/** Files under a repo-relative folder, as repo-relative POSIX paths; skips build output and editor dotfiles. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(REPO_ROOT, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !e.name.startsWith('.') && e.name !== 'dist' && e.name !== 'node_modules')
      .map((e) => (e.isDirectory() ? listFiles(`${dir}/${e.name}`) : [`${dir}/${e.name}`])),
  );
  return nested.flat();
}

/**
 * esbuild inputs worth hashing besides widget/: the project's own files. Packages are left out (an
 * upgrade needs `npm run build` again) and so are esbuild's virtual paths such as `(disabled):ws`.
 */
const isOutsideWidget = (file: string) =>
  !file.startsWith('widget/') && !file.includes('node_modules/') && !file.includes(':');

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function nullIfMissing(e: unknown): null {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
  throw e;
}
