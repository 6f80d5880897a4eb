import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const HERE = import.meta.dirname;

export interface ConsoleAsset {
  body: string | Buffer;
  contentType: string;
}

// The console imports the agent protocol for its types, CANNED_RESPONSES and AGENT_NAMESPACE.
// That module also builds the server's zod schemas at load time, which would pull all of zod
// (~450 kB) into the page. The browser never validates with them (the server does), so here
// zod resolves to an inert stand-in: schemas build to nothing, and parsing throws loudly.
const INERT_ZOD = `
const refuse = () => { throw new Error('zod is not bundled into the agent console: validation happens on the server'); };
const PARSERS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);
const inert = new Proxy(function () {}, { get: (_t, key) => (PARSERS.has(key) ? refuse : inert), apply: () => inert });
export const z = inert;
export default inert;
`;

const zodStandIn: Plugin = {
  name: 'console-zod-stand-in',
  setup(b) {
    b.onResolve({ filter: /^zod(\/.*)?$/ }, (args) => ({ path: args.path, namespace: 'zod-stand-in' }));
    b.onLoad({ filter: /.*/, namespace: 'zod-stand-in' }, () => ({ contents: INERT_ZOD, loader: 'js' }));
  },
};

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
      plugins: [zodStandIn],
    }),
  ]);
  const js = result.outputFiles[0];
  if (!js) throw new Error('esbuild produced no console bundle');
  return new Map<string, ConsoleAsset>([
    ['/console', { body: html, contentType: 'text/html; charset=utf-8' }],
    ['/console/console.js', { body: js.text, contentType: 'text/javascript; charset=utf-8' }],
  ]);
}
