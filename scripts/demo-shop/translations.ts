import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { productTranslationSchema, type ProductRecord } from '../../src/catalog/records.js';

/** The languages the demo shop is translated into (catalog/SOURCES.md says by whom). */
const LANGUAGES = ['fa', 'ar'] as const;

/** A language's translations: every category name, and the full texts of the most popular products. */
const fileSchema = z.object({
  categories: z.record(z.string(), z.string()),
  products: z.record(z.string(), productTranslationSchema),
});

const read = (language: string) =>
  fileSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, 'translations', `${language}.json`), 'utf8')));

/**
 * The products with their `translations`: a translated product's own texts, and for every product
 * its type and category path in the translation's category names.
 */
export function withTranslations(products: ProductRecord[]): ProductRecord[] {
  const files = LANGUAGES.map((language) => ({ language, ...read(language) }));
  return products.map((p) => {
    const translations: NonNullable<ProductRecord['translations']> = {};
    for (const { language, categories, products: texts } of files) {
      const own = texts[p.handle] ?? {};
      const productType = own.productType ?? (p.productType ? categories[p.productType] : undefined);
      const categoryPath = own.categoryPath ?? p.categoryPath.map((c) => categories[c] ?? c);
      translations[language] = {
        ...own,
        ...(productType ? { productType } : {}),
        ...(categoryPath.length ? { categoryPath } : {}),
      };
    }
    return { ...p, translations };
  });
}
