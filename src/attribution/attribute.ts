/**
 * Attribution for a whole library: statements per article, pronouns resolved, speakers merged
 * across articles.
 */
import type { ParsedArticle } from '../corpus/load.js';
import type { Article } from '../corpus/types.js';
import { isDictionaryWord, joinTokens, type Token } from '../nlp/pipeline.js';
import { mergeSpeakers, type SpeakerMention } from './entities.js';
import { type Extraction, extractStatements } from './extract.js';
import { type Mention, namedMentions, organisationEvidence } from './mentions.js';
import { expandAcronym, nameWords } from './names.js';
import { placeEvidence } from './placeEvidence.js';
import { resolveSpeakers } from './resolve.js';
import { retagSurnames } from './surnames.js';
import type { SpeakerEntity, Statement, StatementSpan } from './types.js';
import { isFirstName, isPlace, ROLE_WORDS } from './words.js';

export interface Attribution {
  statements: Statement[];
  speakers: SpeakerEntity[];
}

/** A statement of one article, before ids are given; sentence numbers index `article.sentences`. */
export interface ArticleStatement extends StatementSpan {
  /** The speaker as written ("he", "Roe"). */
  mention: string;
  /** True when no speaker was written: a quotation continuing an earlier speaker's. */
  continued: boolean;
  /** The resolved speaker mention, before names merge across articles. */
  speaker: Mention | null;
}

/** What attribution found in one article: all that is kept once its tokens are dropped. */
export interface ArticleAttribution {
  article: string;
  statements: ArticleStatement[];
  /** Full names written anywhere in the article. */
  knownNames: string[];
  /** How often each proper noun occurs (lower case), to choose the best-supported spelling. */
  nameCounts: [string, number][];
}

/** Finds the statements of one article and resolves their speakers within the article. */
export function attributeArticle(parsed: ParsedArticle): ArticleAttribution {
  const { article, analyses } = parsed;
  const tokens = joinTokens(analyses);
  const counts = new Map<string, number>();
  for (const t of tokens) {
    if (t.pos === 'PROPN') counts.set(t.text.toLowerCase(), (counts.get(t.text.toLowerCase()) ?? 0) + 1);
  }
  const { extraction, resolution, knownNames } = readArticle(parsed, tokens);
  const statements: ArticleStatement[] = extraction.statements.map((raw, i) => {
    const speaker = withLongName(asPerson(resolution.speakers[i] ?? null, knownNames), article.text);
    return {
      firstSentence: raw.firstSentence,
      lastSentence: raw.lastSentence,
      quoteStart: raw.quoteStart,
      quoteEnd: raw.quoteEnd,
      quoted: raw.quoted,
      cue: raw.cue,
      mention: raw.mention?.text ?? speaker?.text ?? '',
      continued: raw.mention === null,
      speaker,
    };
  });
  return { article: article.id, statements, knownNames, nameCounts: [...counts] };
}

/** The phases for one article: names in the text, statements, common words demoted, speakers resolved. */
function readArticle({ article, analyses: tagged }: ParsedArticle, taggedTokens: readonly Token[]) {
  const analyses = retagSurnames(tagged);
  const tokens = analyses === tagged ? taggedTokens : joinTokens(analyses);
  const knownNames = fullNamesIn(tokens, article.text);
  const extraction = demoteCommonWords(extractStatements(article, analyses), tokens, knownNames);
  const personWords = new Set(knownNames.flatMap((n) => nameWords(n)));
  const named = article.sentences.map((s, i) =>
    s.kind === 'sentence' ? namedMentions(analyses[i]?.tokens ?? [], article.text) : [],
  );
  const bodies = organisationEvidence(analyses.map((a) => a.tokens));
  const resolution = resolveSpeakers(extraction, knownNames, personWords, named, bodies, {
    pronouns: analyses.map((a) => pronounsOutsideQuotes(a.tokens)),
    places: placeEvidence(analyses.map((a) => a.tokens)),
  });
  return { knownNames, extraction, resolution };
}

/** A sentence's subject that stands for someone else (a pronoun, "the mayor") and what it was resolved to. */
export interface SubjectReading {
  subject: Mention;
  /** The mention it was resolved to; the subject itself when it stayed as written; null for none. */
  referent: Mention | null;
}

/**
 * How the subjects of one article that need an antecedent are resolved ("he", "the company"), by
 * the rules statements use: for measuring coreference.
 */
export function readSubjects(parsed: ParsedArticle): SubjectReading[] {
  const { extraction, resolution } = readArticle(parsed, joinTokens(parsed.analyses));
  return extraction.facts.flatMap((f, i) => {
    const s = f.subject;
    const needsAntecedent =
      s !== null &&
      ((s.kind === 'pronoun' && !s.possessive) ||
        (s.kind !== 'person' && /^the\s/i.test(s.text) && !s.plural));
    return needsAntecedent && s ? [{ subject: s, referent: resolution.actors[i] ?? null }] : [];
  });
}

/**
 * Gives statements their ids (corpus order) and merges speakers across articles. `articles` must
 * be in corpus order, with their final (global) sentence ids.
 */
export function mergeAttributions(
  articles: readonly { article: Article; attribution: ArticleAttribution }[],
): Attribution {
  const statements: Statement[] = [];
  const mentions: SpeakerMention[] = [];
  const mentionOf: number[] = [];
  const knownNames = new Map<string, string[]>();
  const wordCounts = new Map<string, Map<string, number>>();
  for (const { article, attribution } of articles) {
    knownNames.set(article.id, attribution.knownNames);
    wordCounts.set(article.id, new Map(attribution.nameCounts));
    for (const raw of attribution.statements) {
      const first = article.sentences[raw.firstSentence];
      const last = article.sentences[raw.lastSentence];
      if (!first || !last) continue;
      mentionOf[statements.length] = raw.speaker ? mentions.length : -1;
      if (raw.speaker) mentions.push({ article: article.id, mention: raw.speaker });
      statements.push({
        id: statements.length,
        article: article.id,
        start: first.start,
        end: last.end,
        firstSentence: first.id,
        lastSentence: last.id,
        quoteStart: raw.quoteStart,
        quoteEnd: raw.quoteEnd,
        quoted: raw.quoted,
        cue: raw.cue,
        mention: raw.mention,
        speaker: null,
      });
    }
  }
  const { speakers, speakerOf } = mergeSpeakers(mentions, knownNames, wordCounts);
  for (const s of statements) {
    const m = mentionOf[s.id] ?? -1;
    if (m < 0) continue;
    const speaker = speakers[speakerOf[m] as number];
    if (!speaker) continue;
    s.speaker = speaker.id;
    speaker.statements.push(s.id);
  }
  return { statements, speakers };
}

/** Attribution for parsed articles in corpus order (sentence ids already global). */
export function attributeArticles(parsed: readonly ParsedArticle[]): Attribution {
  return mergeAttributions(parsed.map((p) => ({ article: p.article, attribution: attributeArticle(p) })));
}

/**
 * "Morgan said", when the article names a Morgan Ellis: a one-word name taken for a country or
 * organisation is the person whose first name or surname it is.
 */
function asPerson(m: Mention | null, fullNames: readonly string[]): Mention | null {
  if (m?.kind !== 'organisation' || /\s/.test(m.name) || /^\p{Lu}+$/u.test(m.name)) return m;
  const word = nameWords(m.name)[0] ?? '';
  const named = fullNames.some((n) => {
    const w = nameWords(n);
    return w.length >= 2 && (w[0] === word || w.at(-1) === word);
  });
  return named ? { ...m, kind: 'person' } : m;
}

/** "NRB said", in an article that spells out the National Rail Board (NRB). */
function withLongName(m: Mention | null, text: string): Mention | null {
  if (m?.kind !== 'organisation' || !/^\p{Lu}{2,6}$/u.test(m.name)) return m;
  const long = expandAcronym(m.name, text);
  return long ? { ...m, name: long, aliases: [...(m.aliases ?? []), m.name] } : m;
}

/**
 * "Exercise also produced results…": a capitalised common word at the start of a sentence is not a
 * name, unless the article also capitalises it mid-sentence or gives it as part of a full name.
 */
function demoteCommonWords(
  extraction: Extraction,
  tokens: readonly Token[],
  fullNames: readonly string[],
): Extraction {
  const midSentence = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const before = tokens[i - 1] as Token;
    if (/^\p{Lu}/u.test(t.text) && !/^[.!?"“”]$/.test(before.text)) midSentence.add(t.text.toLowerCase());
  }
  const nameParts = new Set(fullNames.flatMap((n) => nameWords(n)));
  const demote = (m: Mention | null): Mention | null => {
    if (m?.kind !== 'person' || !m.initial) return m;
    const word = m.name.toLowerCase();
    if (midSentence.has(word) || nameParts.has(word) || !isDictionaryWord(word)) return m;
    return { ...m, kind: 'group', initial: false };
  };
  return {
    facts: extraction.facts.map((f) => ({ ...f, subject: demote(f.subject) })),
    statements: extraction.statements.map((s) => ({ ...s, mention: demote(s.mention) })),
  };
}

/** Full names written anywhere in an article: runs of capitalised words starting with a first name. */
function fullNamesIn(tokens: readonly Token[], text: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.pos !== 'PROPN' || !/^\p{Lu}\p{Ll}/u.test(t.text)) continue;
    // A name starts at a known first name, or right after a title ("President Ana Ruiz"), where
    // an unfamiliar first name is still a first name.
    const afterTitle = i > 0 && ROLE_WORDS.has((tokens[i - 1] as Token).text.toLowerCase());
    if ((!isFirstName(t.text) && !afterTitle) || ROLE_WORDS.has(t.text.toLowerCase())) continue;
    let j = i + 1;
    for (; j < tokens.length && j - i < 5; j++) {
      const next = tokens[j] as Token;
      // "Ana Ruiz-Ortega": a hyphen joins two capitalised parts.
      if (next.text === '-' && tokens[j + 1]?.pos === 'PROPN' && next.start === (tokens[j - 1] as Token).end)
        continue;
      // The tagger reads some surnames after a first name as common nouns ("Linda Park").
      const nameLike = next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'ADJ';
      if (
        !(nameLike && /^\p{Lu}/u.test(next.text)) &&
        !(tokens[j - 1]?.text === '-' && /^\p{Lu}/u.test(next.text))
      )
        break;
    }
    // "North Carolina", "North Dakota State": a first name ("North") opening a place's name.
    const place = isPlace(`${t.text} ${tokens[i + 1]?.text ?? ''}`);
    if (j - i >= 2 && !place) names.push(text.slice(t.start, (tokens[j - 1] as Token).end));
    i = j - 1;
  }
  return names;
}

const MASCULINE = new Set(['he', 'him', 'his', 'himself']);
const FEMININE = new Set(['she', 'her', 'hers', 'herself']);

/**
 * How many he/him/his and she/her/hers a sentence has outside its quotation marks, and where the
 * first of them starts (Infinity when there is none).
 */
function pronounsOutsideQuotes(tokens: readonly Token[]): { m: number; f: number; first: number } {
  let m = 0;
  let f = 0;
  let first = Number.POSITIVE_INFINITY;
  let quoted = false;
  for (const t of tokens) {
    if (/^["“”]$/.test(t.text)) quoted = t.text === '“' ? true : t.text === '”' ? false : !quoted;
    else if (!quoted) {
      const w = t.text.toLowerCase();
      if (MASCULINE.has(w)) m++;
      else if (FEMININE.has(w)) f++;
      else continue;
      first = Math.min(first, t.start);
    }
  }
  return { m, f, first };
}
