import { basename, extname } from 'node:path';
import type { PolicyChunkRecord, PolicyDocumentRecord } from '../../catalog/records.js';

export const MAX_CHUNK_CHARS = 1_200;

/** One heading of a policy file, in order: what a translation of it must match. */
export interface OutlineSection {
  /** 1 for the title, 2 and 3 for `##` and `###`, 0 for text before any heading. */
  level: number;
  heading: string;
  /** The positions of the chunks its text became (none for a heading with no text of its own). */
  positions: number[];
}

export interface PolicyParseResult {
  policy: PolicyDocumentRecord | null;
  /** The file's sections in order, empty ones included. */
  outline: OutlineSection[];
  errors: Array<{ line: number; message: string }>;
}

interface Section {
  level: number;
  heading: string;
  path: string[];
  lines: string[];
}

/**
 * Parses a markdown policy: the first `# ` heading is the title; the text before the first
 * `##`/`###` and each such section become chunks (heading, heading path, anchor, plain-ish text).
 * Sections longer than MAX_CHUNK_CHARS split on paragraph boundaries. slug = file name without
 * extension; `source` is the file as given.
 */
export function parsePolicyMarkdown(input: Uint8Array | string, opts: { file: string }): PolicyParseResult {
  const errors: PolicyParseResult['errors'] = [];
  const lines = typeof input === 'string' ? input.replace(/^\uFEFF/, '').split(/\r?\n/) : decodeLines(input, errors);
  const slug = basename(opts.file, extname(opts.file));
  let title = '';
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) start = end + 1; // front matter carries nothing a shopper reads
  }

  const sections: Section[] = [];
  let current: Section | null = null;
  const trail: string[] = [];
  let fenced = false;
  for (const raw of lines.slice(start)) {
    if (/^\s*(```|~~~)/.test(raw)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,3})\s+(.+?)\s*#*\s*$/.exec(raw);
    if (heading && heading[1] === '#' && !title) {
      title = inline(heading[2]);
      current = { level: 1, heading: title, path: [title], lines: [] };
      sections.push(current);
    } else if (heading) {
      // A later "#" is treated like "##": one level under the title.
      const level = Math.max(heading[1].length, 2);
      const depth = level - 2;
      trail.length = depth;
      trail[depth] = inline(heading[2]);
      const path = [title || humanize(slug), ...trail.filter(Boolean)];
      current = { level, heading: trail[depth], path, lines: [] };
      sections.push(current);
    } else {
      if (!current) {
        current = { level: 0, heading: title || humanize(slug), path: [title || humanize(slug)], lines: [] };
        sections.push(current);
      }
      const text = /^\s*(```|~~~)/.test(raw) ? '' : fenced ? raw : plain(raw);
      if (text !== null) current.lines.push(text);
    }
  }

  const chunks: PolicyChunkRecord[] = [];
  const outline: OutlineSection[] = [];
  const anchors = new Map<string, number>();
  for (const section of sections) {
    const text = section.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    const positions: number[] = [];
    outline.push({ level: section.level, heading: section.heading, positions });
    if (!text) continue;
    const anchor = uniqueAnchor(section.heading, anchors);
    for (const piece of splitText(text, MAX_CHUNK_CHARS)) {
      positions.push(chunks.length);
      chunks.push({ heading: section.heading, path: section.path, anchor, text: piece, position: chunks.length });
    }
  }
  if (chunks.length === 0) {
    errors.push({ line: 1, message: 'the policy document has no text' });
    return { policy: null, outline, errors };
  }
  return { policy: { slug, title: title || humanize(slug), source: opts.file, chunks }, outline, errors };
}

/** Decodes line by line so invalid UTF-8 costs only its own line, which is reported. */
function decodeLines(input: Uint8Array, errors: PolicyParseResult['errors']): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: string[] = [];
  let start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  for (let line = 1; start <= input.length; line++) {
    let end = input.indexOf(0x0a, start);
    if (end < 0) end = input.length;
    try {
      out.push(decoder.decode(input.subarray(start, end)).replace(/\r$/, ''));
    } catch {
      errors.push({ line, message: 'the line is not valid UTF-8 and was left out (save the file as UTF-8)' });
    }
    start = end + 1;
  }
  return out;
}

/** Light markdown → text: keeps list markers and link targets, drops emphasis, images, HTML and rules. */
function plain(line: string): string | null {
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return ''; // horizontal rule: a paragraph break
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) return null; // table header separator
  const text = line
    .replace(/^\s*>\s?/, '')
    .replace(/^#{4,6}\s+/, '')
    .replace(/^(\s*)[*+]\s+/, '$1- ');
  return inline(text);
}

function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+|mailto:[^)\s]+)[^)]*\)/g, (_, label: string, url: string) => {
      const target = url.replace(/^mailto:/, '');
      return label === target ? target : `${label} (${target})`;
    })
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .trimEnd();
}

/** From coarse to fine: paragraphs, lines (keeps list items whole), sentences, words. */
const SPLITS: Array<{ split: RegExp; join: string }> = [
  { split: /\n\s*\n/, join: '\n\n' },
  { split: /\n/, join: '\n' },
  { split: /(?<=[.!?])\s+/, join: ' ' },
  { split: /\s+/, join: ' ' },
];

/** Pieces of at most `max` chars, cut at the coarsest boundary that makes them fit, then packed greedily. */
function splitText(text: string, max: number, level = 0): string[] {
  if (text.length <= max) return [text];
  if (level === SPLITS.length) return text.match(new RegExp(`[\\s\\S]{1,${max}}`, 'g')) ?? [];
  const { split, join } = SPLITS[level];
  const units = text
    .split(split)
    .filter((u) => u.trim() !== '')
    .flatMap((u) => splitText(u, max, level + 1));
  const out: string[] = [];
  for (const unit of units) {
    const last = out.length - 1;
    if (last >= 0 && out[last].length + join.length + unit.length <= max) out[last] += join + unit;
    else out.push(unit);
  }
  return out;
}

/** GitHub-style anchor ("Refund timing" → "refund-timing"), suffixed -1, -2 when repeated. */
function uniqueAnchor(heading: string, seen: Map<string, number>): string {
  const base =
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/\s+/g, '-') || 'section';
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

function humanize(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
