import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chatPage } from './chat/chat-page.js';
import { chatCss } from './chat/styles.js';

export type WidgetAssets = Map<string, { body: string | Buffer; contentType: string }>;

const here = dirname(fileURLToPath(import.meta.url));
const JS = 'text/javascript; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** One browser bundle: an IIFE with everything it imports, as one file. */
async function bundle(entry: string, minify: boolean): Promise<string> {
  const r = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return r.outputFiles[0].text;
}

/**
 * Builds the widget loader (`/widget.js`), the chat iframe (`/widget/chat.html` and
 * `/widget/chat.js`) and the demo storefront (`/` and `/storefront.js`), in memory.
 */
export async function buildWidgetAssets(opts: { minify?: boolean } = {}): Promise<WidgetAssets> {
  const minify = opts.minify ?? true;
  const [loader, chat, storefront, storefrontHtml] = await Promise.all([
    bundle('loader/loader.ts', minify),
    bundle('chat/main.ts', minify),
    bundle('storefront/main.ts', minify),
    readFile(join(here, 'storefront/index.html'), 'utf8'),
  ]);
  return new Map([
    ['/widget.js', { body: loader, contentType: JS }],
    ['/widget/chat.js', { body: chat, contentType: JS }],
    ['/widget/chat.html', { body: chatPage(chatCss), contentType: HTML }],
    ['/storefront.js', { body: storefront, contentType: JS }],
    ['/', { body: storefrontHtml, contentType: HTML }],
  ]);
}

/** Raw and gzipped size of each asset, in bytes. */
export function assetSizes(assets: WidgetAssets): { path: string; raw: number; gzip: number }[] {
  return [...assets].map(([path, a]) => ({ path, raw: Buffer.byteLength(a.body), gzip: gzipSync(a.body).length }));
}

// CLI: `npx tsx widget/build.ts --report` prints sizes; `--out DIR` also writes the files.
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
  if (args.includes('--report') || !out) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
    console.log(`${'asset'.padEnd(20)}${'raw'.padStart(9)}${'gzip'.padStart(9)}`);
    for (const s of assetSizes(assets)) console.log(`${s.path.padEnd(20)}${kb(s.raw)}${kb(s.gzip)}`);
  }
}
