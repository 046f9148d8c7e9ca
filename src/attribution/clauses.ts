/** The words a cue reports: the reported clause after "said (that)", or the span before ", X said". */
import type { Token } from '../nlp/pipeline.js';
import { skipForward } from './gaps.js';
import { phraseStartingAt } from './mentions.js';
import { gerundLemmas, isComma, isQuoteMark, isVerbReadAsNoun, lower } from './tokens.js';
import { BARE_CLAUSE_VERBS } from './words.js';

/** Shortest reported clause, in words. */
export const MIN_CLAUSE_WORDS = 3;

/** Character offsets of a reported clause. */
export interface ClauseSpan {
  start: number;
  end: number;
}

/** Pronouns that can only be the subject of a clause. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/** Pronouns that can only be an object ("warned him", "told me"). */
const OBJECT_PRONOUNS = new Set(['him', 'them', 'me', 'us']);

/** Verbs whose first object is the person told ("told reporters that …"). */
const TELLING_VERBS = /^(?:tell|inform|assure|remind|warn|caution|advise|promise|urge)$/;

/** The reported clause after cue `k`: skips an object ("told the paper"), time words and "that". */
export function clauseAfterCue(tokens: readonly Token[], k: number, endIndex: number): ClauseSpan | null {
  let i = k + 1;
  const verb = tokens[k] as Token;
  const lemmas = [verb.lemma, ...gerundLemmas(lower(verb))];
  let hasObject = false;
  if (TELLING_VERBS.test(verb.lemma) || verb.lemma === 'ask') {
    // An object: "told the paper", "told reporters", "told The Daily Courier", "told her", "warned him".
    // Only before a request's infinitive ("warned him not to …"), where the tuning articles show
    // it; "told him that …" needs no object to be found.
    const request =
      lower(tokens[i + 1]) === 'to' || (lower(tokens[i + 1]) === 'not' && lower(tokens[i + 2]) === 'to');
    const pronoun = OBJECT_PRONOUNS.has(lower(tokens[i])) && request;
    const obj: [number, number] | null = pronoun ? [i, i] : phraseStartingAt(tokens, i);
    if (obj) i = obj[1] + 1;
    hasObject = obj !== null;
    if (obj) i = afterObject(tokens, i);
  }
  i = skipForward(tokens, i, endIndex);
  i = thatAfterPrepositions(tokens, i, endIndex) ?? i;
  // "promised on Sunday to end the programme": a commitment said aloud; its words are the infinitive.
  // The infinitive may be quoted: `vowed to "keep every depot open"`.
  const infinitive = isQuoteMark(tokens[i + 1]) ? tokens[i + 2] : tokens[i + 1];
  const toInfinitive = lower(tokens[i]) === 'to' && (infinitive?.pos === 'VERB' || infinitive?.pos === 'AUX');
  if (toInfinitive && lemmas.some((l) => COMMITMENT_VERBS.has(l))) return clauseBetween(tokens, i, endIndex);
  // "vowed not to sell …": a negated infinitive is a commitment all the same.
  const negated = isQuoteMark(tokens[i + 2]) ? tokens[i + 3] : tokens[i + 2];
  const notTo = lower(tokens[i]) === 'not' && lower(tokens[i + 1]) === 'to' && negated?.pos === 'VERB';
  if (notTo && lemmas.some((l) => COMMITMENT_VERBS.has(l))) return clauseBetween(tokens, i, endIndex);
  // "warned him not to attack …": a request not to do something, said to the object.
  if (notTo && hasObject && !(tokens[k - 1]?.lemma === 'be') && REQUEST_VERBS.has(verb.lemma))
    return clauseBetween(tokens, i, endIndex);
  // "urged voters to …", "asking supporters to …": a request said aloud; its words are the infinitive.
  // Not the passive "were urged to": there the one asked is the subject.
  const passive = tokens[k - 1]?.lemma === 'be';
  if (toInfinitive && hasObject && !passive && REQUEST_VERBS.has(verb.lemma))
    return clauseBetween(tokens, i, endIndex);
  // "said that the bridge …", but not "says that is not what …" (there "that" is the subject).
  // A gerund may open the clause ("notes that scoring well is enough").
  const next = tokens[i + 1];
  const that =
    lower(tokens[i]) === 'that' &&
    (!['AUX', 'VERB'].includes(next?.pos ?? '') || (next !== undefined && /ing$/i.test(next.text)));
  if (that) i++;
  else if (BARE_CLAUSE_VERBS.has(verb.lemma) && conditionalClause(tokens, i, endIndex))
    return clauseBetween(tokens, i, endIndex);
  else if (!BARE_CLAUSE_VERBS.has(verb.lemma) && !BARE_CLAUSE_VERBS.has(lower(verb)))
    return opensWithSubjectPronoun(tokens, i, endIndex) ? clauseBetween(tokens, i, endIndex) : null;
  else if (!startsClause(tokens, i, endIndex)) return null;
  return clauseBetween(tokens, i, endIndex);
}

/**
 * What may close the object of "told": a programme's quoted title after a possessive ("told the
 * network's “Morning Show” that …") and "here" or "there" ("told voters here that …"). Returns
 * the index after them.
 */
function afterObject(tokens: readonly Token[], i: number): number {
  let j = i;
  if (/^['’]s$/.test(tokens[j]?.text ?? '') && isQuoteMark(tokens[j + 1])) {
    let close = j + 2;
    while (close < j + 10 && close < tokens.length && !isQuoteMark(tokens[close])) close++;
    if (isQuoteMark(tokens[close]) && close > j + 2) j = close + 1;
  }
  if (/^(?:here|there)$/i.test(tokens[j]?.text ?? '')) j++;
  return j;
}

/** Verbs of request whose words may be an infinitive after the person asked ("urged voters to …"). */
const REQUEST_VERBS = new Set(['ask', 'urge', 'tell', 'warn', 'caution', 'advise', 'remind']);

/** Verbs of commitment whose words may be an infinitive ("vowed to fight", "pledged to repeal"). */
const COMMITMENT_VERBS = new Set(['promise', 'pledge', 'vow']);

/** Most tokens of prepositional phrases between a cue and its "that". */
const MAX_PREPOSITIONS = 14;

/**
 * "said of the plan that …", "wrote for a weekly paper that …", "told reporters during a visit to
 * the port on Friday that …": prepositional phrases (no verb) between the cue and "that". Returns
 * the index of "that" (or of a subject pronoun opening the clause without it), or null. Only phrases that open with a preposition are stepped over: after a
 * bare object "that" is usually relative ("wrote a book that …").
 */
function thatAfterPrepositions(tokens: readonly Token[], i: number, endIndex: number): number | null {
  if (tokens[i]?.pos !== 'ADP' || lower(tokens[i]) === 'that') return null;
  for (let k = i + 1; k <= Math.min(endIndex, i + MAX_PREPOSITIONS); k++) {
    const t = tokens[k] as Token;
    if (lower(t) === 'that') return k;
    // "said in a statement she would …": a clause without "that" opens with a subject pronoun.
    if (t.pos === 'PRON' && SUBJECT_PRONOUNS.has(lower(t)) && isVerbAt(tokens, k + 1)) return k;
    // "with The Associated Weekly", "of the Tri-County board": a title-case word read as a verb, a hyphen
    // inside a name.
    const inName =
      (t.pos === 'VERB' && /^\p{Lu}/u.test(t.text)) || (t.text === '-' && t.start === tokens[k - 1]?.end);
    if (!PREPOSITIONAL_POS.has(t.pos) && !inName && !isComma(t) && !isQuoteMark(t) && !/^['’]s$/.test(t.text))
      return null;
  }
  return null;
}

/** Whether a verb (or an auxiliary, after any adverbs) stands at `k`. */
function isVerbAt(tokens: readonly Token[], k: number): boolean {
  let j = k;
  while (tokens[j]?.pos === 'ADV') j++;
  return tokens[j]?.pos === 'VERB' || tokens[j]?.pos === 'AUX';
}

/** What a chain of prepositional phrases is made of ("of the city's new plan", "on NBC's show"). */
const PREPOSITIONAL_POS = new Set(['ADP', 'DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART', 'ADV']);

/** Subordinators that open a reported sentence ("said if the bridge closes, the town …"). */
const REPORTED_SUBORDINATORS = new Set(['if', 'unless', 'because', 'although', 'once']);

/**
 * "said if the plan passed, it would be a disaster" / "said even though turnout fell, the party
 * won": a subordinate clause, a comma, then the main clause with its subject and verb. A
 * subordinator with no main clause after it is a circumstance of the saying ("said if asked").
 */
function conditionalClause(tokens: readonly Token[], i: number, endIndex: number): boolean {
  const first = lower(tokens[i]);
  const opens =
    REPORTED_SUBORDINATORS.has(first) || (first === 'even' && /^(?:though|if)$/.test(lower(tokens[i + 1])));
  if (!opens) return false;
  for (let k = i + 2; k < endIndex; k++) {
    const t = tokens[k] as Token;
    if (t.text === ';' || t.text === '.') return false;
    if (t.text === ',' && startsClause(tokens, k + 1, endIndex)) return true;
    // Without the comma: "said if the board picked her it would be a fresh start", where a subject
    // pronoun and a modal open the main clause.
    const w = lower(t);
    if (k > i + 2 && (SUBJECT_PRONOUNS.has(w) || w === 'it') && MODALS.has(lower(tokens[k + 1]))) return true;
  }
  return false;
}

/** Modals that open the main clause after a condition ("it would", "they will"). */
const MODALS = new Set(['would', 'will', 'could', 'might', 'should', 'can', "'d", "'ll", '’d', '’ll']);

/**
 * "announced she would retire", "conceded they had lost": after any verb of speech a subject
 * pronoun followed by its verb can only open the reported clause, even where the verb more often
 * takes a noun ("announced a plan") and so needs "that" before other subjects.
 */
function opensWithSubjectPronoun(tokens: readonly Token[], i: number, endIndex: number): boolean {
  const first = tokens[i];
  // "announced it would seek …": "it" opens the clause only right before its verb ("announced it
  // on Friday" is the object).
  if (lower(first) === 'it' && first?.pos === 'PRON') return isVerbAt(tokens, i + 1);
  if (first?.pos !== 'PRON' || !SUBJECT_PRONOUNS.has(lower(first))) return false;
  for (let k = i + 1; k <= Math.min(endIndex, i + 4); k++) {
    const t = tokens[k] as Token;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (!(t.pos === 'ADV' || t.pos === 'CCONJ' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PRON'))
      return false;
  }
  return false;
}

/** True when tokens from `i` read like a clause: a subject, then a verb. */
export function startsClause(tokens: readonly Token[], i: number, endIndex: number): boolean {
  const first = tokens[i];
  if (!first) return false;
  if (isQuoteMark(first)) return true;
  // "said he …", "said they …": a subject pronoun after the cue can only open its clause.
  if (first.pos === 'PRON' && SUBJECT_PRONOUNS.has(lower(first))) return true;
  if (
    !['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'ADV'].includes(first.pos) &&
    !opensQuantity(tokens, i) &&
    !opensCompoundNoun(tokens, i)
  )
    return false;
  let last = Math.min(endIndex, i + 12);
  for (let k = i + 1; k <= last; k++) {
    const t = tokens[k] as Token;
    const before = tokens[k - 1];
    // "added 0.1 per cent to close at …": after a quantity an infinitive is no clause's verb.
    if (t.pos === 'VERB' && lower(before) === 'to' && first.pos === 'NUM') return false;
    // "claimed the title in 2012 and kept it": a verb after "and" is the cue's, not a clause's.
    if ((t.pos === 'VERB' || t.pos === 'AUX') && before?.pos === 'CCONJ') return false;
    // "declared war on the region, leading to …": an -ing form after a comma opens a participle
    // phrase; it is no clause's finite verb.
    if (t.pos === 'VERB' && /ing$/i.test(t.text) && isComma(before)) continue;
    if (t.pos === 'VERB' || t.pos === 'AUX' || isVerbReadAsNoun(tokens, k)) return true;
    if (t.pos === 'ADP' && k === i + 1 && first.pos !== 'PRON') continue;
    if (t.pos === 'SCONJ' || t.text === ';') return false;
    // "said the driver, a 34-year-old man from Leeds, was …": an apposition set off by commas
    // does not count against the subject's length.
    const close = isComma(t) ? appositionEnd(tokens, k, endIndex) : -1;
    if (close > 0) {
      last = Math.min(endIndex, last + (close - k));
      k = close;
    }
  }
  return false;
}

/**
 * "said wait times had doubled", "said price rises were coming": a clause may open with a compound
 * noun whose first word the tagger read as a verb, before a plural noun (the clause still needs
 * its own verb after it).
 */
function opensCompoundNoun(tokens: readonly Token[], i: number): boolean {
  const first = tokens[i];
  const noun = tokens[i + 1];
  return (
    first?.pos === 'VERB' &&
    first.lemma === first.text.toLowerCase() &&
    noun?.pos === 'NOUN' &&
    /s$/.test(noun.text)
  );
}

/** Words before a number or a share that make an estimate ("about half", "nearly 40"). */
const APPROXIMATORS = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'over', 'under', 'some']);
/** Shares and counts an estimate may name. */
const QUANTITY_WORDS =
  /^(?:half|third|quarter|fifth|dozen|dozens|hundreds|thousands|millions|percent|all|two-thirds)$/i;

/**
 * "said about half of the …", "said down-ballot contests …": a clause may open with a word the
 * tagger reads as a preposition, when it starts an estimate or a hyphenated word.
 */
function opensQuantity(tokens: readonly Token[], i: number): boolean {
  const first = tokens[i];
  const next = tokens[i + 1];
  if (first?.pos !== 'ADP' || !next) return false;
  if (next.text === '-' && next.start === first.end) return true;
  return APPROXIMATORS.has(lower(first)) && (next.pos === 'NUM' || QUANTITY_WORDS.test(next.text));
}

/** Most tokens of an apposition between commas ("the driver, a man from a town near Leeds, …"). */
const MAX_APPOSITION = 16;

/**
 * When the comma at `comma` opens a noun-phrase apposition closed by another comma ("the driver,
 * a 34-year-old man, was"), the index of the closing comma; else -1. An apposition has no verb.
 */
function appositionEnd(tokens: readonly Token[], comma: number, endIndex: number): number {
  const opener = tokens[comma + 1];
  if (!opener || !['DET', 'NUM', 'ADJ', 'PROPN', 'NOUN'].includes(opener.pos)) return -1;
  for (let k = comma + 2; k <= Math.min(endIndex, comma + MAX_APPOSITION); k++) {
    const t = tokens[k] as Token;
    if (isComma(t)) return k;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.text === ';') return -1;
  }
  return -1;
}

/** The clause after a comma run starting at `from` ("According to X, …"). */
export function clauseAfterComma(
  tokens: readonly Token[],
  from: number,
  endIndex: number,
): ClauseSpan | null {
  let i = from;
  while (i <= endIndex && isComma(tokens[i])) i++;
  return clauseBetween(tokens, i, endIndex);
}

/**
 * The clause made of tokens `from..to`, trimmed of punctuation at its edges, when it has enough
 * words and a verb (a clause says something).
 */
export function clauseBetween(tokens: readonly Token[], from: number, to: number): ClauseSpan | null {
  let a = from;
  let b = to;
  while (a <= b && (tokens[a]?.pos === 'PUNCT' || tokens[a]?.pos === 'CCONJ') && !isQuoteMark(tokens[a])) a++;
  while (b >= a && (isComma(tokens[b]) || tokens[b]?.text === '.' || tokens[b]?.text === ':')) b--;
  if (b < a) return null;
  const words = tokens.slice(a, b + 1).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (words.length < MIN_CLAUSE_WORDS) return null;
  // A clause says something: it has a verb, or quoted words (which the tagger often misreads).
  const part = tokens.slice(a, b + 1);
  const hasVerb = part.some(
    (t, j) => t.pos === 'VERB' || t.pos === 'AUX' || isQuoteMark(t) || isVerbReadAsNoun(tokens, a + j),
  );
  if (!hasVerb) return null;
  return { start: (tokens[a] as Token).start, end: (tokens[b] as Token).end };
}

/** The last token index at or before `k` that is not a comma. */
export function trimBack(tokens: readonly Token[], k: number): number {
  let j = k;
  while (j >= 0 && isComma(tokens[j])) j--;
  return j;
}
