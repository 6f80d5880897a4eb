import type { CategoryOverview } from '../../catalog/list-categories.js';
import type { ShopLinks } from '../../catalog/shop-links.js';
import type { PolicyDocument } from '../../policies/policy-documents.js';

const TOOLS = [
  ['search_catalog', 'search the catalog (prices in minor units)'],
  ['get_product_details', 'one product with every variant, price and stock'],
  ['get_cart', 'a cart by its id'],
  ['update_cart', 'create a cart, add, change or remove lines; returns a checkout_url'],
  ['search_shop_policies_and_faqs', 'shipping, returns, warranty and other policies'],
] as const;

/** One line of text from the shop's data: no line breaks or markdown headings of its own. */
const flat = (s: string) => s.replace(/\s+/g, ' ').replace(/^#+/, '').trim();

function categoryLines(categories: CategoryOverview[]): string[] {
  if (categories.length === 0) return ['- (no products yet)'];
  return categories.map((c) => {
    const kinds = c.children.slice(0, 12).map(flat).join(', ');
    return `- ${flat(c.name)} (${c.products} products)${kinds ? `: ${kinds}` : ''}`;
  });
}

/**
 * `/llms.txt` (llmstxt.org): what the shop sells and where agents reach its catalog, carts and
 * policies. On a Shopify shop the MCP endpoint is the store's own.
 */
export function llmsText(p: {
  shopName: string;
  links: ShopLinks;
  categories: CategoryOverview[];
  policies: PolicyDocument[];
}): string {
  const { links } = p;
  const total = p.categories.reduce((n, c) => n + c.products, 0);
  return [
    `# ${flat(p.shopName)}`,
    '',
    `> ${flat(p.shopName)} is an online shop with ${total} products in ${p.categories.length} categories. ` +
      'Agents can search its catalog, read its policies and build carts that the shopper buys in the shop.',
    '',
    '## What the shop sells',
    '',
    ...categoryLines(p.categories),
    '',
    '## For agents',
    '',
    `- [MCP server](${links.mcpEndpoint()}): Streamable HTTP, no authentication. Tools:`,
    ...TOOLS.map(([name, what]) => `  - \`${name}\`: ${what}`),
    `- [Product feed, JSON Lines](${links.base}/api/feeds/acp.jsonl): Agentic Commerce Protocol fields, one line per variant`,
    `- [Product feed, CSV](${links.base}/api/feeds/acp.csv): the same feed as CSV`,
    '',
    '## Policies',
    '',
    ...(p.policies.length
      ? p.policies.map((d) => `- [${flat(d.title)}](${links.base}/policies/${encodeURIComponent(d.slug)})`)
      : ['- (none published)']),
    '',
  ].join('\n');
}
