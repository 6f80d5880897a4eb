import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { widgetRoutes } from '../../src/http/routes/widget-routes.js';
import { createLogger } from '../../src/logger.js';
import { buildPrebuiltAssets, REPO_ROOT, type AssetManifest, type BrowserAssets } from '../../widget/prebuilt.js';

const ROUTES = [
  '/widget.js',
  '/widget/chat.js',
  '/widget/platform-cart.js',
  '/widget/chat.html',
  '/storefront.js',
  '/',
  '/console',
  '/console/console.js',
  '/studio',
  '/studio/studio.js',
];

let tmp: string;
let dist: string;
let assets: BrowserAssets;
let manifest: AssetManifest;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'concierge-build-'));
  dist = path.join(tmp, 'public');
  ({ assets, manifest } = await buildPrebuiltAssets(dist, { minify: true }));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The log lines widgetRoutes writes, so a test can tell prebuilt serving from an in-memory build. */
function captureLog(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger('info', (l) => lines.push(l)) };
}

/** Mounts the widget routes on a server at an ephemeral port and returns its fetcher. */
async function serve(router: express.Router): Promise<{ get(p: string): Promise<Response>; close(): void }> {
  const app = express().use(router);
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { get: (p) => fetch(base + p), close: () => server.close() };
}

describe('production build of the browser bundles', () => {
  it('writes every served asset to a file and lists it in manifest.json', () => {
    const onDisk = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as AssetManifest;
    expect(onDisk).toEqual(manifest);
    expect(Object.keys(onDisk.assets).sort()).toEqual([...ROUTES].sort());
    expect(onDisk.buildId).toMatch(/^[0-9a-f]{16}$/);
    for (const route of ROUTES) {
      const entry = onDisk.assets[route];
      expect(entry.contentType, route).toBe(assets.get(route)!.contentType);
      expect(readFileSync(path.join(dist, entry.file)).equals(Buffer.from(assets.get(route)!.body)), route).toBe(true);
    }
    // The hash covers the widget's own files and the files of src/ the bundles import (protocol constants).
    const sources = Object.keys(onDisk.sources);
    expect(sources).toEqual(
      expect.arrayContaining(['widget/build.ts', 'widget/chat/main.ts', 'widget/console/main.ts']),
    );
    expect(sources.filter((f) => f.startsWith('src/'))).not.toEqual([]);
  });

  it('serves the prebuilt files byte for byte, with their content types', async () => {
    const log = captureLog();
    // minify: false would make an in-memory build differ from the minified files: equal bytes mean files.
    const server = await serve(await widgetRoutes({ prebuiltDir: dist, minify: false, logger: log.logger }));
    try {
      for (const route of ROUTES) {
        const res = await server.get(route);
        expect(res.status, route).toBe(200);
        expect(res.headers.get('content-type'), route).toBe(assets.get(route)!.contentType);
        expect(res.headers.get('cache-control'), route).toBe('no-cache');
        expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(assets.get(route)!.body)), route).toBe(true);
      }
      expect((await server.get('/console')).headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      server.close();
    }
    expect(log.lines.join('\n')).toContain('serving the prebuilt browser bundles');
  });

  it("sends a strict Content-Security-Policy with the pages: no <base>, this server's connections, the shop's image hosts", async () => {
    const routes = await widgetRoutes({
      prebuiltDir: dist,
      allowedOrigins: ['https://shop.example'],
      imageHosts: ['https://cdn.shopify.com'],
      logger: captureLog().logger,
    });
    const server = await serve(routes);
    try {
      const csp = (await server.get('/widget/chat.html')).headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'https://cdn.shopify.com']);
      expect(directives.get('connect-src')?.[0]).toBe("'self'");
      expect(
        directives
          .get('connect-src')
          ?.slice(1)
          .every((o) => /^wss?:\/\/127\.0\.0\.1:\d+$/.test(o)),
      ).toBe(true);
      expect(directives.get('frame-ancestors')).toEqual(["'self'", 'https://shop.example']);
    } finally {
      server.close();
    }
  });

  it('bundles in memory and says which source changed when the files are out of date', async () => {
    const stale = path.join(tmp, 'stale');
    cpSync(dist, stale, { recursive: true });
    const edited = { ...manifest, sources: { ...manifest.sources, 'widget/chat/main.ts': '0'.repeat(64) } };
    writeFileSync(path.join(stale, 'manifest.json'), JSON.stringify(edited));
    const log = captureLog();
    const server = await serve(await widgetRoutes({ prebuiltDir: stale, logger: log.logger }));
    try {
      expect((await server.get('/widget.js')).status).toBe(200);
    } finally {
      server.close();
    }
    expect(log.lines.join('\n')).toMatch(/bundling the browser assets in memory: widget\/chat\/main\.ts changed/);
  });

  it('serves prebuilt files without loading esbuild', async () => {
    // A child process in which the project cannot resolve esbuild (tsx, which compiles the
    // TypeScript, still can): importing it anywhere on the serving path makes widgetRoutes throw.
    const hooks = path.join(tmp, 'block-esbuild.mjs');
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r.url.includes('/node_modules/esbuild/') && !String(context.parentURL).includes('/node_modules/tsx/'))
    throw new Error('esbuild imported by ' + context.parentURL);
  return r;
}
`,
    );
    const register = path.join(tmp, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const main = path.join(tmp, 'serve.mjs');
    const routes = pathToFileURL(path.join(REPO_ROOT, 'src/http/routes/widget-routes.ts')).href;
    writeFileSync(
      main,
      `const { widgetRoutes } = await import(${JSON.stringify(routes)});
await widgetRoutes({ prebuiltDir: process.argv[2] });
console.log('routes ready');
`,
    );
    const run = (dir: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, main, dir], {
        cwd: REPO_ROOT,
      }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    const [prebuilt, control] = await Promise.all([run(dist), run(path.join(tmp, 'empty'))]);
    expect(prebuilt.out).toContain('routes ready');
    expect(prebuilt.code).toBe(0);
    // The control: with nothing prebuilt the same child has to bundle, and the blocked import fails it.
    expect(control.code).not.toBe(0);
    expect(control.out).toContain('esbuild imported by');
  });
});
