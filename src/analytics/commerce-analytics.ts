import { groupUnanswered, type UnansweredGroup } from '../knowledge/group-unanswered.js';
import { money } from '../catalog/money.js';
import type { Money } from '../catalog/types.js';
import type { Queryable } from '../db/database.js';
import * as q from './analytics-queries.js';

/** How many rows the tables of searches and products hold. */
const TOP = 20;

export interface VersionFigures {
  /** The prompts' content hash, as assistant messages record it (`promptVersion`). */
  promptVersion: string;
  /** The version of each prompt, e.g. `{"persona": "persona.v3"}`. */
  promptVersions: Record<string, string>;
  conversations: number;
  containmentRate: number;
  handoffRate: number;
  addToCartRate: number;
  csat: { average: number | null; count: number };
  /** Attributed orders and revenue in the shop's currency. */
  attributedOrders: number;
  attributedRevenue: Money;
  searches: number;
  zeroResultSearches: number;
}

export interface DayFigures {
  day: string;
  conversations: number;
  handoffs: number;
  addToCartConversations: number;
  attributedOrders: number;
  /** In the shop's currency. */
  attributedRevenueMinor: number;
  searches: number;
  zeroResultSearches: number;
}

export interface CommerceAnalytics {
  from: string;
  to: string;
  currency: string;
  conversations: number;
  /** Conversations that ended without a human: no handoff was asked for. */
  containment: { conversations: number; rate: number };
  handoffs: {
    conversations: number;
    rate: number;
    reasons: { source: string; reason: string; conversations: number }[];
  };
  csat: { average: number | null; count: number };
  addToCart: { conversations: number; items: number; value: Money[] };
  attributedOrders: { orders: number; revenue: { currency: string; orders: number; total: Money }[] };
  searches: { total: number; zeroResult: number };
  topSearches: { query: string; searches: number; zeroResult: number }[];
  zeroResultSearches: { query: string; searches: number; lastAt: string }[];
  /** Products the assistant showed in its replies, by the conversations it showed them in. */
  productsAskedAbout: { handle: string; title: string | null; conversations: number }[];
  daily: DayFigures[];
  byPromptVersion: VersionFigures[];
  /** Questions the assistant could not answer, similar phrasings grouped (the Knowledge gaps tab's groups). */
  unansweredQuestions: UnansweredGroup[];
}

const rate = (n: number, of: number) => (of === 0 ? 0 : n / of);
const csatOf = (r: { csat_count: number; csat_average: number | null }) => ({
  average: r.csat_count ? Number(r.csat_average) : null,
  count: r.csat_count,
});

interface Headline {
  conversations: number;
  contained: number;
  handed_off: number;
  added: number;
  csat_count: number;
  csat_average: number | null;
}

/** The studio's commerce analytics for [from, to) (to exclusive), in the shop's currency where one is needed. */
export async function commerceAnalytics(
  db: Queryable,
  range: { from: Date; to: Date; currency: string },
): Promise<CommerceAnalytics> {
  const p = [range.from.toISOString(), range.to.toISOString()];
  const head = (await db.query<Headline>(q.HEADLINE, p)).rows[0];
  const reasons = await db.query<{ source: string; reason: string; conversations: number }>(q.HANDOFF_REASONS, p);
  const added = await db.query<{ currency: string; items: number; value: string }>(q.ADDED_TO_CART, p);
  const orders = await db.query<{ currency: string; orders: number; total: string }>(q.ORDERS, p);
  const searches = (await db.query<{ searches: number; zero_result: number }>(q.SEARCH_TOTALS, p)).rows[0];
  const top = await db.query<{ query: string; searches: number; zero_result: number }>(q.TOP_SEARCHES, [...p, TOP]);
  const zero = await db.query<{ query: string; searches: number; last_at: Date }>(q.ZERO_RESULT_SEARCHES, [...p, TOP]);
  const asked = await db.query<{ handle: string; title: string | null; conversations: number }>(
    q.PRODUCTS_ASKED_ABOUT,
    [...p, TOP],
  );
  return {
    from: p[0],
    to: p[1],
    currency: range.currency,
    conversations: head.conversations,
    containment: { conversations: head.contained, rate: rate(head.contained, head.conversations) },
    handoffs: {
      conversations: head.handed_off,
      rate: rate(head.handed_off, head.conversations),
      reasons: reasons.rows,
    },
    csat: csatOf(head),
    addToCart: {
      conversations: head.added,
      items: added.rows.reduce((n, r) => n + r.items, 0),
      value: added.rows.map((r) => money(Number(r.value), r.currency)),
    },
    attributedOrders: {
      orders: orders.rows.reduce((n, r) => n + r.orders, 0),
      revenue: orders.rows.map((r) => ({
        currency: r.currency,
        orders: r.orders,
        total: money(Number(r.total), r.currency),
      })),
    },
    searches: { total: searches.searches, zeroResult: searches.zero_result },
    topSearches: top.rows.map((r) => ({ query: r.query, searches: r.searches, zeroResult: r.zero_result })),
    zeroResultSearches: zero.rows.map((r) => ({
      query: r.query,
      searches: r.searches,
      lastAt: new Date(r.last_at).toISOString(),
    })),
    productsAskedAbout: asked.rows,
    daily: await daily(db, [...p, range.currency]),
    byPromptVersion: await byPromptVersion(db, [...p, range.currency], range.currency),
    unansweredQuestions: await groupUnanswered(db, range),
  };
}

async function daily(db: Queryable, params: string[]): Promise<DayFigures[]> {
  const r = await db.query<{
    day: string;
    conversations: number;
    handoffs: number;
    added: number;
    orders: number;
    revenue: string;
    searches: number;
    zero_result: number;
  }>(q.DAILY, params);
  return r.rows.map((d) => ({
    day: d.day,
    conversations: d.conversations,
    handoffs: d.handoffs,
    addToCartConversations: d.added,
    attributedOrders: d.orders,
    attributedRevenueMinor: Number(d.revenue),
    searches: d.searches,
    zeroResultSearches: d.zero_result,
  }));
}

async function byPromptVersion(db: Queryable, params: string[], currency: string): Promise<VersionFigures[]> {
  const r = await db.query<{
    version: string;
    versions: Record<string, string> | null;
    conversations: number;
    handed_off: number;
    added: number;
    csat_count: number;
    csat_average: number | null;
    orders: number;
    revenue: string;
    searches: number;
    zero_result: number;
  }>(q.BY_PROMPT_VERSION, params);
  return r.rows.map((v) => ({
    promptVersion: v.version,
    promptVersions: v.versions ?? {},
    conversations: v.conversations,
    containmentRate: rate(v.conversations - v.handed_off, v.conversations),
    handoffRate: rate(v.handed_off, v.conversations),
    addToCartRate: rate(v.added, v.conversations),
    csat: csatOf(v),
    attributedOrders: v.orders,
    attributedRevenue: money(Number(v.revenue), currency),
    searches: v.searches,
    zeroResultSearches: v.zero_result,
  }));
}
