import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_AGENTS, loadConfig } from '../../src/config.js';
import { TEST_CACHE_DIR } from '../helpers/local-embedder.js';
import { newSession } from '../helpers/test-app.js';
import { describeBrowser, launchBrowser, startShop } from './browser.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MIA = DEMO_AGENTS.find((a) => a.role === 'merchandiser')!;
let shop: Awaited<ReturnType<typeof startShop>>;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

async function openStudio(): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${shop.url}/studio`);
  await page.getByLabel('Email').fill(MIA.email);
  await page.getByLabel('Password').fill(MIA.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('tab', { name: 'Prompts' }).waitFor();
  return page;
}

/** A new shopper asks one question; resolves with the assistant's answer. */
async function ask(text: string): Promise<string> {
  const s = await newSession(shop.url);
  const res = await fetch(`${shop.url}/api/conversations/${s.body.conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.body.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  expect(res.status).toBe(200);
  const { messages } = (await res.json()) as { messages: { role: string; text: string }[] };
  return messages.filter((m) => m.role === 'assistant').at(-1)?.text ?? '';
}

describeBrowser('studio knowledge gaps and evals in a real browser', () => {
  beforeAll(async () => {
    const config = loadConfig({}, ROOT);
    shop = await startShop({
      config: { consoleAgents: DEMO_AGENTS },
      evals: { config, suitesDir: path.join(ROOT, 'evals'), embeddingCacheDir: TEST_CACHE_DIR },
    });
    browser = await launchBrowser({ width: 1400, height: 1000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await shop?.close();
  });

  it('the merchandiser sees a question the shop could not answer and writes the answer', async () => {
    await ask('<b>Do you offer gift wrapping?</b>');
    const page = await openStudio();
    await page.getByRole('tab', { name: 'Knowledge gaps' }).click();
    const gap = page.locator('.gap', { hasText: 'gift wrapping' });
    await gap.waitFor();
    // Shopper text is shown as text, never parsed as markup.
    expect(await gap.locator('.gap-question').textContent()).toBe('<b>Do you offer gift wrapping?</b>');
    expect(await gap.locator('.gap-count').textContent()).toBe('asked 1×');

    await gap.getByRole('button', { name: 'Write the answer' }).click();
    await page.getByLabel('Title (cited as the source)').fill('Gift wrapping');
    await page.getByLabel('Answer', { exact: true }).fill('We gift wrap any order for 4 EUR: choose it at checkout.');
    await page.getByRole('button', { name: 'Save answer' }).click();
    await page.locator('.knowledge-entry', { hasText: 'Gift wrapping' }).waitFor();
    await page.locator('.gap.resolved', { hasText: 'gift wrapping' }).waitFor();
    expect(await ask('Do you offer gift wrapping?')).toContain('(Source: Gift wrapping)');
  });

  it('the merchandiser runs one eval suite and sees it in the history', async () => {
    const page = await openStudio();
    await page.getByRole('tab', { name: 'Evals' }).click();
    await page.getByText('No eval runs yet.').waitFor();
    await page.getByLabel('Suite').fill('recommendations');
    await page.getByRole('button', { name: 'Run evals' }).click();
    await page.getByRole('status').filter({ hasText: 'Running since' }).waitFor();
    await page
      .locator('p.eval-status[role="status"]')
      .filter({ hasText: /^(Passed|Failed): \d+\/\d+ scenarios/ })
      .waitFor({ timeout: 240_000 });
    const row = page.locator('.eval-table tr[data-run]');
    expect(await row.count()).toBe(1);
    expect(await row.locator('td').nth(1).textContent()).toBe('recommendations');
    expect(await row.locator('.eval-run-status').textContent()).toMatch(/^(passed|failed)$/);
    expect(await page.locator('.eval-group h3').textContent()).toContain('persona.v1');
  }, 300_000);
});
