/**
 * The people an article names in full, as entities: a short form ("Park", "Linda") is keyed to
 * the one full name it belongs to, so a gender learnt or read from a first name belongs to that
 * person, not to every bearer of the surname. Two people sharing a surname ("Ana Ruiz" and "Tomas
 * Ruiz") leave the bare surname ambiguous: it takes neither one's gender, and a he or she sent to
 * it goes to the one of matching gender.
 */
import { nameWords } from './names.js';
import { genderOfFirstName, NAME_PARTICLES } from './words.js';

export type Gender = 'm' | 'f';

export interface Person {
  /** Normal-form words joined by spaces: the entity's key. */
  key: string;
  /** The full name as first written. */
  written: string;
  gender: Gender | null;
}

export interface PeopleIndex {
  /** The key of the person a name stands for: their full name's key, else the name's own words. */
  keyOf(name: string): string;
  /** The full-name people a one-word name could be (by surname, else by first name), in article order. */
  holders(name: string): readonly Person[];
  /** The person with that key, if the article names them in full. */
  person(key: string): Person | undefined;
}

export function indexPeople(fullNames: readonly string[]): PeopleIndex {
  const byKey = new Map<string, Person>();
  const bySurname = new Map<string, Person[]>();
  const byFirstName = new Map<string, Person[]>();
  for (const written of fullNames) {
    const words = nameWords(written);
    if (words.length < 2) continue;
    const key = words.join(' ');
    if (byKey.has(key)) continue;
    const first = words[0] ?? '';
    const p: Person = {
      key,
      written,
      gender: NAME_PARTICLES.has(first) ? null : genderOfFirstName(first),
    };
    byKey.set(key, p);
    for (const [map, w] of [
      [bySurname, words.at(-1) ?? ''],
      [byFirstName, first],
    ] as const) {
      const list = map.get(w) ?? [];
      list.push(p);
      map.set(w, list);
    }
  }
  const holders = (name: string): readonly Person[] => {
    const words = nameWords(name);
    if (words.length !== 1) return [];
    // A surname first: "Sanders" is Ann Sanders before it is a Sanders Smith.
    const w = words[0] ?? '';
    return bySurname.get(w) ?? byFirstName.get(w) ?? [];
  };
  const keyOf = (name: string): string => {
    const words = nameWords(name);
    if (words.length >= 2) {
      const key = words.join(' ');
      if (byKey.has(key)) return key;
      // "Ana Maria Ruiz" written later as "Ana Ruiz", or the reverse: same first and last word.
      const same = (bySurname.get(words.at(-1) ?? '') ?? []).filter((p) => p.key.split(' ')[0] === words[0]);
      return same.length === 1 ? (same[0] as Person).key : key;
    }
    const found = holders(name);
    return found.length === 1 ? (found[0] as Person).key : (words[0] ?? name.toLowerCase());
  };
  return { keyOf, holders, person: (key) => byKey.get(key) };
}
