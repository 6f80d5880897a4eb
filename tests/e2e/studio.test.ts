import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_AGENTS } from '../../src/config.js';
import type { ConversationEvent } from '../../src/conversations/event-types.js';
import { newSession } from '../helpers/test-app.js';
import { describeBrowser, launchBrowser, startShop } from './browser.js';

const MIA = DEMO_AGENTS.find((a) => a.role === 'merchandiser')!;
let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

/** The studio in its own page, logged in as the demo merchandiser. */
async function openStudio(): Promise<Page> {
  const page = await browser.context.newPage();
  // A bounded wait for each step; generous, since CI runs the browser beside the assistant benches on two cores
  // (a click once took over 10 s to be acknowledged there).
  page.setDefaultTimeout(20_000);
  await page.goto(`${shop.url}/studio`);
  await page.getByLabel('Email').fill(MIA.email);
  await page.getByLabel('Password').fill(MIA.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('tab', { name: 'Prompts' }).waitFor();
  return page;
}

/** A new shopper's conversation: the prompt versions its first reply was written with. */
async function newConversationVersions(): Promise<Record<string, string> | undefined> {
  const s = await newSession(shop.url);
  const res = await fetch(`${shop.url}/api/conversations/${s.body.conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.body.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'running shoes please' }),
  });
  expect(res.status).toBe(200);
  const detail = await shop.app.services.desk.detail(s.body.conversationId, 0);
  const reply = detail.events.find((e): e is Extract<ConversationEvent, { type: 'message.completed' }> => {
    return e.type === 'message.completed';
  });
  return reply?.promptVersions;
}

describeBrowser('studio in a real browser', () => {
  beforeAll(async () => {
    shop = await startShop({ config: { consoleAgents: DEMO_AGENTS } });
    browser = await launchBrowser({ width: 1400, height: 1000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('the demo merchandiser edits the persona, previews it beside the published one and publishes it', async () => {
    const page = await openStudio();
    await page.getByRole('button', { name: /^persona/ }).click();
    await page.getByRole('heading', { name: 'persona.md' }).waitFor();
    const editor = page.getByLabel('Prompt text');
    const published = await editor.inputValue();
    expect(published).toContain('# Tone');

    await editor.fill(`${published}\nHello {customer_name}`);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/unknown variable \{customer_name\}/);
    expect(await page.getByRole('button', { name: 'Save draft' }).isDisabled()).toBe(true);

    await editor.fill(`${published}- Mention free returns when it helps.\n`);
    await page.getByText('Template OK').waitFor();
    await page.locator('.diff-added', { hasText: 'Mention free returns' }).waitFor();
    await page.getByLabel('Note').fill('free returns');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('[data-version="persona.v2"]', { hasText: 'draft' }).waitFor();

    await page.getByLabel('Shopper says').fill('running shoes');
    await page.getByRole('button', { name: 'Preview side by side' }).click();
    const draftColumn = page.getByRole('region', { name: 'persona.v2 (draft)' });
    const liveColumn = page.getByRole('region', { name: 'persona.v1 (published)' });
    await draftColumn.locator('.answer').waitFor();
    await liveColumn.locator('.answer').waitFor();
    expect(await draftColumn.locator('.answer').textContent()).toBeTruthy();
    expect(await newConversationVersions()).toMatchObject({ persona: 'persona.v1' });

    await page.getByRole('button', { name: 'Publish persona.v2', exact: true }).click();
    await page.locator('[data-version="persona.v2"]', { hasText: 'published' }).waitFor();
    expect(await newConversationVersions()).toMatchObject({ persona: 'persona.v2' });

    await page.getByRole('button', { name: 'Roll back to persona.v1' }).click();
    await page.locator('[data-version="persona.v1"]', { hasText: 'published' }).waitFor();
    expect(await newConversationVersions()).toMatchObject({ persona: 'persona.v1' });
  }, 60_000);

  it('starts an experiment from a published version, shows the per-variant table, stops and promotes', async () => {
    const page = await openStudio();
    await page.getByRole('tab', { name: 'Experiments' }).click();
    await page.getByText('No experiments yet.').waitFor();
    await page.getByLabel('Name').fill('Free returns line');
    await page.getByLabel('persona (variant 1)').selectOption('persona.v2');
    await page.getByLabel('Weight of variant 1').fill('3');
    await page.getByRole('button', { name: 'Start experiment' }).click();

    const table = page.locator('.experiment-table');
    await table.getByRole('cell', { name: 'Variant 1' }).waitFor();
    expect(await table.getByRole('cell', { name: 'persona.v2' }).count()).toBe(1);
    await page.getByText(/Beta-Binomial with a uniform Beta\(1,1\) prior/).waitFor();
    await page.getByText(/No winner yet \(needs 100 conversations per variant/).waitFor();

    await page.getByRole('button', { name: 'Stop and promote variant 1' }).click();
    await page.getByText(/^Stopped /).waitFor();
    expect(await newConversationVersions()).toMatchObject({ persona: 'persona.v2' });
  }, 60_000);

  it('edits the merchandising rules as JSON, showing why bad rules are refused', async () => {
    const page = await openStudio();
    await page.getByRole('tab', { name: 'Merchandising' }).click();
    const editor = page.getByLabel('Merchandising rules (JSON)');
    await expect.poll(() => editor.inputValue()).toContain('"genderTags"');
    const rules = await editor.inputValue();

    await editor.fill('{ "pins": [');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('alert').getByText('Not valid JSON').waitFor();

    await editor.fill('{ "pins": [{ "query": "tents" }] }');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('alert').getByText('pins.0.handles').waitFor();

    await editor.fill(rules);
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Rules saved').waitFor();
    await page.getByText(`Last saved by ${MIA.email}`).waitFor();
  }, 60_000);

  it('refuses a plain agent', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${shop.url}/studio`);
    const sam = DEMO_AGENTS.find((a) => a.role === 'agent')!;
    await page.getByLabel('Email').fill(sam.email);
    await page.getByLabel('Password').fill(sam.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('The studio is for merchandisers and admins.').waitFor();
  });
});
