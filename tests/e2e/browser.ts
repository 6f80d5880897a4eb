import { createLogger } from '../../src/logger.js';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page, type WebSocketRoute } from 'playwright-core';
import { describe, it } from 'vitest';
import type { ChatModel } from '../../src/agent/model.js';
import type { App, AppConfig, AppParts } from '../../src/app/build-app.js';
import type { Database } from '../../src/db/database.js';
import { widgetRoutes } from '../../src/http/routes/widget-routes.js';
import { seedTestShop, startTestApp } from '../helpers/test-app.js';
import { openTestDatabase } from '../helpers/test-database.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM_PATH);

/**
 * `describe` for browser tests. Without Chromium they are skipped on a developer's machine,
 * but under CI a missing browser is a failure, never a silent skip.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (haveChromium) describe(name, fn);
  else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          `${CHROMIUM_PATH} is missing: install Debian's chromium package (apt-get install -y chromium).`,
        );
      });
    });
  } else describe.skip(`${name} (no ${CHROMIUM_PATH})`, fn);
}

/** A fresh headless Chromium with its own profile directory, removed on close. */
export async function launchBrowser(
  opts: { width?: number; height?: number; bypassCSP?: boolean; locale?: string } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'concierge-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 },
    // Only to inject axe-core into pages whose CSP forbids inline scripts.
    bypassCSP: opts.bypassCSP ?? false,
    ...(opts.locale ? { locale: opts.locale } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The real app with the widget bundles, over a seeded in-memory database, on an ephemeral port. */
export async function startShop(
  opts: { model?: ChatModel; config?: Partial<AppConfig>; evals?: AppParts['evals'] } = {},
): Promise<{ app: App; db: Database; url: string; close(): Promise<void> }> {
  const db = await openTestDatabase('pglite');
  await seedTestShop(db);
  const app = await startTestApp(db, {
    ...opts,
    extraRouters: [
      await widgetRoutes({ minify: true, allowedOrigins: opts.config?.allowedOrigins, logger: createLogger('silent') }),
    ],
  });
  return {
    app,
    db,
    url: app.url,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Opens the storefront and its chat; returns the page and the chat iframe. */
export async function openChat(
  context: BrowserContext,
  url: string,
  opts: { page?: Page } = {},
): Promise<{ page: Page; chat: FrameLocator }> {
  const page = opts.page ?? (await context.newPage());
  // Fail a step well inside the test's own timeout, so the report names the step.
  page.setDefaultTimeout(10_000);
  if (!opts.page) await page.goto(url);
  await page.getByRole('button', { name: 'Chat with us' }).click();
  const chat = page.frameLocator('#concierge-widget iframe');
  // By id: the box's label is in the conversation's language, which an earlier test may have changed.
  await chat.locator('#composer-input').waitFor();
  return { page, chat };
}

/** Types a message in the chat and sends it with Enter. */
export async function say(chat: FrameLocator, text: string): Promise<void> {
  const box = chat.locator('#composer-input');
  await box.fill(text);
  await box.press('Enter');
}

/**
 * A page whose socket.io connection the test can cut and restore. `cut()` waits for the
 * websocket upgrade first (a long-poll in flight would outlive the cut), then closes it and
 * refuses new connections until `restore()`.
 */
export async function cuttableConnection(page: Page): Promise<{ cut(): Promise<void>; restore(): void }> {
  let down = false;
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  // Engine.IO's upgrade: the client probes the websocket ("2probe" / "3probe"), then sends "5" and
  // moves over; until then its traffic is a long-poll that closing the websocket would not cut.
  let upgraded!: () => void;
  const upgrade = new Promise<void>((resolve) => (upgraded = resolve));
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (down) return void ws.close();
    const server = ws.connectToServer();
    ws.onMessage((m) => {
      if (m === '5') upgraded();
      server.send(m);
    });
    server.onMessage((m) => ws.send(m));
    ws.onClose((code, reason) => server.close({ code, reason }));
    server.onClose((code, reason) => ws.close({ code, reason }));
    open.push({ page: ws, server });
  });
  await page.route(/\/socket\.io\//, (route) => (down ? route.abort() : route.continue()));
  return {
    async cut() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the socket never upgraded to a websocket')), 10_000);
      });
      await Promise.race([upgrade, timeout]).finally(() => clearTimeout(timer));
      down = true;
      await Promise.all(open.splice(0).flatMap((c) => [c.page.close(), c.server.close()]));
    },
    restore() {
      down = false;
    },
  };
}
