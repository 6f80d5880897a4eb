import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CATALOGS } from '../../widget/i18n/catalogs.js';
import { formatMessage } from '../../widget/i18n/format.js';
import { describeBrowser, launchBrowser, startShop } from './browser.js';
import { axeProblems, centreX } from './page-checks.js';

const SHOP = 'Alder & Pine';
/** The page's fixed words, as index.html names them. */
const PAGE_KEYS = [
  'store.pageTitle',
  'store.searchLabel',
  'store.searchPlaceholder',
  'store.signInAs',
  'store.guestOption',
  'store.heroTitle',
  'store.heroText',
  'store.categories',
  'store.popular',
  'store.yourCart',
  'store.close',
  'store.footer',
] as const;
let shop: Awaited<ReturnType<typeof startShop>>;

/** The demo storefront as a shop in `lang` would serve it: the same page, its <html lang> changed. */
async function openStorefront(page: Page, lang: string): Promise<void> {
  await page.route(`${shop.url}/`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<html lang="en">', `<html lang="${lang}">`);
    await route.fulfill({ response, body });
  });
  await page.goto(`${shop.url}/`);
}

describeBrowser('the demo storefront in its page’s language', () => {
  beforeAll(async () => {
    shop = await startShop();
  });
  afterAll(async () => {
    await shop?.close();
  });

  it.each([
    ['fa-IR', 'fa'],
    ['de', 'de'],
  ] as const)(
    '<html lang="%s">: its headings, labels and footer in the language, no English left, no serious axe findings',
    async (lang, ui) => {
      const words = CATALOGS[ui];
      const say = (key: (typeof PAGE_KEYS)[number]) => formatMessage(ui, words[key], { shop: SHOP });
      const browser = await launchBrowser({ bypassCSP: true });
      try {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(10_000);
        await openStorefront(page, lang);
        await page.getByRole('heading', { level: 1, name: say('store.heroTitle') }).waitFor();
        expect(await page.title()).toBe(say('store.pageTitle'));
        expect(await page.locator('html').getAttribute('dir')).toBe(ui === 'fa' ? 'rtl' : 'ltr');
        expect(await page.getByLabel(say('store.searchLabel')).getAttribute('placeholder')).toBe(
          say('store.searchPlaceholder'),
        );
        expect(await page.locator('#categories').getAttribute('aria-label')).toBe(say('store.categories'));
        expect(await page.getByRole('heading', { name: say('store.yourCart') }).count()).toBe(1);
        expect(await page.locator('footer').innerText()).toBe(say('store.footer'));
        expect(await page.locator('#cart-toggle').getAttribute('aria-label')).toBe(
          formatMessage(ui, words['store.cartLabel'], { count: 0 }),
        );
        // The shop's name is kept whole inside the sentence.
        expect(await page.locator('footer bdi').innerText()).toBe(SHOP);

        const shown = await page.locator('body').innerText();
        const english = PAGE_KEYS.map((key) => formatMessage('en', CATALOGS.en[key], { shop: SHOP })).filter((en) =>
          shown.includes(en),
        );
        expect(english).toEqual([]);
        if (ui === 'fa') {
          // The search field mirrors: its icon at the inline start, the right.
          const [icon, field] = [
            await page.locator('.search svg').boundingBox(),
            await page.locator('#q').boundingBox(),
          ];
          expect(centreX(icon)).toBeGreaterThan(centreX(field));
        }
        expect(await axeProblems(page), `axe in ${ui}`).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
