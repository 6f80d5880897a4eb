import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChatModel } from '../../src/agent/model.js';
import { CATALOGS } from '../../widget/i18n/catalogs.js';
import { describeBrowser, launchBrowser, openChat, say, startShop } from './browser.js';
import { axeProblems, boxes, centreX, overlaps } from './page-checks.js';

/** Answers every step with a short text: the browser test is about the widget's own words. */
const model: ChatModel = {
  id: 'fake:short',
  async *stream() {
    yield { type: 'text_delta', text: 'Gerne — W1042 (€89.00).' };
    yield { type: 'finish', reason: 'stop' };
  },
};
const PERSIAN = 'سلام، یک کاپشن گرم برای زمستان می‌خوام';
const ENGLISH = 'do you have a warm jacket under 200?';
const shots = mkdtempSync(path.join(tmpdir(), 'concierge-rtl-'));
let shop: Awaited<ReturnType<typeof startShop>>;

const chatFrame = (page: Page) => page.frames().find((f) => f.url().includes('/widget/chat.html'))!;

/** Waits until the chat's document says `language` and its composer speaks it. */
async function speaks(page: Page, chat: FrameLocator, language: 'en' | 'fa' | 'de') {
  const words = CATALOGS[language];
  await chat.locator(`html[lang=${language}][dir=${language === 'fa' ? 'rtl' : 'ltr'}]`).waitFor({ state: 'attached' });
  const input = chat.locator('#composer-input');
  await expect.poll(() => input.getAttribute('placeholder')).toBe(words['composer.placeholder']);
  expect(await chat.locator('.send').getAttribute('aria-label')).toBe(words['composer.send']);
  expect(await chat.locator('.who-tag').innerText()).toBe(words['chat.aiTag']);
  expect(await chat.locator('.panel').getAttribute('dir')).toBe(language === 'fa' ? 'rtl' : 'ltr');
  expect(await page.locator('#concierge-widget .launcher').getAttribute('aria-label')).toBe(words['launcher.open']);
}

/** The chat's layout: nothing overlaps, Send on the inline-end side, the shopper's bubbles opposite the assistant's. */
async function checkLayout(page: Page, name: string, rtl: boolean) {
  const frame = chatFrame(page);
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
  const b = await boxes(frame, {
    header: '.head',
    messages: '.scroll',
    composer: '.composer',
  });
  expect(overlaps(b), name).toEqual([]);
  const parts = await boxes(frame, {
    input: '#composer-input',
    send: '.send',
    shopper: '.msg-user .bubble',
    assistant: '.msg-assistant:not(.streaming) .bubble',
  });
  expect(overlaps({ input: parts.input, send: parts.send }), name).toEqual([]);
  if (rtl) {
    expect(centreX(parts.send), `${name}: Send left of the box`).toBeLessThan(centreX(parts.input));
    expect(centreX(parts.shopper), `${name}: shopper on the left`).toBeLessThan(centreX(parts.assistant));
  } else {
    expect(centreX(parts.send), `${name}: Send right of the box`).toBeGreaterThan(centreX(parts.input));
    expect(centreX(parts.shopper), `${name}: shopper on the right`).toBeGreaterThan(centreX(parts.assistant));
  }
}

async function answered(chat: FrameLocator, count: number) {
  await expect.poll(() => chat.locator('.msg-assistant:not(.streaming)').count()).toBe(count);
}

describeBrowser('the chat widget in the conversation language', () => {
  beforeAll(async () => {
    shop = await startShop({ model });
  });
  afterAll(async () => {
    await shop?.close();
  });

  it.each([
    ['desktop', 1280, 860],
    ['phone', 360, 740],
  ])('turns Persian and right to left when the shopper writes Persian, and back (%s)', async (name, width, height) => {
    const browser = await launchBrowser({ width, height, bypassCSP: true });
    try {
      const { page, chat } = await openChat(browser.context, shop.url);
      await speaks(page, chat, 'en');

      await say(chat, PERSIAN);
      await answered(chat, 1);
      await speaks(page, chat, 'fa');
      expect(await chat.locator('.head .sub').innerText()).toBe(CATALOGS.fa['chat.status.default']);
      await checkLayout(page, `${name}-fa`, true);
      expect(await axeProblems(chatFrame(page)), 'axe in fa').toEqual([]);

      await say(chat, ENGLISH);
      await answered(chat, 2);
      await speaks(page, chat, 'en');
      await checkLayout(page, `${name}-en`, false);
      expect(await axeProblems(chatFrame(page)), 'axe in en').toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("labels and places the launcher in the page's language before the chat has loaded", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10_000);
      const html = `<!doctype html><html lang="fa-IR"><head><title>Shop</title></head><body><h1>فروشگاه</h1>
        <script src="/widget.js"></script></body></html>`;
      await page.route(`${shop.url}/fa-page`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
      // The chat never loads, so nothing but the loader can have chosen the launcher's words and side.
      let chatRequested = false;
      await page.route(`${shop.url}/widget/chat.html`, (route) => {
        chatRequested = true;
        return route.abort();
      });
      await page.goto(`${shop.url}/fa-page`);
      const launcher = page.getByRole('button', { name: CATALOGS.fa['launcher.open'] });
      await launcher.waitFor();
      expect(chatRequested).toBe(true);
      expect(await page.locator('#concierge-widget').getAttribute('dir')).toBe('rtl');
      const box = (await launcher.boundingBox())!;
      const width = page.viewportSize()!.width;
      expect(box.x + box.width / 2, 'launcher on the left of a right-to-left page').toBeLessThan(width / 2);
      expect(await page.locator('#concierge-widget iframe').getAttribute('title')).toBe(CATALOGS.fa['chat.title']);
    } finally {
      await browser.close();
    }
  });

  it("speaks the page's data-lang before the shopper has written anything", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10_000);
      const html = `<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1>
        <script src="/widget.js" data-lang="de"></script></body></html>`;
      await page.route(`${shop.url}/de-page`, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
      await page.goto(`${shop.url}/de-page`);
      await page.getByRole('button', { name: CATALOGS.de['launcher.open'] }).click();
      const chat = page.frameLocator('#concierge-widget iframe');
      await speaks(page, chat, 'de');
      expect(await chat.locator('.welcome .hello').innerText()).toBe(CATALOGS.de['chat.welcome.hello']);
    } finally {
      await browser.close();
    }
  });
});
