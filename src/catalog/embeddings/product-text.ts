import { htmlToText } from '../html-to-text.js';
import type { ProductRecord } from '../records.js';

export type ProductTextInput = Pick<ProductRecord, 'title'> &
  Partial<Pick<ProductRecord, 'descriptionHtml' | 'vendor' | 'categoryPath' | 'productType' | 'tags' | 'attributes'>>;

// Long descriptions add little meaning per word and would push hosted models past their input limit
// (8k tokens for OpenAI's embedding models): keep the opening, which is where shops put the essentials.
export const MAX_DESCRIPTION_CHARS = 2_000;

/**
 * The text a product is embedded from: title, category path, product type, brand, tags, attributes and the
 * plain-text description, one field per line. Ingestion and the retrieval benchmark both use this,
 * so their vectors agree.
 */
export function productEmbeddingText(record: ProductTextInput): string {
  const lines = [record.title.trim()];
  const category = (record.categoryPath ?? []).join(' > ');
  const type = record.productType?.trim() ?? '';
  const kind = [category, type && !category.toLowerCase().includes(type.toLowerCase()) ? type : '']
    .filter(Boolean)
    .join(' · ');
  if (kind) lines.push(kind);
  if (record.vendor?.trim()) lines.push(`Brand: ${record.vendor.trim()}`);
  if (record.tags?.length) lines.push(`Tags: ${record.tags.join(', ')}`);
  const attributes = Object.entries(record.attributes ?? {}).map(([name, value]) => `${name}: ${value}`);
  if (attributes.length) lines.push(attributes.join('; '));
  const description = htmlToText(record.descriptionHtml ?? '');
  if (description) lines.push(truncateAtWord(description, MAX_DESCRIPTION_CHARS));
  return lines.join('\n');
}

function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > max * 0.8 ? cut : max);
}
