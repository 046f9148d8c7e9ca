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
 * One term's postings (field id → document → term frequency) as MiniSearch keeps them, built
 * from the binary arrays only when first used: a start does not build the maps of the many terms
 * no query asks for (building them all was a second of a 10,000-article start and most of the
 * index's memory). Every Map method builds them first, so MiniSearch sees an ordinary map.
 */
class LazyPostings extends Map<number, Map<number, number>> {
  private source: { binary: BinaryIndex; at: number; offset: number; fields: number } | null;

  constructor(binary: BinaryIndex, at: number, offset: number, fields: number) {
    super();
    this.source = { binary, at, offset, fields };
  }

  /** Postings in field `field` without building them. */
  countOf(field: number): number {
    if (!this.source) return super.get(field)?.size ?? 0;
    return this.source.binary.counts[this.source.at + field] ?? 0;
  }

  private fill(): void {
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

  override get(key: number) {
    this.fill();
    return super.get(key);
  }
  override has(key: number) {
    this.fill();
    return super.has(key);
  }
  override set(key: number, value: Map<number, number>) {
    this.fill();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.fill();
    return super.delete(key);
  }
  override clear() {
    this.source = null;
    super.clear();
  }
  override get size() {
    this.fill();
    return super.size;
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
  override forEach(
    callback: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void,
    thisArg?: unknown,
  ) {
    this.fill();
    super.forEach(callback, thisArg);
  }
}

/**
 * A map from small non-negative integers, answered from the binary arrays (`slots`: key → row of
 * the documents array, -1 when absent) until something changes it or walks it, from then on an
 * ordinary Map (its entries in the order the rows give). Building MiniSearch's three per-document
 * maps eagerly was about half a second of a 10,000-article start and some 40 MB; a search reads
 * only the documents its terms match.
 */
abstract class RowMap<V> extends Map<number, V> {
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

  private fill(): void {
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
  override set(key: number, value: V) {
    this.fill();
    return super.set(key, value);
  }
  override delete(key: number) {
    this.fill();
    return super.delete(key);
  }
  override clear() {
    this.slots = null;
    super.clear();
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

/** Short document id → external id (column 1 of a documents row). */
class DocumentIds extends RowMap<number> {
  constructor(
    private readonly documents: Uint32Array,
    private readonly width: number,
    slots: Int32Array,
    count: number,
    keys: () => Iterable<number>,
  ) {
    super(slots, count, keys);
  }
  protected valueAt(row: number): number {
    return this.documents[row * this.width + 1] as number;
  }
}

/** External id → short document id (column 0 of a documents row). */
class ShortIds extends RowMap<number> {
  constructor(
    private readonly documents: Uint32Array,
    private readonly width: number,
    slots: Int32Array,
    count: number,
    keys: () => Iterable<number>,
  ) {
    super(slots, count, keys);
  }
  protected valueAt(row: number): number {
    return this.documents[row * this.width] as number;
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
  s._documentIds = new DocumentIds(documents, width, rowOfShort, rows, () => column(0));
  s._idToShortId = new ShortIds(documents, width, rowOfId, rows, () => column(1));
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

/**
 * Adds the BM25 score of `terms` (field 0) to search results that MiniSearch scored for the other
 * terms of a query, exactly as MiniSearch would have scored them together: each result's score
 * is the sum over its matched terms times how many query terms it matched. `weight` is the term's
 * boost. Results are changed in place.
 */
export function addTermScores(
  mini: MiniSearch<never> | MiniSearch<object>,
  results: { id: unknown; score: number; queryTerms: string[]; terms: string[] }[],
  terms: readonly string[],
  weight: (term: string) => number,
): void {
  const s = stateOf(mini);
  const total = s._documentCount;
  const average = s._avgFieldLength[0] ?? 1;
  const lists = terms.flatMap((term) => {
    const docs = s._index.get(term)?.get(0);
    return docs ? [{ term, docs, weight: weight(term) }] : [];
  });
  for (const r of results) {
    const short = s._idToShortId.get(r.id);
    if (short === undefined) continue;
    const fieldLength = s._fieldLength.get(short)?.[0] ?? average;
    let sum = r.score / (r.queryTerms.length || 1);
    let added = 0;
    for (const { term, docs, weight } of lists) {
      const tf = docs.get(short);
      if (tf === undefined) continue;
      const n = docs.size;
      const idf = Math.log(1 + (total - n + 0.5) / (n + 0.5));
      sum +=
        weight *
        idf *
        (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / average)));
      r.queryTerms.push(term);
      r.terms.push(term);
      added++;
    }
    if (added > 0) r.score = sum * r.queryTerms.length;
  }
}
