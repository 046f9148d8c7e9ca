/**
 * Finds the statements in one article and who made them, as written (before pronouns are
 * resolved and name variants merged): direct quotes with their cue ("…," X said / X said: "…"),
 * reported speech ("X said that …", "…, X said", "according to X"), "…, saying …", and quotes
 * that carry on from the previous speaker.
 */
import type { Article, Sentence } from '../corpus/types.js';
import type { AnalyzedSentence, Token } from '../nlp/pipeline.js';
import {
  canSpeak,
  classify,
  isBetweenSubjectAndVerb,
  type Mention,
  phraseEndingAt,
  phraseStartingAt,
} from './mentions.js';
import { findQuoteSpans, type QuoteSpan, wordCount } from './quoteSpans.js';
import type { StatementSpan } from './types.js';
import {
  BARE_CLAUSE_VERBS,
  QUOTE_VERBS,
  REPORT_VERBS,
  SETTING_NOUNS,
  SETTING_OPENERS,
  TIME_WORDS,
} from './words.js';

/** A statement before its speaker is resolved. Sentence numbers index `article.sentences`. */
export interface RawStatement extends StatementSpan {
  /** The speaker as written, or null when the statement continues the previous speaker. */
  mention: Mention | null;
  /** Index of the sentence the mention is in. */
  mentionSentence: number;
}

/** Per-sentence facts the pronoun resolver needs. */
export interface SentenceFacts {
  /** The grammatical subject, when it is someone who can speak. */
  subject: Mention | null;
  /** People introduced by full name elsewhere in the sentence ("… for accountant Babatunji Farinloye"). */
  introduced: Mention[];
  paragraph: number;
}

export interface Extraction {
  statements: RawStatement[];
  facts: SentenceFacts[];
}

/** Shortest quotation, in words, that stands as a statement on its own (shorter ones are scare quotes). */
const MIN_QUOTE_WORDS = 4;
/** Shortest reported clause, in words. */
const MIN_CLAUSE_WORDS = 3;

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');
const isQuoteMark = (t: Token | undefined) => t !== undefined && /^["“”„«»‘’']+$/.test(t.text);
const isComma = (t: Token | undefined) =>
  t !== undefined && (t.text === ',' || t.text === '—' || t.text === '–');

function isCue(t: Token, verbs: Set<string>): boolean {
  if (!(t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NOUN' || t.pos === 'PROPN')) return false;
  if (t.pos !== 'VERB' && !/^(?:says|said|told|adds|added)$/i.test(t.text)) return false;
  return verbs.has(t.lemma) || verbs.has(lower(t));
}

/** Extracts the statements of one article from its sentences and their analyses. */
export function extractStatements(article: Article, analyses: readonly AnalyzedSentence[]): Extraction {
  const sentences = article.sentences;
  const text = article.text;
  const textParagraphs = article.paragraphs.filter((p) => p.kind === 'text');
  const quotes = findQuoteSpans(
    text,
    textParagraphs,
    sentences.filter((s) => s.kind === 'sentence').map((s) => s.start),
  );
  // Quotes and sentences are in text order: binary searches keep these lookups cheap.
  const inQuote = (at: number) => {
    let lo = 0;
    let hi = quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = quotes[mid] as QuoteSpan;
      if (at < q.start) hi = mid - 1;
      else if (at >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
  /** The sentence containing `offset`, else the last one starting before it (-1 if none). */
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sentences[mid] as Sentence).start <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };

  const facts: SentenceFacts[] = sentences.map((s, i) => {
    const tokens = analyses[i]?.tokens ?? [];
    const subject = s.kind === 'sentence' ? sentenceSubject(tokens, text, inQuote) : null;
    return {
      subject,
      introduced: s.kind === 'sentence' ? introducedPeople(tokens, text, inQuote, subject) : [],
      paragraph: s.paragraph,
    };
  });

  const statements: RawStatement[] = [];
  const usedCues = new Set<number>();
  const coveredQuotes = new Set<QuoteSpan>();

  // 1. Quotations with a cue next to them.
  for (const q of quotes) {
    const first = sentenceAt(q.open ?? q.start);
    const last = sentenceAt(q.close ?? q.end - 1);
    if (first < 0 || last < 0) continue;
    const found =
      tailAttribution(analyses[last]?.tokens ?? [], q, text, inQuote) ??
      headAttribution(
        analyses[first]?.tokens ?? [],
        q,
        text,
        inQuote,
        facts[first]?.subject ?? null,
        statements.find((s) => s.mentionSentence === first && s.mention)?.mention ?? null,
      );
    if (!found) continue;
    if (found.reported) continue; // a partial quote inside reported speech: the clause is the statement
    if (wordCount(text.slice(q.start, q.end)) < MIN_QUOTE_WORDS && !found.head) continue;
    usedCues.add(found.cue.start);
    coveredQuotes.add(q);
    const cueSentence = found.head ? first : last;
    statements.push({
      firstSentence: Math.min(first, cueSentence),
      lastSentence: Math.max(last, cueSentence),
      quoteStart: q.start,
      quoteEnd: q.end,
      quoted: true,
      cue: found.cue.text,
      mention: found.mention,
      mentionSentence: cueSentence,
    });
  }

  // 2. Reported speech, sentence by sentence.
  sentences.forEach((sentence, si) => {
    if (sentence.kind !== 'sentence') return;
    const tokens = analyses[si]?.tokens ?? [];
    const found = reportedSpeech(tokens, text, inQuote, usedCues, facts[si]?.subject ?? null, statements, si);
    for (const r of found) {
      usedCues.add(r.cue.start);
      const quoted = quotes.some((q) => q.start < r.end && q.end > r.start);
      for (const q of quotes) if (q.start >= r.start && q.end <= r.end + 2) coveredQuotes.add(q);
      statements.push({
        firstSentence: si,
        lastSentence: si,
        quoteStart: r.start,
        quoteEnd: r.end,
        quoted,
        cue: r.cue.text,
        mention: r.mention,
        mentionSentence: si,
      });
    }
  });

  // 3. Quotations with no cue that open a paragraph carry on from the previous speaker.
  for (const q of quotes) {
    if (coveredQuotes.has(q)) continue;
    const first = sentenceAt(q.open ?? q.start);
    const last = sentenceAt(q.close ?? q.end - 1);
    if (first < 0 || last < 0) continue;
    const opening = q.open ?? q.start;
    const startsSentence = opening <= (sentences[first] as Sentence).start + 1;
    const fillsSentences = q.close === null || q.close >= (sentences[last] as Sentence).end - 2;
    const paragraph = textParagraphs[q.paragraph];
    const opensParagraph = paragraph !== undefined && opening <= paragraph.start + 1;
    // A full quotation that opens a paragraph, or follows a statement in the sentence before it.
    const follows = statements.some(
      (s) =>
        s.lastSentence === first - 1 &&
        (sentences[s.lastSentence] as Sentence).paragraph === (sentences[first] as Sentence).paragraph,
    );
    if (!startsSentence || !fillsSentences || !(opensParagraph || follows)) continue;
    // A short quotation stands only right after its speaker's ("…," he said. "We will.").
    if (wordCount(text.slice(q.start, q.end)) < MIN_QUOTE_WORDS && !follows) continue;
    statements.push({
      firstSentence: first,
      lastSentence: last,
      quoteStart: q.start,
      quoteEnd: q.end,
      quoted: true,
      cue: null,
      mention: null,
      mentionSentence: first,
    });
  }

  statements.sort((a, b) => a.quoteStart - b.quoteStart);
  return { statements: dropOverlaps(statements), facts };
}

/** Keeps one statement where two claim overlapping words (the first found, i.e. quoted, wins). */
function dropOverlaps(statements: RawStatement[]): RawStatement[] {
  const kept: RawStatement[] = [];
  for (const s of statements) {
    const clash = kept.find((k) => k.quoteStart < s.quoteEnd && s.quoteStart < k.quoteEnd);
    if (!clash) kept.push(s);
    else if (clash.mention === null && s.mention !== null) kept[kept.indexOf(clash)] = s;
  }
  return kept;
}

interface Attribution {
  mention: Mention;
  cue: Token;
  /** The cue came before the quote. */
  head: boolean;
  /** The quote is a fragment inside reported speech ("X said that … "partial" …"). */
  reported: boolean;
}

/** `"…," X said` / `"…," said X` / `"…," X told reporters` after the closing mark. */
function tailAttribution(
  tokens: readonly Token[],
  q: QuoteSpan,
  text: string,
  inQuote: (at: number) => boolean,
): Attribution | null {
  if (q.close === null) return null;
  const close = q.close;
  let i = tokens.findIndex((t) => t.start > close);
  if (i < 0) return null;
  while (i < tokens.length && (isComma(tokens[i]) || isQuoteMark(tokens[i]))) i++;
  // At most a short phrase between the quote and the cue: "…," Rally Canada volunteer media coordinator Tom Hinderks said.
  for (let k = i; k < Math.min(tokens.length, i + 12); k++) {
    const t = tokens[k] as Token;
    if (inQuote(t.start)) return null;
    if (t.text === '.' || t.text === ';' || isQuoteMark(t)) break;
    if (!isCue(t, QUOTE_VERBS)) continue;
    if (k === i) {
      // Inverted: "said Matthew Miller, a former State Department spokesman."
      const m = speakerAfter(tokens, k, text);
      return m ? { mention: m, cue: t, head: false, reported: false } : null;
    }
    const m = speakerBefore(tokens, k, text, i);
    return m ? { mention: m, cue: t, head: false, reported: false } : null;
  }
  return null;
}

/** `X said: "…"` / `X told reporters "…"` / `X said that "…"` before the opening mark. */
function headAttribution(
  tokens: readonly Token[],
  q: QuoteSpan,
  text: string,
  inQuote: (at: number) => boolean,
  subject: Mention | null,
  owner: Mention | null,
): Attribution | null {
  const open = q.open ?? q.start;
  let i = -1;
  for (let k = 0; k < tokens.length; k++) if ((tokens[k] as Token).start < open) i = k;
  // Walk back from the mark over ":", ",", "that", an object and time words to the cue.
  let sawThat = false;
  for (let k = i, steps = 0; k >= 0 && steps < 10; k--, steps++) {
    const t = tokens[k] as Token;
    if (inQuote(t.start)) return null;
    if (lower(t) === 'that' && t.pos !== 'PRON') {
      sawThat = true;
      continue;
    }
    if (isCue(t, QUOTE_VERBS)) {
      // '…," he said, adding "…"': a participle after a comma shares the sentence's speaker.
      const shared = isGerund(t) && isComma(tokens[k - 1]);
      const m = shared ? (owner ?? subject) : speakerBefore(tokens, k, text, 0);
      if (!m) return null;
      const between = tokens.slice(k + 1, i + 1).filter((x) => !isComma(x) && x.text !== ':');
      // "X said that "…"" and "X said police were "very committed" to …": the quote sits inside a
      // reported clause, which is the statement.
      const insideClause = between.some((x) => x.pos === 'VERB' || x.pos === 'AUX' || x.pos === 'PRON');
      return { mention: m, cue: t, head: true, reported: sawThat || insideClause };
    }
    if (t.pos === 'VERB' || t.text === '.' || t.text === ';' || isQuoteMark(t)) return null;
  }
  return null;
}

const isGerund = (t: Token) => /ing$/i.test(t.text);

/** The speaker whose phrase ends just before cue `k` (skipping "also", "on Wednesday", …). */
function speakerBefore(tokens: readonly Token[], k: number, text: string, floor: number): Mention | null {
  const j = skipBack(tokens, k - 1, floor);
  if (j < floor) return null;
  const t = tokens[j] as Token;
  // "Zelensky, who said …": the relative pronoun stands for the phrase before the comma.
  if (/^(?:who|which)$/i.test(t.text) && isComma(tokens[j - 1])) {
    const span = phraseEndingAt(tokens, j - 2);
    if (!span || span[0] < floor) return null;
    const m = classify(tokens, span[0], span[1], text);
    return canSpeak(m) ? m : null;
  }
  if (isComma(t)) {
    // "Matthew Miller, a former State Department spokesman, said" / "X, who …, said": the phrase
    // before the first comma of the run of appositives.
    let c = j - 1;
    while (c > floor && !isComma(tokens[c]) && j - c < 16) c--;
    if (c <= floor || !isComma(tokens[c])) return null;
    let m = mentionEndingAt(tokens, c - 1, text, floor);
    // A named person opening the sentence, then appositives up to the cue ("Tareq Hadad, the
    // co-founder …, a company based in Antigonish, N.S., says"): that person speaks.
    const opening = phraseStartingAt(tokens, floor);
    if (opening && opening[1] < c - 1 && isComma(tokens[opening[1] + 1])) {
      const o = classify(tokens, opening[0], opening[1], text);
      if (o.kind === 'person' || (m?.kind !== 'person' && canSpeak(o) && o.kind !== 'pronoun')) {
        m = o;
        c = opening[1] + 1;
      }
    }
    if (!m) return null;
    const inner = tokens.slice(c + 1, j);
    const relative = /^(?:who|which|whose)$/i.test(inner[0]?.text ?? '');
    if (!relative && inner.length > 0 && m.kind === 'person' && !m.title) {
      const end = inner.findIndex(isComma);
      const appositive = stripArticle(end > 0 ? inner.slice(0, end) : inner, text);
      if (appositive) m.title = appositive;
    }
    return m;
  }
  return mentionEndingAt(tokens, j, text, floor);
}

/**
 * The speaker phrase ending at token `j`. "Tim Guest with the Nova Scotia Health Authority" is
 * Tim Guest, described by the organisation.
 */
function mentionEndingAt(tokens: readonly Token[], j: number, text: string, floor: number): Mention | null {
  const span = phraseEndingAt(tokens, j);
  if (!span || span[0] < floor) return null;
  const m = classify(tokens, span[0], span[1], text);
  const link = tokens[span[0] - 1];
  if (link && /^(?:with|of|from|at|for)$/i.test(link.text) && m.kind !== 'pronoun') {
    const owner = phraseEndingAt(tokens, span[0] - 2);
    if (owner && owner[0] >= floor) {
      const o = classify(tokens, owner[0], owner[1], text);
      if (o.kind === 'person') {
        if (!o.title) o.title = m.text.replace(/^(?:the|a|an)\s+/i, '');
        return o;
      }
      // "a spokesperson for the ministry": the unnamed source, with what it speaks for.
      if (o.kind === 'group' && canSpeak(o)) {
        return {
          ...o,
          name: `${o.name} ${link.text} ${m.text}`,
          end: m.end,
          to: m.to,
          text: text.slice(o.start, m.end),
        };
      }
    }
  }
  return canSpeak(m) ? m : null;
}

/** The speaker whose phrase starts just after cue `k` ("said Matthew Miller, a former …"). */
function speakerAfter(tokens: readonly Token[], k: number, text: string): Mention | null {
  const j = skipForward(tokens, k + 1, tokens.length - 1);
  const span = phraseStartingAt(tokens, j);
  if (!span) return null;
  const m = classify(tokens, span[0], span[1], text);
  if (!canSpeak(m)) return null;
  const next = tokens[span[1] + 1];
  if (isComma(next) && m.kind === 'person' && !m.title) {
    const rest: Token[] = [];
    for (let x = span[1] + 2; x < tokens.length; x++) {
      const t = tokens[x] as Token;
      if (isComma(t) || t.text === '.' || isQuoteMark(t)) break;
      rest.push(t);
    }
    const appositive = stripArticle(rest, text);
    if (appositive && !/^(?:who|which|whose)\b/i.test(appositive)) m.title = appositive;
  }
  return m;
}

function stripArticle(tokens: Token[], text: string): string | null {
  const words = /^(?:a|an|the)$/i.test(tokens[0]?.text ?? '') ? tokens.slice(1) : tokens;
  if (words.length === 0 || words.length > 12) return null;
  return text.slice((words[0] as Token).start, (words[words.length - 1] as Token).end);
}

/**
 * The subject of a sentence when it is someone who can speak: after any opening conjunction or
 * introductory phrase ("Late Wednesday afternoon, Trump agreed …"), a phrase followed by a verb.
 */
export function sentenceSubject(
  tokens: readonly Token[],
  text: string,
  inQuote: (at: number) => boolean,
): Mention | null {
  let i = 0;
  while (
    i < tokens.length &&
    (tokens[i]?.pos === 'CCONJ' ||
      tokens[i]?.pos === 'PUNCT' ||
      (tokens[i]?.pos === 'ADV' && isComma(tokens[i + 1])))
  )
    i++;
  if (i < tokens.length && inQuote((tokens[i] as Token).start)) return null;
  const direct = subjectAt(tokens, i, text);
  if (direct) return direct;
  // After an introductory phrase: "Late Wednesday afternoon, Trump agreed …",
  // "Speaking in Vaughan, Ont., on Thursday morning, Trudeau denied …".
  for (let k = i + 1; k < Math.min(tokens.length, i + 30); k++) {
    if (!isComma(tokens[k])) continue;
    const found = subjectAt(tokens, k + 1, text);
    if (found) return found;
  }
  return null;
}

/** A speaker-like phrase at token `i` followed (after an appositive and adverbs) by a verb. */
function subjectAt(tokens: readonly Token[], i: number, text: string): Mention | null {
  const span = phraseStartingAt(tokens, i);
  if (!span) return null;
  let after = span[1] + 1;
  // "Matthew Miller, a former spokesman, said" / "Marco Mendicino — a former prosecutor, and … —
  // went": step over an appositive, to the matching dash when it opened with one.
  const opener = tokens[after];
  if (isComma(opener)) {
    const dash = opener?.text === '—' || opener?.text === '–';
    const close = tokens.findIndex((t, k) => k > after && (dash ? t.text === opener?.text : isComma(t)));
    if (close > 0 && close - after < (dash ? 30 : 16)) after = close + 1;
  }
  // Step over adverbs and time words, but an auxiliary may be the verb itself ("Levine has …").
  while (
    after < tokens.length &&
    tokens[after]?.pos !== 'AUX' &&
    isBetweenSubjectAndVerb(tokens[after] as Token)
  )
    after++;
  const verb = tokens[after];
  if (!verb || !(verb.pos === 'VERB' || verb.pos === 'AUX')) return null;
  const m = classify(tokens, span[0], span[1], text);
  return canSpeak(m) ? m : null;
}

/** Full names (two words or more) outside quotes, other than the subject, last first. */
function introducedPeople(
  tokens: readonly Token[],
  text: string,
  inQuote: (at: number) => boolean,
  subject: Mention | null,
): Mention[] {
  const people: Mention[] = [];
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (
      t.pos !== 'PROPN' ||
      inQuote(t.start) ||
      (subject && t.start >= subject.start && t.end <= subject.end)
    ) {
      continue;
    }
    // A full name has at least two capitalised words.
    if (tokens[k - 1]?.pos !== 'PROPN' && tokens[k - 2]?.text !== '-') continue;
    const span = phraseEndingAt(tokens, k);
    if (!span) continue;
    const m = classify(tokens, span[0], span[1], text);
    if (m.kind === 'person' && /\s/.test(m.name)) people.push(m);
    k = span[0];
  }
  return people;
}

interface Reported {
  mention: Mention;
  cue: Token;
  start: number;
  end: number;
}

/** Reported speech in one sentence: "X said (that) …", "…, X said", "according to X", "…, saying …". */
function reportedSpeech(
  tokens: readonly Token[],
  text: string,
  inQuote: (at: number) => boolean,
  usedCues: Set<number>,
  subject: Mention | null,
  statements: RawStatement[],
  sentenceIndex: number,
): Reported[] {
  const found: Reported[] = [];
  const sentenceEnd = lastContentIndex(tokens);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (usedCues.has(t.start) || inQuote(t.start)) continue;
    if (found.some((f) => t.start >= f.start && t.start < f.end)) continue;
    const according = lower(t) === 'according' && lower(tokens[k + 1]) === 'to';
    if (!according && !(t.pos === 'VERB' && isCue(t, REPORT_VERBS))) continue;
    // A clause ends where another speaker's attribution begins: "According to EHS, …, but Chapman says …".
    const endIndex = nextAttribution(tokens, k + 1, sentenceEnd, text, inQuote) ?? sentenceEnd;

    // "according to X, …" / "…, according to X."
    if (according) {
      const span = phraseStartingAt(tokens, k + 2);
      if (!span) continue;
      const m = classify(tokens, span[0], span[1], text);
      if (!canSpeak(m)) continue;
      const clause =
        k <= 1
          ? clauseAfterComma(tokens, span[1] + 1, endIndex)
          : clauseBetween(tokens, 0, trimBack(tokens, k - 1));
      if (clause) found.push({ mention: m, cue: t, ...clause });
      continue;
    }
    if (!isCue(t, REPORT_VERBS) || t.pos !== 'VERB') continue;

    // "…, saying (that) …" / "…, adding …": the main clause's subject speaks.
    if (isGerund(t) && isComma(tokens[k - 1])) {
      const owner =
        statements.find((s) => s.mentionSentence === sentenceIndex && s.mention)?.mention ?? subject;
      const clause = clauseAfterCue(tokens, k, endIndex);
      if (owner && clause) found.push({ mention: owner, cue: t, ...clause });
      continue;
    }

    // "…, X said." / "…, said X." at the end of the sentence.
    const rest = tokens.slice(k + 1, endIndex + 1);
    const tailOnly = rest.every(
      (x) =>
        isBetweenSubjectAndVerb(x) ||
        TIME_WORDS.has(lower(x)) ||
        x.pos === 'PROPN' ||
        x.pos === 'NOUN' ||
        x.pos === 'ADP' ||
        x.pos === 'DET' ||
        x.pos === 'ADJ' ||
        x.pos === 'NUM' ||
        isComma(x) ||
        x.text === '.',
    );
    if (tailOnly) {
      const before = speakerBefore(tokens, k, text, 0);
      const inverted = !before || !isComma(tokens[before.from - 1]) ? speakerAfter(tokens, k, text) : null;
      const mention =
        before && isComma(tokens[before.from - 1])
          ? before
          : inverted && isComma(tokens[k - 1])
            ? inverted
            : null;
      const commaAt = mention === before && before ? before.from - 1 : k - 1;
      if (mention && commaAt > 0) {
        const clause = clauseBetween(tokens, 0, commaAt - 1);
        if (clause) {
          found.push({ mention, cue: t, ...clause });
          continue;
        }
      }
    }

    // "X said (that) …"
    const speaker = speakerBefore(tokens, k, text, 0) ?? coordinatedSubject(tokens, k, subject);
    if (!speaker) continue;
    const clause = clauseAfterCue(tokens, k, endIndex);
    if (clause) found.push({ mention: speaker, cue: t, ...clause });
  }
  return found;
}

/**
 * The last token before a later attribution with its own speaker (", Jagelewski says …",
 * "but Chapman says …"), or null when there is none.
 */
function nextAttribution(
  tokens: readonly Token[],
  from: number,
  last: number,
  text: string,
  inQuote: (at: number) => boolean,
): number | null {
  for (let k = from + 1; k <= last; k++) {
    const t = tokens[k] as Token;
    if (t.pos !== 'VERB' || inQuote(t.start) || !isCue(t, REPORT_VERBS)) continue;
    // ", noting that …" starts a statement of its own.
    if (isGerund(t) && isComma(tokens[k - 1])) return k - 2 >= from ? k - 2 : null;
    const m = speakerBefore(tokens, k, text, from);
    if (!m || m.kind === 'pronoun') continue;
    const before = tokens[m.from - 1];
    if (before && (isComma(before) || before.pos === 'CCONJ' || before.pos === 'SCONJ')) {
      let end = m.from - 1;
      while (end > from && (isComma(tokens[end]) || tokens[end]?.pos === 'CCONJ')) end--;
      return end;
    }
  }
  return null;
}

/** "Trump agreed to Hegses and said …": a cue after "and" shares the sentence's subject. */
function coordinatedSubject(tokens: readonly Token[], k: number, subject: Mention | null): Mention | null {
  let j = k - 1;
  while (j >= 0 && isBetweenSubjectAndVerb(tokens[j] as Token)) j--;
  const t = tokens[j];
  return t && (lower(t) === 'and' || lower(t) === 'but') && subject ? subject : null;
}

/** The reported clause after a cue: skips an object ("told CNN"), time words and "that". */
function clauseAfterCue(
  tokens: readonly Token[],
  k: number,
  endIndex: number,
): { start: number; end: number } | null {
  let i = k + 1;
  const verb = tokens[k] as Token;
  if (/^(?:tell|inform|assure|remind|warn|advise|promise|urge)$/.test(verb.lemma)) {
    // An object: "told CNN", "told reporters", "told The Associated Press", "told her".
    const obj = phraseStartingAt(tokens, i);
    if (obj) i = obj[1] + 1;
  }
  i = skipForward(tokens, i, endIndex);
  // "said that the bridge …", but not "says that is not what …" (there "that" is the subject).
  const that = lower(tokens[i]) === 'that' && !['AUX', 'VERB'].includes(tokens[i + 1]?.pos ?? '');
  if (that) i++;
  else if (!BARE_CLAUSE_VERBS.has(verb.lemma) && !BARE_CLAUSE_VERBS.has(lower(verb))) return null;
  else if (!startsClause(tokens, i, endIndex)) return null;
  return clauseBetween(tokens, i, endIndex);
}

/** True when tokens from `i` read like a clause: a subject, then a verb. */
function startsClause(tokens: readonly Token[], i: number, endIndex: number): boolean {
  const first = tokens[i];
  if (!first) return false;
  if (isQuoteMark(first)) return true;
  if (!['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'ADV'].includes(first.pos)) return false;
  for (let k = i + 1; k <= Math.min(endIndex, i + 12); k++) {
    const t = tokens[k] as Token;
    if (t.pos === 'VERB' || t.pos === 'AUX') return true;
    if (t.pos === 'ADP' && k === i + 1 && first.pos !== 'PRON') continue;
    if (t.pos === 'SCONJ' || t.text === ';') return false;
  }
  return false;
}

/** Steps over commas, colons, time words and setting phrases ("on Wednesday", "in a statement"). */
function skipForward(tokens: readonly Token[], from: number, last: number): number {
  let i = from;
  for (let guard = 0; guard < 10 && i <= last; guard++) {
    const t = tokens[i] as Token;
    if (isComma(t) || t.text === ':' || TIME_WORDS.has(lower(t))) {
      i++;
      continue;
    }
    if (SETTING_OPENERS.has(lower(t))) {
      let k = i + 1;
      while (
        k <= Math.min(last, i + 5) &&
        !SETTING_NOUNS.has(lower(tokens[k])) &&
        /^(?:DET|ADJ|NUM|PROPN|NOUN)$/.test(tokens[k]?.pos ?? '')
      )
        k++;
      if (k <= last && SETTING_NOUNS.has(lower(tokens[k]))) {
        i = k + 1;
        continue;
      }
    }
    break;
  }
  return i;
}

/** Steps back over adverbs, auxiliaries, time words and setting phrases between a subject and its verb. */
function skipBack(tokens: readonly Token[], from: number, floor: number): number {
  let j = from;
  for (let guard = 0; guard < 10 && j >= floor; guard++) {
    const t = tokens[j] as Token;
    if (isBetweenSubjectAndVerb(t)) {
      j--;
      // "on Wednesday": the opener goes with the time word.
      if (j >= floor && SETTING_OPENERS.has(lower(tokens[j]))) j--;
      continue;
    }
    if (SETTING_NOUNS.has(lower(t))) {
      let k = j - 1;
      while (
        k >= Math.max(floor, j - 5) &&
        !SETTING_OPENERS.has(lower(tokens[k])) &&
        /^(?:DET|ADJ|NUM|PROPN|NOUN)$/.test(tokens[k]?.pos ?? '')
      )
        k--;
      if (k >= floor && SETTING_OPENERS.has(lower(tokens[k]))) {
        j = k - 1;
        continue;
      }
    }
    break;
  }
  return j;
}

function clauseAfterComma(
  tokens: readonly Token[],
  from: number,
  endIndex: number,
): { start: number; end: number } | null {
  let i = from;
  while (i <= endIndex && isComma(tokens[i])) i++;
  return clauseBetween(tokens, i, endIndex);
}

function clauseBetween(
  tokens: readonly Token[],
  from: number,
  to: number,
): { start: number; end: number } | null {
  let a = from;
  let b = to;
  while (a <= b && (tokens[a]?.pos === 'PUNCT' || tokens[a]?.pos === 'CCONJ') && !isQuoteMark(tokens[a])) a++;
  while (b >= a && (isComma(tokens[b]) || tokens[b]?.text === '.' || tokens[b]?.text === ':')) b--;
  if (b < a) return null;
  const words = tokens.slice(a, b + 1).filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (words.length < MIN_CLAUSE_WORDS) return null;
  // A clause says something: it has a verb.
  if (!tokens.slice(a, b + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return null;
  return { start: (tokens[a] as Token).start, end: (tokens[b] as Token).end };
}

function trimBack(tokens: readonly Token[], k: number): number {
  let j = k;
  while (j >= 0 && isComma(tokens[j])) j--;
  return j;
}

/** Index of the last token before the sentence's final punctuation and closing quotes. */
function lastContentIndex(tokens: readonly Token[]): number {
  let j = tokens.length - 1;
  while (j >= 0 && (tokens[j]?.pos === 'PUNCT' || isQuoteMark(tokens[j]))) j--;
  return j;
}
