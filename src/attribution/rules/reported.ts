/**
 * Reported speech in one sentence, as an ordered list of named rules tried at each cue:
 * "according to X, …" / "…, according to X"; "…, saying (that) …"; "…, X said." at the end;
 * "X said (that) …".
 */
import type { Token } from '../../nlp/pipeline.js';
import { clauseAfterComma, clauseAfterCue, clauseBetween, startsClause, trimBack } from '../clauses.js';
import {
  canSpeak,
  classify,
  isBetweenSubjectAndVerb,
  type Mention,
  ownerEndingAt,
  phraseStartingAt,
} from '../mentions.js';
import { coordinatedSubject, speakerAfter, speakerBefore } from '../speakerPhrase.js';
import { speaksForOthers } from '../speakingHeads.js';
import { openingName } from '../subject.js';
import { gerundLemmas, isComma, isCue, isGerund, isQuoteMark, lastContentIndex, lower } from '../tokens.js';
import { REPORT_VERBS, STATEMENT_NOUNS, TIME_WORDS } from '../words.js';
import type { Found, SentenceContext } from './context.js';

/**
 * One construction. Given a cue at token `k` and the last token its clause may reach, it returns
 * what it found, `null` when the construction is this one but yields nothing (no later rule is
 * tried), or `undefined` when it is not this construction.
 */
interface ReportedRule {
  name: string;
  match(ctx: SentenceContext, k: number, end: number): Found | null | undefined;
}

/**
 * True when token `k` is a report verb: tagged a verb, or "Roe, a consultant, notes that …" — a
 * word in -s the tagger read as a plural noun, after a name or an appositive and before "that".
 */
function isReportVerbAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.pos === 'VERB') return isCue(t, REPORT_VERBS);
  const before = tokens[k - 1];
  const after = lower(tokens[k + 1]);
  // "Ivan Read said …": "said" read as an adjective after a name read as a verb (not "the said
  // document").
  if (t.pos === 'ADJ' && /^(?:said|told)$/i.test(t.text))
    return before?.pos !== 'DET' && isCue(t, REPORT_VERBS);
  // "is promising to …", "was insisting that …": a progressive the tagger read as an adjective.
  if (t.pos === 'ADJ' && before?.pos === 'AUX' && /^(?:to|that)$/.test(after))
    return gerundLemmas(lower(t)).some((l) => REPORT_VERBS.has(l));
  // "The complaint alleged that …": a past form the tagger read as an adjective, after a noun.
  if (t.pos === 'ADJ')
    return (
      after === 'that' &&
      (before?.pos === 'NOUN' || before?.pos === 'PROPN') &&
      pastFormLemmas(lower(t)).some((l) => REPORT_VERBS.has(l))
    );
  if (t.pos !== 'NOUN' || after !== 'that') return false;
  // "…, warning that …": a participle after a comma that the tagger read as a noun.
  if (isComma(before) && gerundLemmas(lower(t)).some((l) => REPORT_VERBS.has(l))) return true;
  // "the report, which notes that …": a relative pronoun stands for the speaker too.
  const relative = /^(?:who|which)$/i.test(before?.text ?? '');
  return (isComma(before) || before?.pos === 'PROPN' || relative) && isCue(t, REPORT_VERBS, true);
}

/**
 * "Speaking on Monday", "Asked about the plan": a participle phrase opening the sentence, with no
 * verb of its own after the participle. It sets the scene; it is not what was said.
 */
function isOpeningParticiple(tokens: readonly Token[], from: number, to: number): boolean {
  const words = tokens.slice(from, to + 1).filter((t) => t.pos !== 'PUNCT' && !isQuoteMark(t));
  const first = words[0];
  if (!first || !/^\p{Lu}/u.test(first.text) || !/(?:ing|ed)$/i.test(first.text)) return false;
  if (!(first.pos === 'VERB' || first.pos === 'ADJ' || first.pos === 'NOUN')) return false;
  return !words.slice(1).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

/** Lemmas a regular past form may have ("alleged" → allege, "claimed" → claim). */
function pastFormLemmas(word: string): string[] {
  if (!word.endsWith('ed')) return [];
  return [word.slice(0, -1), word.slice(0, -2)];
}

/** Negations and modals in a verb group: "did not say", "never said", "will argue", "may claim". */
const UNASSERTED = new Set([
  'not',
  "n't",
  'never',
  'will',
  'would',
  'may',
  'might',
  'could',
  'should',
  'can',
  'shall',
  'must',
  "'ll",
  "'d",
]);

/**
 * True when the cue at `k` reports something said: not negated, not future or hypothetical. Walks
 * back over the verb group (auxiliaries, adverbs, "not") to its subject.
 */
function isAsserted(tokens: readonly Token[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    const t = tokens[j] as Token;
    if (!(t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART' || lower(t) === 'never')) break;
    if (UNASSERTED.has(lower(t)) || UNASSERTED.has(t.normal)) return false;
  }
  return !inCondition(tokens, k);
}

/** Words that open a condition: what is said inside one is supposed, not reported. */
const CONDITIONS = new Set(['if', 'unless', 'whether']);

/**
 * "If Roe says the deal is dead, …", "… will fall if Roe says …": the cue's subject follows a
 * condition word (walking back from the cue over its subject, up to a verb or a comma).
 */
function inCondition(tokens: readonly Token[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    const t = tokens[j] as Token;
    if (CONDITIONS.has(lower(t))) return true;
    if (t.pos === 'VERB' || isComma(t) || t.text === ';' || isQuoteMark(t)) return false;
  }
  return false;
}

/** "according to X, …" / "…, according to X." */
const according: ReportedRule = {
  name: 'according to',
  match({ tokens, text }, k, end) {
    const t = tokens[k] as Token;
    if (!(lower(t) === 'according' && lower(tokens[k + 1]) === 'to')) return undefined;
    // "according to campaign manager Tomas Brenner": a first word the tagger read as a verb.
    const misread = tokens[k + 2]?.pos === 'VERB' && /^\p{Ll}/u.test(tokens[k + 2]?.text ?? '');
    // "according to her lawyers": the phrase after a possessive is the source.
    const possessive = /^(?:his|her|their|its|our)$/i.test(tokens[k + 2]?.text ?? '');
    // "according to police, …": a lone noun the tagger read as a verb, punctuation after it.
    const after = tokens[k + 3];
    const lone = misread && (after === undefined || isComma(after) || after.text === '.');
    const span: [number, number] | null = lone
      ? [k + 2, k + 2]
      : (phraseStartingAt(tokens, k + 2) ?? (misread || possessive ? phraseStartingAt(tokens, k + 3) : null));
    if (!span) return null;
    let m = classify(tokens, span[0], span[1], text);
    // "according to the memoir", "according to polls": a document or a count is a source too, and
    // so is a body or place that speaks for its government ("according to the city").
    if (!canSpeak(m) && !isSourceNoun(tokens[span[1]]) && !speaksForOthers(lower(tokens[span[1]])))
      return null;
    // "according to a statement from Acme Corp.": the document's author is the source.
    let last = span[1];
    const author = /^(?:from|by)$/i.test(tokens[last + 1]?.text ?? '')
      ? phraseStartingAt(tokens, last + 2)
      : null;
    if (author && isSourceNoun(tokens[span[1]])) {
      const owner = classify(tokens, author[0], author[1], text);
      if (owner.kind !== 'pronoun' && canSpeak(owner)) m = owner;
      last = author[1];
    }
    // "The driver, according to police, was charged": set off inside the sentence, the words are
    // the whole sentence around it, as for "The plan, she said, would fail."
    // The words before must not be a clause of their own: "…, according to Roe, a professor at …"
    // closes the sentence with an appositive after the source.
    const setOff =
      k > 1 &&
      isComma(tokens[k - 1]) &&
      isComma(tokens[last + 1]) &&
      last + 1 < end &&
      clauseBetween(tokens, 0, trimBack(tokens, k - 1)) === null;
    const clause = setOff
      ? clauseBetween(tokens, 0, end)
      : k <= 1
        ? clauseAfterComma(tokens, last + 1, end)
        : clauseBetween(tokens, 0, trimBack(tokens, k - 1));
    return clause ? { mention: m, cue: t, ...clause } : null;
  },
};

/** Nouns for what a fact can be "according to": documents, counts and records. */
// biome-ignore format: a word list reads best packed
const SOURCE_NOUNS = new Set([
  'memoir', 'book', 'report', 'reports', 'copy', 'poll', 'polls', 'survey', 'data', 'documents', 'document',
  'filing', 'records', 'record', 'transcript', 'summary', 'version', 'letter', 'complaint', 'lawsuit',
  'study', 'analysis', 'estimates', 'figures', 'statement', 'memo', 'email', 'emails', 'website', 'account',
]);

/** True when the phrase ends in a {@link SOURCE_NOUNS} word ("a copy" of the letter, "the polls"). */
function isSourceNoun(t: Token | undefined): boolean {
  return t !== undefined && SOURCE_NOUNS.has(lower(t));
}

/** "…, saying (that) …" / "…, adding …": the main clause's speaker or subject speaks. */
/** Words that open an adverbial participle clause sharing the main clause's subject. */
const PARTICIPLE_LINKS = new Set([
  'before',
  'after',
  'while',
  'by',
  'when',
  'as',
  'in',
  'also',
  'then',
  'and',
]);

const participle: ReportedRule = {
  name: 'participle',
  match(ctx, k, end) {
    const t = ctx.tokens[k] as Token;
    if (!isReportVerbAt(ctx.tokens, k) || !isGerund(t)) return undefined;
    // ", saying …" after a comma, "issued a statement saying …" after what was issued, or
    // "before insisting …" / "by saying …" / "as saying …" after a subordinator.
    const before = ctx.tokens[k - 1];
    // `hailed the vote as "fantastic," telling …`: the comma may sit inside the closing mark.
    const commaInMark = isQuoteMark(before) && isComma(ctx.tokens[k - 2]);
    const opensParticiple =
      isComma(before) ||
      commaInMark ||
      (before !== undefined && (STATEMENT_NOUNS.has(lower(before)) || PARTICIPLE_LINKS.has(lower(before))));
    if (!opensParticiple) return undefined;
    const owner = ctx.speaker ?? ctx.subject ?? (isComma(before) ? openingName(ctx.tokens, ctx.text) : null);
    const clause = clauseAfterCue(ctx.tokens, k, end);
    return owner && clause ? { mention: owner, cue: t, ...clause } : null;
  },
};

/**
 * Tokens that may follow the cue in a closing attribution (", X said on Tuesday in Ottawa."). An
 * auxiliary is not one: in "X, who took office in May, said the budget would pass" the words after
 * the cue are a clause of their own, so the cue opens it rather than closing the sentence.
 */
function isTailWord(x: Token): boolean {
  return (
    (x.pos !== 'AUX' && isBetweenSubjectAndVerb(x)) ||
    TIME_WORDS.has(lower(x)) ||
    ['PROPN', 'NOUN', 'ADP', 'DET', 'ADJ', 'NUM'].includes(x.pos) ||
    isComma(x) ||
    x.text === '.'
  );
}

/**
 * "The plan, she said, would fail.": an attribution set off by commas inside the sentence. The
 * words are the whole sentence around it.
 */
const interrupting: ReportedRule = {
  name: 'interrupting attribution',
  match({ tokens, text }, k, end) {
    const t = tokens[k] as Token;
    if (!isReportVerbAt(tokens, k)) return undefined;
    const after = skipForwardInline(tokens, k + 1, end);
    if (!isComma(tokens[after]) || after >= end) return undefined;
    const mention = speakerBefore(tokens, k, text, 0);
    // The comma may sit inside a closing quotation mark: `“Only you,” she said, would …`.
    const c = mention && isQuoteMark(tokens[mention.from - 1]) ? mention.from - 2 : (mention?.from ?? 0) - 1;
    if (!mention || !isComma(tokens[c]) || c <= 0) return undefined;
    const whole = clauseBetween(tokens, 0, end);
    const rest = clauseBetween(tokens, after + 1, end);
    return whole && rest ? { mention, cue: t, ...whole } : undefined;
  },
};

/** Steps over time words and adverbs right after a cue ("she said Tuesday,"). */
function skipForwardInline(tokens: readonly Token[], from: number, end: number): number {
  let i = from;
  while (i <= end && (TIME_WORDS.has(lower(tokens[i])) || tokens[i]?.pos === 'ADV')) i++;
  return i;
}

/**
 * True when what follows cue `k` closes the sentence: tail words only ("said on Tuesday in
 * Ottawa"), or an inverted speaker and then an appositive of any shape ("said Jane Roe, head of a
 * union that has left the federation"), or a participle after a comma ("X said, adding …").
 */
function closesSentence(tokens: readonly Token[], k: number, end: number, text: string): boolean {
  const rest = tokens.slice(k + 1, end + 1);
  if (rest.every(isTailWord)) return true;
  const comma = rest.findIndex(isComma);
  if (comma < 0 || !rest.slice(0, comma).every(isTailWord)) return false;
  const next = rest[comma + 1];
  if (next && next.pos === 'VERB' && isGerund(next)) return true;
  const inverted = speakerAfter(tokens, k, text);
  return inverted !== null && isComma(tokens[inverted.to + 1]) && inverted.to + 1 === k + 1 + comma;
}

/** "…, X said." / "…, said X." closing the sentence: the words before the comma. */
const closing: ReportedRule = {
  name: 'closing attribution',
  match({ tokens, text }, k, end) {
    const t = tokens[k] as Token;
    if (!isReportVerbAt(tokens, k) || !closesSentence(tokens, k, end, text)) return undefined;
    const before = speakerBefore(tokens, k, text, 0);
    // The comma may sit inside a closing quotation mark: `… was "heartbreaking," she said.`
    const markBefore = before !== null && isQuoteMark(tokens[before.from - 1]) ? 1 : 0;
    const beforeAfterComma = before !== null && isComma(tokens[before.from - 1 - markBefore]);
    const inverted = beforeAfterComma ? null : speakerAfter(tokens, k, text);
    // `… may be "strategic," said Jane Roe, a professor.`: the comma may sit inside the mark here too.
    const markAfter = isQuoteMark(tokens[k - 1]) ? 1 : 0;
    const invertedAfterComma = inverted !== null && isComma(tokens[k - 1 - markAfter]);
    const mention = beforeAfterComma ? before : invertedAfterComma ? inverted : null;
    const commaAt = beforeAfterComma && before ? before.from - 1 - markBefore : k - 1 - markAfter;
    if (!mention || commaAt <= 0 || isOpeningParticiple(tokens, 0, commaAt - 1)) return undefined;
    const clause = clauseBetween(tokens, 0, commaAt - 1);
    return clause ? { mention, cue: t, ...clause } : undefined;
  },
};

/**
 * True when the cue at `k` is a passive participle ("was told", "had been warned", "were
 * repeatedly assured"): its subject is the one spoken to, not the speaker.
 */
function isPassiveCue(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (isGerund(t) || !/(?:ed|told|said|written)$/i.test(t.text)) return false;
  for (let j = k - 1; j >= 0 && k - j <= 3; j--) {
    const x = tokens[j] as Token;
    if (x.lemma === 'be') return true;
    if (x.pos !== 'ADV') return false;
  }
  return false;
}

/**
 * "Roe was told by the doctors that …": a passive cue whose speaker is the agent after "by";
 * without one ("Roe was told that …") the speaker is not given and nothing is attributed.
 */
const passive: ReportedRule = {
  name: 'passive attribution',
  match({ tokens, text }, k, end) {
    if (!isReportVerbAt(tokens, k) || !isPassiveCue(tokens, k)) return undefined;
    // "It was announced that …": no one is spoken to; the statement has no speaker given.
    if (lower(tokens[k - 1]) !== 'been' && /^it$/i.test(tokens[k - 2]?.text ?? '')) return undefined;
    if (lower(tokens[k + 1]) !== 'by') return null;
    // "by her managers": the possessive belongs to the agent's phrase.
    const possessive = /^(?:his|her|their|its|our)$/i.test(tokens[k + 2]?.text ?? '');
    const agent = phraseStartingAt(tokens, possessive ? k + 3 : k + 2);
    if (!agent) return null;
    const mention = classify(tokens, possessive ? k + 2 : agent[0], agent[1], text);
    if (!canSpeak(mention)) return null;
    // The reported clause follows the agent: "… by her doctors (that) the ward will close".
    let from = agent[1] + 1;
    if (lower(tokens[from]) === 'that') from++;
    else if (!startsClause(tokens, from, end)) return null;
    const clause = clauseBetween(tokens, from, end);
    return clause ? { mention, cue: tokens[k] as Token, ...clause } : null;
  },
};

/** "X said (that) …": the speaker before the cue (or the coordinated subject), the clause after. */
const opening: ReportedRule = {
  name: 'opening attribution',
  match({ tokens, text, subject }, k, end) {
    const t = tokens[k] as Token;
    if (!isReportVerbAt(tokens, k)) return undefined;
    const opener = perfectParticipleSubject(tokens, k, subject);
    if (opener) {
      const clause = clauseAfterCue(tokens, k, trimBack(tokens, opener.from - 1));
      return clause ? { mention: opener, cue: t, ...clause } : null;
    }
    const speaker = speakerBefore(tokens, k, text, 0) ?? coordinatedSubject(tokens, k, subject, text);
    if (!speaker) return null;
    const clause = clauseAfterCue(tokens, k, relativeClauseEnd(tokens, k, end));
    return clause ? { mention: speaker, cue: t, ...clause } : null;
  },
};

/**
 * "Having said that the port would close, Roe left the room": a cue in a perfect participle
 * opening the sentence has the main clause's subject, after the comma that ends the participle
 * phrase; null when the cue is not of this kind.
 */
function perfectParticipleSubject(
  tokens: readonly Token[],
  k: number,
  subject: Mention | null,
): Mention | null {
  let h = k - 1;
  while (h >= 0 && tokens[h]?.pos === 'ADV') h--;
  const having = tokens[h];
  if (!having || lower(having) !== 'having' || !subject || subject.from <= k) return null;
  // Only conjunctions, punctuation or "after" before "Having".
  if (!tokens.slice(0, h).every((x) => x.pos === 'PUNCT' || x.pos === 'CCONJ' || lower(x) === 'after'))
    return null;
  return isComma(tokens[subject.from - 1]) ? subject : null;
}

/**
 * "Roe, who estimates that the costs were high, described …": a cue inside a relative clause set
 * off after the subject; the reported clause ends at the comma before the main clause's verb.
 * Returns the last token the clause may reach (`end` when the cue is not of this kind).
 */
function relativeClauseEnd(tokens: readonly Token[], k: number, end: number): number {
  if (!/^(?:who|which)$/i.test(tokens[k - 1]?.text ?? '') || !isComma(tokens[k - 2])) return end;
  for (let m = k + 2; m < end; m++) {
    if (!isComma(tokens[m])) continue;
    let n = m + 1;
    while (n <= end && (isQuoteMark(tokens[n]) || tokens[n]?.pos === 'ADV')) n++;
    const verb = tokens[n];
    if (verb && (verb.pos === 'VERB' || verb.pos === 'AUX') && !isGerund(verb)) return m - 1;
  }
  return end;
}

/** Verbs of speech whose object is a topic after a preposition ("talked about …", "boasted of …"). */
// biome-ignore format: a word list reads best packed
const TOPIC_VERBS = new Set([
  'talk', 'speak', 'boast', 'brag', 'write', 'report', 'warn', 'complain', 'joke', 'rave', 'rant', 'muse',
]);

/** The prepositions that open such a topic ("on" is left out: "wrote on her blog" is a setting). */
const TOPIC_PREPOSITIONS = new Set(['about', 'of', 'against', 'on']);

/** Lemmas of the cue at `k`, with those of an -ing form the tagger did not reduce. */
const cueLemmas = (t: Token): string[] => [t.lemma, ...gerundLemmas(lower(t))];

/** True when token `k` is a {@link TOPIC_VERBS} verb with its preposition right after it. */
export function isTopicCueAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (!(t.pos === 'VERB' || (t.pos === 'NOUN' && isGerund(t)))) return false;
  if (!cueLemmas(t).some((l) => TOPIC_VERBS.has(l))) return false;
  if (!TOPIC_PREPOSITIONS.has(lower(tokens[k + 1]))) return false;
  // "wrote on her blog that …" / "wrote on Twitter: "…"": the phrase is a setting, the words follow it.
  const possessive = /^(?:his|her|their|its|our|my|your)$/i.test(tokens[k + 2]?.text ?? '');
  const phrase = phraseStartingAt(tokens, possessive ? k + 3 : k + 2);
  if (!phrase) return true;
  const next = tokens[phrase[1] + 1];
  if (lower(next) === 'that' || next?.text === ':') return false;
  return !(isComma(next) && isQuoteMark(tokens[phrase[1] + 2]));
}

/**
 * `X talked about "the progress we made"` / `X has boasted of his "record"`: a verb of speech whose
 * object is what the talk was about, quoting the speaker's words. The words are the object, to the
 * end of its clause; only taken when they hold a quotation (without one, a topic is no statement).
 */
const topic: ReportedRule = {
  name: 'topic of speech',
  match(ctx, k, end) {
    const { tokens, text, inQuote } = ctx;
    const t = tokens[k] as Token;
    if (!isTopicCueAt(tokens, k)) return undefined;
    let last = end;
    for (let m = k + 2; m < end; m++) {
      const x = tokens[m] as Token;
      if (inQuote(x.start)) continue;
      // ", but had …" / "; …": a new clause ends the topic.
      if (x.text === ';' || (isComma(x) && tokens[m + 1]?.pos === 'CCONJ')) {
        last = m - 1;
        break;
      }
    }
    const words = tokens.slice(k + 2, last + 1);
    if (words.filter((x) => /[\p{L}\p{N}]/u.test(x.text)).length < 3 || !words.some(isQuoteMark)) return null;
    // "keeps talking about …": the speaker is before the aspect verb.
    const at = isGerund(t) && ASPECT_LEMMAS.has(tokens[k - 1]?.lemma ?? '') ? k - 1 : k;
    const isParticiple = isGerund(t) && isComma(tokens[k - 1]);
    const mention = isParticiple
      ? (ctx.speaker ?? ctx.subject)
      : (speakerBefore(tokens, at, text, 0) ?? coordinatedSubject(tokens, at, ctx.subject, text));
    if (!mention) return null;
    const first = words[0] as Token;
    const lastToken = tokens[trimBack(tokens, last)] as Token;
    return { mention, cue: t, start: first.start, end: lastToken.end };
  },
};

/** Verbs that carry on or begin an act of speech ("keeps talking", "began talking"). */
const ASPECT_LEMMAS = new Set(['continue', 'begin', 'start', 'keep']);

/** Words that open an indirect question ("asked whether …", "asked her how …"). */
const QUESTION_OPENERS = new Set(['whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who', 'which']);

/** True when token `k` is "ask" as a verb (also an -ing form the tagger read as a noun). */
function isAskAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (!(t.pos === 'VERB' || (t.pos === 'NOUN' && isGerund(t)))) return false;
  return cueLemmas(t).includes('ask');
}

/**
 * "X asked Y whether …" / "X asked Y about the "…"" / "X asked Y to …" / "Y was asked by X how …":
 * a question or request said aloud, kept when it quotes the asker. The words are the question
 * (or the request's infinitive); the one who asks speaks, so a passive without "by" is left alone.
 */
const question: ReportedRule = {
  name: 'indirect question',
  match(ctx, k, end) {
    const { tokens, text, inQuote } = ctx;
    const t = tokens[k] as Token;
    if (!isAskAt(tokens, k)) return undefined;
    const passive =
      tokens[k - 1]?.lemma === 'be' || /^(?:when|if|after|once)$/i.test(tokens[k - 1]?.text ?? '');
    let i = k + 1;
    let mention: Mention | null = null;
    let hasObject = false;
    if (passive) {
      if (lower(tokens[i]) !== 'by') return null;
      const agent = phraseStartingAt(tokens, i + 1);
      if (!agent) return null;
      mention = classify(tokens, agent[0], agent[1], text);
      if (!canSpeak(mention) || mention.kind === 'pronoun') return null;
      i = agent[1] + 1;
    } else {
      const obj = QUESTION_OPENERS.has(lower(tokens[i])) ? null : phraseStartingAt(tokens, i);
      // "asked him whether …": an object pronoun.
      const pronoun = !obj && /^(?:him|her|them|me|us|you)$/i.test(tokens[i]?.text ?? '');
      if (obj) i = obj[1] + 1;
      else if (pronoun) i++;
      hasObject = obj !== null || pronoun;
    }
    while (
      i <= end &&
      !QUESTION_OPENERS.has(lower(tokens[i])) &&
      (tokens[i]?.pos === 'ADV' || TIME_WORDS.has(lower(tokens[i])))
    )
      i++;
    const opener = lower(tokens[i]);
    let from: number;
    if (QUESTION_OPENERS.has(opener)) from = i;
    else if (opener === 'about') from = i + 1;
    else if (opener === 'to' && hasObject && tokens[i + 1]?.pos === 'VERB') from = i;
    else return null;
    let last = end;
    for (let m = from; m < end; m++) {
      const x = tokens[m] as Token;
      if (inQuote(x.start)) continue;
      if (x.text === ';' || (isComma(x) && tokens[m + 1]?.pos === 'CCONJ')) {
        last = m - 1;
        break;
      }
    }
    const words = tokens.slice(from, last + 1);
    // An indirect question asserts nothing of its own: only one that quotes the asker's words
    // reports speech worth keeping ("asked whether it would risk "another bailout"").
    if (!words.some(isQuoteMark)) return null;
    const clause = opener === 'about' ? spanOf(tokens, from, last) : clauseBetween(tokens, from, last);
    if (!clause) return null;
    if (!passive) {
      const isParticiple = isGerund(t) && isComma(tokens[k - 1]);
      mention = isParticiple
        ? (ctx.speaker ?? ctx.subject)
        : (speakerBefore(tokens, k, text, 0) ?? coordinatedSubject(tokens, k, ctx.subject, text));
    }
    return mention ? { mention, cue: t, ...clause } : null;
  },
};

/** The words of tokens `from..to`, trimmed of commas at the end, when there are at least three. */
function spanOf(tokens: readonly Token[], from: number, to: number): { start: number; end: number } | null {
  const b = trimBack(tokens, to);
  if (tokens.slice(from, b + 1).filter((x) => /[\p{L}\p{N}]/u.test(x.text)).length < 3) return null;
  return { start: (tokens[from] as Token).start, end: (tokens[b] as Token).end };
}

/** Nouns of an argument that "make" turns into a speech verb ("made the point that …"). */
const ARGUMENT_NOUNS = new Set(['point', 'case', 'argument', 'claim', 'observation', 'remark', 'comment']);

/** The index of "that" when token `k` is "make" with an argument noun ("made the point that"), else -1. */
function argumentThatAt(tokens: readonly Token[], k: number): number {
  const t = tokens[k] as Token;
  if (t.pos !== 'VERB' || t.lemma !== 'make') return -1;
  let j = k + 1;
  if (tokens[j]?.pos === 'DET' || /^(?:his|her|their|its|our)$/i.test(tokens[j]?.text ?? '')) j++;
  if (tokens[j]?.pos === 'ADJ') j++;
  if (!ARGUMENT_NOUNS.has(lower(tokens[j]))) return -1;
  return lower(tokens[j + 1]) === 'that' ? j + 1 : -1;
}

/** "X made the point that …" / "X made the case that …": a verb and noun that together report speech. */
const argument: ReportedRule = {
  name: 'argument made',
  match(ctx, k, end) {
    const { tokens, text } = ctx;
    const that = argumentThatAt(tokens, k);
    if (that < 0) return undefined;
    const mention = speakerBefore(tokens, k, text, 0) ?? coordinatedSubject(tokens, k, ctx.subject, text);
    const clause = clauseBetween(tokens, that + 1, end);
    return mention && clause ? { mention, cue: tokens[k] as Token, ...clause } : null;
  },
};

/** Nouns of what someone said, which a clause with "that" gives the content of ("her warning that …"). */
// biome-ignore format: a word list reads best packed
const CLAIM_NOUNS = new Set([
  'claim', 'claims', 'warning', 'warnings', 'assertion', 'argument', 'contention', 'insistence', 'promise',
  'pledge', 'vow', 'remark', 'remarks', 'comment', 'comments', 'suggestion', 'prediction', 'allegation',
  'allegations', 'accusation', 'admission', 'assurance', 'assurances', 'boast', 'complaint', 'statement',
]);

/**
 * When token `k` is such a noun with an owner before it (an adjective may come between: "his
 * repeated claim") and "that" after it, the owner's last token; else -1.
 */
function claimOwnerAt(tokens: readonly Token[], k: number): number {
  const t = tokens[k] as Token;
  if (t.pos !== 'NOUN' || !CLAIM_NOUNS.has(lower(t)) || lower(tokens[k + 1]) !== 'that') return -1;
  let j = k - 1;
  if (tokens[j]?.pos === 'ADJ' || (tokens[j]?.pos === 'VERB' && /ed$/.test(tokens[j]?.text ?? ''))) j--;
  const owner = tokens[j];
  return owner && (/^(?:his|her|their|its)$/i.test(owner.text) || /^['’]s$/.test(owner.text)) ? j : -1;
}

/**
 * "Roe repeated her warning that the city …", "stood by Acme's claim that …": a noun of speech
 * with its owner and a "that" clause reports what the owner said. A clause about the claim itself
 * ("his claim that … was false") still gives the claim's words up to where the sentence goes on.
 */
const ownedClaim: ReportedRule = {
  name: 'owned claim',
  match(ctx, k, end) {
    const { tokens, text } = ctx;
    const at = claimOwnerAt(tokens, k);
    if (at < 0) return undefined;
    let mention = ownerEndingAt(tokens, at, text);
    // "She repeated her warning …", "Ana Ruiz repeated her warning …": the subject, when it is
    // the same pronoun or a person of the pronoun's gender; else the pronoun is resolved as any.
    const subject = ctx.subject;
    if (mention?.kind === 'pronoun' && subject && subject.end <= (tokens[at] as Token).start) {
      const same =
        subject.kind === 'pronoun'
          ? subject.name === mention.name
          : subject.kind === 'person' && subject.gender !== null && subject.gender === mention.gender;
      if (same) mention = subject;
    }
    const clause = clauseBetween(tokens, k + 2, end);
    return mention && clause ? { mention, cue: tokens[k] as Token, ...clause } : null;
  },
};

/** The rules, in the order they are tried at each cue. */
export const REPORTED_RULES: readonly ReportedRule[] = [
  according,
  topic,
  question,
  argument,
  ownedClaim,
  participle,
  passive,
  interrupting,
  closing,
  opening,
];

/** Reported speech in one sentence; cues already used by quotations are skipped. */
export function reportedSpeech(ctx: SentenceContext, usedCues: ReadonlySet<number>): Found[] {
  const { tokens, inQuote } = ctx;
  const found: Found[] = [];
  const sentenceEnd = lastContentIndex(tokens);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (usedCues.has(t.start) || inQuote(t.start)) continue;
    if (found.some((f) => t.start >= f.start && t.start < f.end)) continue;
    const according = lower(t) === 'according' && lower(tokens[k + 1]) === 'to';
    const cueVerb =
      isReportVerbAt(tokens, k) ||
      isTopicCueAt(tokens, k) ||
      isAskAt(tokens, k) ||
      argumentThatAt(tokens, k) >= 0;
    const claim = claimOwnerAt(tokens, k) >= 0;
    if (!cueVerb && !according && !claim) continue;
    // A clause ends where another speaker's attribution begins: "According to X, …, but Y says …".
    const end = nextAttribution(ctx, k + 1, sentenceEnd) ?? sentenceEnd;
    if (cueVerb && !isAsserted(tokens, k)) continue;
    for (const rule of REPORTED_RULES) {
      const result = rule.match(ctx, k, end);
      if (result === undefined) continue;
      if (result) found.push(result);
      break;
    }
  }
  return found;
}

/**
 * The last token before a later attribution with its own speaker (", Roe says …", "but Roe says
 * …"), or null when there is none.
 */
function nextAttribution(
  { tokens, text, inQuote }: SentenceContext,
  from: number,
  last: number,
): number | null {
  for (let k = from + 1; k <= last; k++) {
    const t = tokens[k] as Token;
    if (!isReportVerbAt(tokens, k) || inQuote(t.start)) continue;
    // "the driver has been charged": the subject of a passive cue is spoken of, not speaking.
    if (isPassiveCue(tokens, k)) continue;
    // ", noting that …" starts a statement of its own.
    if (isGerund(t) && isComma(tokens[k - 1])) return k - 2 >= from ? k - 2 : null;
    const m = speakerBefore(tokens, k, text, from);
    if (!m || m.kind === 'pronoun') continue;
    // `… at "less advanced schools," Trump said: …`: a closing mark before the comma.
    let b = m.from - 1;
    while (b > from && isQuoteMark(tokens[b])) b--;
    const before = tokens[b];
    // "said that the board should reiterate …": "that" opens the reported clause, whose own verb
    // is no new attribution.
    if (lower(before) === 'that') continue;
    // "reported that during the storm, the mayor warned …": with no verb between the first cue
    // and this subject, this is the reported clause's own verb.
    if (!tokens.slice(from, m.from).some((x) => x.pos === 'VERB' || x.pos === 'AUX')) continue;
    if (before && (isComma(before) || before.pos === 'CCONJ' || before.pos === 'SCONJ')) {
      let end = b;
      // "…, while supporters argue …": the subordinator belongs to the later attribution.
      while (
        end > from &&
        (isComma(tokens[end]) || tokens[end]?.pos === 'CCONJ' || tokens[end]?.pos === 'SCONJ')
      )
        end--;
      return end;
    }
  }
  return null;
}
