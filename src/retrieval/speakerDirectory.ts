/**
 * Speakers by name: who a text names, who a typed name means, and autocomplete suggestions, with
 * lookups (exact names, surnames, word prefixes) built once so that none scans every speaker.
 */
import { nameWords, similarity } from '../attribution/names.js';
import type { SpeakerEntity } from '../attribution/types.js';
import { isStopWord, normalise, words } from '../nlp/terms.js';
import { namesOf, placesIn } from './places.js';
import { questionSubjects } from './subject.js';
import type { Choice } from './suggest.js';
import { clip } from './suggest.js';

const push = (map: Map<string, number[]>, key: string, id: number) => {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
};

/** The places that are the subject of a question ("What did the UK promise?"). */
function subjectPlaces(text: string): { code: string; words: string[] }[] {
  return questionSubjects(text).flatMap((subject) => placesIn(subject));
}

/** Jaro-Winkler similarity from which a typed name is close to a speaker's (for suggestions only). */
const CLOSE = 0.84;
/** Candidate sets above this size are searched in popularity order instead of sorted whole. */
const LARGE = 2000;
const MAX_CHOICES = 25;

export class SpeakerDirectory {
  private readonly speakers: readonly SpeakerEntity[];
  /** Per speaker: the words of its name and of each alias, in normal form. */
  private readonly names: string[][][];
  private readonly byFullName = new Map<string, number[]>();
  private readonly bySurname = new Map<string, number[]>();
  private readonly byWord = new Map<string, number[]>();
  /** Every name word, sorted, for prefix lookups. */
  private readonly sortedWords: string[];
  /** Speaker ids, most quoted first. */
  private readonly popular: number[];
  /** Place code → speakers whose name or role names it ("British Defense Secretary" → GB), per code on first use. */
  private readonly byPlace = new Map<string, number[]>();

  constructor(speakers: readonly SpeakerEntity[]) {
    this.speakers = speakers;
    this.names = speakers.map((s) => [s.name, ...s.aliases].map(nameWords).filter((w) => w.length > 0));
    this.names.forEach((lists, id) => {
      for (const list of lists) {
        push(this.byFullName, list.join(' '), id);
        for (const w of list) push(this.byWord, w, id);
        if (speakers[id]?.kind === 'person') {
          push(this.bySurname, list.at(-1) as string, id);
        }
      }
    });
    this.sortedWords = [...this.byWord.keys()].sort();
    this.popular = speakers
      .map((s) => s.id)
      .sort((a, b) => (speakers[b]?.statements.length ?? 0) - (speakers[a]?.statements.length ?? 0) || a - b);
  }

  private speaker(id: number): SpeakerEntity {
    return this.speakers[id] as SpeakerEntity;
  }

  /** Name words starting with `prefix`. */
  private wordsStartingWith(prefix: string): string[] {
    let lo = 0;
    let hi = this.sortedWords.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sortedWords[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sortedWords.length && (this.sortedWords[i] as string).startsWith(prefix); i++) {
      out.push(this.sortedWords[i] as string);
    }
    return out;
  }

  /**
   * The people (and organisations) a text names, and the words that named them: a full name, or a
   * surname under any spelling the articles use ("Hegseth", "Hegses"). Unnamed sources never count.
   *
   * @example
   * directory.namedIn('what did Trump say about NATO') // { speakers: [Donald Trump], used: {'trump'} }
   */
  namedIn(text: string): { speakers: SpeakerEntity[]; used: Set<string> } {
    const typed = words(text)
      .filter((w) => !isStopWord(w) || w.capitalised)
      .map((w) => w.plain);
    const typedSet = new Set(typed);
    const found = new Set<number>();
    const used = new Set<string>();
    for (const t of typed) {
      // Spellings the articles use only: a typo of a name, or a common word near one, names nobody.
      for (const id of t.length >= 3 ? (this.bySurname.get(t) ?? []) : []) {
        found.add(id);
        used.add(t);
      }
      for (const id of this.byWord.get(t) ?? []) {
        if (this.speaker(id).kind === 'group') continue;
        for (const list of this.names[id] ?? []) {
          if (list.every((w) => typedSet.has(w))) {
            found.add(id);
            for (const w of list) used.add(w);
          }
        }
      }
    }
    // "What did the UK promise?": a country or body as the subject means its people.
    for (const place of subjectPlaces(text)) {
      const ids = this.affiliatedWith(place.code);
      for (const id of ids) found.add(id);
      if (ids.length > 0) for (const w of place.words) used.add(w);
    }
    return { speakers: [...found].sort((a, b) => a - b).map((id) => this.speaker(id)), used };
  }

  /** Speakers whose name, aliases or role name a place (by code, see {@link placesIn}). */
  affiliatedWith(code: string): number[] {
    let ids = this.byPlace.get(code);
    if (!ids) {
      // One quick pass with the place's names, then the exact check on the few that pass it.
      const escaped = namesOf(code).map((n) =>
        n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\W+'),
      );
      const quick = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
      ids = [];
      for (const s of this.speakers) {
        const text = [s.name, ...s.aliases, s.description ?? ''].join('. ');
        if (quick.test(normalise(text)) && placesIn(text).some((p) => p.code === code)) ids.push(s.id);
      }
      this.byPlace.set(code, ids);
    }
    return ids;
  }

  /**
   * The speakers a typed name means: an exact name or alias, else the same surname (with a
   * matching first name if one was typed), else speakers with every typed word among their name
   * words. Only spellings the articles use count: a typo or a part of a name means nobody (see
   * {@link closest} for a suggestion).
   */
  byName(query: string): SpeakerEntity[] {
    const wanted = nameWords(query);
    if (wanted.length === 0) return [];
    const exact = this.byFullName.get(wanted.join(' '));
    if (exact) return exact.map((id) => this.speaker(id));
    const first = wanted[0] as string;
    const bySurname = new Set<number>();
    for (const id of this.bySurname.get(wanted.at(-1) as string) ?? []) {
      const firstOk =
        wanted.length === 1 ||
        first.length === 1 ||
        (this.names[id] ?? []).some((n) => n[0] === first && n.length > 1);
      if (firstOk) bySurname.add(id);
    }
    if (bySurname.size > 0) return [...bySurname].sort((a, b) => a - b).map((id) => this.speaker(id));
    let whole: Set<number> | undefined;
    for (const w of wanted) {
      const ids = new Set(this.byWord.get(w) ?? []);
      const previous: Set<number> | undefined = whole;
      whole = previous === undefined ? ids : new Set([...previous].filter((id: number) => ids.has(id)));
    }
    return [...(whole ?? [])].sort((a, b) => a - b).map((id) => this.speaker(id));
  }

  /**
   * The speaker closest to a name that {@link byName} does not resolve, and the spelling to show:
   * name words that share the typed words' first letter and are a typo of them (Jaro-Winkler at
   * least {@link CLOSE}) or start with them. Null when no speaker is close.
   *
   * @example
   * directory.closest('Hegset') // { speaker: Pete Hegses, spelling: 'Pete Hegseth' }
   */
  closest(query: string): { speaker: SpeakerEntity; spelling: string } | null {
    const wanted = nameWords(query).filter((w) => w.length >= 3);
    if (wanted.length === 0) return null;
    const near = (typed: string, word: string) =>
      word.startsWith(typed) ? Math.max(0.9, similarity(typed, word)) : similarity(typed, word);
    const candidates = new Set<number>();
    for (const w of wanted)
      for (const word of this.wordsStartingWith(w.slice(0, 1)))
        if (near(w, word) >= CLOSE) for (const id of this.byWord.get(word) ?? []) candidates.add(id);
    let best: { id: number; list: number; score: number } | null = null;
    for (const id of candidates) {
      (this.names[id] ?? []).forEach((list, k) => {
        const score =
          wanted.reduce((sum, w) => sum + Math.max(...list.map((x) => near(w, x))), 0) / wanted.length;
        const better =
          best === null ||
          score > best.score + 1e-9 ||
          (Math.abs(score - best.score) <= 1e-9 && this.count(id) > this.count(best.id));
        if (score >= CLOSE && better) best = { id, list: k, score };
      });
    }
    if (best === null) return null;
    const { id, list } = best as { id: number; list: number };
    const speaker = this.speaker(id);
    const written = [speaker.name, ...speaker.aliases][list] ?? speaker.name;
    // A surname alone ("Hegseth") is shown with the speaker's other names ("Pete Hegseth").
    const full = speaker.name.split(/\s+/);
    const spelling =
      speaker.kind === 'person' && !written.includes(' ') && full.length > 1
        ? [...full.slice(0, -1), written].join(' ')
        : written;
    return { speaker, spelling };
  }

  /** How many speakers have a name word starting with `prefix` (counted up to just past LARGE). */
  private reach(prefix: string): number {
    let n = 0;
    for (const word of this.wordsStartingWith(prefix)) {
      n += this.byWord.get(word)?.length ?? 0;
      if (n > LARGE) break;
    }
    return n;
  }

  /** Speakers with, for every typed word, a name word starting with it. */
  private prefixMatches(wanted: string[]): Set<number> {
    let result: Set<number> | undefined;
    for (const w of wanted) {
      const ids = new Set<number>();
      for (const word of this.wordsStartingWith(w)) for (const id of this.byWord.get(word) ?? []) ids.add(id);
      const previous: Set<number> | undefined = result;
      result = previous === undefined ? ids : new Set([...previous].filter((id: number) => ids.has(id)));
      if (result.size === 0) break;
    }
    return result ?? new Set<number>();
  }

  /**
   * Autocomplete: speakers whose full name starts with what was typed, then those with a name word
   * starting with each typed word; most quoted first. Names carry their statement counts.
   */
  suggest(typed: string): Choice[] {
    const wanted = nameWords(typed);
    let chosen: number[];
    if (wanted.length === 0) chosen = this.popular.slice(0, MAX_CHOICES);
    else {
      const phrase = wanted.join(' ');
      const rank = (id: number) => (normalise(this.speaker(id).name).startsWith(phrase) ? 0 : 1);
      if (wanted.every((w) => this.reach(w) > LARGE)) {
        // One or two letters typed: walk the most quoted speakers and test each, rather than
        // collect tens of thousands of candidates.
        const matches = (id: number) =>
          (this.names[id] ?? []).some((list) => wanted.every((w) => list.some((x) => x.startsWith(w))));
        const first: number[] = [];
        const second: number[] = [];
        for (const id of this.popular) {
          if (!matches(id)) continue;
          (rank(id) === 0 ? first : second).push(id);
          if (first.length >= MAX_CHOICES) break;
        }
        chosen = [...first, ...second].slice(0, MAX_CHOICES);
      } else {
        chosen = [...this.prefixMatches(wanted)]
          .sort((a, b) => rank(a) - rank(b) || this.count(b) - this.count(a) || this.compareNames(a, b))
          .slice(0, MAX_CHOICES);
      }
    }
    return chosen.map((id) => {
      const s = this.speaker(id);
      const count = ` (${s.statements.length})`;
      const name = s.name.length + count.length > 100 ? `${s.name.slice(0, 99 - count.length)}…` : s.name;
      return { name: `${name}${count}`, value: clip(s.name) };
    });
  }

  private count(id: number): number {
    return this.speaker(id).statements.length;
  }

  private compareNames(a: number, b: number): number {
    const x = this.speaker(a).name;
    const y = this.speaker(b).name;
    return x < y ? -1 : x > y ? 1 : 0;
  }
}
