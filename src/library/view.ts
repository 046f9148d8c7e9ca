/**
 * The view of one server's or person's library: the shared library plus its own articles, searched
 * where they are, never copied into one combined index. With a big shared library and a thousand
 * server libraries, a combined copy per server was the memory problem (issue 14); a view costs
 * about what the server's own articles cost.
 *
 * Ids are the view's: the shared library's sentences, statements and speakers keep their ids, the
 * own library's follow them (offset by the shared library's counts), so a citation, a statement id
 * or a speaker id means the same thing to every command as in a combined library. Each search asks
 * both indexes and merges the hits by score. A speaker of the own articles who is, by name, one
 * speaker of the shared library becomes that speaker (so /quotes finds their words in both); the
 * others are new speakers after the shared ones.
 */
import type { SpeakerEntity, Statement } from '../attribution/types.js';
import type { Article, Sentence } from '../corpus/types.js';
import { SpeakerDirectory } from '../retrieval/speakerDirectory.js';
import { type Choice, clip } from '../retrieval/suggest.js';
import { type Hit, type QueryOptions, TextIndex, type TextIndexJson } from '../retrieval/textIndex.js';
import type { IngestedArticle, Library, LibraryKind } from './library.js';

/** How the own library's ids map into the view's. */
interface Offsets {
  sentence: number;
  statement: number;
  /** Own speaker id → view speaker id. */
  speaker: Int32Array;
}

/** The shared library plus `own`, as one {@link Library}; own articles whose id the shared library has are left out. */
export function libraryView(shared: Library, own: Library, kind: LibraryKind): Library {
  return new LibraryView(shared, own, kind);
}

class LibraryView implements Library {
  readonly dataDir: string;
  readonly articleById: ReadonlyMap<string, Article>;
  readonly sentenceIndex: TextIndex;
  readonly speakerDirectory: SpeakerDirectory;
  readonly origins: ReadonlyMap<string, LibraryKind>;
  readonly skipped;
  private readonly offsets: Offsets;
  /** The own library's sentences, statements and articles under the view's ids. */
  private readonly ownSentences: Sentence[];
  private readonly ownStatements: Statement[];
  private readonly ownArticles: Article[];
  /** Shared speakers that gained own statements, by id, and the own speakers that are new. */
  private readonly mergedSpeakers = new Map<number, SpeakerEntity>();
  private readonly newSpeakers: SpeakerEntity[] = [];
  /** Own sentence ids (own numbering) of articles left out for an id clash. */
  private readonly hiddenOwn: (ownSentenceId: number) => boolean;
  private cache: {
    articles?: Article[];
    sentences?: Sentence[];
    statements?: Statement[];
    speakers?: SpeakerEntity[];
  } = {};

  constructor(
    private readonly shared: Library,
    private readonly own: Library,
    kind: LibraryKind,
  ) {
    this.dataDir = shared.dataDir;
    this.skipped = shared.skipped;
    const sentenceOffset = shared.sentences.length;
    const statementOffset = shared.statements.length;
    const clashing = new Set(own.articles.filter((a) => shared.articleById.has(a.id)).map((a) => a.id));
    this.hiddenOwn =
      clashing.size === 0 ? () => false : (id) => clashing.has(own.sentences[id]?.article as string);
    this.ownSentences = own.sentences.map((s) => ({ ...s, id: s.id + sentenceOffset }));
    this.ownArticles = own.articles
      .filter((a) => !clashing.has(a.id))
      .map((a) => ({ ...a, sentences: a.sentences.map((s) => this.ownSentences[s.id] as Sentence) }));
    const origins = new Map<string, LibraryKind>();
    for (const a of this.ownArticles) origins.set(a.id, kind);
    this.origins = origins;
    const byId = new Map(this.ownArticles.map((a) => [a.id, a]));
    this.articleById = new ChainedMap(shared.articleById, byId);

    const speakerOf = new Int32Array(own.speakers.length).fill(-1);
    this.offsets = { sentence: sentenceOffset, statement: statementOffset, speaker: speakerOf };
    for (const o of own.speakers) {
      const same = sameSpeaker(shared, o);
      if (same) {
        const merged = this.mergedSpeakers.get(same.id) ?? {
          ...same,
          aliases: [...same.aliases],
          statements: [...same.statements],
        };
        for (const name of [o.name, ...o.aliases])
          if (name !== merged.name && !merged.aliases.includes(name)) merged.aliases.push(name);
        merged.description ??= o.description;
        this.mergedSpeakers.set(same.id, merged);
        speakerOf[o.id] = same.id;
      } else {
        const id = shared.speakers.length + this.newSpeakers.length;
        this.newSpeakers.push({ ...o, id, aliases: [...o.aliases], statements: [] });
        speakerOf[o.id] = id;
      }
    }
    this.ownStatements = own.statements.map((st) => ({
      ...st,
      id: st.id + statementOffset,
      firstSentence: st.firstSentence + sentenceOffset,
      lastSentence: st.lastSentence + sentenceOffset,
      speaker: st.speaker === null ? null : (speakerOf[st.speaker] as number),
    }));
    for (const st of this.ownStatements) {
      if (st.speaker === null || clashing.has(st.article)) continue;
      this.speakerById(st.speaker).statements.push(st.id);
    }
    this.sentenceIndex = new ViewIndex(
      shared.sentenceIndex,
      own.sentenceIndex,
      sentenceOffset,
      this.hiddenOwn,
    );
    this.speakerDirectory = new ViewDirectory(this, shared.speakerDirectory, own.speakerDirectory);
  }

  /** The view's speaker with this id. */
  speakerById(id: number): SpeakerEntity {
    const sharedCount = this.shared.speakers.length;
    if (id >= sharedCount) return this.newSpeakers[id - sharedCount] as SpeakerEntity;
    return this.mergedSpeakers.get(id) ?? (this.shared.speakers[id] as SpeakerEntity);
  }

  /** The speakers whose statements the own articles changed or brought: merged and new ones. */
  speakersTouchedByOwn(): SpeakerEntity[] {
    return [...this.mergedSpeakers.values(), ...this.newSpeakers];
  }

  /** The own library's speakers, as it numbers them. */
  ownSpeakers(): readonly SpeakerEntity[] {
    return this.own.speakers;
  }

  /** An own speaker's view id. */
  ownSpeakerId(ownId: number): number {
    return this.offsets.speaker[ownId] as number;
  }

  get articles(): Article[] {
    this.cache.articles ??= this.shared.articles.concat(this.ownArticles);
    return this.cache.articles;
  }

  /**
   * The shared sentences then the own ones, without copying the shared ones: commands mostly
   * look sentences up by id, and a copy per view (359,000 entries with a 10,000-article shared
   * library) was the largest part of a first use and of each loaded view's memory.
   */
  get sentences(): Sentence[] {
    this.cache.sentences ??= concatenation(this.shared.sentences, this.ownSentences);
    return this.cache.sentences;
  }

  get statements(): Statement[] {
    this.cache.statements ??= concatenation(this.shared.statements, this.ownStatements);
    return this.cache.statements;
  }

  get speakers(): SpeakerEntity[] {
    if (!this.cache.speakers) {
      const speakers = this.shared.speakers.concat(this.newSpeakers);
      for (const [id, merged] of this.mergedSpeakers) speakers[id] = merged;
      this.cache.speakers = speakers;
    }
    return this.cache.speakers;
  }

  get ingested(): readonly IngestedArticle[] {
    return [
      ...this.shared.ingested,
      ...this.own.ingested.filter((a) => !this.shared.articleById.has(a.article.id)),
    ];
  }

  article(id: string): Article {
    const article = this.articleById.get(id);
    if (!article) throw new Error(`unknown article id ${id}`);
    return article;
  }

  statementCount(articleId: string): number {
    return this.shared.articleById.has(articleId)
      ? this.shared.statementCount(articleId)
      : this.own.statementCount(articleId);
  }

  speakersWithWord(stem: string): readonly number[] {
    const own = this.own.speakersWithWord(stem);
    const fromShared = this.shared.speakersWithWord(stem);
    if (own.length === 0) return fromShared;
    return [...new Set([...fromShared, ...own.map((id) => this.ownSpeakerId(id))])];
  }

  statementsAt(sentenceId: number): number[] {
    const { sentence, statement } = this.offsets;
    if (sentenceId < sentence) return this.shared.statementsAt(sentenceId);
    return this.own.statementsAt(sentenceId - sentence).map((id) => id + statement);
  }
}

/** Array methods that change the array in place. */
const MUTATORS = new Set([
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
]);

/**
 * `first` then `second` as one read-only array. Indexes and `length` read through to the two
 * parts; anything else (a method, iteration) runs on one copy, made when first needed: commands
 * mostly look entries up by id, and a copy per view (359,000 sentences with a 10,000-article shared
 * library) was the largest part of a first use and of each loaded view's memory. Writing throws.
 */
export function concatenation<T>(first: readonly T[], second: readonly T[]): T[] {
  const split = first.length;
  const total = split + second.length;
  let whole: T[] | null = null;
  const copy = (): T[] => {
    whole ??= first.concat(second);
    return whole;
  };
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(key);
    return Number.isInteger(i) && String(i) === key ? i : -1;
  };
  const readOnly = (): boolean => {
    throw new TypeError('a library view is read-only');
  };
  return new Proxy([] as T[], {
    get(_target, key) {
      if (key === 'length') return total;
      const i = index(key);
      if (i >= 0) return i < split ? first[i] : second[i - split];
      if (typeof key === 'string' && MUTATORS.has(key)) return readOnly;
      const array = copy();
      const value = Reflect.get(array, key, array);
      return typeof value === 'function' ? value.bind(array) : value;
    },
    has(_target, key) {
      const i = index(key);
      return i >= 0 ? i < total : Reflect.has(copy(), key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') return Reflect.getOwnPropertyDescriptor(target, key);
      const i = index(key);
      if (i < 0 || i >= total) return undefined;
      return {
        value: i < split ? first[i] : second[i - split],
        writable: false,
        enumerable: true,
        configurable: true,
      };
    },
    ownKeys() {
      return [...Array.from({ length: total }, (_, i) => String(i)), 'length'];
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  });
}

/**
 * Per shared library: an own speaker's kind and names → the shared speaker id it is (-1: none).
 * The same people are quoted in many servers' articles, and the name lookups were the largest
 * part of making a view after loading the snapshot; cleared when it grows past {@link SAME_KEPT}.
 */
const sameSpeakerMemo = new WeakMap<Library, Map<string, number>>();
const SAME_KEPT = 50_000;

/** The one shared speaker an own speaker is, by name or alias and kind; null when none or several. */
function sameSpeaker(shared: Library, own: SpeakerEntity): SpeakerEntity | null {
  if (own.kind === 'group') return null;
  let memo = sameSpeakerMemo.get(shared);
  if (!memo) {
    memo = new Map();
    sameSpeakerMemo.set(shared, memo);
  }
  const key = `${own.kind}\u0000${[own.name, ...own.aliases].join('\u0000')}`;
  let id = memo.get(key);
  if (id === undefined) {
    id = lookUpSameSpeaker(shared, own)?.id ?? -1;
    if (memo.size >= SAME_KEPT) memo.clear();
    memo.set(key, id);
  }
  return id < 0 ? null : (shared.speakers[id] as SpeakerEntity);
}

function lookUpSameSpeaker(shared: Library, own: SpeakerEntity): SpeakerEntity | null {
  for (const name of [own.name, ...own.aliases]) {
    const found = shared.speakerDirectory.byName(name).filter((s) => s.kind === own.kind);
    if (found.length === 1) return found[0] as SpeakerEntity;
    if (found.length > 1) return null;
  }
  return null;
}

/** A read-only map that looks in `first`, then in `second`. */
class ChainedMap<K, V> implements ReadonlyMap<K, V> {
  constructor(
    private readonly first: ReadonlyMap<K, V>,
    private readonly second: ReadonlyMap<K, V>,
  ) {}
  get(key: K): V | undefined {
    return this.first.get(key) ?? this.second.get(key);
  }
  has(key: K): boolean {
    return this.first.has(key) || this.second.has(key);
  }
  get size(): number {
    let n = this.first.size;
    for (const k of this.second.keys()) if (!this.first.has(k)) n++;
    return n;
  }
  *entries(): MapIterator<[K, V]> {
    yield* this.first.entries();
    for (const [k, v] of this.second) if (!this.first.has(k)) yield [k, v];
  }
  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/** Best first, then by id, as one index ranks. */
const byScore = (a: Hit, b: Hit) => b.score - a.score || a.id - b.id;

/**
 * The two sentence indexes searched as one: own hits are moved to the view's ids and merged by
 * score. BM25 statistics are each index's own, so a term rare in the server's articles weighs as
 * it does there; the top answers are those of each part.
 */
class ViewIndex extends TextIndex {
  constructor(
    private readonly sharedIndex: TextIndex,
    private readonly ownIndex: TextIndex,
    private readonly offset: number,
    private readonly hidden: (ownId: number) => boolean,
  ) {
    super(sharedIndex.fields);
    this.isKnownName = (plain: string) => sharedIndex.isKnownName(plain) || ownIndex.isKnownName(plain);
  }

  private ownFilter(filter?: (id: number) => boolean): (id: number) => boolean {
    const offset = this.offset;
    const hidden = this.hidden;
    return filter ? (id) => !hidden(id) && filter(id + offset) : (id) => !hidden(id);
  }

  private shift = (h: Hit): Hit => ({ ...h, id: h.id + this.offset });

  override search(query: string, options: QueryOptions = {}): Hit[] {
    const own = this.ownIndex.search(query, { ...options, filter: this.ownFilter(options.filter) });
    const shared = this.sharedIndex.search(query, options);
    if (own.length === 0) return shared;
    const hits = [...shared, ...own.map(this.shift)].sort(byScore);
    return options.limit === undefined ? hits : hits.slice(0, options.limit);
  }

  override searchFuzzy(
    query: string,
    fuzziness: number,
    limit: number,
    filter?: (id: number) => boolean,
  ): Hit[] {
    const own = this.ownIndex.searchFuzzy(query, fuzziness, limit, this.ownFilter(filter));
    const shared = this.sharedIndex.searchFuzzy(query, fuzziness, limit, filter);
    return [...shared, ...own.map(this.shift)].sort(byScore).slice(0, limit);
  }

  override wordSets(query: string, filter?: (id: number) => boolean): { word: string; ids: Set<number> }[] {
    const shared = this.sharedIndex.wordSets(query, filter);
    const own = this.ownIndex.wordSets(query, this.ownFilter(filter));
    return shared.map((set, i) => {
      const ids = new Set(set.ids);
      for (const id of own[i]?.ids ?? []) ids.add(id + this.offset);
      return { word: set.word, ids };
    });
  }

  override get size(): number {
    return this.sharedIndex.size + this.ownIndex.size;
  }

  override bareSearch(query: string): number {
    return this.sharedIndex.bareSearch(query) + this.ownIndex.bareSearch(query);
  }

  override toJSON(): TextIndexJson {
    throw new Error('a library view is not saved: its parts are');
  }

  override addAll(): void {
    throw new Error('a library view is read-only: add to its parts');
  }

  override async addAllAsync(): Promise<void> {
    throw new Error('a library view is read-only: add to its parts');
  }

  override discardAll(): void {
    throw new Error('a library view is read-only: remove from its parts');
  }
}

/** The two speaker directories asked as one, answering with the view's speakers. */
class ViewDirectory extends SpeakerDirectory {
  constructor(
    private readonly view: LibraryView,
    private readonly sharedDirectory: SpeakerDirectory,
    private readonly ownDirectory: SpeakerDirectory,
  ) {
    super([]);
  }

  private fromShared = (s: SpeakerEntity) => this.view.speakerById(s.id);
  private fromOwn = (s: SpeakerEntity) => this.view.speakerById(this.view.ownSpeakerId(s.id));

  private union(shared: SpeakerEntity[], own: SpeakerEntity[]): SpeakerEntity[] {
    const out = new Map<number, SpeakerEntity>();
    for (const s of shared.map(this.fromShared)) out.set(s.id, s);
    for (const s of own.map(this.fromOwn)) out.set(s.id, s);
    return [...out.values()].sort((a, b) => a.id - b.id);
  }

  override namedIn(text: string): { speakers: SpeakerEntity[]; used: Set<string> } {
    const shared = this.sharedDirectory.namedIn(text);
    const own = this.ownDirectory.namedIn(text);
    return {
      speakers: this.union(shared.speakers, own.speakers),
      used: new Set([...shared.used, ...own.used]),
    };
  }

  override affiliatedWith(code: string): number[] {
    const own = this.ownDirectory.affiliatedWith(code).map((id) => this.view.ownSpeakerId(id));
    return [...new Set([...this.sharedDirectory.affiliatedWith(code), ...own])].sort((a, b) => a - b);
  }

  override byName(query: string): SpeakerEntity[] {
    return this.union(this.sharedDirectory.byName(query), this.ownDirectory.byName(query));
  }

  override closest(query: string): { speaker: SpeakerEntity; spelling: string } | null {
    const shared = this.sharedDirectory.closest(query);
    if (shared) return { ...shared, speaker: this.fromShared(shared.speaker) };
    const own = this.ownDirectory.closest(query);
    return own ? { ...own, speaker: this.fromOwn(own.speaker) } : null;
  }

  override suggest(typed: string): Choice[] {
    // Each part's suggestions as the view's speakers (an own speaker may be a shared one), with the
    // view's statement counts, most quoted first.
    const sharedChoices = this.sharedDirectory.suggest(typed).map((choice) => ({
      choice,
      speaker: this.touchedByValue().get(choice.value) ?? null,
    }));
    const ownChoices = this.ownDirectory.suggest(typed).map((choice) => ({
      choice,
      speaker: this.ownByValue().get(choice.value) ?? null,
    }));
    const seen = new Set<string>();
    const out: { choice: Choice; count: number; order: number }[] = [];
    [...sharedChoices, ...ownChoices].forEach(({ choice, speaker }, order) => {
      const value = speaker ? clip(speaker.name) : choice.value;
      if (seen.has(value)) return;
      seen.add(value);
      const count = speaker ? speaker.statements.length : Number(/\((\d+)\)$/.exec(choice.name)?.[1] ?? 0);
      out.push({ choice: speaker ? { name: labelOf(speaker), value } : choice, count, order });
    });
    return out
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .slice(0, 25)
      .map((o) => o.choice);
  }

  private touched: Map<string, SpeakerEntity> | null = null;
  private ownValues: Map<string, SpeakerEntity> | null = null;

  /** Shared speakers the own articles joined, by their choice value. */
  private touchedByValue(): Map<string, SpeakerEntity> {
    this.touched ??= new Map(this.view.speakersTouchedByOwn().map((s) => [clip(s.name), s]));
    return this.touched;
  }

  /** Own speakers' choice values → the view's speaker each is. */
  private ownByValue(): Map<string, SpeakerEntity> {
    this.ownValues ??= new Map(this.view.ownSpeakers().map((s) => [clip(s.name), this.fromOwn(s)]));
    return this.ownValues;
  }
}

/** A speaker's autocomplete label: name and statement count, within Discord's 100 characters. */
function labelOf(s: SpeakerEntity): string {
  const count = ` (${s.statements.length})`;
  const name = s.name.length + count.length > 100 ? `${s.name.slice(0, 99 - count.length)}…` : s.name;
  return `${name}${count}`;
}
