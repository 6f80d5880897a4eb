import { afterAll, beforeAll } from 'vitest';
import { setLanguage } from '../../widget/i18n/live.js';

/**
 * For unit tests of the widgets' words outside a browser: setLanguage sets `lang` and `dir` on the page's root
 * element, so a bare object stands in for it while the file runs; English again after.
 */
export function useLanguageRoot(): void {
  beforeAll(() => {
    Object.assign(globalThis, { document: { documentElement: {} } });
  });
  afterAll(() => {
    setLanguage('en');
    Reflect.deleteProperty(globalThis, 'document');
  });
}
