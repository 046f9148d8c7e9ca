/**
 * The one place wink-nlp is loaded. Splits a paragraph into sentences and tokens with character
 * offsets, part-of-speech tags, lemmas and entity types.
 *
 * wink gives no character offsets, so tokens are mapped back onto the text in order; it also splits
 * inside some abbreviations and numbers, which {@link analyzeParagraph} repairs.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { REPORT_VERBS } from './lexicon.js';

// Only the passes whose output is read: sentence boundaries, part of speech (with lemmas) and
// entities. Negation and sentiment change none of them and cost a pass each over every text.
const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
const its = nlp.its;

/** Words the model knew when it loaded have ids below this; later ones are new to it. */
const LEXICON_SIZE = (nlp.readDoc('qqxzvbnmqq').tokens().out(its.uniqueId) as unknown as number[])[0] ?? 0;
const dictionaryCache = new Map<string, boolean>();

/**
 * True when the lower-case word is in the language model's English vocabulary ("exercise",
 * "story", "trump") rather than unknown to it ("hegseth", "levine").
 */
export function isDictionaryWord(word: string): boolean {
  const w = word.toLowerCase();
  let known = dictionaryCache.get(w);
  if (known === undefined) {
    const ids = nlp.readDoc(w).tokens().out(its.uniqueId) as unknown as number[];
    known = ids.length === 1 && (ids[0] ?? LEXICON_SIZE) < LEXICON_SIZE;
    if (dictionaryCache.size < 100_000) dictionaryCache.set(w, known);
  }
  return known;
}

/** Verbs of a bare attribution ("Roe said.") that wink splits from the quote before it. */
const ATTRIBUTION_VERBS = new Set([
  'say',
  'tell',
  'add',
  'ask',
  'reply',
  'explain',
  'write',
  'continue',
  'recall',
  'note',
]);

export interface Token {
  /** The token as written in the text. */
  text: string;
  start: number;
  end: number;
  /** Universal part-of-speech tag, e.g. PROPN, VERB, PUNCT. */
  pos: string;
  /** Lower-case base form: said → say, told → tell. */
  lemma: string;
  /** Lower-case form with contractions expanded: n't → not. */
  normal: string;
  /** Entity type from the model when the token is part of one (DATE, MONEY, PERCENT, CARDINAL …). */
  entity: string | null;
}

export interface AnalyzedSentence {
  start: number;
  end: number;
  tokens: Token[];
}

/**
 * Splits `text` (one paragraph) into sentences, never across the paragraph, with offsets shifted by
 * `offset` so they point into the whole file.
 *
 * @example
 * analyzeParagraph('He shot a .22 rifle. Done.', 0).length // 2: ".22" is not a sentence end
 */
export function analyzeParagraph(original: string, offset = 0): AnalyzedSentence[] {
  if (!/[\p{L}\p{N}]/u.test(original)) return [];
  // wink splits words at letters beyond Latin-1 ("Sprūds" → "Spr", "ū", "ds"): it reads a shadow
  // copy with those letters replaced one for one, and tokens take their text from the original.
  const text = latinShadow(original);
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const pos = all.out(its.pos) as string[];
  // The typings reject its.lemma for tokens although wink supports it.
  const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
  const normals = all.out(its.normal) as string[];
  const entityOf: (string | null)[] = new Array(values.length).fill(null);
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entityTypes = doc.entities().out(its.type) as string[];
  entitySpans.forEach(([from, to], i) => {
    for (let k = from; k <= to; k++) entityOf[k] = entityTypes[i] ?? null;
  });

  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    let at = text.indexOf(value, cursor);
    // wink keeps token text verbatim, so this only guards against a surprise in the model (most
    // tokens follow the last one directly or after one space: no slice to test then).
    if (
      at < 0 ||
      (!(at === cursor || (at === cursor + 1 && text.charCodeAt(cursor) === 32)) &&
        /\S/.test(text.slice(cursor, at)))
    )
      at = cursor;
    const end = Math.min(text.length, at + value.length);
    tokens.push({
      text: original.slice(at, end),
      start: offset + at,
      end: offset + end,
      pos: pos[i] ?? 'X',
      lemma: (lemmas[i] ?? value).toLowerCase(),
      normal: normals[i] ?? value.toLowerCase(),
      entity: entityOf[i] ?? null,
    });
    cursor = end;
  }

  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: AnalyzedSentence[] = [];
  for (const [from, to] of spans) {
    const part = tokens.slice(from, to + 1);
    const first = part[0];
    const last = part[part.length - 1];
    if (!first || !last) continue;
    const previous = sentences[sentences.length - 1];
    if (previous && shouldJoin(original, offset, previous, part)) {
      previous.tokens.push(...part);
      previous.end = last.end;
      continue;
    }
    sentences.push({ start: first.start, end: last.end, tokens: part });
  }
  const out: AnalyzedSentence[] = [];
  for (const sentence of sentences) splitAtSeams(original, offset, sentence, out);
  return out;
}

/**
 * The tokens of several sentences in order, as one array (a loop: `flatMap` is several times
 * slower on arrays this size).
 */
export function joinTokens(sentences: readonly { tokens: readonly Token[] }[]): Token[] {
  const out: Token[] = [];
  for (const s of sentences) for (const t of s.tokens) out.push(t);
  return out;
}

/** Words that open a sentence and rarely follow a lower-case noun without punctuation. */
const SEAM_OPENERS = new Set([
  'The',
  'A',
  'An',
  'He',
  'She',
  'They',
  'It',
  'His',
  'Her',
  'Their',
  'Its',
  'This',
  'These',
  'Those',
  'We',
  'Our',
]);

/**
 * Splits where a photo caption without a full stop was glued onto the next sentence ("… a crowd
 * at the harbour The ferry will …"): a lower-case noun, one space, then a capitalised
 * sentence opener or an opening quote. The parts are added to `out`.
 */
function splitAtSeams(
  text: string,
  offset: number,
  sentence: AnalyzedSentence,
  out: AnalyzedSentence[],
): void {
  let from = 0;
  const tokens = sentence.tokens;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const left = tokens[i] as Token;
    const right = tokens[i + 1] as Token;
    if (left.pos !== 'NOUN' || !/^\p{Ll}/u.test(left.text) || i - from < 4) continue;
    if (text.slice(left.end - offset, right.start - offset) !== ' ') continue;
    const opensQuote = /^[“‘"']$/.test(right.text) && /^\p{Lu}/u.test(tokens[i + 2]?.text ?? '');
    if (!SEAM_OPENERS.has(right.text) && !opensQuote) continue;
    const head = tokens.slice(from, i + 1);
    out.push({ start: (head[0] as Token).start, end: left.end, tokens: head });
    from = i + 1;
  }
  if (from === 0) {
    out.push(sentence);
    return;
  }
  const tail = tokens.slice(from);
  out.push({ start: (tail[0] as Token).start, end: (tail[tail.length - 1] as Token).end, tokens: tail });
}

/**
 * True when wink's sentence boundary before `next` is a false one: a fragment of bare punctuation
 * ("” ."), a boundary with no space after it (".22 calibre"), or a continuation in lower case
 * ("Washington, D.C. and …").
 */
function shouldJoin(text: string, offset: number, previous: AnalyzedSentence, next: Token[]): boolean {
  if (!next.some((t) => /[\p{L}\p{N}]/u.test(t.text))) return true;
  // No sentence opens with a closing bracket or a comma: "Rep. Jane Roe (D-Md.), …".
  if (/^[)\],;:]$/.test(next[0]?.text ?? '')) return true;
  // '"… our son?" Roe said.': a bare attribution after a closing quote belongs to the quote.
  const last = previous.tokens[previous.tokens.length - 1];
  const words = next.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (
    last &&
    /^["”’]$/.test(last.text) &&
    words.length <= 6 &&
    words.some((t) => t.pos === 'VERB' && ATTRIBUTION_VERBS.has(t.lemma))
  ) {
    return true;
  }
  // '"… Bush?" Roe said about the campaign.': after a question or exclamation inside closing
  // marks, a name and an attribution verb opening the next "sentence" are the quote's cue.
  const ending = previous.tokens.slice(-2).map((t) => t.text);
  if (last && /^["”’]$/.test(last.text) && /^[?!]$/.test(ending[0] ?? '')) {
    const verb = words.findIndex((t) => t.pos === 'VERB' && ATTRIBUTION_VERBS.has(t.lemma));
    if (
      verb >= 1 &&
      verb <= 4 &&
      words.slice(0, verb).every((t) => /^\p{Lu}/u.test(t.text) || t.pos === 'PROPN')
    )
      return true;
    if (opensWithNamedAttribution(next)) return true;
  }
  const first = next[0] as Token;
  const gap = text.slice(previous.end - offset, first.start - offset);
  if (gap === '' && /^[\p{L}\p{N}]/u.test(first.text)) return true;
  // A continuation in lower case, possibly after an opening quote: 'lbs. "and two belt loops" …'
  const firstWord = next.find((t) => /[\p{L}\p{N}]/u.test(t.text)) as Token;
  const before = next.slice(0, next.indexOf(firstWord));
  return /^\p{Ll}/u.test(firstWord.text) && before.every((t) => /^["“‘'(]$/.test(t.text));
}

/** Most tokens of a role set off between a name and its verb ("Lee, the head of the union, said"). */
const MAX_APPOSITION = 14;

/**
 * '“… love it!” Lee tweeted on Friday.', '“… win!” Lee, the head of the union, said.': a name,
 * perhaps a role set off by commas, then a report verb, right after a closing quotation.
 */
function opensWithNamedAttribution(next: readonly Token[]): boolean {
  let k = 0;
  while (next[k] && /^\s*$/.test(next[k]?.text ?? '')) k++;
  const nameStart = k;
  while (next[k]?.pos === 'PROPN' && /^\p{Lu}/u.test(next[k]?.text ?? '')) k++;
  if (k === nameStart || k - nameStart > 4) return false;
  if (next[k]?.text === ',') {
    const close = next.findIndex((t, j) => j > k && t.text === ',');
    if (close < 0 || close - k > MAX_APPOSITION) return false;
    if (next.slice(k + 1, close).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return false;
    k = close + 1;
  }
  if (next[k]?.pos === 'ADV') k++;
  const verb = next[k];
  return verb !== undefined && verb.pos === 'VERB' && REPORT_VERBS.has(verb.lemma);
}

/** Latin letters wink cannot read that have no ASCII letter in their decomposition. */
const LATIN_EXTRA: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  ı: 'i',
  ĸ: 'k',
  Œ: 'O',
  œ: 'o',
  Ŋ: 'N',
  ŋ: 'n',
  ſ: 's',
  Ə: 'E',
  ə: 'e',
  Ɛ: 'E',
  ɛ: 'e',
  Ø: 'O',
  ø: 'o',
};

/**
 * The text with every Latin letter beyond Latin-1 replaced by a same-length ASCII letter of the same
 * case ("Sprūds" → "Spruds", "Łukasz" → "Lukasz"), so offsets stay valid.
 *
 * @example
 * latinShadow('Świątek') // 'Swiatek'
 */
export function latinShadow(text: string): string {
  return text.replace(/[\u0100-\u024F\u1E00-\u1EFF]/g, (c) => {
    const mapped = LATIN_EXTRA[c];
    if (mapped) return mapped;
    const base = c.normalize('NFD')[0] ?? '';
    if (/^[A-Za-z]$/.test(base)) return base;
    return c === c.toUpperCase() ? 'A' : 'a';
  });
}
