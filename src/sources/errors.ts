/** The CLI error codes (CONTRACT §3, §6) that fetching and extracting a page can end in. */
export type SourceErrorCode = 'bad-input' | 'forbidden' | 'fetch-failed';

/**
 * Why a page or feed could not be used: a code for the CLI and commands, and a one-sentence message
 * fit to show the person who asked.
 */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(
    readonly code: SourceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
