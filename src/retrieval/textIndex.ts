/**
 * A full-text index (MiniSearch, BM25+) over documents with numeric ids, using the shared term
 * pipeline of {@link indexTerms} / {@link queryTerms}. Names get typo-tolerant matching.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { type ArticleTerms, isStopWord, learnNames, queryTerms, termsOf, words } from '../nlp/terms.js';
import {
  addTermScores,
  type BinaryIndex,
  documentFrequency,
  fromBinary,
  stateOf,
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

/**
 * A query word in more documents than this is a common word: when the query has rarer words, it
 * scores only the documents they found instead of every document that holds it (see
 * {@link TextIndex.search}).
 */
export const COMMON_TERM_DOCUMENTS = 2000;

/** Edit distance allowed for names, as a fraction of the word's length. */
const NAME_FUZZINESS = 0.3;

/** Weight of a place's other names in a query ("British" for "UK"). */
const OTHER_NAME_WEIGHT = 0.8;
/** Stems this long or longer also match spellings one edit away ({@link TextIndex.wordSets}). */
const VARIANT_MIN_LENGTH = 5;
/** A near variant shares this many first letters with the word. */
const VARIANT_PREFIX = 4;

/** Whether searches bound their candidate sets (off only to measure the exhaustive ranking). */
let bounded = true;
/** Turns candidate bounding on or off for every index (the benchmark's recall check). */
export function setSearchBound(on: boolean): void {
  bounded = on;
}
/** Whether candidate bounding is on. */
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
   * Ranks documents for a free-text query, best first.
   *
   * @example
   * index.search('Hegseth NATO', { limit: 5 }) // also finds sentences that spell him "Hegses"
   */
  search(query: string, options: QueryOptions = {}): Hit[] {
    const terms = queryTerms(query, this.isKnownName);
    if (terms.length === 0) return [];
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
    const filter = options.filter;
    const all = [...terms.map((t) => t.term), ...other];
    const exact = new Set(all);
    const common = this.commonTerms(all, options);
    const searched = common.size > 0 ? all.filter((t) => !common.has(t)) : all;
    const results: SearchResult[] = this.mini.search(searched.join(' '), {
      fuzzy: (term) => (fuzzy.has(term) ? NAME_FUZZINESS : false),
      boostTerm: (term) => (other.has(term) ? OTHER_NAME_WEIGHT : 1),
      // A typo-level match must be a name in the text too: "Latte" finds "Latte", never "latter".
      boostDocument: (_id, term) => (exact.has(term) || this.isKnownName(term) ? 1 : 0),
      prefix: false,
      combineWith: 'OR',
      ...(options.boost ? { boost: options.boost } : {}),
      ...(filter ? { filter: (r: SearchResult) => filter(r.id as number) } : {}),
    });
    if (common.size > 0) {
      addTermScores(this.mini, results, [...common], (term) => (other.has(term) ? OTHER_NAME_WEIGHT : 1));
      results.sort((a, b) => b.score - a.score);
    }
    const hits = results.map((r) => ({
      id: r.id as number,
      score: r.score,
      matched: new Set(r.queryTerms.map((t) => wordOf.get(t) ?? t)).size,
      queryWords,
    }));
    return options.limit === undefined ? hits : hits.slice(0, options.limit);
  }

  /**
   * The query's common words ({@link COMMON_TERM_DOCUMENTS}) that are scored only on the
   * documents its rarer words find: scoring every sentence that says "president" costs far more
   * than the query's other words and rarely changes the top answers, which hold the rarer words
   * too (the benchmark measures recall@5 against the exhaustive ranking). The rarest word is
   * always searched in full, so a query of common words still finds everything holding that one.
   * A name this common is scored as written only: its typo spellings are not looked up.
   */
  private commonTerms(all: readonly string[], options: QueryOptions): Set<string> {
    const common = new Set<string>();
    if (!bounded || this.fields.length !== 1 || options.boost) return common;
    const frequency = all.map((term) => ({ term, n: documentFrequency(this.mini, term) }));
    const rarest = frequency.reduce(
      (a, b) => (b.n < a.n ? b : a),
      frequency[0] as { term: string; n: number },
    );
    for (const { term, n } of frequency)
      if (n > COMMON_TERM_DOCUMENTS && term !== rarest.term) common.add(term);
    return common;
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
