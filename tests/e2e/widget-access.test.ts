import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, openChat, say, startShop } from './browser.js';

let shop: Awaited<ReturnType<typeof startShop>>;

describeBrowser('the chat widget by keyboard and on a narrow phone', () => {
  beforeAll(async () => {
    shop = await startShop();
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('opens, sends and closes by keyboard, with a visible focus ring and a polite live region', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(shop.url);
      const launcher = page.getByRole('button', { name: 'Chat with us' });
      await launcher.focus();
      await page.keyboard.press('Enter');
      const chat = page.frameLocator('#concierge-widget iframe');
      const frame = () => page.frames().find((f) => f.url().includes('/widget/chat.html'))!;
      await expect.poll(() => frame().evaluate(() => document.activeElement?.id)).toBe('composer-input');
      expect(await chat.getByRole('list', { name: 'Conversation' }).getAttribute('aria-live')).toBe('polite');

      await page.keyboard.type('show me running shoes');
      await page.keyboard.press('Enter');
      await chat.locator('.msg-assistant:not(.streaming) .card').first().waitFor();
      await page.keyboard.press('Shift+Tab');
      const ring = await frame().evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { tag: el.tagName, outline: `${s.outlineStyle} ${s.outlineWidth}` };
      });
      expect(ring).toEqual({ tag: 'BUTTON', outline: 'solid 3px' });

      await page.keyboard.press('Escape');
      await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
      const focused = await page.evaluate(() =>
        document.getElementById('concierge-widget')!.shadowRoot!.activeElement?.getAttribute('aria-label'),
      );
      expect(focused).toBe('Chat with us');
    } finally {
      await browser.close();
    }
  });

  it('fills a 360 px wide screen without sideways scrolling, on the shop and in the chat', async () => {
    const browser = await launchBrowser({ width: 360, height: 740 });
    try {
      const { page, chat } = await openChat(browser.context, shop.url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const box = await page.locator('#concierge-widget iframe').boundingBox();
      expect(box).toEqual({ x: 0, y: 0, width: 360, height: 740 });

      await say(chat, 'show me running shoes');
      await chat.locator('.msg-assistant:not(.streaming) .card').first().waitFor();
      const frame = page.frames().find((f) => f.url().includes('/widget/chat.html'))!;
      expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const composer = await chat.getByRole('textbox', { name: 'Message' }).boundingBox();
      expect(composer!.y + composer!.height).toBeLessThanOrEqual(740);
      expect(composer!.width).toBeGreaterThan(200);
      await chat.getByRole('button', { name: 'Close chat' }).click();
      await expect.poll(() => page.locator('#concierge-widget iframe').isVisible()).toBe(false);
    } finally {
      await browser.close();
    }
  });
});
