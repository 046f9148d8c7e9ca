/**
 * MiniSearch's inverted index, read and written directly. MiniSearch (7.x) keeps its postings in
 * maps it does not expose; two things need them: a snapshot that loads without going through
 * JSON (`loadJS` turns every posting list from a JSON object into a Map, the slowest part of a
 * start), and scoring a very common term only on the documents a query's rarer terms found.
 * Everything that touches the private fields is here; `test/unit/indexBinary.test.ts` checks a
 * round trip against MiniSearch's own search, so an upgrade that moves them fails a test.
 */
import MiniSearch from 'minisearch';

/** Term → field id → short document id → term frequency. */
type FieldPostings = Map<number, Map<number, number>>;

/** The private state of a MiniSearch instance that Citebot reads. */
export interface MiniState {
  _index: {
    get(term: string): FieldPostings | undefined;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
    set(term: string, value: FieldPostings): unknown;
    [Symbol.iterator](): Iterator<[string, FieldPostings]>;
  };
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _dirtCount: number;
}

export const stateOf = (mini: MiniSearch<never> | MiniSearch<object>): MiniState =>
  mini as unknown as MiniState;

/** The index in a few flat arrays: what a snapshot stores. */
export interface BinaryIndex {
  /** Small scalars and the term list, saved as JSON. */
  head: {
    documentCount: number;
    nextId: number;
    dirtCount: number;
    fieldIds: Record<string, number>;
    averageFieldLength: number[];
    terms: string[];
  };
  /** Per document: short id, external (numeric) id, then one length per field. */
  documents: Uint32Array;
  /** Per term and field (fields in id order): how many postings. */
  counts: Uint32Array;
  /** Per posting, in term then field order: short document id and term frequency. */
  postings: Uint32Array;
}

/** The index of `mini` as flat arrays (its document ids must be non-negative integers). */
export function toBinary(mini: MiniSearch<never> | MiniSearch<object>): BinaryIndex {
  const s = stateOf(mini);
  const fields = Object.keys(s._fieldIds).length;
  const documents = new Uint32Array(s._documentIds.size * (2 + fields));
  let d = 0;
  for (const [short, id] of s._documentIds) {
    documents[d++] = short;
    documents[d++] = id as number;
    const lengths = s._fieldLength.get(short) ?? [];
    for (let f = 0; f < fields; f++) documents[d++] = lengths[f] ?? 0;
  }
  const terms: string[] = [];
  const countList: number[] = [];
  let total = 0;
  for (const [term, data] of s._index) {
    terms.push(term);
    for (let f = 0; f < fields; f++) {
      const n = data.get(f)?.size ?? 0;
      countList.push(n);
      total += n;
    }
  }
  const postings = new Uint32Array(total * 2);
  let p = 0;
  for (const [, data] of s._index) {
    for (let f = 0; f < fields; f++) {
      for (const [doc, tf] of data.get(f) ?? []) {
        postings[p++] = doc;
        postings[p++] = tf;
      }
    }
  }
  return {
    head: {
      documentCount: s._documentCount,
      nextId: s._nextId,
      dirtCount: s._dirtCount,
      fieldIds: s._fieldIds,
      averageFieldLength: s._avgFieldLength,
      terms,
    },
    documents,
    counts: Uint32Array.from(countList),
    postings,
  };
}

/**
 * A Map keyed by small integers that holds its entries elsewhere until it must become an ordinary
 * Map: every method that changes or walks it calls `fill()` first, so MiniSearch sees a plain map.
 * Subclasses say how to fill it, and may answer `get`, `has` and `size` without filling.
 */
abstract class FillsFirst<V> extends Map<number, V> {
  /** Moves the entries held elsewhere into the map itself (once; later calls do nothing). */
  protected abstract fill(): void;

  override get(key: number): V | undefined {
    this.fill();
    return super.get(key);
  }
  override has(key: number): boolean {
    this.fill();
    return super.has(key);
  }
  override get size() {
    this.fill();
    return super.size;
  }
  override set(key: number, value: V) {
    this.fill();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.fill();
    return super.delete(key);
  }
  override entries() {
    this.fill();
    return super.entries();
  }
  override keys() {
    this.fill();
    return super.keys();
  }
  override values() {
    this.fill();
    return super.values();
  }
  override [Symbol.iterator]() {
    this.fill();
    return super[Symbol.iterator]();
  }
  override forEach(callback: (value: V, key: number, map: Map<number, V>) => void, thisArg?: unknown) {
    this.fill();
    super.forEach(callback, thisArg);
  }
}

/**
 * One term's postings (field id → document → term frequency) as MiniSearch keeps them, built
 * from the binary arrays only when first used: a start does not build the maps of the many terms
 * no query asks for (building them all was a second of a 10,000-article start and most of the
 * index's memory). Every Map method builds them first, so MiniSearch sees an ordinary map.
 */
class LazyPostings extends FillsFirst<Map<number, number>> {
  private source: { binary: BinaryIndex; at: number; offset: number; fields: number } | null;

  constructor(binary: BinaryIndex, at: number, offset: number, fields: number) {
    super();
    this.source = { binary, at, offset, fields };
  }

  /**
   * The postings of field `field` as (short document id, term frequency) pairs, straight from the
   * binary arrays; null once the maps are built (then read them as a map).
   */
  packed(field: number): Uint32Array | null {
    const source = this.source;
    if (!source) return null;
    let p = source.offset;
    for (let f = 0; f < field; f++) p += 2 * (source.binary.counts[source.at + f] as number);
    const n = source.binary.counts[source.at + field] ?? 0;
    return source.binary.postings.subarray(p, p + 2 * n);
  }

  /** Postings in field `field` without building them. */
  countOf(field: number): number {
    if (!this.source) return super.get(field)?.size ?? 0;
    return this.source.binary.counts[this.source.at + field] ?? 0;
  }

  protected override fill(): void {
    const source = this.source;
    if (!source) return;
    this.source = null;
    const { counts, postings } = source.binary;
    let p = source.offset;
    for (let f = 0; f < source.fields; f++) {
      const n = counts[source.at + f] as number;
      if (n === 0) continue;
      const docs = new Map<number, number>();
      for (let k = 0; k < n; k++, p += 2) docs.set(postings[p] as number, postings[p + 1] as number);
      super.set(f, docs);
    }
  }

  override clear() {
    this.source = null;
    super.clear();
  }
}

/**
 * A map from small non-negative integers, answered from the binary arrays (`slots`: key → row of
 * the documents array, -1 when absent) until something changes it or walks it, from then on an
 * ordinary Map (its entries in the order the rows give). Building MiniSearch's three per-document
 * maps eagerly was about half a second of a 10,000-article start and some 40 MB; a search reads
 * only the documents its terms match.
 */
abstract class RowMap<V> extends FillsFirst<V> {
  private slots: Int32Array | null;
  private readonly count: number;

  constructor(
    slots: Int32Array,
    count: number,
    /** Every key, in insertion order. */
    private readonly keysInOrder: () => Iterable<number>,
  ) {
    super();
    this.slots = slots;
    this.count = count;
  }

  /** The value at a row of the documents array. */
  protected abstract valueAt(row: number): V;

  protected override fill(): void {
    const slots = this.slots;
    if (!slots) return;
    this.slots = null;
    for (const key of this.keysInOrder()) super.set(key, this.valueAt(slots[key] as number));
  }

  override get(key: number): V | undefined {
    const slots = this.slots;
    if (!slots) return super.get(key);
    const row = slots[key];
    return row === undefined || row < 0 ? undefined : this.valueAt(row);
  }
  override has(key: number): boolean {
    const slots = this.slots;
    if (!slots) return super.has(key);
    const row = slots[key];
    return row !== undefined && row >= 0;
  }
  override get size() {
    return this.slots ? this.count : super.size;
  }
  override clear() {
    this.slots = null;
    super.clear();
  }
}

/**
 * One column of a documents row by key: column 1 (external id) keyed by short id gives MiniSearch's
 * `_documentIds`; column 0 (short id) keyed by external id gives its `_idToShortId`.
 */
class RowColumn extends RowMap<number> {
  constructor(
    private readonly documents: Uint32Array,
    private readonly width: number,
    private readonly column: 0 | 1,
    slots: Int32Array,
    count: number,
    keys: () => Iterable<number>,
  ) {
    super(slots, count, keys);
  }
  protected valueAt(row: number): number {
    return this.documents[row * this.width + this.column] as number;
  }
}

/**
 * Short document id → field lengths (the rest of a documents row), each array made once when
 * first read (MiniSearch may write into it, as into its own).
 */
class FieldLengths extends RowMap<number[]> {
  private readonly rows: (number[] | undefined)[];
  constructor(
    private readonly documents: Uint32Array,
    private readonly width: number,
    slots: Int32Array,
    count: number,
    keys: () => Iterable<number>,
  ) {
    super(slots, count, keys);
    this.rows = new Array(count);
  }
  protected valueAt(row: number): number[] {
    let lengths = this.rows[row];
    if (lengths === undefined) {
      const at = row * this.width + 2;
      lengths = Array.from(this.documents.subarray(at, at + this.width - 2));
      this.rows[row] = lengths;
    }
    return lengths;
  }
}

/** A MiniSearch with `options` holding the index {@link toBinary} gave. */
export function fromBinary<T>(
  binary: BinaryIndex,
  options: ConstructorParameters<typeof MiniSearch<T>>[0],
): MiniSearch<T> {
  const { head, documents, counts } = binary;
  const mini = MiniSearch.loadJS<T>(
    {
      documentCount: head.documentCount,
      nextId: head.nextId,
      documentIds: {},
      fieldIds: head.fieldIds,
      fieldLength: {},
      averageFieldLength: head.averageFieldLength,
      storedFields: {},
      dirtCount: head.dirtCount,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
  const s = stateOf(mini as MiniSearch<object>);
  const fields = Object.keys(head.fieldIds).length;
  const width = 2 + fields;
  const rows = documents.length / width;
  let maxShort = -1;
  let maxId = -1;
  for (let d = 0; d < documents.length; d += width) {
    maxShort = Math.max(maxShort, documents[d] as number);
    maxId = Math.max(maxId, documents[d + 1] as number);
  }
  const rowOfShort = new Int32Array(maxShort + 1).fill(-1);
  const rowOfId = new Int32Array(maxId + 1).fill(-1);
  for (let r = 0; r < rows; r++) {
    rowOfShort[documents[r * width] as number] = r;
    rowOfId[documents[r * width + 1] as number] = r;
  }
  function* column(k: number): Iterable<number> {
    for (let d = k; d < documents.length; d += width) yield documents[d] as number;
  }
  s._documentIds = new RowColumn(documents, width, 1, rowOfShort, rows, () => column(0));
  s._idToShortId = new RowColumn(documents, width, 0, rowOfId, rows, () => column(1));
  s._fieldLength = new FieldLengths(documents, width, rowOfShort, rows, () => column(0));
  let c = 0;
  let p = 0;
  for (const term of head.terms) {
    s._index.set(term, new LazyPostings(binary, c, p, fields));
    for (let f = 0; f < fields; f++) p += 2 * (counts[c++] as number);
  }
  return mini;
}

/** MiniSearch's default BM25+ parameters (its `bm25` option, which Citebot does not change). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** How many documents hold `term` in field 0 (the whole count, discarded documents included). */
export function documentFrequency(mini: MiniSearch<never> | MiniSearch<object>, term: string): number {
  const data = stateOf(mini)._index.get(term);
  return data instanceof LazyPostings ? data.countOf(0) : (data?.get(0)?.size ?? 0);
}

/** One term of a query as MiniSearch's search takes it (`fuzzy` as its `fuzzy` option). */
export interface TermQuery {
  term: string;
  fuzzy: number | false;
  /** The term's boost (MiniSearch's `boostTerm`). */
  boost: number;
}

export interface ScoreOptions {
  /** Extra weight per field (MiniSearch's `boost`); fields not named weigh 1. */
  boost?: Record<string, number>;
  /**
   * Whether a term the index holds one typo-level edit away from a fuzzy query term counts
   * (MiniSearch's `boostDocument` when it gives 1 or 0 by term alone).
   */
  keepDerived?: (derived: string) => boolean;
}

/**
 * Every document a query matches with its score, in the order MiniSearch first meets them (its
 * tie order). `scores[k]` is MiniSearch's final score (the sum times how many distinct query
 * terms matched); `masks` has, per document, `words` 32-bit words with bit u set when the u-th
 * distinct query term (`terms`) matched.
 */
export interface Scored {
  count: number;
  shorts: Int32Array;
  scores: Float64Array;
  masks: Uint32Array;
  words: number;
  terms: readonly string[];
  /** The index's ids by short id. */
  ids: ReadonlyMap<number, unknown>;
}

/** What one index keeps between queries: the length part of BM25+ and fuzzy expansions. */
interface IndexCache {
  /** The index's state when `fuzzy` was filled: it is dropped when documents come or go. */
  version: string;
  fuzzy: Map<string, [string, number][]>;
  /**
   * Per field id and short id, k × (1 − b + b × length ÷ average) at the average length (and
   * for the documents) it was computed for: 8 bytes a document, in place of a map lookup and a
   * division per posting.
   */
  norms: ({ average: number; upTo: number; norm: Float64Array } | undefined)[];
}

const caches = new WeakMap<object, IndexCache>();
/** Most fuzzy expansions kept per index. */
const FUZZY_CACHE = 2000;

function grown<T extends Uint8Array | Uint32Array | Float64Array>(
  array: T,
  size: number,
  make: (n: number) => T,
): T {
  if (array.length >= size) return array;
  const next = make(Math.max(size, Math.ceil(array.length * 1.5)));
  next.set(array);
  return next;
}

function cacheOf(s: MiniState): IndexCache {
  let cache = caches.get(s);
  if (!cache) {
    cache = { version: '', fuzzy: new Map(), norms: [] };
    caches.set(s, cache);
  }
  const version = `${s._nextId}/${s._documentCount}/${s._dirtCount}`;
  if (cache.version !== version) {
    cache.version = version;
    cache.fuzzy.clear();
  }
  return cache;
}

/** The index's terms within `distance` edits of `term`, other than itself, in MiniSearch's order. */
function fuzzyTerms(s: MiniState, cache: IndexCache, term: string, distance: number): [string, number][] {
  const key = `${distance}|${term}`;
  let found = cache.fuzzy.get(key);
  if (!found) {
    found = [];
    for (const [derived, [, d]] of s._index.fuzzyGet(term, distance)) if (d) found.push([derived, d]);
    if (cache.fuzzy.size >= FUZZY_CACHE) cache.fuzzy.clear();
    cache.fuzzy.set(key, found);
  }
  return found;
}

/** Work arrays shared by every index (a query is scored to its end before another starts). */
const work = {
  total: new Float64Array(0),
  hit: new Uint8Array(0),
  masks: new Uint32Array(0),
  touched: new Uint32Array(0),
  /** One query term's sum over its lists (a fuzzy term has several), and who has one. */
  spec: new Float64Array(0),
  inSpec: new Uint8Array(0),
  specTouched: new Uint32Array(0),
};

/** MiniSearch's defaults for fuzzy matching (`maxFuzzy`, `weights.fuzzy`), which Citebot keeps. */
const MAX_FUZZY = 6;
const FUZZY_WEIGHT = 0.45;

/** What one posting list adds: `factor` × BM25+ with the term's idf, per document. */
interface ListScoring {
  factor: number;
  idf: number;
  /** Per short id: k × (1 − b + b × length ÷ average), the length part of BM25+. */
  norm: Float64Array;
  /** Live documents, or null when none was discarded. */
  live: Map<number, unknown> | null;
  /** Where sums go, which documents have one, and the list of those (in first-met order). */
  target: Float64Array;
  flags: Uint8Array;
  touched: Uint32Array;
  /** Mask word and bit to set per document (bit 0: none). */
  masks: Uint32Array;
  words: number;
  word: number;
  flag: number;
}

const K1 = BM25.k + 1;

function addPacked(list: Uint32Array, o: ListScoring, count: number): number {
  const { factor, idf, norm, live, target, flags, touched, masks, words, word, flag } = o;
  const d = BM25.d;
  for (let p = 0; p < list.length; p += 2) {
    const doc = list[p] as number;
    if (live !== null && !live.has(doc)) continue;
    const tf = list[p + 1] as number;
    const score = factor * (idf * (d + (tf * K1) / (tf + (norm[doc] as number))));
    if (flags[doc] === 0) {
      flags[doc] = 1;
      touched[count++] = doc;
      target[doc] = score;
    } else target[doc] = (target[doc] as number) + score;
    if (flag !== 0) masks[doc * words + word] = (masks[doc * words + word] as number) | flag;
  }
  return count;
}

function addMap(list: Map<number, number>, o: ListScoring, count: number): number {
  const { factor, idf, norm, live, target, flags, touched, masks, words, word, flag } = o;
  const d = BM25.d;
  for (const [doc, tf] of list) {
    if (live !== null && !live.has(doc)) continue;
    const score = factor * (idf * (d + (tf * K1) / (tf + (norm[doc] as number))));
    if (flags[doc] === 0) {
      flags[doc] = 1;
      touched[count++] = doc;
      target[doc] = score;
    } else target[doc] = (target[doc] as number) + score;
    if (flag !== 0) masks[doc * words + word] = (masks[doc * words + word] as number) | flag;
  }
  return count;
}

/** The length part of BM25+ per document for `field` at the index's current average length. */
function normOf(s: MiniState, cache: IndexCache, field: number): Float64Array {
  const average = s._avgFieldLength[field] as number;
  const upTo = s._nextId;
  let entry = cache.norms[field];
  if (!entry || entry.average !== average || entry.upTo < upTo) {
    const { k, b } = BM25;
    // Short ids only grow; a discarded document's place stays (its postings are skipped).
    const norm = entry && entry.norm.length >= upTo ? entry.norm : new Float64Array(Math.ceil(upTo * 1.25));
    for (let i = 0; i < upTo; i++) {
      const length = s._fieldLength.get(i)?.[field];
      // The same operations as MiniSearch's `k * (1 - b + b * fieldLength / avgFieldLength)`.
      norm[i] = length === undefined ? 0 : k * (1 - b + (b * length) / average);
    }
    entry = { average, upTo, norm };
    cache.norms[field] = entry;
  }
  return entry.norm;
}

/**
 * Scores `queries` over the postings directly, as MiniSearch's `search` with `combineWith: 'OR'`,
 * no prefix matching and the same fuzzy, term boost and field boost options would: the same
 * documents, the same scores (the same floating-point operations in the same order) and the same
 * order among equal scores. Flat typed arrays in place of MiniSearch's per-document objects make
 * a term held by tens of thousands of documents cost well under a millisecond. A discarded
 * document still in a posting list is skipped and not counted in the term's document frequency
 * (as MiniSearch does from its second search on: it drops the posting when it first meets it).
 */
export function scoreQuery(
  mini: MiniSearch<never> | MiniSearch<object>,
  queries: readonly TermQuery[],
  options: ScoreOptions = {},
): Scored {
  const s = stateOf(mini);
  const cache = cacheOf(s);
  const terms = [...new Set(queries.map((q) => q.term))];
  const words = Math.max(1, Math.ceil(terms.length / 32));
  const size = s._nextId;
  work.total = grown(work.total, size, (n) => new Float64Array(n));
  work.hit = grown(work.hit, size, (n) => new Uint8Array(n));
  work.touched = grown(work.touched, size, (n) => new Uint32Array(n));
  work.masks = grown(work.masks, size * words, (n) => new Uint32Array(n));
  const { total, hit, masks, touched } = work;
  let count = 0;
  const live = s._dirtCount > 0 ? s._documentIds : null;
  const fields = Object.entries(s._fieldIds).map(([name, id]) => ({
    id,
    boost: (options.boost && Object.hasOwn(options.boost, name) ? options.boost[name] : 0) || 1,
    norm: normOf(s, cache, id),
  }));
  const documentCount = s._documentCount;
  for (const query of queries) {
    const bit = terms.indexOf(query.term);
    const word = bit >>> 5;
    const flag = 1 << (bit & 31);
    // The term itself, then its typo-level neighbours, each with its weight.
    const lists: [string, number][] = [[query.term, 1]];
    if (query.fuzzy !== false) {
      const fuzzy = query.fuzzy;
      const distance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(query.term.length * fuzzy)) : fuzzy;
      if (distance) {
        for (const [derived, edits] of fuzzyTerms(s, cache, query.term, distance)) {
          if (options.keepDerived && !options.keepDerived(derived)) continue;
          lists.push([derived, (FUZZY_WEIGHT * derived.length) / (derived.length + edits)]);
        }
      }
    }
    // MiniSearch sums one query term's lists first, then adds that sum to the document's score.
    const summed = lists.length * fields.length > 1;
    if (summed) {
      work.spec = grown(work.spec, size, (n) => new Float64Array(n));
      work.inSpec = grown(work.inSpec, size, (n) => new Uint8Array(n));
      work.specTouched = grown(work.specTouched, size, (n) => new Uint32Array(n));
    }
    let specCount = 0;
    for (const [term, weight] of lists) {
      const data = s._index.get(term);
      if (!data) continue;
      for (const field of fields) {
        const packed = data instanceof LazyPostings ? data.packed(field.id) : null;
        const map = packed ? undefined : data.get(field.id);
        if (!packed && !map) continue;
        let n = packed ? packed.length / 2 : (map as Map<number, number>).size;
        if (live) {
          if (packed) {
            for (let p = 0; p < packed.length; p += 2) if (!live.has(packed[p] as number)) n--;
          } else for (const doc of (map as Map<number, number>).keys()) if (!live.has(doc)) n--;
        }
        const o: ListScoring = {
          // As MiniSearch weighs a match: term weight × term boost × field boost × document boost (1).
          factor: weight * query.boost * field.boost * 1,
          idf: Math.log(1 + (documentCount - n + 0.5) / (n + 0.5)),
          norm: field.norm,
          live,
          target: summed ? work.spec : total,
          flags: summed ? work.inSpec : hit,
          touched: summed ? work.specTouched : touched,
          masks,
          words,
          word,
          flag: summed ? 0 : flag,
        };
        if (summed)
          specCount = packed
            ? addPacked(packed, o, specCount)
            : addMap(map as Map<number, number>, o, specCount);
        else count = packed ? addPacked(packed, o, count) : addMap(map as Map<number, number>, o, count);
      }
    }
    if (summed) {
      const { spec, inSpec, specTouched } = work;
      for (let j = 0; j < specCount; j++) {
        const doc = specTouched[j] as number;
        inSpec[doc] = 0;
        if (hit[doc] === 0) {
          hit[doc] = 1;
          touched[count++] = doc;
          total[doc] = spec[doc] as number;
        } else total[doc] = (total[doc] as number) + (spec[doc] as number);
        masks[doc * words + word] = (masks[doc * words + word] as number) | flag;
      }
    }
  }
  // Final scores (times the distinct terms matched, as MiniSearch does) into compact arrays; the
  // shared work arrays are cleared for the next query.
  const shorts = new Int32Array(count);
  const scores = new Float64Array(count);
  const out = new Uint32Array(count * words);
  for (let j = 0; j < count; j++) {
    const doc = touched[j] as number;
    let quality = 0;
    for (let w = 0; w < words; w++) {
      const m = masks[doc * words + w] as number;
      out[j * words + w] = m;
      quality += popcount(m);
      masks[doc * words + w] = 0;
    }
    shorts[j] = doc;
    scores[j] = (total[doc] as number) * (quality || 1);
    hit[doc] = 0;
  }
  return { count, shorts, scores, masks: out, words, terms, ids: s._documentIds };
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
