/**
 * Structured logs (pino) on stderr, so stdout stays for answers. Secrets are scrubbed from every
 * line before it is written, whatever logged them.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * A logger at `level` that replaces each of `secrets` with "[redacted]" in every line.
 *
 * @example
 * createLogger('info', [token]).info({ err }, 'login failed')
 */
export function createLogger(level: string, secrets: (string | undefined)[] = []): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const destination = {
    write(line: string) {
      let safe = line;
      for (const secret of hidden) safe = safe.split(secret).join('[redacted]');
      process.stderr.write(safe);
    },
  };
  return pino(
    {
      level,
      base: { app: 'citebot' },
      redact: {
        paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
