import { describe, expect, it } from 'vitest';
import { loadDialogs, runDialogs, summarize, type Half } from '../bench/assistant/run-dialogs.js';
import { loadBenchShop, type CatalogName } from '../bench/assistant/shops.js';

/**
 * The held-out dialogs (never read while tuning) against the offline assistant, per catalog. The
 * floors are the 85% per catalog since all three reached it (demo 85.2%, tau2 85.9%, partners
 * 85.1% on 2026-12-07, ninth session; before, regression floors about one point below the turn success
 * measured when they were set: 82.4%, 85.2%, 85.1% on 2026-12-06, second session; earlier 79.6%, 83.9%,
 * 83.2%; tau2 had been 87.2% and then 85.2%: tuning on the fourth and fifth dev halves cost it five
 * turns in all while partners gained eight; the held-out failures were not looked at, so the halves
 * stay blind); the model is deterministic, so a drop is a real change. The target of issue 9 is 90%
 * held-out and is not reached yet: raise a floor whenever the bench (`npm run bench:assistant`) shows
 * the held-out half above it.
 */
const FLOORS: Record<CatalogName, number> = { demo: 0.85, tau2: 0.85, partners: 0.85 };

/**
 * The Persian, Arabic and German held-out halves (issue 14's blind dialogs over the English
 * catalogs), run with the same shop. Issue 14 asks for 85% per language over both shops
 * (LANGUAGE_GOAL, checked on the two catalogs' turns together); the floors per catalog are regression
 * floors about one point below their turn success when last raised (2026-12-07: Persian 84.9 / 89.7%,
 * Arabic 85.5 / 84.8% (partners 87.9% since the twelfth session), German 84.7 / 90.6%; demo / partners).
 */
const LANGUAGE_FLOORS: Partial<Record<CatalogName, Partial<Record<Half, number>>>> = {
  demo: { 'fa-heldout': 0.85, 'ar-heldout': 0.84, 'de-heldout': 0.83 },
  partners: { 'fa-heldout': 0.88, 'ar-heldout': 0.87, 'de-heldout': 0.89 },
};
const LANGUAGE_GOAL = 0.85;

/** Each language's held-out turns over every catalog run so far: successes and turns. */
const byLanguage = new Map<Half, { success: number; turns: number }>();

describe('held-out shopper dialogs', () => {
  for (const catalog of Object.keys(FLOORS) as CatalogName[]) {
    it(`succeed on at least ${FLOORS[catalog] * 100}% of turns over the ${catalog} catalog`, async () => {
      const shop = await loadBenchShop(catalog);
      try {
        const dialogs = loadDialogs('heldout', catalog);
        const outcomes = await runDialogs(shop, dialogs);
        expect(outcomes.length).toBeGreaterThanOrEqual(100);
        const summary = summarize(outcomes);
        expect(summary.success).toBeGreaterThanOrEqual(FLOORS[catalog]);
        for (const [half, floor] of Object.entries(LANGUAGE_FLOORS[catalog] ?? {}) as [Half, number][]) {
          const translated = await runDialogs(shop, loadDialogs(half, catalog));
          expect(translated.length).toBeGreaterThanOrEqual(25);
          const total = byLanguage.get(half) ?? { success: 0, turns: 0 };
          total.success += translated.filter((o) => o.success).length;
          total.turns += translated.length;
          byLanguage.set(half, total);
          expect({ half, success: summarize(translated).success >= floor }).toEqual({ half, success: true });
        }
      } finally {
        await shop.close();
      }
    }, 240_000);
  }

  it(`succeed on at least ${LANGUAGE_GOAL * 100}% of turns per language over both shops`, () => {
    for (const [catalog, halves] of Object.entries(LANGUAGE_FLOORS))
      for (const half of Object.keys(halves) as Half[])
        expect({ half, catalog, ran: (byLanguage.get(half)?.turns ?? 0) > 0 }).toEqual({ half, catalog, ran: true });
    for (const [half, { success, turns }] of byLanguage) {
      expect(turns).toBeGreaterThanOrEqual(60);
      expect({ half, success: success / turns >= LANGUAGE_GOAL }).toEqual({ half, success: true });
    }
  });
});
