/**
 * Finding statements: by topic (who-said), by speaker under any spelling (quotes), and by a
 * retold quote (find-source), plus speaker suggestions for autocomplete.
 */
import { diffWords } from 'diff';
import { sameWord } from '../attribution/names.js';
import type { SpeakerEntity, Statement } from '../attribution/types.js';
import type { Library } from '../library/library.js';
import { isStopWord, normalise, type Word, words } from '../nlp/terms.js';
import type { DiffPart } from './diffPart.js';
import type { Choice } from './suggest.js';
import { searchBounded } from './textIndex.js';

export interface RankedStatement {
  statement: Statement;
  score: number;
}

/** Statements whose speaker is unknown still answer, but after attributed ones. */
const UNATTRIBUTED_WEIGHT = 0.5;
/** Weight of a statement that contains the topic word for word. */
const PHRASE_BONUS = 1.5;
/** Weight of a statement that has none of the topic's words itself (its sentence has them). */
const OWN_WORDS_FLOOR = 0.5;
/** How many candidates per wanted result get the word-for-word check. */
const PHRASE_POOL = 4;

/** Text as a comparable run of words: " the us does not " (spaces at both ends). */
function asPhrase(text: string | readonly Word[]): string {
  const ws = (typeof text === 'string' ? words(text) : text).map((w) => w.plain);
  return ws.length > 1 ? ` ${ws.join(' ')} ` : '';
}

/** Weight of a statement whose speaker's name or role is in the topic ("what did the minister say"). */
const ROLE_BONUS = 1.3;

/**
 * The people a text names, with the words that named them: a full name, or a surname under any
 * spelling ("Hegseth", "Hegses"). Organisations count when their whole name is given.
 *
 * @example
 * speakersNamedIn(library, 'what did Trump say about NATO') // { speakers: [Donald Trump], used: {'trump'} }
 */
export function speakersNamedIn(
  library: Library,
  text: string,
): { speakers: SpeakerEntity[]; used: Set<string> } {
  return library.speakerDirectory.namedIn(text);
}

const SAY_WORDS =
  /\b(?:what|did|does|do|has|have|say|says|said|saying|tell|told|think|thinks|about|on|of|regarding|who|quotes?|statements?)\b/gi;

/**
 * Statements about a topic, best first. A topic that names a person keeps to that person
 * ("what did Trump say about NATO").
 */
export function rankStatements(
  library: Library,
  topic: string,
  options: { article?: string; limit: number },
): RankedStatement[] {
  const named = speakersNamedIn(library, topic);
  const ranked = rankAmong(library, topic, options, named);
  // "who said Ali walked the walk": a name in the topic may be what was talked about, not who
  // talked. When that person said nothing about the rest of the topic, the name is a topic word.
  if (ranked.length > 0 || named.speakers.length === 0) return ranked;
  return rankAmong(library, topic, options, { speakers: [], used: new Set() });
}

/** {@link rankStatements} with the speakers the topic names (none: anyone's statements). */
function rankAmong(
  library: Library,
  topic: string,
  options: { article?: string; limit: number },
  { speakers, used }: { speakers: SpeakerEntity[]; used: Set<string> },
): RankedStatement[] {
  const allowed = speakers.length > 0 ? new Set(speakers.map((s) => s.id)) : null;
  const inScope = (s: Statement) =>
    (options.article === undefined || s.article === options.article) &&
    (allowed === null || (s.speaker !== null && allowed.has(s.speaker)));
  const rest = allowed
    ? words(topic)
        .filter((w) => !used.has(w.plain))
        .map((w) => w.plain)
        .join(' ')
        .replace(SAY_WORDS, ' ')
        .trim()
    : topic;
  if (allowed && words(rest).every(isStopWord)) {
    // Only a name: everything that person said, in article order.
    return library.statements
      .filter(inScope)
      .slice(0, options.limit)
      .map((statement) => ({ statement, score: 1 }));
  }
  // Sentences that belong to statements in scope, scored by the topic; a statement takes its best
  // sentence's score, lifted when the topic names its speaker's role.
  const share = (matched: number, queryWords: number) => (queryWords > 0 ? matched / queryWords : 0);
  const hits = library.sentenceIndex.ranked(rest, {
    filter: (id) => library.statementsAt(id).some((st) => inScope(library.statements[st] as Statement)),
    weigh: share,
  });
  const roles = new Set(
    words(rest)
      .filter((w) => !isStopWord(w))
      .flatMap((w) => library.speakersWithWord(w.stem)),
  );
  const weightOf = (statement: Statement) =>
    statement.speaker === null ? UNATTRIBUTED_WEIGHT : roles.has(statement.speaker) ? ROLE_BONUS : 1;
  const pool = Math.max(options.limit * PHRASE_POOL, 20);
  const best = new Map<number, number>();
  // Hits come in the order of their score times the share of the topic matched, which is what a
  // statement takes from them before its weight: once that times the largest weight is below
  // the pool's last (a floor refreshed as hits are read), no later hit can change the pool.
  const most = roles.size > 0 ? ROLE_BONUS : 1;
  let floor = 0;
  let read = 0;
  let refresh = pool;
  for (let h = hits.next(); h; h = hits.next()) {
    const coverage = share(h.matched, h.queryWords);
    if (searchBounded() && h.score * coverage * most < floor) break;
    for (const id of library.statementsAt(h.id)) {
      if (!inScope(library.statements[id] as Statement)) continue;
      best.set(id, Math.max(best.get(id) ?? 0, h.score * coverage));
    }
    if (++read >= refresh && best.size >= pool) {
      floor = poolFloor(best, pool, (id) => weightOf(library.statements[id] as Statement));
      refresh = Math.ceil(read * 1.25) + 16;
    }
  }
  const phrase = asPhrase(rest);
  const byScore = (a: RankedStatement, b: RankedStatement) =>
    b.score - a.score || a.statement.id - b.statement.id;
  const ranked = [...best]
    .map(([id, relevance]) => {
      const statement = library.statements[id] as Statement;
      return { statement, score: relevance * weightOf(statement) };
    })
    .sort(byScore)
    .slice(0, pool);
  // The topic's exact words, in order, in what was said (checked on the leading candidates only).
  // A sentence may hold two statements ("…," she said, "…"): each is weighed by how many of the
  // topic's words are in its own words, so the one that has them comes first.
  const topicStems = new Set(
    words(rest)
      .filter((w) => !isStopWord(w))
      .map((w) => w.stem),
  );
  for (const r of ranked) {
    const text = library
      .article(r.statement.article)
      .text.slice(r.statement.quoteStart, r.statement.quoteEnd);
    const said = words(text);
    if (phrase.length > 0 && asPhrase(said).includes(phrase)) r.score *= PHRASE_BONUS;
    if (topicStems.size > 0) {
      const own = new Set(said.map((w) => w.stem));
      const covered = [...topicStems].filter((stem) => own.has(stem)).length / topicStems.size;
      r.score *= OWN_WORDS_FLOOR + (1 - OWN_WORDS_FLOOR) * covered;
    }
  }
  return ranked.sort(byScore).slice(0, options.limit);
}

/** The `size`-th best weighted score among the statements scored so far. */
function poolFloor(best: ReadonlyMap<number, number>, size: number, weight: (id: number) => number): number {
  const scores = new Float64Array(best.size);
  let i = 0;
  for (const [id, relevance] of best) scores[i++] = relevance * weight(id);
  scores.sort();
  return scores[scores.length - size] ?? 0;
}

/**
 * The speakers a name means: an exact name or alias, else the same surname, else speakers with
 * every typed word in their name, under the spellings the articles use. Empty when nobody matches.
 */
export function speakersByName(library: Library, query: string): SpeakerEntity[] {
  return library.speakerDirectory.byName(query);
}

/**
 * What to tell someone whose name matches no speaker: says so, and suggests the closest speaker
 * when one is close. Null when the name does match a speaker.
 *
 * @example
 * unknownSpeakerNotice(library, 'Hegset') // 'No speaker named “Hegset”; did you mean Pete Hegseth?'
 */
export function unknownSpeakerNotice(library: Library, name: string): string | null {
  if (library.speakerDirectory.byName(name).length > 0) return null;
  const near = library.speakerDirectory.closest(name);
  const shown = name.trim();
  return near
    ? `No speaker named “${shown}”; did you mean ${near.spelling}?`
    : `No speaker named “${shown}”.`;
}

/**
 * For `/who-said`: when the topic is only a name (every content word capitalised, at most four)
 * that no speaker has, says so, if a speaker is close (the suggestion) or nothing was found.
 */
export function topicNameNotice(library: Library, topic: string, found: number): string | null {
  if (!isNameOnly(topic) || speakersNamedIn(library, topic).speakers.length > 0) return null;
  if (found > 0 && library.speakerDirectory.closest(topic) === null) return null;
  return unknownSpeakerNotice(library, topic);
}

function isNameOnly(topic: string): boolean {
  const content = words(topic).filter((w) => !isStopWord(w) && !SAY_WORDS_LIST.has(w.plain));
  return content.length > 0 && content.length <= 4 && content.every((w) => w.capitalised && !w.acronym);
}

const SAY_WORDS_LIST = new Set([
  'what',
  'did',
  'say',
  'says',
  'said',
  'quotes',
  'quote',
  'statements',
  'statement',
]);

/** Statements by the speakers a name means, in article order (or every statement without a name). */
export function statementsBy(
  library: Library,
  speaker: string | undefined,
  options: { article?: string; limit?: number },
): Statement[] {
  const inArticle = (s: Statement) => options.article === undefined || s.article === options.article;
  const pool =
    speaker === undefined
      ? library.statements
      : speakersByName(library, speaker)
          .flatMap((sp) => sp.statements)
          .sort((a, b) => a - b)
          .map((id) => library.statements[id] as Statement);
  const out: Statement[] = [];
  for (const s of pool) {
    if (!inArticle(s)) continue;
    out.push(s);
    if (options.limit !== undefined && out.length >= options.limit) break;
  }
  return out;
}

/** How close retold text must be to a statement's words to count as its source (0–1). */
const MIN_SIMILARITY = 0.4;
/** Other candidates are shown only when nearly as close as the best one. */
const NEAR_BEST = 0.75;

interface Bag {
  stems: string[];
  plains: string[];
}

function contentWords(text: string): Bag {
  const all = words(text);
  const content = all.filter((w) => !isStopWord(w));
  // "We will." is all stop words, and still a quote someone can retell.
  const ws = content.length > 0 ? content : all;
  return { stems: ws.map((w) => w.stem), plains: ws.map((w) => w.plain) };
}

/** Share of `a`'s words found in `b` (same stem, or a typo of the same word). */
function coverage(a: Bag, b: Bag): number {
  if (a.stems.length === 0) return 0;
  const stems = new Set(b.stems);
  let hits = 0;
  a.stems.forEach((stem, i) => {
    const plain = a.plains[i] as string;
    if (stems.has(stem) || (plain.length >= 5 && b.plains.some((p) => sameWord(p, plain)))) hits++;
  });
  return hits / a.stems.length;
}

export interface SourceMatch {
  statement: Statement;
  score: number;
  diff: DiffPart[];
}

/**
 * The statements a retold quote comes from, best first, even when it is partial, paraphrased or
 * misspelt, each with a word-level diff from the original words to the retold ones.
 */
export function findSources(library: Library, text: string, limit: number): SourceMatch[] {
  const retold = contentWords(text);
  if (retold.stems.length === 0) return [];
  const candidates = new Set<number>();
  const inStatement = (id: number) => library.statementsAt(id).length > 0;
  const addHits = (hits: { id: number }[]) => {
    for (const h of hits) for (const id of library.statementsAt(h.id)) candidates.add(id);
  };
  addHits(library.sentenceIndex.search(text, { limit: 50, filter: inStatement }));
  if (words(text).every(isStopWord)) {
    // Only stop words: the index cannot help; compare with every short statement.
    for (const s of library.statements)
      if (s.quoteEnd - s.quoteStart <= text.length * 3) candidates.add(s.id);
  }
  // Misspelt words may miss the index; a fuzzy pass over the longer words catches them.
  const fuzzyQuery = retold.plains.filter((p) => p.length >= 5).join(' ');
  if (fuzzyQuery) addHits(library.sentenceIndex.searchFuzzy(fuzzyQuery, 0.25, 50, inStatement));
  const matches: SourceMatch[] = [];
  for (const id of candidates) {
    const statement = library.statements[id] as Statement;
    const article = library.article(statement.article);
    const quote = article.text.slice(statement.quoteStart, statement.quoteEnd);
    const original = contentWords(quote);
    // Mostly how much of the retold text is in the original (a partial quote is still a match).
    const score = 0.7 * coverage(retold, original) + 0.3 * coverage(original, retold);
    if (score < MIN_SIMILARITY) continue;
    matches.push({ statement, score, diff: wordDiff(quote, text) });
  }
  matches.sort((a, b) => b.score - a.score || a.statement.id - b.statement.id);
  const best = matches[0]?.score ?? 0;
  return matches.filter((m) => m.score >= best * NEAR_BEST).slice(0, limit);
}

/**
 * Word-level differences from `original` to `retold`: `removed` words are the original's,
 * `added` ones the retold text's. Case, punctuation and quotation marks are ignored.
 *
 * @example
 * wordDiff('We will win', 'We shall win') // same "We", removed "will", added "shall", same "win"
 */
export function wordDiff(original: string, retold: string): DiffPart[] {
  const clean = (t: string) =>
    normalise(t)
      .replace(/[^\p{L}\p{N}\s'-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const parts: DiffPart[] = [];
  for (const change of diffWords(clean(original), clean(retold))) {
    const text = change.value.trim();
    if (text === '') continue;
    const op = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const previous = parts[parts.length - 1];
    if (previous && previous.op === op) previous.text = `${previous.text} ${text}`;
    else parts.push({ op, text });
  }
  return parts;
}

/**
 * Speakers for autocomplete, with how many statements each has: name words starting with what was
 * typed, most quoted first. Values are speaker names (at most 100 characters).
 */
export function suggestSpeakers(library: Library, typed: string): Choice[] {
  return library.speakerDirectory.suggest(typed);
}
