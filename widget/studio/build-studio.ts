import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleScript, type BuiltAsset } from '../build.js';

const HERE = import.meta.dirname;

/**
 * Bundles the merchandiser studio: `/studio` (the page) and `/studio/studio.js` (one
 * self-contained script). Built once at start, like the console.
 */
export async function buildStudioAssets(opts: { minify?: boolean } = {}): Promise<Map<string, BuiltAsset>> {
  const [html, js] = await Promise.all([
    readFile(path.join(HERE, 'index.html'), 'utf8'),
    bundleScript(path.join(HERE, 'main.ts'), opts.minify ?? false),
  ]);
  return new Map<string, BuiltAsset>([
    ['/studio', { body: html, contentType: 'text/html; charset=utf-8' }],
    ['/studio/studio.js', { body: js.text, contentType: 'text/javascript; charset=utf-8', inputs: js.inputs }],
  ]);
}
