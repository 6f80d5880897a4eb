import { DEFAULT_PGLITE_SHARED_BUFFERS, SHARED_BUFFERS_SETTING } from '../db/pglite-database.js';
import { z } from 'zod';
import { LANGUAGES } from '../shared/language.js';

/** Every environment variable Concierge reads, validated; README's configuration table lists them. */

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const list = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** agent: the console; merchandiser: the studio; admin: everything. */
export const ROLES = ['agent', 'merchandiser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `email:password[:role]`; the password may itself contain colons. */
const consoleAgent = z.string().transform((entry, ctx) => {
  const at = entry.indexOf(':');
  const email = entry.slice(0, at).trim().toLowerCase();
  let password = entry.slice(at + 1);
  let role: Role = 'agent';
  const last = password.lastIndexOf(':');
  const suffix = last >= 0 ? password.slice(last + 1).trim() : '';
  if ((ROLES as readonly string[]).includes(suffix)) {
    role = suffix as Role;
    password = password.slice(0, last);
  }
  if (at <= 0 || !/^[^@\s:]+@[^@\s:]+$/.test(email) || password.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be "email:password" or "email:password:role" entries, comma-separated',
    });
    return z.NEVER;
  }
  return { email, password, role };
});

export const envSchema = z.object({
  /** `production` turns on every safety check; `NODE_ENV=production` implies it. */
  CONCIERGE_ENV: z.enum(['development', 'production', 'test']).optional(),
  NODE_ENV: optionalString,
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Unset: 127.0.0.1 in demo mode (a forgotten setting exposes nothing), 0.0.0.0 in production. */
  HOST: optionalString,
  DATA_DIR: z.string().default('./data'),
  CATALOG_DIR: z.string().default('./catalog'),
  PROMPTS_DIR: z.string().default('./prompts'),
  DATABASE_URL: optionalString.pipe(z.string().url({ message: 'must be a postgres:// URL' }).optional()),
  /** A Redis shared by every instance: live events reach every instance's sockets, limits are shared. */
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379')
      .optional(),
  ),
  /** Prefix of every Redis key and channel, so deployments can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default('concierge:'),
  /** On SIGTERM, how long running turns may take to finish before the sockets are closed. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Postgres's shared_buffers in the embedded database. `auto` (the default): 32MB while the database
   * is under 256 MB on disk at start, PGlite's 128MB above; 32MB saves about 120 MB of resident memory,
   * and a 10k catalog searches about 40% slower with it.
   */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(SHARED_BUFFERS_SETTING, 'auto, or a size such as 32MB')
    .default(DEFAULT_PGLITE_SHARED_BUFFERS),
  /** How long a turn's lease lasts before another instance may recover it (renewed every third of it). */
  TURN_LEASE_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  SHOP_NAME: z.string().min(1).default('Demo shop'),
  SHOP_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .default('EUR'),
  /** The shop's own language (its catalog's): the conversation's when nothing else tells (docs/languages.md). */
  SHOP_LANGUAGE: z.enum(LANGUAGES).default('en'),
  /** Whose carts the assistant changes: ours (native), or the Shopify/WooCommerce shop's own, via its pages. */
  SHOP_PLATFORM: z.enum(['native', 'shopify', 'woocommerce']).default('native'),
  /** The shop's country (ISO 3166-1 alpha-2), in the product feed; left out of it when unset. */
  SHOP_COUNTRY: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 code such as NL')
      .optional(),
  ),
  /** Countries the shop ships to, in the product feed; the shop's country when unset. */
  SHIP_TO_COUNTRIES: list.pipe(z.array(z.string().regex(/^[A-Z]{2}$/, 'must be ISO 3166-1 codes such as NL,BE,DE'))),
  /** This server's public origin for links given to outside agents (llms.txt, feeds, checkout_url). */
  PUBLIC_URL: optionalString.pipe(z.string().url({ message: 'must be a URL such as https://shop.example' }).optional()),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(
    z.string().url({ message: 'must be a URL such as http://localhost:11434/v1' }).optional(),
  ),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  OPENAI_EMBEDDING_DIMENSION: z.coerce.number().int().positive().max(16_000).optional(),
  /** `local` keeps the local embedder with a remote LLM (e.g. an LLM server without embeddings). */
  EMBEDDINGS: z.enum(['auto', 'local', 'openai']).default('auto'),
  MODEL_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  AGENT_MAX_STEPS: z.coerce.number().int().min(1).max(20).default(6),
  HISTORY_TOKEN_BUDGET: z.coerce.number().int().min(500).default(16_000),
  /** Model tokens (in + out) one conversation may spend, and all conversations in a day; 0 = no cap. */
  MODEL_TOKENS_PER_CONVERSATION: count(150_000),
  MODEL_TOKENS_PER_DAY: count(5_000_000),
  PROMPTS_WATCH: bool.optional(),
  IMPORT_ON_START: bool.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** `json` (pino, one object a line) in production unless set; `text` otherwise. */
  LOG_FORMAT: z.enum(['text', 'json']).optional(),
  /** Shared with the shop's backend, which signs customer ids with it. */
  IDENTITY_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Signs shopper session tokens; generated and kept in DATA_DIR when not set (demo mode only). */
  SESSION_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Shop origins allowed to embed the widget, comma-separated; empty = same origin only. */
  ALLOWED_ORIGINS: list.pipe(
    z.array(z.string().url({ message: 'must be a list of origins such as https://shop.example' })),
  ),
  /** Extra image origins the pages may load (catalog image hosts are found at start). */
  IMAGE_HOSTS: list.pipe(z.array(z.string().url({ message: 'must be a list of origins such as https://cdn.example' }))),
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), for REST and sockets alike:
   * unset or `false` = none; a number = that many hops; or addresses/CIDRs/`loopback`, comma-separated.
   */
  TRUST_PROXY: z.string().default('false'),
  RATE_LIMIT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_SESSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** New handoffs to a person per client address in 10 minutes. */
  RATE_LIMIT_HANDOFFS_PER_10_MINUTES: z.coerce.number().int().min(1).default(10),
  MAX_SOCKETS_PER_IP: z.coerce.number().int().min(1).default(50),
  MAX_SOCKETS_PER_SESSION: z.coerce.number().int().min(1).default(5),
  /** The complete list of console accounts; others are disabled at start. */
  CONSOLE_AGENTS: list.pipe(z.array(consoleAgent)),
  AGENT_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Days conversations, carts and sessions are kept before the daily job deletes them. */
  RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  /** Days before an order in which items the assistant or an agent added credit it to their conversation. */
  ATTRIBUTION_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** Bearer token for GET /metrics; without it /metrics is only served in demo mode. */
  METRICS_TOKEN: optionalString,
  /** When people answer, e.g. "mon-fri 09:00-17:30"; outside, shoppers are told when someone will reply. */
  BUSINESS_HOURS: z.string().default('mon-sun 00:00-24:00'),
  TIMEZONE: z
    .string()
    .default('Europe/Amsterdam')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Amsterdam'),
  /** Hold an assistant cart change for a person's approval when the resulting line is above this quantity… */
  APPROVAL_MAX_QUANTITY: z.coerce.number().int().min(1).default(5),
  /** …or above this line value in the shop currency (major units). */
  APPROVAL_MAX_LINE_VALUE: z.coerce.number().positive().default(500),
  /** An order change the shopper confirmed waits for a person when it refunds more than this (major units). */
  APPROVAL_MAX_REFUND: z.coerce.number().min(0).default(500),
  /** Hand over after this many assistant replies in a row that used no tool (0 = never). */
  HANDOFF_AFTER_UNHELPFUL_TURNS: z.coerce.number().int().min(0).default(3),
  HANDOFF_ON_ANGER: bool.default(true),
  HANDOFF_ON_ORDER_PROBLEM: bool.default(true),
  /** The Shopify shop for `catalog:sync -- shopify`, e.g. `my-shop.myshopify.com` (no scheme). */
  SHOPIFY_STORE_DOMAIN: optionalString.pipe(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/i, 'must be a host name such as my-shop.myshopify.com')
      .optional(),
  ),
  /** A custom app's Admin API access token. */
  SHOPIFY_ADMIN_TOKEN: optionalString,
  SHOPIFY_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}$/, 'must be a version such as 2025-07')
    .default('2025-07'),
  /** Verifies Shopify webhooks (the app's API secret key); unset = the Shopify webhook routes refuse everything. */
  SHOPIFY_WEBHOOK_SECRET: optionalString,
  /** The WordPress site for `catalog:sync -- woocommerce`, e.g. https://shop.example. */
  WOO_URL: optionalString.pipe(z.string().url({ message: 'must be a URL such as https://shop.example' }).optional()),
  WOO_KEY: optionalString,
  WOO_SECRET: optionalString,
  /** Verifies WooCommerce webhooks; unset = the WooCommerce webhook route refuses everything. */
  WOO_WEBHOOK_SECRET: optionalString,
});

export type Env = z.infer<typeof envSchema>;
