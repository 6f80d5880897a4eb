import { createAppEmbedder } from '../app/create-app-embedder.js';
import { ConfigError, type Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { AppError } from '../errors.js';
import type { IngestDeps } from '../ingest/ingest.js';

/**
 * A catalog command's write (import or sync) over the configured database and embedder: its report
 * to stdout, exit code 1 when any record failed.
 */
export async function writeCatalog(
  config: Config,
  write: (deps: IngestDeps) => Promise<{ report: string; failed: number }>,
): Promise<number> {
  const db = await openDatabase(config.database);
  try {
    const embedder = await createAppEmbedder(config);
    const { report, failed } = await write({ db, embedder, catalogLanguage: config.shop.language });
    process.stdout.write(report);
    return failed > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

/** Runs a catalog CLI and exits: settings and exposed errors as one line, anything else with its stack. */
export function runCatalogCli(main: (argv: string[]) => Promise<number>, failure: string): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
      else if (err instanceof AppError && err.expose) process.stderr.write(`Error: ${err.message}\n`);
      else process.stderr.write(`${failure}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
