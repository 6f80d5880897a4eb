import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChatModel } from '../../src/agent/model.js';
import { CATALOGS } from '../../widget/i18n/catalogs.js';
import { connectShopper, newSession, request, TEST_CONFIG } from '../helpers/test-app.js';
import { describeBrowser, launchBrowser, startShop } from './browser.js';
import { axeProblems, centreX } from './page-checks.js';

/** Answers the shopper in Persian; a console translation request into English or Persian with its translation. */
const TRANSLATIONS: Record<string, string> = {
  English: 'Hello, where is my order?',
  Persian: 'سفارش شما امروز ارسال می‌شود.',
};
const model: ChatModel = {
  id: 'fake:short',
  async *stream(request) {
    const into = /^Translate the text the user sends into (\w+)\./.exec(request.messages[0]?.content ?? '')?.[1];
    yield { type: 'text_delta', text: into ? TRANSLATIONS[into] : 'چشم.' };
    yield { type: 'finish', reason: 'stop' };
  },
};
const [AGENT] = TEST_CONFIG.consoleAgents;
let shop: Awaited<ReturnType<typeof startShop>>;
let conversationId: string;

describeBrowser('the agent console in the agent’s language, with the shopper’s language shown', () => {
  beforeAll(async () => {
    shop = await startShop({ model });
    const s = await newSession(shop.url);
    conversationId = s.body.conversationId;
    const { socket } = await connectShopper(shop.url, s.body.token);
    await request(socket, 'conversation:join', { conversationId, afterSeq: 0 });
    await request(socket, 'message:send', {
      conversationId,
      clientMessageId: 'console-lang-1',
      text: 'سلام، سفارش من کجاست؟',
    });
    socket.close();
  });
  afterAll(async () => {
    await shop?.close();
  });

  it.each([
    ['en-US', 'en'],
    ['fa-IR', 'fa'],
  ] as const)(
    'speaks %s, badges the Persian conversation, translates for an agent of another language, no serious axe findings',
    async (locale, ui) => {
      const browser = await launchBrowser({ locale, bypassCSP: true });
      try {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(10_000);
        await page.goto(`${shop.url}/console`);
        const words = CATALOGS[ui];
        await page.getByRole('heading', { name: words['console.brand'] }).waitFor();
        expect(await axeProblems(page), 'axe on the login').toEqual([]);
        await page.getByLabel(words['login.email']).fill(AGENT.email);
        await page.getByLabel(words['login.password']).fill(AGENT.password);
        await page.getByRole('button', { name: words['login.submit'] }).click();
        await page.locator('.conn.online').waitFor();
        expect(await page.locator('html').getAttribute('dir')).toBe(ui === 'fa' ? 'rtl' : 'ltr');

        await page.locator('[data-key="f:all"]').click();
        const item = page.locator(`[data-key="q:${conversationId}"]`);
        expect(await item.locator('.badge.lang').innerText()).toBe('FA');
        await item.click();
        const badge = page.locator('.conv-header .badge.lang');
        await badge.waitFor();
        expect(await badge.innerText()).toBe('FA');
        expect(await page.getByRole('button', { name: words['conv.take'] }).isVisible()).toBe(true);
        // Machine translation: the shopper's Persian for an English-speaking agent, and a draft back.
        const translate = page.locator('.entry.user').getByRole('button', { name: words['transcript.translate'] });
        const toPersian = page.getByRole('button', {
          name: words['compose.translateTo'].replace('{language}', 'Persian'),
        });
        if (ui === 'en') {
          await translate.click();
          await page.locator('.entry.user .translation').getByText(TRANSLATIONS.English).waitFor();
          await page.locator('#reply').fill('Your order ships today.');
          await toPersian.click();
          await page.waitForFunction(
            (text) => (document.querySelector('#reply') as HTMLTextAreaElement).value === text,
            TRANSLATIONS.Persian,
          );
        } else {
          expect(await translate.count()).toBe(0);
          expect(await page.locator('.composer-foot button.secondary').isHidden()).toBe(true);
        }
        const [queue, main] = [
          await page.locator('.queue-col').boundingBox(),
          await page.locator('.conv-col').boundingBox(),
        ];
        if (ui === 'fa') expect(centreX(queue)).toBeGreaterThan(centreX(main));
        else expect(centreX(queue)).toBeLessThan(centreX(main));
        expect(await axeProblems(page), 'axe on the conversation').toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
