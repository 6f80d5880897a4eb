import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  createChatScript,
  errorReply,
  setupOpenAIMockServer,
  streamReply,
  LOCAL_SERVER_ONLY,
} from '../msw/openai-chat.js';
import { mswModel, turnsSettled } from '../helpers/test-app.js';
import { describeBrowser, launchBrowser, openChat, say, startShop, cuttableConnection } from './browser.js';

// The OpenAI-compatible provider talks to msw's fake of the API, inside this test process.
const script = createChatScript();
const mock = setupOpenAIMockServer(script.handler);
let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

describeBrowser('assistant replies in the chat widget', () => {
  beforeAll(async () => {
    mock.listen(LOCAL_SERVER_ONLY);
    shop = await startShop({ model: mswModel({ timeoutMs: 5_000 }) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    mock.close();
  });
  beforeEach(() => {
    expect(script.pending).toBe(0);
  });

  it('renders streamed model text as sanitized markdown: formatting kept, HTML shown as text, unsafe links dropped, other domains named', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    await page.exposeFunction('pwned', () => {
      throw new Error('model text ran as code');
    });
    const text = [
      'Here are **two** picks for *wet* trails, see `care` notes:',
      '',
      '- One',
      '- Two',
      '',
      `Read [our returns](${shop.url}/returns), [this](javascript:parent.pwned()) or [a guide](https://elsewhere.example/x).`,
      '<img src=x onerror="parent.pwned()"> &lt;b&gt;',
    ].join('\n');
    script.reply(streamReply({ text }, { delayMs: 5 }));
    await say(chat, 'what do you recommend?');
    const bubble = chat.locator('.msg-assistant:not(.streaming) .bubble').last();
    await bubble.waitFor();
    expect(await bubble.locator('strong').innerText()).toBe('two');
    expect(await bubble.locator('em').innerText()).toBe('wet');
    expect(await bubble.locator('code').innerText()).toBe('care');
    expect(await bubble.locator('ul > li').allInnerTexts()).toEqual(['One', 'Two']);
    const links = bubble.locator('a');
    expect(await links.count()).toBe(1);
    expect(await links.getAttribute('href')).toBe(`${shop.url}/returns`);
    // A link off the shop's own domains is not clickable and shows where it would go.
    expect(await bubble.innerText()).toContain('a guide (elsewhere.example)');
    expect(await links.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await links.getAttribute('target')).toBe('_blank');
    expect(await bubble.locator('img').count()).toBe(0);
    expect(await bubble.innerText()).toContain('<img src=x onerror="parent.pwned()"> &lt;b&gt;');
    await page.close();
  });

  it('shows Stop while a reply streams; Stop ends it and keeps what was written', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    const words = Array.from({ length: 200 }, (_, i) => `word${i} `);
    script.reply(streamReply({ text: words }, { delayMs: 40 }));
    await say(chat, 'tell me a long story');
    const stop = chat.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    await chat.locator('.msg-assistant.streaming .bubble', { hasText: 'word3' }).waitFor();
    await stop.click();
    await chat.locator('.msg-assistant:not(.streaming)').last().waitFor();
    await stop.waitFor({ state: 'hidden' });
    expect(await chat.getByRole('button', { name: 'Send message' }).isVisible()).toBe(true);
    const shown = await chat.locator('.msg-assistant .bubble').last().innerText();
    expect(shown).toMatch(/^word0 word1 word2 word3/);
    expect(shown).not.toContain('word199');
    await page.close();
  });

  it('offers Retry on a failed reply and shows the new answer once', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    script.reply(errorReply(500)); // the test config's model makes no retries of its own
    await say(chat, 'hello?');
    const failed = chat.locator('.msg-assistant.failed');
    await failed.waitFor();
    const retry = failed.getByRole('button', { name: 'Retry' });
    await retry.waitFor();
    script.reply(streamReply({ text: 'Hello! How can I help?' }));
    await retry.click();
    await chat.locator('.msg-assistant .bubble', { hasText: 'Hello! How can I help?' }).waitFor();
    await retry.waitFor({ state: 'detached' });
    expect(await chat.locator('.msg-assistant .bubble', { hasText: 'Hello! How can I help?' }).count()).toBe(1);
    expect(await chat.locator('.msg-user', { hasText: 'hello?' }).count()).toBe(1);
    await page.close();
  });

  it('shows an answer once and complete when the connection is cut mid-answer and restored', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    const connection = await cuttableConnection(page);
    await page.goto(shop.url);
    const { chat } = await openChat(browser.context, shop.url, { page });
    const words = Array.from({ length: 60 }, (_, i) => `zq${i} `);
    const before = await chat.locator('.msg-assistant').count();
    script.reply(streamReply({ text: words }, { delayMs: 25 }));
    await say(chat, 'tell me everything');
    await chat.locator('.msg-assistant.streaming .bubble', { hasText: 'zq3 ' }).waitFor();
    await connection.cut();
    await chat.getByText('Reconnecting…').waitFor();
    // The server finishes the answer while the shopper is offline.
    await turnsSettled(shop.db, undefined, 10_000);
    connection.restore();
    await chat.getByText('Reconnecting…').waitFor({ state: 'hidden', timeout: 15_000 });
    const done = chat.locator('.msg-assistant:not(.streaming) .bubble', { hasText: 'zq59' });
    await done.waitFor();
    expect((await done.innerText()).trim()).toBe(words.join('').trim());
    expect(await chat.locator('.msg-assistant').count()).toBe(before + 1);
    expect(await chat.locator('.msg-user', { hasText: 'tell me everything' }).count()).toBe(1);
    await page.close();
  });

  it('shows a product description that carries HTML as text when the assistant quotes it', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    await page.exposeFunction('pwned', () => {
      throw new Error('catalog text ran as code');
    });
    script.reply(
      streamReply({ toolCalls: [{ id: 'd1', name: 'get_product', arguments: JSON.stringify({ handle: 'xss-mug' }) }] }),
      ({ body }) => {
        // A model that quotes the catalog's description verbatim, as a careless one would.
        const tool = (body as { messages: { role: string; content: string }[] }).messages.find(
          (m) => m.role === 'tool',
        )!;
        const description = (JSON.parse(tool.content) as { product: { description: string } }).product.description;
        return streamReply({
          text: `About the mug: ${description.replace('x onerror=alert(1)', 'x onerror="parent.pwned()"')}`,
        });
      },
    );
    await say(chat, 'tell me about the enamel camp mug');
    const bubble = chat.locator('.msg-assistant:not(.streaming) .bubble', { hasText: 'About the mug' });
    await bubble.waitFor();
    expect(await bubble.innerText()).toContain('<img src=x onerror="parent.pwned()">');
    expect(await chat.locator('img[src="x"], [onerror]').count()).toBe(0);
    await page.close();
  });
});
