/**
 * A full-text index (MiniSearch, BM25+) over documents with numeric ids, using the shared term
 * pipeline of {@link indexTerms} / {@link queryTerms}. Names get typo-tolerant matching.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { type ArticleTerms, isStopWord, learnNames, queryTerms, termsOf, words } from '../nlp/terms.js';
import {
  type BinaryIndex,
  fromBinary,
  type Scored,
  scoreQuery,
  stateOf,
  type TermQuery,
  toBinary,
} from './miniInternals.js';
import { oneWordNames, placesIn } from './places.js';

/** A document to index: its id and one text per field. */
export interface IndexedDoc {
  id: number;
  [field: string]: string | number;
}

export interface Hit {
  id: number;
  score: number;
  /** How many distinct query words matched (stems and name forms counted once per word). */
  matched: number;
  /** How many content words the query had. */
  queryWords: number;
}

export interface QueryOptions {
  filter?: (id: number) => boolean;
  limit?: number;
  /** Extra weight per field, e.g. `{ speaker: 2 }`. */
  boost?: Record<string, number>;
}

export interface RankOptions extends Omit<QueryOptions, 'limit'> {
  /**
   * Orders hits by `score × weigh(matched, queryWords)` (then as {@link TextIndex.search}):
   * a non-negative weight of how many of the query's words a hit matched.
   */
  weigh?: (matched: number, queryWords: number) => number;
}

/** Edit distance allowed for names, as a fraction of the word's length. */
const NAME_FUZZINESS = 0.3;

/** Weight of a place's other names in a query ("British" for "UK"). */
const OTHER_NAME_WEIGHT = 0.8;
/** Stems this long or longer also match spellings one edit away ({@link TextIndex.wordSets}). */
const VARIANT_MIN_LENGTH = 5;
/** A near variant shares this many first letters with the word. */
const VARIANT_PREFIX = 4;

/**
 * Whether the commands' rankings stop reading hits once no later hit can reach their top answers
 * ({@link TextIndex.ranked}); off only to measure the exhaustive ranking (the benchmark's check).
 */
let bounded = true;
/** Turns early stopping on or off for every ranking (the benchmark's recall check). */
export function setSearchBound(on: boolean): void {
  bounded = on;
}
/** Whether rankings may stop early. */
export const searchBounded = (): boolean => bounded;

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** What {@link TextIndex.toJSON} gives and {@link TextIndex.fromJSON} takes. */
export interface TextIndexJson {
  fields: string[];
  mini: unknown;
  capitalised: string[];
  lowercase: string[];
}

/** What {@link TextIndex.toBinary} gives and {@link TextIndex.fromBinary} takes. */
export interface TextIndexBinary {
  fields: string[];
  binary: BinaryIndex;
  capitalised: string[];
  lowercase: string[];
}

/**
 * What the rest of Citebot needs from a full-text index. {@link TextIndex} implements it over
 * MiniSearch in memory; a client of a search server (for corpora beyond one machine's memory)
 * would implement the same methods.
 */
export interface SearchIndex {
  /** Ranks documents for a query, best first (BM25-like scores, names matched with typos). */
  search(query: string, options?: QueryOptions): Hit[];
  /** Like search, with typo tolerance on every word. */
  searchFuzzy(query: string, fuzziness: number, limit: number, filter?: (id: number) => boolean): Hit[];
  /** The documents holding each content word of `query` or a near variant of it (see {@link TextIndex.wordSets}). */
  wordSets(query: string, filter?: (id: number) => boolean): { word: string; ids: Set<number> }[];
  /** True when a lower-case word looks like a name in the indexed text. */
  isKnownName(plain: string): boolean;
  readonly size: number;
}

/** A query's scored documents with what turns one into a {@link Hit}. */
interface ScoredQuery {
  scored: Scored;
  /** Per distinct query term, the query word it belongs to (stems and name forms are one word). */
  groups: number[];
  queryWords: number;
}

/** How many distinct query words the document at position `j` matched. */
function matchedAt({ scored, groups }: ScoredQuery, j: number): number {
  const { masks, words } = scored;
  let small = 0;
  let large: Set<number> | null = null;
  for (let w = 0; w < words; w++) {
    let m = masks[j * words + w] as number;
    while (m !== 0) {
      const low = m & -m;
      const group = groups[w * 32 + (31 - Math.clz32(low))] as number;
      if (group < 31) small |= 1 << group;
      else {
        large ??= new Set();
        large.add(group);
      }
      m ^= low;
    }
  }
  let matched = large?.size ?? 0;
  for (; small !== 0; small &= small - 1) matched++;
  return matched;
}

/** The hit at position `j` of a scored query. */
function hitOf(query: ScoredQuery, j: number): Hit {
  const { scored, queryWords } = query;
  return {
    id: scored.ids.get(scored.shorts[j] as number) as number,
    score: scored.scores[j] as number,
    matched: matchedAt(query, j),
    queryWords: queryWords,
  };
}

/** Hits a cursor sorts first; each later batch is four times larger. */
const FIRST_BATCH = 32;

/**
 * A scored query's hits best first, one per `next()`, sorted a batch at a time: each batch is
 * picked in one pass over the scores (a small heap of the best so far), so taking the first few
 * of many thousands of hits costs little more than the scoring. Equal scores come in the order
 * MiniSearch meets them, as in {@link TextIndex.search}. With `weigh`, "best" is the score times
 * the weight of the number of words matched ({@link RankOptions.weigh}).
 */
class HitCursor {
  private batch: number[] = [];
  private at = 0;
  private size = FIRST_BATCH;
  /** The last hit handed out (score and position); later batches rank after it. */
  private lastScore = Number.POSITIVE_INFINITY;
  private lastPosition = -1;
  private left: number;

  /** What the hits are ordered by: their scores, or their scores weighed by words matched. */
  private readonly keys: Float64Array;

  constructor(
    private readonly query: ScoredQuery,
    private readonly filter?: (id: number) => boolean,
    weigh?: (matched: number, queryWords: number) => number,
  ) {
    const { count, scores } = query.scored;
    this.left = count;
    if (!weigh) this.keys = scores;
    else {
      // Words matched range over 0 … distinct terms: one weight each, looked up per hit.
      const weights = Array.from({ length: query.groups.length + 1 }, (_, m) => weigh(m, query.queryWords));
      this.keys = new Float64Array(count);
      for (let j = 0; j < count; j++)
        this.keys[j] = (scores[j] as number) * (weights[matchedAt(query, j)] as number);
    }
  }

  next(): Hit | undefined {
    const { shorts, ids } = this.query.scored;
    const scores = this.keys;
    for (;;) {
      if (this.at >= this.batch.length) {
        if (this.left === 0) return undefined;
        this.fill();
      }
      const j = this.batch[this.at++] as number;
      this.left--;
      this.lastScore = scores[j] as number;
      this.lastPosition = j;
      if (!this.filter || this.filter(ids.get(shorts[j] as number) as number)) return hitOf(this.query, j);
    }
  }

  /** The next `size` hits after the last one handed out, in order. */
  private fill(): void {
    const { count } = this.query.scored;
    const scores = this.keys;
    const size = Math.min(this.size, this.left);
    this.size *= 4;
    const lastScore = this.lastScore;
    const lastPosition = this.lastPosition;
    // A heap with the worst kept hit on top: a hit no better than it is passed over.
    const heap: number[] = [];
    const worse = (a: number, b: number) => {
      const x = scores[a] as number;
      const y = scores[b] as number;
      return x < y || (x === y && a > b);
    };
    const down = (from: number) => {
      let i = from;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) return;
        const right = left + 1;
        const child =
          right < heap.length && worse(heap[right] as number, heap[left] as number) ? right : left;
        if (!worse(heap[child] as number, heap[i] as number)) return;
        const t = heap[i] as number;
        heap[i] = heap[child] as number;
        heap[child] = t;
        i = child;
      }
    };
    let floor = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < count; j++) {
      const x = scores[j] as number;
      // Already handed out, or (the heap full) no better than its worst: positions rise, so an
      // equal score comes after it.
      if (x > lastScore || (x === lastScore && j <= lastPosition) || x <= floor) continue;
      if (heap.length < size) {
        heap.push(j);
        for (let i = heap.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!worse(heap[i] as number, heap[parent] as number)) break;
          const t = heap[i] as number;
          heap[i] = heap[parent] as number;
          heap[parent] = t;
          i = parent;
        }
      } else {
        heap[0] = j;
        down(0);
      }
      if (heap.length === size) floor = scores[heap[0] as number] as number;
    }
    heap.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
    this.batch = heap;
    this.at = 0;
  }
}

export class TextIndex implements SearchIndex {
  readonly fields: readonly string[];
  private readonly mini: MiniSearch<IndexedDoc>;
  /** Words seen capitalised mid-sentence and never in lower case: likely names. */
  private readonly capitalised = new Set<string>();
  private readonly lowercase = new Set<string>();

  /** An empty index over `fields`, or one restored from {@link toJSON}'s or {@link toBinary}'s output. */
  constructor(fields: readonly string[], saved?: TextIndexJson | TextIndexBinary) {
    this.fields = fields;
    const options = TextIndex.options(fields, this);
    this.mini = !saved
      ? new MiniSearch<IndexedDoc>(options)
      : 'binary' in saved
        ? fromBinary<IndexedDoc>(saved.binary, options)
        : MiniSearch.loadJS<IndexedDoc>(saved.mini as never, options);
    for (const w of saved?.capitalised ?? []) this.capitalised.add(w);
    for (const w of saved?.lowercase ?? []) this.lowercase.add(w);
  }

  private static options(fields: readonly string[], owner: TextIndex) {
    return {
      fields: [...fields],
      storeFields: [],
      // Each text is split once: its words give the index terms and teach which words are names.
      tokenize: (text: string) => {
        const ws = words(text);
        learnNames(ws, owner.capitalised, owner.lowercase);
        return termsOf(ws);
      },
      processTerm: (term: string) => term,
      searchOptions: { tokenize: (text: string) => text.split(' '), processTerm: (term: string) => term },
    };
  }

  /** A plain object to save (a snapshot); {@link fromJSON} restores it. */
  toJSON(): TextIndexJson {
    return {
      fields: [...this.fields],
      mini: this.mini.toJSON(),
      capitalised: [...this.capitalised],
      lowercase: [...this.lowercase],
    };
  }

  static fromJSON(json: TextIndexJson): TextIndex {
    return new TextIndex(json.fields, json);
  }

  /** The index as flat arrays plus the name lists: loads without rebuilding maps from JSON. */
  toBinary(): TextIndexBinary {
    return {
      fields: [...this.fields],
      binary: toBinary(this.mini),
      capitalised: [...this.capitalised],
      lowercase: [...this.lowercase],
    };
  }

  static fromBinary(saved: TextIndexBinary): TextIndex {
    return new TextIndex(saved.fields, saved);
  }

  /** Adds documents; call once per document. */
  addAll(docs: Iterable<IndexedDoc>): void {
    this.mini.addAll([...docs]);
  }

  /** Adds documents in chunks, letting other work (serving queries) run in between. */
  async addAllAsync(docs: readonly IndexedDoc[], chunkSize = 5000): Promise<void> {
    await this.mini.addAllAsync(docs, { chunkSize });
  }

  /** Removes documents (e.g. an article that changed). */
  discardAll(ids: Iterable<number>): void {
    for (const id of ids) if (this.mini.has(id)) this.mini.discard(id);
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** True when `plain` (lower case) looks like a name in the indexed text. */
  isKnownName = (plain: string): boolean => this.capitalised.has(plain) && !this.lowercase.has(plain);

  /**
   * Ranks documents for a free-text query, best first (equal scores in the order MiniSearch
   * meets them).
   *
   * @example
   * index.search('Hegseth NATO', { limit: 5 }) // also finds sentences that spell him "Hegses"
   */
  search(query: string, options: QueryOptions = {}): Hit[] {
    const scored = this.score(query, options);
    if (!scored) return [];
    const { count, shorts, scores, ids } = scored.scored;
    const filter = options.filter;
    const limit = options.limit ?? count;
    if (limit < count / 8) {
      const cursor = new HitCursor(scored, filter);
      const out: Hit[] = [];
      for (let hit = cursor.next(); hit && out.length < limit; hit = cursor.next()) out.push(hit);
      return out;
    }
    const at: number[] = [];
    for (let j = 0; j < count; j++) if (!filter || filter(ids.get(shorts[j] as number) as number)) at.push(j);
    at.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
    if (at.length > limit) at.length = limit;
    return at.map((j) => hitOf(scored, j));
  }

  /**
   * The hits of {@link search} one at a time, best first, each found only when asked for: a
   * ranking that knows how much a hit can weigh at most stops reading once the rest cannot reach
   * its top answers, instead of going through every sentence that says "president". With
   * `weigh`, hits come in the order of their score times `weigh(matched, queryWords)` (a ranking
   * that scales scores by the share of the query matched reads far fewer hits that way). An index
   * that overrides `search` (a library view) gives its search's hits, in the same order.
   */
  ranked(query: string, options: RankOptions = {}): { next(): Hit | undefined } {
    const { weigh } = options;
    if (this.search !== TextIndex.prototype.search) {
      const hits = this.search(query, options);
      if (weigh) {
        const key = (h: Hit) => h.score * weigh(h.matched, h.queryWords);
        hits.sort((a, b) => key(b) - key(a));
      }
      let i = 0;
      return { next: () => hits[i++] };
    }
    const scored = this.score(query, options);
    return scored ? new HitCursor(scored, options.filter, weigh) : { next: () => undefined };
  }

  /** Every document matching `query`, scored as MiniSearch would score the query's terms. */
  private score(query: string, options: QueryOptions): ScoredQuery | null {
    const terms = queryTerms(query, this.isKnownName);
    if (terms.length === 0) return null;
    const fuzzy = new Set(terms.filter((t) => t.fuzzy).map((t) => t.term));
    const wordOf = new Map<string, number>();
    let queryWords = 0;
    for (const word of words(query)) {
      if (isStopWord(word)) continue;
      queryWords++;
      for (const t of [word.plain, word.stem]) if (!wordOf.has(t)) wordOf.set(t, queryWords);
    }
    // A place under its other names: "UK" also finds "British" and "Britain", as the same word.
    const other = new Set<string>();
    for (const place of placesIn(query)) {
      const at = wordOf.get(place.words[0] as string);
      if (at === undefined) continue;
      for (const form of oneWordNames(place.code)) {
        const stem = words(form)[0]?.stem;
        if (stem === undefined || wordOf.has(stem)) continue;
        wordOf.set(stem, at);
        other.add(stem);
      }
    }
    const all = [...terms.map((t) => t.term), ...other];
    const exact = new Set(all);
    const queries: TermQuery[] = all.map((term) => ({
      term,
      fuzzy: fuzzy.has(term) ? NAME_FUZZINESS : false,
      boost: other.has(term) ? OTHER_NAME_WEIGHT : 1,
    }));
    const scored = scoreQuery(this.mini, queries, {
      ...(options.boost ? { boost: options.boost } : {}),
      // A typo-level match must be a name in the text too: "Latte" finds "Latte", never "latter".
      keepDerived: (term) => exact.has(term) || this.isKnownName(term),
    });
    const groups = scored.terms.map((t, u) => wordOf.get(t) ?? queryWords + 1 + u);
    return { scored, groups, queryWords };
  }

  /**
   * Ranks documents matching any of the words of `query` with typo tolerance on every word (for
   * text retold from memory); slower than {@link search}, so callers keep queries short.
   */
  searchFuzzy(query: string, fuzziness: number, limit: number, filter?: (id: number) => boolean): Hit[] {
    const terms = [
      ...new Set(
        words(query)
          .filter((w) => !isStopWord(w))
          .map((w) => w.plain),
      ),
    ];
    if (terms.length === 0) return [];
    return this.mini
      .search(terms.join(' '), {
        fuzzy: fuzziness,
        prefix: false,
        combineWith: 'OR',
        ...(filter ? { filter: (r: SearchResult) => filter(r.id as number) } : {}),
      })
      .slice(0, limit)
      .map((r) => ({
        id: r.id as number,
        score: r.score,
        matched: r.queryTerms.length,
        queryWords: terms.length,
      }));
  }

  /**
   * For each content word of `query`, the documents that hold it: the same stem, a name under a
   * typo (as in {@link search}), or a near variant in the index, a spelling one edit away that
   * shares the first four letters ("defence" ~ "defense", "defensive"; "spend" is not "speed").
   *
   * @example
   * index.wordSets('defence spending') // [{ word: 'defence', ids }, { word: 'spending', ids }]
   */
  wordSets(query: string, filter?: (id: number) => boolean): { word: string; ids: Set<number> }[] {
    const out: { word: string; ids: Set<number> }[] = [];
    const seen = new Set<string>();
    for (const word of words(query)) {
      if (isStopWord(word) || seen.has(word.stem)) continue;
      seen.add(word.stem);
      const ids = new Set<number>();
      const [name] = queryTerms(word.capitalised ? capitalise(word.plain) : word.plain, this.isKnownName);
      const fuzzyName = name?.fuzzy === true;
      const variant = word.stem.length >= VARIANT_MIN_LENGTH;
      const term = fuzzyName ? word.plain : word.stem;
      const results = this.mini.search(term, {
        fuzzy: fuzzyName ? NAME_FUZZINESS : variant ? 1 : false,
        ...(fuzzyName
          ? { boostDocument: (_id: unknown, t: string) => (t === term || this.isKnownName(t) ? 1 : 0) }
          : {}),
        prefix: false,
        ...(filter ? { filter: (r: SearchResult) => filter(r.id as number) } : {}),
      });
      for (const r of results) {
        const near = r.terms.some(
          (t) =>
            t === word.stem || fuzzyName || t.slice(0, VARIANT_PREFIX) === word.stem.slice(0, VARIANT_PREFIX),
        );
        if (near) ids.add(r.id as number);
      }
      out.push({ word: word.plain, ids });
    }
    return out;
  }

  /**
   * MiniSearch's own search for the query's terms, without Citebot's name handling or scoring:
   * the baseline the benchmark compares command latency with.
   */
  bareSearch(query: string): number {
    const terms = queryTerms(query).map((t) => t.term);
    return this.mini.search(terms.join(' '), { prefix: false, fuzzy: false, combineWith: 'OR' }).length;
  }

  /** Gives this (empty) index what a {@link TextIndexBuilder} gathered. */
  private load(built: BuiltPostings): void {
    const s = stateOf(this.mini as MiniSearch<object>);
    for (let short = 0; short < built.ids.length; short++) {
      const id = built.ids[short] as number;
      s._documentIds.set(short, id);
      s._idToShortId.set(id, short);
      s._fieldLength.set(short, [built.lengths[short] as number]);
    }
    s._documentCount = built.ids.length;
    s._nextId = built.ids.length;
    if (built.ids.length > 0) s._avgFieldLength[0] = built.average;
    // Terms go into MiniSearch's tree in the order of their first use, as `add` would put them.
    for (const [term, docs] of built.postings) s._index.set(term, new Map([[0, docs]]));
    for (const w of built.capitalised) this.capitalised.add(w);
    for (const w of built.lowercase) this.lowercase.add(w);
  }

  /** @internal {@link TextIndexBuilder.finish}'s way in. */
  static fromBuilt(built: BuiltPostings): TextIndex {
    const index = new TextIndex(['text']);
    index.load(built);
    return index;
  }
}

/** What a {@link TextIndexBuilder} hands the index. */
interface BuiltPostings {
  /** External id per short id. */
  ids: number[];
  /** Distinct terms per short id. */
  lengths: number[];
  average: number;
  postings: Map<string, Map<number, number>>;
  capitalised: Set<string>;
  lowercase: Set<string>;
}

/**
 * Builds the one-field sentence index from {@link ArticleTerms}, article by article in corpus
 * order, to the same index that {@link TextIndex.addAll} builds from the texts (same postings in
 * the same order, same lengths, same average, same name lists): a hash map per term in place of
 * MiniSearch's tree walk per word, the tree built once per distinct term at the end.
 */
export class TextIndexBuilder {
  private readonly built: BuiltPostings = {
    ids: [],
    lengths: [],
    average: 0,
    postings: new Map(),
    capitalised: new Set(),
    lowercase: new Set(),
  };

  /** Adds one article's sentences, documents `firstId`, `firstId + 1`, … in order. */
  addArticle(firstId: number, entry: ArticleTerms): void {
    const b = this.built;
    for (const w of entry.capitalised) b.capitalised.add(w);
    for (const w of entry.lowercase) b.lowercase.add(w);
    const counts = entry.counts;
    let c = 0;
    let id = firstId;
    const lines = entry.sentences === 0 ? [] : entry.terms.split('\n');
    for (const line of lines) {
      const short = b.ids.length;
      b.ids.push(id++);
      const terms = line === '' ? [] : line.split(' ');
      // MiniSearch's running average, step for step, so that it is the same number.
      b.average = (b.average * short + terms.length) / (short + 1);
      b.lengths.push(terms.length);
      for (const term of terms) {
        let docs = b.postings.get(term);
        if (!docs) {
          docs = new Map();
          b.postings.set(term, docs);
        }
        docs.set(short, counts[c++] as number);
      }
    }
  }

  /** The index, field `text`. The builder is spent. */
  finish(): TextIndex {
    return TextIndex.fromBuilt(this.built);
  }
}
