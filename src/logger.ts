import pino from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * Keys whose values are never logged. A key matches when, lowercased and without `-` and `_`, it ends with one of
 * these: so `accessToken`, `x-api-key`, `api_key`, `sessionSecret`, `identitySecret` and `set-cookie` match, while
 * `maxTokens` and `tokenCount` do not. A key ending in `hash` is also redacted when its value is 64 hex characters
 * (an HMAC such as a customer's identity hash).
 */
export const SECRET_KEYS = [
  'token',
  'password',
  'passwd',
  'passwordhash',
  'secret',
  'authorization',
  'cookie',
  'cookies',
  'apikey',
  'privatekey',
  'credentials',
  'signature',
  'customerhash',
] as const;

/** Secrets recognised inside any string, messages and stacks included. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[\w~+/.=-]+/gi, '$1 [redacted]'],
  // Our session tokens (base64url JSON payload, then its HMAC) and JWTs both start with `eyJ`, that is `{"`.
  [/\beyJ[\w-]*\.[\w-]+(?:\.[\w-]+)?/g, '[redacted]'],
  // Credentials in URLs such as DATABASE_URL.
  [/(\/\/[^/\s:@]+:)[^/\s@]+@/g, '$1[redacted]@'],
];

/**
 * Keys whose values are personal data (a shopper's contact and address), never logged: matched like
 * SECRET_KEYS, on the key's end. Ids (customer, conversation, session) are not personal data here.
 */
export const PERSONAL_KEYS = [
  'email',
  'phone',
  'address',
  'line1',
  'line2',
  'postalcode',
  'zip',
  'street',
  'firstname',
  'lastname',
] as const;

/** Personal data recognised inside any string: email addresses and international phone numbers. */
const PERSONAL_PATTERNS: [RegExp, string][] = [
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
  [/(?<![\w/])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?!\w)/g, '[phone]'],
];

const REDACTED = '[redacted]';
const PERSONAL = '[personal]';
const MAX_DEPTH = 12;

function isSecret(key: string, value: unknown): boolean {
  const k = key.toLowerCase().replace(/[-_]/g, '');
  if (SECRET_KEYS.some((s) => k.endsWith(s))) return true;
  return k.endsWith('hash') && typeof value === 'string' && /^[0-9a-f]{64}$/i.test(value);
}

const isPersonal = (key: string): boolean => {
  const k = key.toLowerCase().replace(/[-_]/g, '');
  return PERSONAL_KEYS.some((p) => k.endsWith(p));
};

function redactString(s: string): string {
  return [...SECRET_PATTERNS, ...PERSONAL_PATTERNS].reduce(
    (out, [pattern, replacement]) => out.replace(pattern, replacement),
    s,
  );
}

/**
 * A JSON-safe copy of log data: errors spelled out (name, message, code, stack, cause chain, AggregateError's
 * errors), secrets redacted, cycles cut as "[circular]" and nesting bounded.
 */
function loggable(value: unknown, depth: number, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return String(value);
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[truncated]';
  ancestors.add(value);
  try {
    const next = (v: unknown) => loggable(v, depth + 1, ancestors);
    if (value instanceof Error) {
      const e = value as Error & { code?: unknown };
      const out: Record<string, unknown> = { name: next(e.name), message: next(e.message) };
      if (e.code !== undefined) out.code = next(e.code);
      if (e.stack) out.stack = next(e.stack);
      if (e.cause !== undefined) out.cause = next(e.cause);
      if (e instanceof AggregateError) out.errors = next(e.errors);
      return out;
    }
    if (Array.isArray(value)) return value.map(next);
    if (value instanceof Map) return next(Object.fromEntries(value));
    if (value instanceof Set) return next([...value]);
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return next(toJSON.call(value));
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, isSecret(k, v) ? REDACTED : isPersonal(k) ? PERSONAL : next(v)]),
    );
  } finally {
    ancestors.delete(value);
  }
}

export type LogFormat = 'text' | 'json';

/** Log data as JSON-safe values, with errors spelled out and secrets and personal data redacted. */
function safeData(data: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!data) return {};
  try {
    return loggable(data, 0, new Set()) as Record<string, unknown>;
  } catch (err) {
    // a throwing getter or toJSON must not turn logging into a crash
    return { unloggable: String(err) };
  }
}

/**
 * A leveled logger writing one line per event to stderr (or `write`). `text` (development): time,
 * level, message, then the data as JSON. `json` (production): one JSON object a line from pino,
 * `{"level":"error","time":"…","msg":"…",…data}`. Data goes through `loggable` either way, so errors
 * keep their stack and cause, and secrets (`SECRET_KEYS`) and personal data (`PERSONAL_KEYS`,
 * email addresses, phone numbers) never print.
 */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  opts: { format?: LogFormat } = {},
): Logger {
  if (opts.format === 'json') {
    const out = pino(
      {
        level: level === 'silent' ? 'silent' : level,
        base: undefined,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      { write: (line: string) => write(line.trimEnd()) },
    );
    const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, data?: Record<string, unknown>) =>
      out[lvl](safeData(data), redactString(msg));
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  }
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, data?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const extra = data ? ` ${JSON.stringify(safeData(data))}` : '';
    write(`${new Date().toISOString()} ${lvl.padEnd(5)} ${redactString(msg)}${extra}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
