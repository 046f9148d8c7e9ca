/**
 * The one term pipeline shared by indexing and queries: split into words, normalise (case,
 * accents, apostrophes, possessives), drop stop words, Porter-stem. Capitalised words also keep
 * their unstemmed form so that names can be matched fuzzily ("Hegseth" ~ "Hegses").
 */
import { stemmer } from 'stemmer';
import { eng } from 'stopword';

// biome-ignore format: a word list reads best packed
const STOP_WORDS = new Set([
  ...eng, 'a', 'an', 'the', 'will', 'would', 'shall', 'does', 'do', 'did', 'done', 'doing', 'when', 'why',
  'whom', 'whose', 'us', 'also', 'just', 'yet', 'than', 'so', 'not', 'no', 's', 't', 'say', 'says', 'tell',
  'told', 'cant', 'dont', 'wont', 'didnt', 'doesnt', 'isnt', 'arent', 'wasnt', 'werent', 'please',
  'anything', 'something', 'someone', 'anyone', 'about', 'against', 'again',
]);

const WORD = /\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[.'’&][\p{L}\p{N}]+)*\.?/gu;

/** One word of text with what the index needs to know about it. */
export interface Word {
  /** Lower-cased, accent-free form, possessive removed: "Ukraine’s" → "ukraine". */
  readonly plain: string;
  /** The Porter stem of `plain`. */
  readonly stem: string;
  /** Written with a capital letter (a name, or a sentence start). */
  readonly capitalised: boolean;
  /** All capitals, like "US" or "NATO": kept even when it spells a stop word. */
  readonly acronym: boolean;
}

/** Lower case without accents; unifies apostrophes. */
export function normalise(text: string): string {
  // Plain ASCII (most words) needs no decomposition.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  const ascii = /^[\x00-\x7f]*$/.test(text);
  return (
    ascii
      ? text
      : text
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .replace(/[’‘`´]/g, "'")
  ).toLowerCase();
}

/**
 * Past forms of common irregular verbs, which a Porter stemmer leaves apart from the present
 * ("spoke" ~ "speak", "told" ~ "tell").
 */
// biome-ignore format: a word list reads best packed
const IRREGULAR: Record<string, string> = {
  said: 'say', told: 'tell', spoke: 'speak', spoken: 'speak', wrote: 'write', written: 'write', went: 'go',
  gone: 'go', came: 'come', took: 'take', taken: 'take', gave: 'give', given: 'give', made: 'make',
  met: 'meet', left: 'leave', led: 'lead', held: 'hold', kept: 'keep', brought: 'bring', bought: 'buy',
  thought: 'think', sought: 'seek', fought: 'fight', caught: 'catch', taught: 'teach', won: 'win',
  lost: 'lose', sent: 'send', spent: 'spend', built: 'build', began: 'begin', begun: 'begin', ran: 'run',
  rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', grew: 'grow', grown: 'grow', knew: 'know',
  known: 'know', saw: 'see', seen: 'see', chose: 'choose', chosen: 'choose', drove: 'drive',
  driven: 'drive', froze: 'freeze', frozen: 'freeze', struck: 'strike', stood: 'stand', understood: 'understand',
  sold: 'sell', paid: 'pay', laid: 'lay', heard: 'hear', found: 'find', felt: 'feel', meant: 'mean',
  broke: 'break', broken: 'break', shot: 'shoot', hit: 'hit', cut: 'cut', put: 'put', set: 'set',
  fled: 'flee', forgave: 'forgive', withdrew: 'withdraw', withdrawn: 'withdraw', undertook: 'undertake',
  overtook: 'overtake', forbade: 'forbid', swore: 'swear', sworn: 'swear', woke: 'wake', stole: 'steal',
  stolen: 'steal', hid: 'hide', hidden: 'hide', bore: 'bear', born: 'bear', threw: 'throw', thrown: 'throw',
  blew: 'blow', flew: 'fly', flown: 'fly', drew: 'draw', drawn: 'draw', ate: 'eat', eaten: 'eat',
};

/** Analysed words by their written form: news vocabulary repeats, and stemming is the cost. */
const wordCache = new Map<string, Word | null>();
const WORD_CACHE_LIMIT = 200_000;

function analyseWord(raw: string): Word | null {
  const acronym = /^(?:\p{Lu}\.?){2,}$/u.test(raw) || (/^\p{Lu}{2,}$/u.test(raw) && raw.length <= 6);
  let plain = normalise(raw).replace(/'s$/, '').replace(/'$/, '');
  if (acronym || /^\p{L}(?:\.\p{L})+$/u.test(plain)) plain = plain.replace(/\./g, '');
  plain = plain.replace(/'/g, '');
  if (/^\p{N}/u.test(plain)) plain = plain.replace(/,(?=\d{3})/g, '');
  if (plain === '') return null;
  return { plain, stem: stemmer(IRREGULAR[plain] ?? plain), capitalised: /^\p{Lu}/u.test(raw), acronym };
}

/**
 * Splits text into words (stop words included, so callers can tell where they were).
 *
 * @example
 * words("Ukraine’s U.S. allies").map((w) => w.plain) // ['ukraine', 'us', 'allies']
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  // One shared global regex, stepped with exec: nothing below calls words() again.
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const found = match[0];
    const raw = found.charCodeAt(found.length - 1) === 46 ? found.slice(0, -1) : found;
    let word = wordCache.get(raw);
    if (word === undefined) {
      word = analyseWord(raw);
      if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
      wordCache.set(raw, word);
    }
    if (word) out.push(word);
  }
  return out;
}

/** `/^\p{N}/u`, with ASCII answered without the regex (most words). */
function startsWithNumber(plain: string): boolean {
  const c = plain.charCodeAt(0);
  return c < 128 ? c >= 48 && c <= 57 : /^\p{N}/u.test(plain);
}

/** True when the word carries no meaning for search. */
export function isStopWord(word: Word): boolean {
  if (word.acronym || startsWithNumber(word.plain)) return false;
  return STOP_WORDS.has(word.plain) || word.plain.length < 2;
}

/**
 * The index terms for a text: stems of the content words, plus the plain form of capitalised
 * words when it differs from the stem (so fuzzy name matching works on real spellings).
 *
 * @example
 * indexTerms('Hegses said the talks failed') // ['hegs', 'hegses', 'talk', 'fail']
 */
export function indexTerms(text: string): string[] {
  return termsOf(words(text));
}

/** {@link indexTerms} for words already split. */
export function termsOf(ws: readonly Word[]): string[] {
  const terms: string[] = [];
  for (const word of ws) {
    if (isStopWord(word)) continue;
    terms.push(word.stem);
    if (word.capitalised && word.plain !== word.stem) terms.push(word.plain);
  }
  return terms;
}

/** A query term: the stem, or a name's plain form that may match fuzzily. */
export interface QueryTerm {
  term: string;
  fuzzy: boolean;
}

/**
 * The terms of a query. A word is treated as a name, and matched with typo tolerance, when it is
 * capitalised in the query or is a known name in the corpus (`isKnownName`).
 */
export function queryTerms(text: string, isKnownName: (plain: string) => boolean = () => false): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (term: string, fuzzy: boolean) => {
    const key = `${term}|${fuzzy}`;
    if (!seen.has(key)) terms.push({ term, fuzzy });
    seen.add(key);
  };
  for (const word of words(text)) {
    if (isStopWord(word)) continue;
    const nameLike = !word.acronym && word.plain.length >= 4 && (word.capitalised || isKnownName(word.plain));
    if (nameLike) add(word.plain, true);
    if (!nameLike || word.plain !== word.stem) add(word.stem, false);
  }
  return terms;
}

/** Notes which words are seen in lower case and which capitalised past a text's first word. */
export function learnNames(ws: readonly Word[], capitalised: Set<string>, lowercase: Set<string>): void {
  let first = true;
  for (const word of ws) {
    if (!word.acronym) {
      if (!word.capitalised) lowercase.add(word.plain);
      else if (!first) capitalised.add(word.plain);
    }
    first = false;
  }
}

/**
 * What the sentence index needs from one article's sentence texts, worked out where the article
 * is analysed (a worker thread), so that building the index is only bookkeeping: per sentence its
 * distinct terms in order of first use and how often each occurs, and the words of the article
 * seen in lower case and capitalised (past a sentence's first word), each in order of first use.
 * Plain strings and a typed array, cheap to pass between threads.
 */
export interface ArticleTerms {
  /** How many sentences. */
  sentences: number;
  /** Per sentence, its distinct terms joined by spaces; sentences joined by newlines. */
  terms: string;
  /**
   * Per distinct term of each sentence, in the same order, how many times it occurs (in the
   * narrowest array that holds the largest count: almost always bytes).
   */
  counts: Uint8Array | Uint16Array | Uint32Array;
  capitalised: string[];
  lowercase: string[];
}

/**
 * {@link ArticleTerms} of an article's sentence texts, exactly the terms and name evidence that
 * the sentence index's `addAll` would take from them (terms never hold a space or a newline).
 *
 * @example
 * articleTerms(['Roe said the talks failed.']).terms // 'roe talk fail'
 */
export function articleTerms(texts: readonly string[]): ArticleTerms {
  const capitalised = new Set<string>();
  const lowercase = new Set<string>();
  const lines: string[] = [];
  const counts: number[] = [];
  for (const text of texts) {
    const ws = words(text);
    learnNames(ws, capitalised, lowercase);
    const tf = new Map<string, number>();
    for (const term of termsOf(ws)) tf.set(term, (tf.get(term) ?? 0) + 1);
    lines.push([...tf.keys()].join(' '));
    for (const n of tf.values()) counts.push(n);
  }
  return {
    sentences: texts.length,
    terms: lines.join('\n'),
    counts: narrowest(counts),
    capitalised: [...capitalised],
    lowercase: [...lowercase],
  };
}

function narrowest(xs: readonly number[]): Uint8Array | Uint16Array | Uint32Array {
  let max = 0;
  for (const x of xs) if (x > max) max = x;
  return max <= 0xff ? Uint8Array.from(xs) : max <= 0xffff ? Uint16Array.from(xs) : Uint32Array.from(xs);
}
