import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { lockDataDir } from '../db/data-dir-lock.js';
import { DEFAULT_PGLITE_SHARED_BUFFERS, SHARED_BUFFERS_SETTING, openPglite } from '../db/pglite-database.js';
import { servePgliteOverWire } from '../db/serve-over-wire.js';
import { AppError } from '../errors.js';

const USAGE = `Usage: npm run db:serve -- --port <port> --data-dir <dir> [--host 127.0.0.1] [--max-connections 64]
       [--shared-buffers auto|<size>]

Serves an embedded PGlite database (with pgvector) kept in <dir> over the Postgres wire protocol,
so that several Concierge instances share it through DATABASE_URL, as they would share a real
Postgres. A development tool: it runs one statement (and one transaction) at a time, for every
connection. Port 0 picks a free port. Shared buffers as PGLITE_SHARED_BUFFERS (auto: 32MB for a small
database, 128MB from 256 MB on disk). Prints the DATABASE_URL to use; Ctrl-C stops it.`;

const argsSchema = z.object({
  port: z
    .string({ message: 'is required' })
    .pipe(z.coerce.number<string>({ message: 'must be a number' }).int().min(0).max(65_535)),
  dataDir: z.string({ message: 'is required' }).trim().min(1),
  host: z.string().trim().min(1).default('127.0.0.1'),
  maxConnections: z.coerce.number({ message: 'must be a number' }).int().min(1).max(1_000).default(64),
  sharedBuffers: z
    .string()
    .regex(SHARED_BUFFERS_SETTING, 'auto, or a size such as 32MB')
    .default(DEFAULT_PGLITE_SHARED_BUFFERS),
});

class UsageError extends AppError {
  constructor(message: string) {
    super('cli:usage', message, { status: 400, expose: true });
    this.name = 'UsageError';
  }
}

function readArgs(argv: string[]): z.infer<typeof argsSchema> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        host: { type: 'string' },
        'max-connections': { type: 'string' },
        'shared-buffers': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const parsed = argsSchema.safeParse({
    port: values.port,
    dataDir: values['data-dir'],
    host: values.host,
    maxConnections: values['max-connections'],
    sharedBuffers: values['shared-buffers'],
  });
  if (!parsed.success) {
    const flag = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(parsed.error.issues.map((i) => `${flag(i.path[0])}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const args = readArgs(argv);
  const dataDir = path.resolve(args.dataDir);
  // The same lock as the embedded engine: never two processes on one data directory.
  const lock = lockDataDir(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await openPglite(dataDir, { sharedBuffers: args.sharedBuffers });
  const served = await servePgliteOverWire(db, {
    host: args.host,
    port: args.port,
    maxConnections: args.maxConnections,
  });
  process.stdout.write(`DATABASE_URL=${served.url}\n`);
  process.stderr.write(`Serving ${dataDir} (PGlite + pgvector) until stopped (Ctrl-C).\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping\n`);
    await served.stop();
    await db.close();
    lock.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`Error: ${err.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (err instanceof AppError && err.expose) process.stderr.write(`Error: ${err.message}\n`);
  else process.stderr.write(`db:serve failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
