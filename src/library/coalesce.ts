/**
 * One reload at a time: a call while a reload runs does not start a second one beside it, but makes
 * the running one go round once more when it ends (so a change seen mid-reload is never lost), and
 * resolves with it. A failed round is reported to `onError` and the next goes on: the library that
 * was serving keeps serving.
 *
 * @example
 * const reload = coalesced(() => reloadOnce(), (err) => log.error({ err }, 'reload failed'));
 * await Promise.all([reload(), reload(), reload()]); // at most two rounds, never two at once
 */
export function coalesced(
  once: () => Promise<boolean>,
  onError: (error: unknown) => void,
): () => Promise<boolean> {
  let running: Promise<boolean> | null = null;
  let again = false;
  return async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let any = false;
      do {
        again = false;
        try {
          any = (await once()) || any;
        } catch (error) {
          onError(error);
        }
      } while (again);
      return any;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  };
}
