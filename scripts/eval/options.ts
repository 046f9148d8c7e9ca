/** What every set is told from the command line. */
import type { Half } from './split.js';

export interface SetOptions {
  /** List misses after the figures. */
  verbose: boolean;
  /** Which half of a split set the misses are listed for (the other half is only measured). */
  half: Half;
  /** The set names asked for (some sets read more than one). */
  sets: ReadonlySet<string>;
}
