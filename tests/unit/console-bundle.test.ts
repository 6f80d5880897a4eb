import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANNED_RESPONSES } from '../../src/handoff/agent-protocol.js';
import { buildConsoleAssets, type ConsoleAsset } from '../../widget/console/build-console.js';

const KB = 1024;
let assets: Map<string, ConsoleAsset>;

beforeAll(async () => {
  assets = await buildConsoleAssets({ minify: true });
});

const text = (path: string) => String(assets.get(path)!.body);
/** The first match with a little context, so a failure names it instead of printing 100 KB. */
const found = (s: string, re: RegExp) => {
  const m = re.exec(s);
  return m ? s.slice(Math.max(0, m.index - 40), m.index + 60) : null;
};

describe('agent console bundle', () => {
  it('builds the page and one script', () => {
    expect([...assets.keys()].sort()).toEqual(['/console', '/console/console.js']);
    expect(assets.get('/console')!.contentType).toMatch(/^text\/html/);
    expect(assets.get('/console/console.js')!.contentType).toMatch(/^text\/javascript/);
    const js = text('/console/console.js');
    console.log(
      `console.js: ${(Buffer.byteLength(js) / KB).toFixed(1)} KB minified, ${(gzipSync(js).length / KB).toFixed(1)} KB gzipped`,
    );
  });

  it('is self-contained: socket.io-client bundled, nothing left to require or import', () => {
    const js = text('/console/console.js');
    expect(found(js, /\brequire\(/)).toBeNull();
    expect(found(js, /^\s*import[\s{*]/m)).toBeNull();
    expect(found(js, /\bimport\(/)).toBeNull();
    expect(js.includes('/socket.io')).toBe(true);
  });

  it('keeps zod out (the server validates) yet ships the canned responses', () => {
    const js = text('/console/console.js');
    expect(found(js, /ZodError|\$ZodType/)).toBeNull();
    for (const reply of Object.values(CANNED_RESPONSES).flat()) expect(js.includes(reply), reply).toBe(true);
    // The four languages' message catalogs (about 80 KB of the script) are what it grew by past 150 KB.
    expect(Buffer.byteLength(js)).toBeLessThan(190 * KB);
  });

  it('bundles no HTML-string sinks: shopper, model and catalog text only ever becomes text nodes', () => {
    expect(found(text('/console/console.js'), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/)).toBeNull();
  });

  it('loads the script from a file (no inline script for the CSP to allow)', () => {
    expect(text('/console')).toContain('<script src="/console/console.js" defer></script>');
    expect(found(text('/console'), /<script>(?!<\/script>)/)).toBeNull();
  });
});
