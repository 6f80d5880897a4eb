import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const HERE = import.meta.dirname;

export interface ConsoleAsset {
  body: string | Buffer;
  contentType: string;
}

/**
 * Bundles the agent console: `/console` (the page) and `/console/console.js` (one self-contained
 * script, socket.io-client included). Built once at start; the server mounts the map.
 */
export async function buildConsoleAssets(opts: { minify?: boolean } = {}): Promise<Map<string, ConsoleAsset>> {
  const [html, result] = await Promise.all([
    readFile(path.join(HERE, 'index.html'), 'utf8'),
    build({
      entryPoints: [path.join(HERE, 'main.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: opts.minify ?? false,
      legalComments: 'none',
      charset: 'utf8',
      sourcemap: false,
      write: false,
      logLevel: 'silent',
    }),
  ]);
  const js = result.outputFiles[0];
  if (!js) throw new Error('esbuild produced no console bundle');
  return new Map<string, ConsoleAsset>([
    ['/console', { body: html, contentType: 'text/html; charset=utf-8' }],
    ['/console/console.js', { body: js.text, contentType: 'text/javascript; charset=utf-8' }],
  ]);
}
