import path from 'node:path';
import { envSchema, type Env, type Role } from './config/env-schema.js';
import { DEMO_AGENTS, DEMO_IDENTITY_SECRET, productionProblems } from './config/production-checks.js';
import type { DatabaseTarget } from './db/open-database.js';
import { parseBusinessHours } from './shared/business-hours.js';
import type { Language } from './shared/language.js';

/** The only reader of the environment. Validated at boot; a bad value names its variable. */

export { DEMO_AGENTS, DEMO_IDENTITY_SECRET } from './config/production-checks.js';
export type { Env, Role } from './config/env-schema.js';

export type Mode = 'development' | 'production' | 'test';

export interface LimitsConfig {
  messagesPerMinute: number;
  requestsPerMinute: number;
  sessionsPerMinute: number;
  handoffsPer10Minutes: number;
  socketsPerIp: number;
  socketsPerSession: number;
}

export interface ConsoleAccount {
  email: string;
  password: string;
  role: Role;
}

export interface Config {
  env: Mode;
  /** Production: secrets and logins required, no demo routes, data or logins. */
  production: boolean;
  port: number;
  host: string;
  /** HOST was set explicitly (in demo mode that exposes the demo beyond this machine). */
  hostFromEnv: boolean;
  dataDir: string;
  catalogDir: string;
  promptsDir: string;
  database: DatabaseTarget;
  /** Shared by every instance (socket.io adapter, rate limits); null = one instance, all in memory. */
  redis: { url: string; prefix: string } | null;
  /** On SIGTERM, how long running turns may take to finish. */
  shutdownGraceMs: number;
  turnLeaseMs: number;
  shop: {
    name: string;
    currency: string;
    /** SHOP_LANGUAGE: the catalog's language, and the conversation's when nothing else tells; en when absent. */
    language?: Language;
    platform: 'native' | 'shopify' | 'woocommerce';
    /** ISO 3166-1 codes for the product feed. */
    country?: string;
    shipTo?: string[];
    /** The public origin for links given to outside agents; the request's origin when unset. */
    publicUrl?: string;
  };
  openai: {
    apiKey?: string;
    baseURL?: string;
    model: string;
    embeddingModel: string;
    embeddingDimension?: number;
  } | null;
  embeddings: 'local' | 'openai';
  model: { timeoutMs: number; maxRetries: number; maxSteps: number; historyTokenBudget: number };
  /** Model tokens a conversation and a day may spend before the offline model takes over (0 = no cap). */
  spend: { tokensPerConversation: number; tokensPerDay: number };
  promptsWatch: boolean;
  importOnStart: boolean;
  logLevel: Env['LOG_LEVEL'];
  logFormat: 'text' | 'json';
  identitySecret: string;
  sessionSecret?: string;
  allowedOrigins: string[];
  imageHosts: string[];
  trustProxy: string;
  limits: LimitsConfig;
  consoleAgents: ConsoleAccount[];
  agentSessionHours: number;
  retentionDays: number;
  /** Days before an order in which assistant- or agent-added items credit it to their conversation. */
  attributionWindowDays: number;
  metricsToken?: string;
  handoff: {
    businessHours: string;
    timezone: string;
    approvalMaxQuantity: number;
    approvalMaxLineValue: number;
    approvalMaxRefund: number;
    unhelpfulTurns: number;
    onAnger: boolean;
    onOrderProblem: boolean;
  };
  platforms: PlatformsConfig;
}

/** The shop's platform: catalog sync credentials and webhook secrets (all optional). */
export interface PlatformsConfig {
  shopify: { storeDomain?: string; adminToken?: string; apiVersion: string; webhookSecret?: string };
  woocommerce: { url?: string; key?: string; secret?: string; webhookSecret?: string };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const modeOf = (e: Env): Mode =>
  e.CONCIERGE_ENV === 'production' || e.NODE_ENV === 'production'
    ? 'production'
    : (e.CONCIERGE_ENV ?? (e.NODE_ENV === 'test' ? 'test' : 'development'));

/**
 * Parses an environment (process.env by default) into typed config, or throws a ConfigError
 * naming each bad variable. In production every missing secret or login is named at once.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const mode = modeOf(e);
  const production = mode === 'production';
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const openaiConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  if (production) {
    const problems = productionProblems(e);
    if (problems.length > 0) {
      throw new ConfigError(
        `Refusing to start in production (CONCIERGE_ENV=production or NODE_ENV=production):\n` +
          problems.map((p) => `  ${p}`).join('\n'),
      );
    }
  }
  try {
    parseBusinessHours(e.BUSINESS_HOURS, e.TIMEZONE);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  BUSINESS_HOURS: ${(err as Error).message}`);
  }
  if (e.EMBEDDINGS === 'openai' && !openaiConfigured) {
    throw new ConfigError('Invalid configuration:\n  EMBEDDINGS: "openai" needs OPENAI_API_KEY or OPENAI_BASE_URL');
  }
  return {
    env: mode,
    production,
    port: e.PORT,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    hostFromEnv: e.HOST !== undefined,
    dataDir,
    catalogDir: path.resolve(cwd, e.CATALOG_DIR),
    promptsDir: path.resolve(cwd, e.PROMPTS_DIR),
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.join(dataDir, 'pg'), sharedBuffers: e.PGLITE_SHARED_BUFFERS },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    turnLeaseMs: e.TURN_LEASE_MS,
    shop: {
      name: e.SHOP_NAME,
      currency: e.SHOP_CURRENCY,
      language: e.SHOP_LANGUAGE,
      platform: e.SHOP_PLATFORM,
      country: e.SHOP_COUNTRY,
      shipTo: e.SHIP_TO_COUNTRIES.length ? e.SHIP_TO_COUNTRIES : e.SHOP_COUNTRY ? [e.SHOP_COUNTRY] : [],
      publicUrl: e.PUBLIC_URL,
    },
    openai: openaiConfigured
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseURL: e.OPENAI_BASE_URL,
          model: e.OPENAI_MODEL,
          embeddingModel: e.OPENAI_EMBEDDING_MODEL,
          embeddingDimension: e.OPENAI_EMBEDDING_DIMENSION,
        }
      : null,
    embeddings: e.EMBEDDINGS === 'local' || (e.EMBEDDINGS === 'auto' && !openaiConfigured) ? 'local' : 'openai',
    model: {
      timeoutMs: e.MODEL_TIMEOUT_MS,
      maxRetries: e.MODEL_MAX_RETRIES,
      maxSteps: e.AGENT_MAX_STEPS,
      historyTokenBudget: e.HISTORY_TOKEN_BUDGET,
    },
    spend: { tokensPerConversation: e.MODEL_TOKENS_PER_CONVERSATION, tokensPerDay: e.MODEL_TOKENS_PER_DAY },
    promptsWatch: e.PROMPTS_WATCH ?? mode === 'development',
    importOnStart: e.IMPORT_ON_START,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (production ? 'json' : 'text'),
    identitySecret: e.IDENTITY_SECRET ?? DEMO_IDENTITY_SECRET,
    sessionSecret: e.SESSION_SECRET,
    allowedOrigins: e.ALLOWED_ORIGINS.map((o) => new URL(o).origin),
    imageHosts: e.IMAGE_HOSTS.map((o) => new URL(o).origin),
    trustProxy: e.TRUST_PROXY,
    limits: {
      messagesPerMinute: e.RATE_LIMIT_MESSAGES_PER_MINUTE,
      requestsPerMinute: e.RATE_LIMIT_REQUESTS_PER_MINUTE,
      sessionsPerMinute: e.RATE_LIMIT_SESSIONS_PER_MINUTE,
      handoffsPer10Minutes: e.RATE_LIMIT_HANDOFFS_PER_10_MINUTES,
      socketsPerIp: e.MAX_SOCKETS_PER_IP,
      socketsPerSession: e.MAX_SOCKETS_PER_SESSION,
    },
    consoleAgents: e.CONSOLE_AGENTS.length > 0 ? e.CONSOLE_AGENTS : production ? [] : DEMO_AGENTS,
    agentSessionHours: e.AGENT_SESSION_HOURS,
    retentionDays: e.RETENTION_DAYS,
    attributionWindowDays: e.ATTRIBUTION_WINDOW_DAYS,
    metricsToken: e.METRICS_TOKEN,
    handoff: {
      businessHours: e.BUSINESS_HOURS,
      timezone: e.TIMEZONE,
      approvalMaxQuantity: e.APPROVAL_MAX_QUANTITY,
      approvalMaxLineValue: e.APPROVAL_MAX_LINE_VALUE,
      approvalMaxRefund: e.APPROVAL_MAX_REFUND,
      unhelpfulTurns: e.HANDOFF_AFTER_UNHELPFUL_TURNS,
      onAnger: e.HANDOFF_ON_ANGER,
      onOrderProblem: e.HANDOFF_ON_ORDER_PROBLEM,
    },
    platforms: {
      shopify: {
        storeDomain: e.SHOPIFY_STORE_DOMAIN?.toLowerCase(),
        adminToken: e.SHOPIFY_ADMIN_TOKEN,
        apiVersion: e.SHOPIFY_API_VERSION,
        webhookSecret: e.SHOPIFY_WEBHOOK_SECRET,
      },
      woocommerce: {
        url: e.WOO_URL?.replace(/\/+$/, ''),
        key: e.WOO_KEY,
        secret: e.WOO_SECRET,
        webhookSecret: e.WOO_WEBHOOK_SECRET,
      },
    },
  };
}
