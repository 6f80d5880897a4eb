/** The logging the agent needs; console and pino-style loggers both fit. */
export interface LoggerLike {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}
