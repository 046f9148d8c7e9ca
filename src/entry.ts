/** What every command-line entry point shares: reading the configuration, and exiting. */
import { type Config, ConfigError, loadConfig } from './config.js';

/** The configuration, or null after writing the reason to stderr (a bad variable, named). */
export function configOrReport(): Config | null {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}

/**
 * Runs an entry point: its result is the exit code; an unexpected failure is one line on stderr
 * (with the token, if it ever appears in a message, replaced) and exit code 1.
 */
export function runEntry(main: () => Promise<number>, failure = 'internal error'): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      const token = process.env.DISCORD_TOKEN?.trim();
      // A named failure gets its message; an unexpected one its stack, for the bug report.
      let message = String(
        failure === 'internal error'
          ? ((error as Error)?.stack ?? error)
          : ((error as Error)?.message ?? error),
      );
      if (token && token.length >= 8) message = message.split(token).join('[redacted]');
      process.stderr.write(`${failure}: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
