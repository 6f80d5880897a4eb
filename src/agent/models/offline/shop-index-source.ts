import type { CatalogEntry } from '../../../catalog/catalog-vocabulary.js';
import { loadLanguagePack } from './language-pack.js';
import { buildShopIndex, type ShopIndex } from './shop-index.js';

/** The offline model's view of the shop, rebuilt whenever the catalog vocabulary was reloaded (after an import). */
export function shopIndexSource(
  vocabulary: { entries(): CatalogEntry[]; version(): number },
  language = 'en',
): () => ShopIndex {
  const pack = loadLanguagePack(language);
  let built: { version: number; index: ShopIndex } | null = null;
  return () => {
    if (!built || built.version !== vocabulary.version()) {
      built = { version: vocabulary.version(), index: buildShopIndex(vocabulary.entries(), pack) };
    }
    return built.index;
  };
}
