import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, SHOPPER_NAMESPACE } from '../../src/chat/protocol.js';
import { assetSizes, buildWidgetAssets, type WidgetAssets } from '../../widget/build.js';
import * as widgetLimits from '../../widget/chat/limits.js';

const KB = 1024;
let assets: WidgetAssets;

beforeAll(async () => {
  assets = await buildWidgetAssets({ minify: true });
});

const text = (path: string) => String(assets.get(path)!.body);
const gz = (path: string) => gzipSync(assets.get(path)!.body).length;

describe('widget bundles', () => {
  it('builds the loader, the chat iframe and the storefront', () => {
    expect([...assets.keys()].sort()).toEqual([
      '/',
      '/storefront.js',
      '/widget.js',
      '/widget/chat.html',
      '/widget/chat.js',
      '/widget/platform-cart.js',
    ]);
    expect(assets.get('/widget.js')!.contentType).toMatch(/^text\/javascript/);
    expect(assets.get('/widget/chat.html')!.contentType).toMatch(/^text\/html/);
    console.table(
      assetSizes(assets).map((s) => ({
        asset: s.path,
        raw: `${(s.raw / KB).toFixed(1)} KB`,
        gzip: `${(s.gzip / KB).toFixed(1)} KB`,
      })),
    );
  });

  it('keeps the whole chat (page, styles, socket.io-client and app) within 60 KB gzipped', () => {
    expect(gz('/widget/chat.js') + gz('/widget/chat.html')).toBeLessThanOrEqual(60 * KB);
  });

  it('keeps the loader under 5 KB gzipped', () => {
    expect(gz('/widget.js')).toBeLessThan(5 * KB);
  });

  it('bundles no HTML-string sinks: model and catalog text only ever becomes text nodes', () => {
    for (const path of ['/widget.js', '/widget/chat.js', '/storefront.js', '/widget/platform-cart.js']) {
      expect(text(path), path).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
    // The one HTML parse: a Shopify theme's own cart sections, re-rendered by the shop's origin.
    for (const path of ['/widget.js', '/widget/chat.js', '/storefront.js']) expect(text(path)).not.toMatch(/DOMParser/);
  });

  it('loads the platform cart adapters only on a platform page, from their own file', () => {
    expect(text('/widget.js')).not.toContain('/cart/add.js');
    expect(text('/widget/platform-cart.js')).toContain('cart/add.js');
    expect(gz('/widget/platform-cart.js')).toBeLessThan(6 * KB);
  });

  it('embeds the widget on the storefront with one tag and loads the chat script from a file', () => {
    expect(text('/')).toContain('<script src="/widget.js" data-server="" async></script>');
    expect(text('/widget/chat.html')).toContain('<script src="chat.js"></script>');
    // The server's CSP allows no inline script.
    expect(text('/widget/chat.html')).not.toMatch(/<script>(?!<\/script>)/);
  });

  it("uses the protocol's namespace and message limit (copied to keep zod out of the bundle)", () => {
    expect(widgetLimits.SHOPPER_NAMESPACE).toBe(SHOPPER_NAMESPACE);
    expect(widgetLimits.MAX_MESSAGE_CHARS).toBe(MAX_MESSAGE_CHARS);
  });
});
