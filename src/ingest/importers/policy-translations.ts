import { basename, dirname, extname } from 'node:path';
import type { PolicyChunkTranslation, PolicyDocumentRecord, PolicyTranslationRecord } from '../../catalog/records.js';
import type { OutlineSection, PolicyParseResult } from './policy-markdown.js';

/** A parsed policy file, with the language it translates to when it lies in a language folder. */
export interface PolicyFile {
  file: string;
  parsed: PolicyParseResult;
}

export interface PolicyTranslationIssue {
  file: string;
  line: number | null;
  message: string;
  warning: true;
}

/** A language folder's name: a language code ("fa", "de", "pt-br"). */
const LANGUAGE_FOLDER = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/i;

/**
 * The language and document a file translates (`policies/fa/returns.md` → fa, returns), or null
 * for an original (a file directly in a policies folder, or in a folder named otherwise).
 */
export function translationOf(file: string): { language: string; slug: string } | null {
  const folder = basename(dirname(file));
  const parent = basename(dirname(dirname(file))).toLowerCase();
  if (parent !== 'policies' || !LANGUAGE_FOLDER.test(folder)) return null;
  return { language: folder.toLowerCase().replace('_', '-'), slug: basename(file, extname(file)) };
}

const describe = (s: OutlineSection | undefined) => (s ? `"${'#'.repeat(Math.max(s.level, 1))} ${s.heading}"` : 'none');

/**
 * How many sections of a translation line up with the original's: sections at the same position
 * with the same heading level, up to the first that differs. Null when all do.
 */
function mismatch(original: OutlineSection[], translated: OutlineSection[]): { aligned: number; why: string } | null {
  const n = Math.min(original.length, translated.length);
  for (let i = 0; i < n; i++) {
    if (original[i].level !== translated[i].level) {
      const why = `heading ${i + 1} is ${describe(translated[i])} where the original has ${describe(original[i])}`;
      return { aligned: i, why };
    }
  }
  if (original.length === translated.length) return null;
  return { aligned: n, why: `it has ${translated.length} sections where the original has ${original.length}` };
}

/**
 * The translated text for each of a section's chunks: one piece each when they split alike;
 * otherwise the pieces spread over the chunks in order (a chunk left without one shares its
 * neighbour's).
 */
function spread(pieces: string[], chunks: number): string[] {
  if (pieces.length === 0 || chunks === 0) return [];
  return Array.from({ length: chunks }, (_, p) => {
    const mine = pieces.filter((_, j) => Math.floor((j * chunks) / pieces.length) === p);
    return mine.length ? mine.join('\n\n') : pieces[Math.floor((p * pieces.length) / chunks)];
  });
}

function mismatchMessage(
  original: { doc: PolicyDocumentRecord; outline: OutlineSection[] },
  language: string,
  off: { aligned: number; why: string },
  sections: number,
): string {
  const dropped = sections - off.aligned;
  return (
    `the headings do not match the original ${original.doc.source} (${off.why}); imported as the ${language} ` +
    `translation of the first ${off.aligned} of its ${original.outline.length} sections` +
    (dropped > 0 ? `, leaving out the translation's last ${dropped}` : '') +
    '; the other sections are shown as written'
  );
}

/** A translation aligned with its original section by section, and what did not align. */
export function alignTranslation(
  original: { doc: PolicyDocumentRecord; outline: OutlineSection[] },
  translation: PolicyFile & { language: string },
): { record: PolicyTranslationRecord; issue: PolicyTranslationIssue | null } {
  const doc = translation.parsed.policy;
  const outline = translation.parsed.outline;
  const off = mismatch(original.outline, outline);
  const aligned = off ? off.aligned : outline.length;
  const chunks: PolicyChunkTranslation[] = [];
  for (let i = 0; i < aligned; i++) {
    const mine = outline[i].positions.flatMap((p) => doc?.chunks[p] ?? []);
    if (!mine.length) continue; // a heading with no text of its own: the original's stays as written
    const { heading, path } = mine[0];
    const positions = original.outline[i].positions;
    spread(
      mine.map((c) => c.text),
      positions.length,
    ).forEach((text, k) => chunks.push({ position: positions[k], heading, path, text }));
  }
  const record: PolicyTranslationRecord = {
    language: translation.language,
    title: doc?.title ?? original.doc.title,
    source: translation.file,
    chunks,
  };
  const issue: PolicyTranslationIssue | null = off
    ? {
        file: translation.file,
        line: null,
        warning: true,
        message: mismatchMessage(original, translation.language, off, outline.length),
      }
    : null;
  return { record, issue };
}

/**
 * Files in language folders become translations of the original of the same name read in the
 * same batch; a translation without one is reported and left out. Returns the originals with
 * their translations, and the warnings.
 */
export function attachTranslations(files: PolicyFile[]): {
  policies: Array<PolicyFile & { doc: PolicyDocumentRecord }>;
  issues: PolicyTranslationIssue[];
} {
  const originals: Array<PolicyFile & { doc: PolicyDocumentRecord }> = [];
  const translations: Array<PolicyFile & { language: string; slug: string }> = [];
  for (const f of files) {
    const of = translationOf(f.file);
    if (of) translations.push({ ...f, ...of });
    else if (f.parsed.policy) originals.push({ ...f, doc: f.parsed.policy });
  }
  const bySlug = new Map(originals.map((o) => [o.doc.slug, o]));
  const issues: PolicyTranslationIssue[] = [];
  for (const t of translations) {
    const original = bySlug.get(t.slug);
    if (!original) {
      issues.push({
        file: t.file,
        line: null,
        warning: true,
        message: `no original policy ${t.slug}.md was imported with this ${t.language} translation, so it was left out`,
      });
      continue;
    }
    const { record, issue } = alignTranslation({ doc: original.doc, outline: original.parsed.outline }, t);
    if (issue) issues.push(issue);
    const others = (original.doc.translations ?? []).filter((x) => x.language !== t.language);
    original.doc = { ...original.doc, translations: [...others, record] };
  }
  return { policies: originals, issues };
}
