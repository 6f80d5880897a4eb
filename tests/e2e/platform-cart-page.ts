import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bundleScript } from '../../widget/build.js';
import type { PlatformCart } from '../../widget/loader/platforms/platform-cart.js';

/** The window of a fake shop's page once the test bundle ran and a test set its cart up. */
export type CartWindow = Window & {
  cart: PlatformCart;
  changes: number;
  stopWatching: () => void;
  themeEvents: string[];
};

/** The test-only bundle that puts the platform adapters on `window.conciergePlatforms`. */
export async function platformBundle(): Promise<{ body: string; contentType: string }> {
  const entry = join(import.meta.dirname, '../fakes/platform-carts-entry.ts');
  const { text } = await bundleScript(entry, false);
  return { body: text, contentType: 'text/javascript; charset=utf-8' };
}

export const BUNDLE_PATH = '/concierge-platforms.js';

/** Opens a fake shop's page and creates the adapter the page's tag and globals point to. */
export async function openShopPage(page: Page, url: string): Promise<string | null> {
  page.setDefaultTimeout(5_000);
  await page.goto(url);
  return page.evaluate(() => {
    const w = window as unknown as CartWindow;
    const p = window.conciergePlatforms!;
    w.cart = p.detected === 'shopify' ? p.createShopifyCart() : p.createWooCart();
    w.changes = 0;
    w.stopWatching = w.cart.watch(() => w.changes++);
    return p.detected;
  });
}

/** The error an adapter call rejects with, as plain data (or null if it resolved). */
export function failureOf(page: Page, variantId: string, quantity: number) {
  return page.evaluate(
    async ([id, qty]) => {
      const w = window as unknown as CartWindow;
      try {
        await w.cart.add(id, qty);
        return null;
      } catch (e) {
        const err = e as Error & { kind?: string; status?: number };
        const isPlatformError = e instanceof window.conciergePlatforms!.PlatformCartError;
        return { isPlatformError, kind: err.kind, status: err.status, message: err.message };
      }
    },
    [variantId, quantity] as const,
  );
}

/** Lets queued timers run, so a change notification that was going to come has come. */
export const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => setTimeout(resolve, 0), 0)));
