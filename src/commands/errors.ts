/** Error codes (README: "Command-line interface"). */
export type ErrorCode = 'bad-input' | 'not-found' | 'forbidden' | 'fetch-failed' | 'internal';

/** A failure to report to the user, with the contract's error code. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const badInput = (message: string) => new CommandError('bad-input', message);
export const notFound = (message: string) => new CommandError('not-found', message);

/** The process exit code for a result's error (README: "Command-line interface", exit codes). */
export function exitCodeFor(code: ErrorCode | undefined): number {
  if (code === undefined) return 0;
  return code === 'internal' || code === 'fetch-failed' ? 1 : 2;
}
