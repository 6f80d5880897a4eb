import path from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from './db/open-database.js';
import { parseBusinessHours } from './shared/business-hours.js';

/** The only reader of the environment. Validated at boot; a bad value names its variable. */

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  CATALOG_DIR: z.string().default('./catalog'),
  PROMPTS_DIR: z.string().default('./prompts'),
  DATABASE_URL: optionalString.pipe(z.string().url({ message: 'must be a postgres:// URL' }).optional()),
  SHOP_NAME: z.string().min(1).default('Alder & Pine'),
  SHOP_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .default('EUR'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(
    z.string().url({ message: 'must be a URL such as http://localhost:11434/v1' }).optional(),
  ),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  OPENAI_EMBEDDING_DIMENSION: z.coerce.number().int().positive().max(16_000).optional(),
  /**
   * Use the local embedder even when an OpenAI-compatible server is configured (e.g. an LLM server without embeddings).
   */
  EMBEDDINGS: z.enum(['auto', 'local', 'openai']).default('auto'),
  MODEL_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  AGENT_MAX_STEPS: z.coerce.number().int().min(1).max(20).default(6),
  HISTORY_TOKEN_BUDGET: z.coerce.number().int().min(500).default(16_000),
  PROMPTS_WATCH: bool.optional(),
  IMPORT_ON_START: bool.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Shared with the shop's backend, which signs customer ids with it. */
  IDENTITY_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Signs shopper session tokens; generated and kept in DATA_DIR when not set. */
  SESSION_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Comma-separated shop origins allowed to embed the widget; empty = same origin only. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url({ message: 'must be a list of origins such as https://shop.example' }))),
  RATE_LIMIT_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Console logins, "email:password,email:password". */
  CONSOLE_AGENTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^[^:\s]+@[^:\s]+:.{8,}$/,
            'must be "email:password" pairs (passwords of 8+ characters), comma-separated',
          ),
      ),
    ),
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
  /** Hold an assistant cart change for a person's approval above this quantity of one item… */
  APPROVAL_MAX_QUANTITY: z.coerce.number().int().min(1).default(5),
  /** …or above this line value in the shop currency (major units). */
  APPROVAL_MAX_LINE_VALUE: z.coerce.number().positive().default(500),
  /** Hand over after this many assistant replies in a row that used no tool (0 = never). */
  HANDOFF_AFTER_UNHELPFUL_TURNS: z.coerce.number().int().min(0).default(3),
  HANDOFF_ON_ANGER: bool.default(true),
  HANDOFF_ON_ORDER_PROBLEM: bool.default(true),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  catalogDir: string;
  promptsDir: string;
  database: DatabaseTarget;
  shop: { name: string; currency: string };
  openai: {
    apiKey?: string;
    baseURL?: string;
    model: string;
    embeddingModel: string;
    embeddingDimension?: number;
  } | null;
  embeddings: 'local' | 'openai';
  model: { timeoutMs: number; maxRetries: number; maxSteps: number; historyTokenBudget: number };
  promptsWatch: boolean;
  importOnStart: boolean;
  logLevel: Env['LOG_LEVEL'];
  identitySecret: string;
  sessionSecret?: string;
  allowedOrigins: string[];
  rateLimits: { messagesPerMinute: number; requestsPerMinute: number };
  consoleAgents: { email: string; password: string }[];
  handoff: {
    businessHours: string;
    timezone: string;
    approvalMaxQuantity: number;
    approvalMaxLineValue: number;
    unhelpfulTurns: number;
    onAnger: boolean;
    onOrderProblem: boolean;
  };
}

/** Development only: the console's demo login when CONSOLE_AGENTS is not set. */
export const DEMO_AGENT = { email: 'alex@example.com', password: 'concierge-demo' };

/** Development only: the demo storefront signs customers with this when IDENTITY_SECRET is not set. */
export const DEMO_IDENTITY_SECRET = 'concierge-demo-identity-secret-change-me';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses an environment (process.env by default) into typed config, or throws a ConfigError naming each bad variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const openaiConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  if (e.NODE_ENV === 'production' && !e.IDENTITY_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  IDENTITY_SECRET: required in production (the secret your shop signs customer ids with)',
    );
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
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    catalogDir: path.resolve(cwd, e.CATALOG_DIR),
    promptsDir: path.resolve(cwd, e.PROMPTS_DIR),
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.join(dataDir, 'pg') },
    shop: { name: e.SHOP_NAME, currency: e.SHOP_CURRENCY },
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
    promptsWatch: e.PROMPTS_WATCH ?? e.NODE_ENV === 'development',
    importOnStart: e.IMPORT_ON_START,
    logLevel: e.LOG_LEVEL,
    identitySecret: e.IDENTITY_SECRET ?? DEMO_IDENTITY_SECRET,
    sessionSecret: e.SESSION_SECRET,
    allowedOrigins: e.ALLOWED_ORIGINS.map((o) => new URL(o).origin),
    rateLimits: {
      messagesPerMinute: e.RATE_LIMIT_MESSAGES_PER_MINUTE,
      requestsPerMinute: e.RATE_LIMIT_REQUESTS_PER_MINUTE,
    },
    consoleAgents:
      e.CONSOLE_AGENTS.length > 0
        ? e.CONSOLE_AGENTS.map((pair) => {
            const i = pair.indexOf(':');
            return { email: pair.slice(0, i).toLowerCase(), password: pair.slice(i + 1) };
          })
        : e.NODE_ENV === 'production'
          ? []
          : [DEMO_AGENT, { email: 'sam@example.com', password: 'concierge-demo' }],
    handoff: {
      businessHours: e.BUSINESS_HOURS,
      timezone: e.TIMEZONE,
      approvalMaxQuantity: e.APPROVAL_MAX_QUANTITY,
      approvalMaxLineValue: e.APPROVAL_MAX_LINE_VALUE,
      unhelpfulTurns: e.HANDOFF_AFTER_UNHELPFUL_TURNS,
      onAnger: e.HANDOFF_ON_ANGER,
      onOrderProblem: e.HANDOFF_ON_ORDER_PROBLEM,
    },
  };
}
