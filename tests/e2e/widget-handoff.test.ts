import type { Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
import { describeBrowser, launchBrowser, openChat, say, startShop } from './browser.js';

let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let agent: Socket;

const conversationIdOf = (page: Page) =>
  page.evaluate(
    () => new Promise<string>((resolve) => window.Concierge!.on('ready', (r) => resolve(r.conversationId))),
  );

describeBrowser('a human agent in the chat widget', () => {
  beforeAll(async () => {
    shop = await startShop();
    browser = await launchBrowser();
    const login = await agentLogin(shop.url, 'alex@example.com', 'agent-password-1');
    agent = (await connectAgent(shop.url, login.token)).socket;
  });
  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await shop?.close();
  });

  it('shows the queue, the agent joining and typing, their messages as sanitized text, unread counts, and the rating prompt at close', async () => {
    const { page, chat } = await openChat(browser.context, shop.url);
    await page.exposeFunction('pwned', () => {
      throw new Error('agent text ran as code');
    });
    const conversationId = await conversationIdOf(page);
    await say(chat, 'I want to talk to a human');
    await expect.poll(() => chat.locator('.sub').innerText()).toMatch(/^Waiting for our team/);

    expect((await ask(agent, 'conversation:claim', { conversationId })).ok).toBe(true);
    await expect.poll(() => chat.locator('.sub').innerText()).toBe("You're chatting with Alex");
    await chat.locator('.msg-system', { hasText: 'Alex joined the conversation.' }).waitFor();

    agent.emit('typing:set', { conversationId, isTyping: true });
    await chat.getByText('Alex is typing…').waitFor();
    await ask(agent, 'message:send', {
      conversationId,
      text: '**Hi!** I\'m Alex. <img src=x onerror="parent.pwned()"> [x](javascript:parent.pwned())',
    });
    const reply = chat.locator('.msg-agent').last();
    await reply.waitFor();
    expect(await reply.locator('.author').innerText()).toBe('Alex');
    expect(await reply.locator('.bubble strong').innerText()).toBe('Hi!');
    expect(await reply.locator('.bubble img, .bubble a').count()).toBe(0);
    expect(await reply.locator('.bubble').innerText()).toContain('<img src=x onerror="parent.pwned()"> x');
    await chat.getByText('Alex is typing…').waitFor({ state: 'hidden' });

    // With the panel closed, the launcher counts the agent's new messages.
    await chat.getByRole('button', { name: 'Close chat' }).click();
    const launcher = page.getByRole('button', { name: 'Chat with us' });
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
    await ask(agent, 'message:send', { conversationId, text: 'Are you still there?' });
    await expect.poll(() => page.locator('#concierge-widget .badge').innerText()).toBe('1');
    expect(await page.locator('#concierge-unread').innerText()).toBe('1 unread message');
    await launcher.click();
    await page.locator('#concierge-widget .badge').waitFor({ state: 'hidden' });

    expect((await ask(agent, 'conversation:close', { conversationId, resolution: 'answered' })).ok).toBe(true);
    await expect.poll(() => chat.locator('.sub').innerText()).toBe('This conversation has ended');
    const csat = chat.getByRole('group', { name: 'How did we do?' });
    await csat.waitFor();
    // Keyboard: the stars are a radio group.
    await chat.getByRole('radio', { name: '1 of 5' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await chat.getByRole('radio', { name: '4 of 5' }).isChecked()).toBe(true);
    expect(await chat.locator('.star.on').count()).toBe(4);
    await chat.getByRole('textbox', { name: 'Comment' }).fill('Quick and kind');
    await chat.getByRole('button', { name: 'Send rating' }).click();
    await chat.getByText('Thanks for your feedback!').waitFor();
    const rows = await shop.db.query<{ rating: number; comment: string }>(
      'SELECT rating, comment FROM ratings WHERE conversation_id = $1',
      [conversationId],
    );
    expect(rows.rows).toEqual([{ rating: 4, comment: 'Quick and kind' }]);

    // Rated once: the prompt does not come back after a reload.
    await page.reload();
    const again = await openChat(browser.context, shop.url, { page });
    await again.chat.locator('.msg-system', { hasText: 'closed the conversation' }).waitFor();
    expect(await again.chat.locator('.csat').isVisible()).toBe(false);
    await page.close();
  });
});
