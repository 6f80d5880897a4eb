import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chatPage } from './chat/chat-page.js';
import { chatCss } from './chat/styles.js';
import { launcherWordsDefine } from './loader/launcher-words-define.js';

/** One file the server serves. */
export interface BuiltAsset {
  body: string | Buffer;
  contentType: string;
  /** The files esbuild read to make it, relative to the repository root (bundles only). */
  inputs?: string[];
}

export type WidgetAssets = Map<string, BuiltAsset>;

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..');
const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/**
 * One browser bundle: an IIFE with everything `entry` (an absolute path) imports, as one file;
 * `define` replaces global identifiers with JavaScript expressions (esbuild's `define`).
 */
export async function bundleScript(
  entry: string,
  minify: boolean,
  define?: Record<string, string>,
): Promise<{ text: string; inputs: string[] }> {
  // Loaded only when something is bundled: a server serving prebuilt files never loads esbuild.
  const { build } = await import('esbuild');
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    sourcemap: false,
    // Paths in unminified output and in the metafile are relative to this, so the bytes do not depend on the cwd.
    absWorkingDir: ROOT,
    metafile: true,
    logLevel: 'silent',
    define,
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error(`esbuild produced no bundle for ${entry}`);
  return { text: out.text, inputs: Object.keys(r.metafile.inputs) };
}

const script = async (entry: string, minify: boolean, define?: Record<string, string>): Promise<BuiltAsset> => {
  const { text, inputs } = await bundleScript(join(here, entry), minify, define);
  return { body: text, contentType: JS, inputs };
};

/**
 * Builds the widget loader (`/widget.js`), the chat iframe (`/widget/chat.html` and
 * `/widget/chat.js`) and the demo storefront (`/` and `/storefront.js`), in memory.
 */
export async function buildWidgetAssets(opts: { minify?: boolean } = {}): Promise<WidgetAssets> {
  const minify = opts.minify ?? true;
  const [loader, platformCarts, chat, storefront, storefrontHtml] = await Promise.all([
    // The loader takes only the launcher's own words from the message catalogs, not the catalogs.
    script('loader/loader.ts', minify, launcherWordsDefine()),
    script('loader/platforms/platform-carts.ts', minify),
    script('chat/main.ts', minify),
    script('storefront/main.ts', minify),
    readFile(join(here, 'storefront/index.html'), 'utf8'),
  ]);
  return new Map([
    ['/widget.js', loader],
    ['/widget/platform-cart.js', platformCarts],
    ['/widget/chat.js', chat],
    ['/widget/chat.html', { body: chatPage(chatCss), contentType: HTML }],
    ['/storefront.js', storefront],
    ['/', { body: storefrontHtml, contentType: HTML }],
  ]);
}

/** Raw and gzipped size of each asset, in bytes. */
export function assetSizes(assets: WidgetAssets): { path: string; raw: number; gzip: number }[] {
  return [...assets].map(([path, a]) => ({ path, raw: Buffer.byteLength(a.body), gzip: gzipSync(a.body).length }));
}

/** The sizes as a plain-text table, one asset a line. */
export function sizeTable(assets: WidgetAssets): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  const rows = assetSizes(assets).map((s) => `${s.path.padEnd(20)}${kb(s.raw)}${kb(s.gzip)}`);
  return [`${'asset'.padEnd(20)}${'raw'.padStart(9)}${'gzip'.padStart(9)}`, ...rows].join('\n');
}

// CLI: `npx tsx widget/build.ts --report` prints sizes; `--out DIR` also writes the files.
// The files the server serves, with their manifest, come from `npm run build` (scripts/build-assets.ts).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const assets = await buildWidgetAssets({ minify: !args.includes('--no-minify') });
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1] : null;
  if (out) {
    for (const [path, a] of assets) {
      const file = join(out, path === '/' ? 'index.html' : path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, a.body);
    }
    console.log(`wrote ${assets.size} files to ${out}`);
  }
  if (args.includes('--report') || !out) console.log(sizeTable(assets));
}
