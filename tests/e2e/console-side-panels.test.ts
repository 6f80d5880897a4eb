import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { CATALOGS } from '../../widget/i18n/catalogs.js';
import { formatMessage, LOCALES, type MessageVars } from '../../widget/i18n/format.js';
import { agentLogin, ask, connectAgent } from '../helpers/agent-client.js';
import { customerWithOrders } from '../helpers/customer-fixtures.js';
import { testEmbedder } from '../helpers/local-embedder.js';
import { newSession, signedIn, TEST_CONFIG } from '../helpers/test-app.js';
import { describeBrowser, launchBrowser, startShop } from './browser.js';
import { axeProblems } from './page-checks.js';

const [AGENT, SAM] = TEST_CONFIG.consoleAgents;
/** The side panels' own words: none of their English may be left in another language. */
const PANEL_KEYS = /^(customer|orderActions|approvals|packet|urgency|cartPanel)\./;
let shop: Awaited<ReturnType<typeof startShop>>;

async function addCustomer() {
  const summary = await ingest(
    { db: shop.db, embedder: await testEmbedder() },
    customerWithOrders({
      id: 'cus_i18n',
      email: 'dara.i18n@example.com',
      firstName: 'Dara',
      lastName: 'Karimi',
      language: 'fa',
      cardId: 'credit_card_1',
      giftCardId: 'gift_card_1',
      delivered: 'OD-I18N-1',
      pending: 'OD-I18N-2',
      shippingAddress: {
        line1: '1 Market Street',
        line2: '',
        city: 'Bristol',
        region: '',
        postalCode: 'BS1 4QA',
        country: 'GB',
      },
    }),
  );
  expect(summary.errors).toEqual([]);
  await shop.db.query(
    `INSERT INTO order_events (order_id, actor, actor_id, action, reason)
     VALUES ('OD-I18N-1', 'agent', 'alex@example.com', 'cancel_order', 'ordered by mistake')`,
  );
}

/** The customer asks for a person; a cart change of 8 waits for approval. Returns the conversation. */
async function customerAsksForAPerson(): Promise<string> {
  const session = await newSession(shop.url, signedIn('cus_i18n'));
  const { conversationId, token } = session.body;
  const res = await fetch(`${shop.url}/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'I want to talk to a person' }),
  });
  expect(res.status).toBe(200);
  const cart = await shop.db.query<{ cart_id: string }>('SELECT cart_id FROM conversations WHERE id = $1', [
    conversationId,
  ]);
  await shop.app.services.approvals.hold(
    {
      conversationId,
      cartId: cart.rows[0].cart_id,
      tool: 'add_to_cart',
      sku: 'SOCK-1',
      quantity: 8,
      title: 'Merino Running Socks',
      unitPriceMinor: 1_500,
      currency: 'EUR',
    },
    'quantity 8 is over 5',
  );
  return conversationId;
}

/**
 * The handoff summary and the side column without the server's English records (lang=en): as
 * shown (`shown`, where CSS upper-cases headings) and as written, one text node a line (`written`).
 */
function panelText(page: Page): Promise<{ shown: string; written: string }> {
  return page.evaluate(() => {
    const shown: string[] = [];
    const written: string[] = [];
    for (const root of document.querySelectorAll('.packet, .side-col')) {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[lang="en"]').forEach((e) => e.remove());
      root.after(copy);
      shown.push(copy.innerText);
      copy.remove();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement?.closest('[lang="en"]')) written.push(node.textContent ?? '');
      }
    }
    return { shown: shown.join('\n'), written: written.join('\n') };
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Euros as the page's own Intl writes them (the browser's ICU may differ from Node's). */
const eurosInPage = (page: Page, locale: string, minor: number) =>
  page.evaluate(
    ([l, m]) => new Intl.NumberFormat(l as string, { style: 'currency', currency: 'EUR' }).format((m as number) / 100),
    [locale, minor],
  );

describeBrowser('the console’s side panels in the agent’s language', () => {
  beforeAll(async () => {
    shop = await startShop();
    await addCustomer();
  });
  afterAll(async () => {
    await shop?.close();
  });

  it.each([
    ['fa-IR', 'fa'],
    ['ar', 'ar'],
    ['de-DE', 'de'],
  ] as const)(
    'in %s: the 360, order changes, approvals and summary in the language, no English label left, no serious axe findings',
    async (locale, ui) => {
      const words = CATALOGS[ui];
      const say = (key: keyof typeof words, vars?: MessageVars) => formatMessage(ui, words[key], vars);
      const conversationId = await customerAsksForAPerson();
      const browser = await launchBrowser({ locale, bypassCSP: true });
      try {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(10_000);
        await page.goto(`${shop.url}/console`);
        await page.getByLabel(words['login.email']).fill(AGENT.email);
        await page.getByLabel(words['login.password']).fill(AGENT.password);
        await page.getByRole('button', { name: words['login.submit'] }).click();
        await page.locator('.conn.online').waitFor();
        await page.locator('[data-key="f:all"]').click();
        await page.locator(`[data-key="q:${conversationId}"]`).click();
        const customer = page.getByRole('region', { name: words['console.customer'] });
        await customer.getByText(words['customer.since']).waitFor();
        await page.locator('.approvals').getByText(words['approvals.editQuantity']).waitFor();

        const { shown: text, written } = await panelText(page);
        const [giftCard, paid] = [
          await eurosInPage(page, LOCALES[ui], 4_250),
          await eurosInPage(page, LOCALES[ui], 3_000),
        ];
        for (const expected of [
          words['console.handoffSummary'],
          say('urgency.normal'),
          // The summary without a model, worded from its facts.
          say('packet.shopperWrote', {
            count: 1,
            messages: say('console.quote', { text: 'I want to talk to a person' }),
          }),
          say('packet.toolsUsed', { tools: 'request_human' }),
          say('packet.verified', { name: 'Dara Karimi', email: 'dara.i18n@example.com' }),
          words['customer.lifetimeValue'],
          words['customer.paymentMethods'],
          say('customer.method.cardEnding', { brand: 'Mastercard', last4: '9212' }),
          say('customer.method.giftCardLeft', { balance: giftCard }),
          words['customer.status.delivered'],
          `${words['customer.paid']} ${say('customer.movement', { amount: paid, method: 'credit_card_1', date: '' }).split(' (')[0]}`,
          say('customer.eventWhy', {
            action: words['customer.action.cancelled'],
            who: `${words['customer.actor.agent']} alex@example.com`,
            reason: words['orderActions.reason.orderedByMistake'],
          }),
          words['orderActions.cancelOrder'],
          words['approvals.title'],
          say('console.item', { quantity: 8, title: 'Merino Running Socks' }),
        ])
          expect(text, expected).toContain(expected);
        const leftover = Object.entries(CATALOGS.en)
          .filter(([key, en]) => PANEL_KEYS.test(key) && !en.includes('{') && en !== words[key as keyof typeof words])
          .filter(([, en]) => new RegExp(`(^|[^\\p{L}])${escape(en)}($|[^\\p{L}])`, 'u').test(written));
        expect(leftover).toEqual([]);
        expect(await axeProblems(page), 'axe with the side panels filled').toEqual([]);

        // The agent's order change: the shop's default reasons and the address form in the language.
        await customer.locator('[data-key="order-cancel:OD-I18N-2"]').click();
        await customer.getByLabel(words['orderActions.reason']).waitFor();
        const reasons = await customer.locator('select option').allInnerTexts();
        expect(reasons).toContain(words['orderActions.reason.orderedByMistake']);
        await customer.locator('[data-key="cancel-back:OD-I18N-2"]').click();
        await customer.locator('[data-key="order-address:OD-I18N-2"]').click();
        await customer.getByLabel(words['orderActions.city']).fill('Leeds');
        await customer.locator('[data-key="address-back:OD-I18N-2"]').click();

        // A decision: the decided line in the language; then a colleague's claim, refused in it.
        await page.locator('.approvals button.danger').click();
        await page.locator('.decided li').getByText(words['approvals.rejected'].split(':')[0]).waitFor();
        const sam = await connectAgent(shop.url, (await agentLogin(shop.url, SAM.email, SAM.password)).token);
        expect((await ask(sam.socket, 'conversation:claim', { conversationId })).ok).toBe(true);
        sam.socket.close();
        await page.getByRole('button', { name: words['conv.take'] }).click();
        await expect
          .poll(() => page.locator('.conv-header .banner-error').innerText(), { timeout: 5_000 })
          .toBe(say('console.error.alreadyTaken', { name: 'Sam' }));
      } finally {
        await browser.close();
      }
    },
  );
});
