import { htmlToText } from '../catalog/html-to-text.js';
import type { PolicyDocumentRecord } from '../catalog/records.js';
import { parsePolicyMarkdown } from '../ingest/importers/policy-markdown.js';

/**
 * A policy document from a platform's HTML page: its headings become sections (as the markdown
 * policies' `##` headings do), the rest plain text. Null when nothing readable is left.
 */
export function policyFromHtml(p: {
  slug: string;
  title: string;
  html: string;
  source: string;
}): PolicyDocumentRecord | null {
  const marked = p.html.replace(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/gi, (_m, inner: string) => {
    const heading = htmlToText(inner).replace(/\s+/g, ' ');
    return heading ? `\n\u0000${heading}\n` : '\n';
  });
  const lines = htmlToText(marked)
    .split('\n')
    .map((line) => line.trim())
    .map((line) => (line.startsWith('\u0000') ? `## ${line.slice(1).trim()}` : line));
  const markdown = `# ${p.title.replace(/\s+/g, ' ').trim()}\n\n${lines.join('\n\n')}\n`;
  const { policy } = parsePolicyMarkdown(markdown, { file: `${p.slug}.md` });
  if (!policy || policy.chunks.every((c) => c.text.trim() === '')) return null;
  return { ...policy, source: p.source };
}
