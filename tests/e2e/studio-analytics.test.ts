import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../src/config.js';
import { describeBrowser, launchBrowser, openChat, say, startShop } from './browser.js';

const MIA = DEMO_AGENTS.find((a) => a.role === 'merchandiser')!;
let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
/** Console errors of every page (a Content-Security-Policy refusal is one). */
const consoleErrors: string[] = [];

function watchConsole(page: Page) {
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
}

/** How many pixels of a canvas are drawn (not transparent). */
const drawnPixels = (page: Page, index: number) =>
  page
    .locator('.chart canvas')
    .nth(index)
    .evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });

describeBrowser('commerce analytics in a real browser', () => {
  beforeAll(async () => {
    shop = await startShop({ config: { consoleAgents: DEMO_AGENTS } });
    browser = await launchBrowser({ width: 1400, height: 1000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('a shopper asks for what the shop lacks, adds a product and checks out; the studio shows it', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    watchConsole(page);
    await say(chat, 'do you sell kayaks?');
    await expect.poll(() => chat.locator('.msg-assistant:not(.streaming)').count()).toBe(1);
    await say(chat, 'show me running shoes');
    await expect.poll(() => chat.locator('.msg-assistant:not(.streaming)').count()).toBe(2);
    const card = chat.locator('.msg-assistant').last().locator('.card', { hasText: 'Tempo Glide Running Shoe' });
    await card.waitFor();
    await card.getByLabel('Size').selectOption('42');
    await card.getByRole('button', { name: 'Add to cart' }).click();
    await expect.poll(() => page.locator('#cart-body').innerText()).toContain('Tempo Glide Running Shoe');

    await chat.getByRole('button', { name: 'Close chat' }).click();
    await page.getByRole('button', { name: 'Checkout (demo)' }).click();
    const number = page.locator('#cart-body .order-number');
    await number.waitFor();
    const orderId = await number.innerText();
    expect(orderId).toMatch(/^DEMO-[A-Z0-9]{8}$/);
    expect(await page.locator('#cart-count').innerText()).toBe('0');

    const studio = await browser.context.newPage();
    studio.setDefaultTimeout(10_000);
    watchConsole(studio);
    await studio.goto(`${shop.url}/studio`);
    await studio.getByLabel('Email').fill(MIA.email);
    await studio.getByLabel('Password').fill(MIA.password);
    await studio.getByRole('button', { name: 'Log in' }).click();
    await studio.getByRole('tab', { name: 'Analytics' }).click();
    await studio.locator('.analytics-report[data-loaded]').waitFor();

    const zero = studio.getByRole('table', { name: 'Zero-result searches' });
    expect(await zero.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/kayak.*\t1\t/)]);
    const orders = studio.locator('.headline', { hasText: 'Attributed orders' });
    expect(await orders.innerText()).toMatch(/Attributed orders\s+1\s+€89/);
    const versions = studio.getByRole('table', { name: 'Per prompt version' });
    expect(await versions.locator('tbody tr').first().innerText()).toContain('persona.v1');
    expect(await studio.locator('.chart canvas').count()).toBe(3);
    for (const i of [0, 1, 2]) expect(await drawnPixels(studio, i)).toBeGreaterThan(500);
    expect(consoleErrors.filter((e) => /content security policy|refused to/i.test(e))).toEqual([]);
  });
});
