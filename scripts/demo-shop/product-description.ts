import type { Rng } from './prng.js';
import type { CategorySpec, StyleSpec } from './spec.js';

const PROPER_WORDS = new Set(['British', 'Shetland', 'European', 'Belgian', 'Scottish', 'Portuguese']);

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Lower-cases ordinary capitalised words for use mid-sentence; acronyms and place names keep their case. */
export const inSentence = (value: string): string =>
  value.replace(/\b[A-Z][a-z]+\b/g, (word) => (PROPER_WORDS.has(word) ? word : word.toLowerCase()));

export const fillTemplate = (template: string, vars: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`template variable {${key}} is missing for "${template}"`);
    return value;
  });

export const wordCount = (html: string): number =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .split(/\s+/)
    .filter(Boolean).length;

export const MIN_WORDS = 40;
export const MAX_WORDS = 120;

/**
 * Composes a shop description from the category's and style's phrase banks: an intro, how it is used,
 * a feature list and a closing fit or service note, in one of two layouts.
 */
export const describeProduct = (r: Rng, spec: CategorySpec, style: StyleSpec, vars: Record<string, string>): string => {
  const sentence = (template: string) => capitalize(fillTemplate(template, vars));
  const intro = sentence(r.pick(style.intros));
  const use = sentence(r.pick(spec.uses));
  const closer = sentence(r.pick(spec.closers));
  const features = r.shuffle(style.features).map(sentence);
  const introFirst = r.chance(0.5);
  const render = (featureCount: number, withCloser: boolean): string => {
    const list = `<ul>${features
      .slice(0, featureCount)
      .map((f) => `<li>${escapeHtml(f)}</li>`)
      .join('')}</ul>`;
    const tail = withCloser ? closer : '';
    return introFirst
      ? `<p>${escapeHtml(`${intro} ${use}`)}</p>${list}${tail ? `<p>${escapeHtml(tail)}</p>` : ''}`
      : `<p>${escapeHtml(intro)}</p>${list}<p>${escapeHtml(`${use} ${tail}`.trim())}</p>`;
  };
  let count = Math.min(features.length, r.int(3, 5));
  let html = render(count, true);
  while (wordCount(html) < MIN_WORDS && count < features.length) html = render(++count, true);
  while (wordCount(html) > MAX_WORDS && count > 3) html = render(--count, true);
  if (wordCount(html) > MAX_WORDS) html = render(count, false);
  return html;
};
