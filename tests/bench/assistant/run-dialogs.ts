import { existsSync, readFileSync } from 'node:fs';
import { foldArabicScript } from '../../../src/shared/language.js';
import path from 'node:path';
import { z } from 'zod';
import { runTurn } from '../../../src/agent/run-turn.js';
import type { CartView } from '../../../src/carts/types.js';
import type { ProductSummary } from '../../../src/catalog/types.js';
import { CURRENCY, type BenchShop, type CatalogName } from './shops.js';

const expectSchema = z
  .object({
    tool: z.string().nullable().optional(),
    args: z.record(z.string(), z.unknown()).optional(),
    products: z.array(z.string()).optional(),
    productsAll: z.array(z.string()).optional(),
    product: z.string().optional(),
    noMatch: z.boolean().optional(),
    cart: z
      .object({
        has: z
          .array(
            z.object({
              handle: z.string(),
              quantity: z.number().optional(),
              options: z.record(z.string(), z.string()).optional(),
            }),
          )
          .optional(),
        hasNot: z.array(z.string()).optional(),
      })
      .optional(),
    order: z.string().optional(),
    policy: z.string().optional(),
    says: z.array(z.string()).optional(),
    saysNot: z.array(z.string()).optional(),
    clarify: z.boolean().optional(),
  })
  .strict();

export const dialogSchema = z.object({
  id: z.string(),
  catalog: z.enum(['demo', 'tau2', 'partners']),
  customer: z.string().nullable(),
  turns: z.array(z.object({ user: z.string().min(1), kind: z.string(), expect: expectSchema })).min(1),
});
export type Dialog = z.infer<typeof dialogSchema>;
type Expect = z.infer<typeof expectSchema>;

/**
 * `dev` … `dev6` (and `<lang>-dev`) are further tuning sets, each written blind after the split, to find failures
 * beyond `train` (from `dev2` on, each was measured once before any tuning on it, see SOURCES.md).
 */
export type Half =
  | 'train'
  | 'dev'
  | 'dev2'
  | 'dev3'
  | 'dev4'
  | 'dev5'
  | 'dev6'
  | 'heldout'
  | `${'fa' | 'ar' | 'de'}-${'train' | 'dev' | 'heldout'}`
  | `${'ar' | 'de'}-dev2`
  | 'ar-dev3';

/** The halves of the dialogs in other languages (Persian, Arabic and German shoppers over the English catalogs). */
export const LANGUAGE_HALVES: Half[] = [
  'fa-train',
  'ar-train',
  'de-train',
  'fa-dev',
  'ar-dev',
  'de-dev',
  'ar-dev2',
  'de-dev2',
  'ar-dev3',
  'fa-heldout',
  'ar-heldout',
  'de-heldout',
];

/** A half's dialogs over a catalog (none when that half has no file for it: tau2 has no Persian dialogs). */
export function loadDialogs(half: Half, catalog: CatalogName): Dialog[] {
  const file = path.resolve(import.meta.dirname, '../../fixtures/assistant-dialogs', half, `${catalog}.jsonl`);
  if ((half.includes('-') || half === 'dev4') && !existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = dialogSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0].message}`);
      return parsed.data;
    });
}

export interface TurnOutcome {
  dialog: string;
  turn: number;
  kind: string;
  user: string;
  intent: string;
  intentOk: boolean;
  slots: { hit: number; total: number };
  success: boolean;
  failures: string[];
  modelMs: number;
  reply: string;
  calls: { name: string; args: Record<string, unknown> }[];
}

/** Model intents that fit a request kind (the assistant's own reading, for intent accuracy). */
const INTENTS_OF: Record<string, string[]> = {
  search: ['search', 'recommend'],
  budget: ['search', 'recommend', 'refine_cheaper'],
  attribute: ['search', 'recommend'],
  no_match: ['search', 'recommend'],
  refine: ['refine_cheaper', 'refine_more', 'refine_similar', 'refine_in_stock', 'refine_filter', 'search'],
  add_named: ['cart_add'],
  add_reference: ['cart_add', 'affirm'],
  cart: ['cart_show', 'cart_remove', 'cart_update'],
  product_question: ['product_info', 'refine_filter'],
  order: ['order_status', 'order_list'],
  policy: ['policy'],
  human: ['human'],
  smalltalk: ['greeting', 'thanks', 'goodbye', 'affirm', 'deny'],
};

const NO_MATCH =
  /\b(don'?t|do not|doesn'?t|does not|couldn'?t|could not|can'?t|cannot|won'?t)\s+(carry|have|find|sell|stock|offer)\b|\bno (exact )?match|\bnot (available|something we|in (our|the) (shop|store|catalog))|\bnothing (like|matching)/i;
/** The same, said in the other languages' replies (Persian, Arabic, German), after folding. */
const NO_MATCH_OTHER = new RegExp(
  ['نداریم', 'پیدا نکردم', 'لا نبيع', 'لم أجد', 'führen wir nichts', 'nichts gefunden', 'keinen genauen treffer']
    .map((p) => foldArabicScript(p))
    .join('|'),
);
const saysNoMatch = (reply: string) => NO_MATCH.test(reply) || NO_MATCH_OTHER.test(norm(reply));

/** Lower case, one space, Arabic-script spellings and digits folded: "۵۹٫۹۹" says "59.99". */
const norm = (s: string) => foldArabicScript(s.toLowerCase()).replace(/\s+/g, ' ');
const same = (a: unknown, b: unknown): boolean => {
  if (typeof b === 'number') return typeof a === 'number' && Math.abs(a - b) < 0.01;
  if (typeof b === 'string') return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
  if (b && typeof b === 'object' && !Array.isArray(b)) {
    if (!a || typeof a !== 'object') return false;
    const key = (k: string) => k.toLowerCase().replace('colour', 'color');
    const actual = new Map(Object.entries(a as object).map(([k, v]) => [key(k), v]));
    return Object.entries(b).every(([k, v]) => same(actual.get(key(k)), v));
  }
  return JSON.stringify(a) === JSON.stringify(b);
};

interface Observed {
  calls: { name: string; args: Record<string, unknown> }[];
  reply: string;
  shown: ProductSummary[];
  cart: CartView;
  cartChanged: boolean;
}

function check(
  e: Expect,
  o: Observed,
  titles: Map<string, CatalogWords>,
  translatedHeadings: Map<string, string[]>,
): { failures: string[]; slots: { hit: number; total: number } } {
  const failures: string[] = [];
  const reply = norm(o.reply);
  const names = o.calls.map((c) => c.name);
  if (e.tool === null && o.calls.length) failures.push(`expected no tool, called ${names.join(', ')}`);
  if (e.tool && !names.includes(e.tool)) failures.push(`expected ${e.tool}, called ${names.join(', ') || 'nothing'}`);
  const slots = { hit: 0, total: 0 };
  if (e.args) {
    const call = [...o.calls]
      .reverse()
      .find((c) => (e.tool ? c.name === e.tool : Object.keys(e.args!).some((k) => k in c.args)));
    for (const [k, v] of Object.entries(e.args)) {
      slots.total++;
      if (call && same(call.args[k], v)) slots.hit++;
      else failures.push(`arg ${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(call?.args[k])}`);
    }
  }
  const shown = o.shown.map((p) => p.handle);
  if (e.products && !e.products.some((h) => shown.includes(h))) {
    failures.push(
      `none of ${e.products.slice(0, 4).join(', ')} shown (shown: ${shown.slice(0, 5).join(', ') || 'none'})`,
    );
  }
  if (e.productsAll) {
    if (!o.shown.length) failures.push('no products shown');
    const off = o.shown.filter(
      (p) =>
        !e.productsAll!.some((w) =>
          norm(`${p.title} ${p.category} ${p.categoryPath.join(' ')} ${catalogWords(titles, p.handle)}`).includes(
            w.toLowerCase(),
          ),
        ),
    );
    if (off.length)
      failures.push(
        `shown products of another type: ${off
          .map((p) => p.handle)
          .slice(0, 3)
          .join(', ')}`,
      );
  }
  if (e.product) {
    const about =
      o.calls.some((c) => c.args.handle === e.product) ||
      reply.includes(norm(titles.get(e.product)?.title ?? '\u0000')) ||
      o.shown.some((p) => p.handle === e.product && reply.includes(norm(p.title))) ||
      o.shown[0]?.handle === e.product;
    if (!about) failures.push(`answer not about ${e.product}`);
  }
  if (e.noMatch && !saysNoMatch(o.reply)) failures.push('does not say the shop lacks it');
  if (e.cart) {
    for (const want of e.cart.has ?? []) {
      const line = o.cart.items.find(
        (l) => l.handle === want.handle && (!want.options || same(l.options, want.options)),
      );
      if (!line) failures.push(`cart lacks ${want.handle}${want.options ? ` ${JSON.stringify(want.options)}` : ''}`);
      else if (want.quantity !== undefined && line.quantity !== want.quantity)
        failures.push(`cart has ${line.quantity} × ${want.handle}, expected ${want.quantity}`);
    }
    for (const h of e.cart.hasNot ?? [])
      if (o.cart.items.some((l) => l.handle === h)) failures.push(`cart still has ${h}`);
  }
  if (e.order && !reply.replace(/#/g, '').includes(e.order.toLowerCase().replace(/#/g, '')))
    failures.push(`order ${e.order} not in answer`);
  // A section the shop translated is cited by its heading in the shopper's language.
  const cited = (heading: string) => [heading, ...(translatedHeadings.get(heading) ?? [])];
  if (e.policy && !cited(e.policy).some((h) => reply.includes(norm(h))))
    failures.push(`policy section "${e.policy}" not cited`);
  for (const s of e.says ?? []) if (!reply.includes(norm(s))) failures.push(`reply lacks "${s}"`);
  for (const s of e.saysNot ?? []) if (reply.includes(norm(s))) failures.push(`reply says "${s}"`);
  // Asking is a question with nothing changed: a cart change refused for a missing option counts.
  if (e.clarify && (o.cartChanged || o.calls.some((c) => c.name === 'request_human') || !/[?؟]/.test(o.reply))) {
    failures.push('did not ask');
  }
  return { failures, slots };
}

/** Plays every dialog against the shop's assistant and scores every turn. */
/** A product as the catalog itself words it (shown products may be translated into the shopper's language). */
interface CatalogWords {
  title: string;
  type: string;
  categoryPath: string[];
}

const catalogWords = (titles: Map<string, CatalogWords>, handle: string) => {
  const t = titles.get(handle);
  return t ? `${t.title} ${t.type} ${t.categoryPath.join(' ')}` : '';
};

export async function runDialogs(shop: BenchShop, dialogs: Dialog[]): Promise<TurnOutcome[]> {
  const { core } = shop;
  const titles = new Map(
    (
      await shop.db.query<{ handle: string; title: string; product_type: string; category_path: string[] }>(
        'SELECT handle, title, product_type, category_path FROM products',
      )
    ).rows.map((r) => [r.handle, { title: r.title, type: r.product_type, categoryPath: r.category_path }]),
  );
  const translatedHeadings = new Map<string, string[]>();
  const translated = await shop.db.query<{ heading: string; translated: string }>(
    `SELECT DISTINCT c.heading, t.heading AS translated
     FROM policy_chunk_translations t JOIN policy_chunks c ON c.id = t.chunk_id`,
  );
  for (const r of translated.rows) {
    translatedHeadings.set(r.heading, [...(translatedHeadings.get(r.heading) ?? []), r.translated]);
  }
  const outcomes: TurnOutcome[] = [];
  for (const dialog of dialogs) {
    const sid = `bench_${dialog.id}_${Math.random().toString(36).slice(2, 8)}`;
    const cartId = `cart_${sid}`;
    await core.carts.ensure(cartId, { currency: CURRENCY[shop.name], customerId: dialog.customer });
    const conversation = await core.conversations.create({ sessionId: sid, customerId: dialog.customer, cartId });
    for (const [i, turn] of dialog.turns.entries()) {
      shop.drainSteps();
      const before = (await core.carts.view(cartId)).version;
      const calls: Observed['calls'] = [];
      let reply = '';
      let shown: ProductSummary[] = [];
      for await (const ev of runTurn(core.turn, { conversation, text: turn.user })) {
        if (ev.type === 'tool_call') {
          let args: Record<string, unknown> = {};
          try {
            args = JSON.parse(ev.call.arguments);
          } catch {
            // kept empty
          }
          calls.push({ name: ev.call.name, args });
        }
        if (ev.type === 'completed' || ev.type === 'failed') {
          reply = ev.reply?.text ?? ev.type;
          shown = ev.reply?.products ?? [];
        }
      }
      const steps = shop.drainSteps();
      const intent = steps[0]?.intent ?? 'none';
      const cart = await core.carts.view(cartId);
      const observed = { calls, reply, shown, cart, cartChanged: cart.version !== before };
      const { failures, slots } = check(turn.expect, observed, titles, translatedHeadings);
      outcomes.push({
        dialog: dialog.id,
        turn: i + 1,
        kind: turn.kind,
        user: turn.user,
        intent,
        intentOk: (INTENTS_OF[turn.kind] ?? []).includes(intent),
        slots,
        success: failures.length === 0,
        failures,
        modelMs: steps.reduce((n, s) => n + s.ms, 0),
        reply,
        calls,
      });
    }
  }
  return outcomes;
}

export interface Summary {
  turns: number;
  intentAccuracy: number;
  slotAccuracy: number | null;
  success: number;
  byKind: Record<string, { turns: number; success: number; intent: number }>;
  modelMs: { p50: number; p95: number };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0;
};

export function summarize(outcomes: TurnOutcome[]): Summary {
  const byKind: Summary['byKind'] = {};
  for (const o of outcomes) {
    const k = (byKind[o.kind] ??= { turns: 0, success: 0, intent: 0 });
    k.turns++;
    if (o.success) k.success++;
    if (o.intentOk) k.intent++;
  }
  const slotTotal = outcomes.reduce((n, o) => n + o.slots.total, 0);
  return {
    turns: outcomes.length,
    intentAccuracy: outcomes.filter((o) => o.intentOk).length / Math.max(1, outcomes.length),
    slotAccuracy: slotTotal ? outcomes.reduce((n, o) => n + o.slots.hit, 0) / slotTotal : null,
    success: outcomes.filter((o) => o.success).length / Math.max(1, outcomes.length),
    byKind,
    modelMs: {
      p50: quantile(
        outcomes.map((o) => o.modelMs),
        0.5,
      ),
      p95: quantile(
        outcomes.map((o) => o.modelMs),
        0.95,
      ),
    },
  };
}
