import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleScript, type BuiltAsset } from '../build.js';

const HERE = import.meta.dirname;

export type ConsoleAsset = BuiltAsset;

/**
 * Bundles the agent console: `/console` (the page) and `/console/console.js` (one self-contained
 * script, socket.io-client included). Built once at start; the server mounts the map.
 */
export async function buildConsoleAssets(opts: { minify?: boolean } = {}): Promise<Map<string, ConsoleAsset>> {
  const [html, js] = await Promise.all([
    readFile(path.join(HERE, 'index.html'), 'utf8'),
    bundleScript(path.join(HERE, 'main.ts'), opts.minify ?? false),
  ]);
  return new Map<string, ConsoleAsset>([
    ['/console', { body: html, contentType: 'text/html; charset=utf-8' }],
    ['/console/console.js', { body: js.text, contentType: 'text/javascript; charset=utf-8', inputs: js.inputs }],
  ]);
}
