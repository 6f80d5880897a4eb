import { ConfigError } from '../config.js';
import { AppError } from '../errors.js';

/**
 * Runs a command's `main` and exits with the code it returns; a failure is printed as the shopper
 * or operator should read it (a configuration problem or an exposed error by its message, anything
 * else whole, with its stack) and exits with `failureCode`.
 */
export function runCommand(main: () => Promise<number>, failureCode = 1): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof ConfigError) console.error(err.message);
      else if (err instanceof AppError && err.expose) console.error(`Error: ${err.message}`);
      else console.error(err);
      process.exit(failureCode);
    },
  );
}
