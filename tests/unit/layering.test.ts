import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout shows the architecture (STYLE.md §1): entry points → agent → tools → domains → db.
 * Each top-level module of `src/` may import only the modules listed here (and itself).
 */
const BASE = ['errors', 'logger', 'shared'];
const DOMAINS = [
  'catalog',
  'customers',
  'carts',
  'orders',
  'policies',
  'conversations',
  'identity',
  'merchandising',
  'privacy',
  'prompt-versions',
  'experiments',
  'analytics',
];
// Metrics are counted through callbacks the composition root passes; only it and the entry points see them.
const INNER = [
  ...BASE,
  'metrics',
  'config',
  'db',
  'redis',
  'limits',
  ...DOMAINS,
  'knowledge',
  'tools',
  'agent',
  'evals',
  'ingest',
  'platforms',
];
const ALLOWED: Record<string, string[]> = {
  errors: [],
  logger: [],
  shared: ['errors', 'logger'],
  metrics: [],
  limits: [...BASE],
  // Connections to the Redis that several instances share (socket.io adapter, limits).
  redis: [...BASE],
  db: [...BASE],
  config: [...BASE, 'db'],
  catalog: [...BASE, 'db'],
  merchandising: [...BASE, 'db', 'catalog'],
  customers: [...BASE, 'db', 'catalog'],
  carts: [...BASE, 'db', 'catalog'],
  // Changes after the sale: rules, plans, pending actions; customers' orders read with its own queries.
  orders: [...BASE, 'db', 'catalog'],
  policies: [...BASE, 'db', 'catalog'],
  identity: [...BASE, 'db', 'customers'],
  privacy: [...BASE, 'db'],
  // The prompts' versions (texts, drafts, the published one); the agent checks and renders them.
  'prompt-versions': [...BASE, 'db'],
  // A/B experiments over prompt versions: variants, sticky assignments, per-variant numbers.
  experiments: [...BASE, 'db'],
  // The studio's commerce analytics: conversations, carts, orders and searches over a date range.
  analytics: [...BASE, 'db', 'catalog', 'knowledge'],
  conversations: [...BASE, 'db', 'catalog', 'carts', 'customers'],
  // Knowledge gaps: unanswered questions, grouped; the answers written for them, indexed as policies.
  knowledge: [...BASE, 'db', 'catalog', 'policies', 'ingest'],
  ingest: [...BASE, 'db', 'catalog', 'customers', 'policies'],
  // Catalog sync and webhooks of the shop's platform (Shopify, WooCommerce); no express here.
  platforms: [...BASE, 'db', 'catalog', 'customers', 'ingest'],
  tools: [...BASE, 'catalog', 'customers', 'carts', 'orders', 'policies', 'conversations'],
  agent: [...BASE, 'tools', ...DOMAINS],
  // Scenario evals: play shopper turns through the agent and check what they did.
  evals: [...BASE, 'agent', ...DOMAINS],
  // Entry points: everything inward, never each other.
  chat: INNER,
  handoff: INNER,
  http: INNER,
  // The agent-facing storefront (MCP server for outside agents).
  mcp: INNER,
  // The merchandiser studio's API: prompt versions and previews.
  studio: INNER,
  cli: [...INNER, 'app'],
  app: [...INNER, 'chat', 'handoff', 'http', 'mcp', 'studio'],
  main: [...INNER, 'app', 'http'],
};
const NO_SERVER_LIBS = ['agent', 'tools', 'platforms', ...DOMAINS];

const SRC = path.resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const moduleOf = (file: string) => path.relative(SRC, file).split(path.sep)[0].replace(/\.ts$/, '');

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('module layering', () => {
  const files = sourceFiles(SRC);

  it('knows every top-level module of src/', () => {
    const unknown = [...new Set(files.map(moduleOf))].filter((m) => !(m in ALLOWED));
    expect(unknown).toEqual([]);
  });

  it('has dependencies that point inward only', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), spec);
        if (!target.startsWith(SRC)) {
          // Only the widget's build may be reached from src/ (the HTTP layer serves it).
          if (!(from === 'http' && target.includes(`${path.sep}widget${path.sep}`)))
            violations.push(`${file} → ${spec}`);
          continue;
        }
        const to = moduleOf(target.replace(/\.js$/, '.ts'));
        if (to !== from && !ALLOWED[from]?.includes(to)) violations.push(`${path.relative(SRC, file)} → ${to}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps express and socket.io out of the agent, the tools and the domains', () => {
    const offenders = files
      .filter((f) => NO_SERVER_LIBS.includes(moduleOf(f)))
      .filter((f) => importsOf(f).some((s) => /^(express|socket\.io)(\/|$)/.test(s)))
      .map((f) => path.relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
