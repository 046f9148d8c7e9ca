/**
 * Holds the library being served. Readers take `current` (null while the first build runs) or
 * wait for it; a rebuilt library is swapped in whole, so a reader never sees half of one.
 */
import type { Library } from './library.js';

export class LibraryHolder {
  private library: Library | null = null;
  private waiting: ((library: Library) => void)[] = [];

  get current(): Library | null {
    return this.library;
  }

  /** Serves `library` from now on. */
  set(library: Library): void {
    this.library = library;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve(library);
  }

  /** The library, once there is one. */
  get(): Promise<Library> {
    if (this.library) return Promise.resolve(this.library);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
