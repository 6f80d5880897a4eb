import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { catalogVersion, feedRows } from '../../catalog/feed-rows.js';
import { categoryOverview } from '../../catalog/list-categories.js';
import type { ShopLinks } from '../../catalog/shop-links.js';
import type { Queryable } from '../../db/database.js';
import { NotFoundError } from '../../errors.js';
import { listPolicyDocuments, policyMarkdown } from '../../policies/policy-documents.js';
import {
  acpCsvHeader,
  acpCsvLine,
  acpItem,
  acpJsonLine,
  type AcpItem,
  type AcpSeller,
} from '../feeds/acp-feed-item.js';
import { llmsText } from '../feeds/llms-text.js';

export interface AgentDiscoveryDeps {
  db: Queryable;
  shop: { name: string; country: string | null; targetCountries: string[] };
  returnWindowDays: number | null;
  /** The shop's links as seen from this request (its public origin). */
  linksFor: (req: Request) => ShopLinks;
}

/** Written to the response in chunks of about this size. */
const CHUNK = 64 * 1024;

const FORMATS = {
  jsonl: { type: 'application/jsonl; charset=utf-8', header: () => '', line: acpJsonLine },
  csv: { type: 'text/csv; charset=utf-8', header: acpCsvHeader, line: acpCsvLine },
} as const;

/** The policy a feed's `return_policy` links to: the one whose slug or title speaks of returns. */
async function returnPolicyUrl(db: Queryable, links: ShopLinks): Promise<string | null> {
  const docs = await listPolicyDocuments(db);
  const doc = docs.find((d) => /return/i.test(d.slug)) ?? docs.find((d) => /return/i.test(d.title));
  return doc ? `${links.base}/policies/${encodeURIComponent(doc.slug)}` : null;
}

/** Writes a chunk, waiting while the client reads; false once the client has gone. */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.write(chunk)) return true;
  const stop = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: stop.signal }), once(res, 'close', { signal: stop.signal })]);
  } finally {
    stop.abort();
  }
  return !res.destroyed;
}

/** Streams the feed a page of variants at a time, honouring back-pressure. */
async function streamFeed(res: Response, items: AsyncIterable<AcpItem>, format: keyof typeof FORMATS) {
  const f = FORMATS[format];
  let buffer = f.header();
  for await (const item of items) {
    buffer += f.line(item);
    if (buffer.length < CHUNK) continue;
    if (!(await write(res, buffer))) return;
    buffer = '';
  }
  res.end(buffer);
}

async function* feedItems(db: Queryable, seller: AcpSeller, links: ShopLinks): AsyncGenerator<AcpItem> {
  for await (const row of feedRows(db)) yield acpItem(row, seller, links);
}

/**
 * What tells outside agents about the shop: the Agentic Commerce Protocol product feed (JSONL and
 * CSV, one line per active variant, streamed, with an ETag of the catalog version), `/llms.txt`,
 * and the policy documents as markdown. Public catalog and policy data only.
 */
export function agentDiscoveryRoutes(deps: AgentDiscoveryDeps): Router {
  const r = Router();
  for (const format of ['jsonl', 'csv'] as const) {
    r.get(`/api/feeds/acp.${format}`, async (req, res) => {
      const links = deps.linksFor(req);
      const version = await catalogVersion(deps.db);
      const etag = `"acp-${format}-${version}-${createHash('sha256').update(links.base).digest('base64url').slice(0, 8)}"`;
      res.set({ ETag: etag, 'Cache-Control': 'public, no-cache', 'Content-Type': FORMATS[format].type });
      if (req.get('if-none-match') === etag) return void res.status(304).end();
      const seller: AcpSeller = {
        name: deps.shop.name,
        country: deps.shop.country,
        targetCountries: deps.shop.targetCountries,
        returnPolicyUrl: await returnPolicyUrl(deps.db, links),
        returnWindowDays: deps.returnWindowDays,
      };
      await streamFeed(res, feedItems(deps.db, seller, links), format);
    });
  }
  r.get('/llms.txt', async (req, res) => {
    const links = deps.linksFor(req);
    const [categories, policies] = await Promise.all([categoryOverview(deps.db), listPolicyDocuments(deps.db)]);
    res
      .type('text/markdown; charset=utf-8')
      .set('Cache-Control', 'public, max-age=300')
      .send(llmsText({ shopName: deps.shop.name, links, categories, policies }));
  });
  r.get('/policies/:slug', async (req, res) => {
    const text = await policyMarkdown(deps.db, String(req.params.slug));
    if (text === null) throw new NotFoundError('policy:not_found', 'There is no such policy.');
    res.type('text/markdown; charset=utf-8').set('Cache-Control', 'public, max-age=300').send(text);
  });
  return r;
}
