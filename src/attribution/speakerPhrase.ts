/**
 * The speaker phrase next to a cue: before it ("Jane Roe, a former spokeswoman, said"), after
 * it ("said Jane Roe"), or shared with the main clause ("the minister agreed and said …").
 * Mentions are returned as new objects; nothing passed in is changed.
 */
import type { Token } from '../nlp/pipeline.js';
import { homeAfter } from './background.js';
import { skipBack, skipForward } from './gaps.js';
import {
  CUE_FORMS,
  canSpeak,
  classify,
  DOCUMENT_NOUNS,
  isBetweenSubjectAndVerb,
  type Mention,
  nameFromWord,
  phraseEndingAt,
  phraseStartingAt,
  REFLEXIVES,
} from './mentions.js';
import { isComma, isGerund, isQuoteMark, lower } from './tokens.js';
import { POSSESSIVE_PRONOUNS, ROLE_WORDS, SETTING_NOUNS, STATEMENT_NOUNS, TIME_WORDS } from './words.js';

/** Longest appositive, in tokens, between a name and its cue. */
const MAX_APPOSITIVE = 16;

const withTitle = (m: Mention, title: string | null): Mention => (title && !m.title ? { ...m, title } : m);

/**
 * "her campaign manager, Jane Roe, said" / "said the council's lawyer, Tom Lee.": a description of
 * one person with the person's name set off right after it is that person, described by it. `m`
 * is the description; the name must fill the part up to the next comma, full stop or quote.
 */
export function namedByAppositive(tokens: readonly Token[], m: Mention, text: string): Mention | null {
  // "the head of the union, Tom Lee,": a role of a body, read as the body.
  const words = m.name.toLowerCase().split(/\s+/);
  const of = words.indexOf('of');
  const roleOfBody = m.kind === 'organisation' && of > 0 && ROLE_WORDS.has(words[of - 1] ?? '');
  if (!(m.kind === 'group' || roleOfBody) || m.plural || tokens[m.to + 1]?.text !== ',') return null;
  // "a spokesperson for Roe, Dana Lee,": a role for someone may end in the other's name.
  const roleFor = m.kind === 'group' && /\s(?:for|of|to|with|at)\s/i.test(m.name);
  if (!(tokens[m.to]?.pos === 'NOUN' || (roleFor && tokens[m.to]?.pos === 'PROPN'))) return null;
  // A determiner or an owner opens the description ("the", "another", "his", "the city's",
  // "Ann Cole's").
  if (!/^(?:the|a|an|another|one|his|her|their|its|our|(?:\p{Lu}\S*\s+){0,3}\S+['’]s)\s/iu.test(m.text))
    return null;
  const span = phraseStartingAt(tokens, m.to + 2);
  if (!span) return null;
  const after = tokens[span[1] + 1];
  if (after !== undefined && !(isComma(after) || after.text === '.' || isQuoteMark(after))) return null;
  const name = classify(tokens, span[0], span[1], text);
  // "The shelter's operator, Harbour Mission, says …": a body named after its description.
  if (name.kind === 'organisation' && !name.plural && !roleOfBody) return name;
  if (name.kind !== 'person' || name.plural) return null;
  return { ...name, title: name.title ?? m.text.replace(/^(?:the|a|an)\s+/i, '') };
}

/** The speaker whose phrase ends just before cue `k` (skipping "also", "on Wednesday", …). */
export function speakerBefore(
  tokens: readonly Token[],
  k: number,
  text: string,
  floor: number,
): Mention | null {
  const framed = lower(tokens[k - 1]) === 'to' ? speakerOfSpeechInfinitive(tokens, k, text, floor) : null;
  if (framed) return framed;
  const j = skipBack(tokens, skipAspectVerb(tokens, skipBack(tokens, k - 1, floor), floor), floor);
  if (j < floor) return null;
  const t = tokens[j] as Token;
  // "Roe, who said …": the relative pronoun stands for the phrase before the comma.
  if (/^(?:who|which)$/i.test(t.text) && isComma(tokens[j - 1]))
    return relativeAntecedent(tokens, j, text, floor);
  if (isComma(t)) return speakerBeforeAppositive(tokens, j, text, floor);
  // A capitalised word read as a verb right before the cue is a name ("Welch added that …"), even
  // opening the sentence, where two verbs in a row cannot both be verbs.
  // "Acme itself said": an emphatic pronoun between them keeps the word right before the cue.
  const adjacent = j === k - 1 || (j === k - 2 && REFLEXIVES.has(lower(tokens[k - 1])));
  const word = j > floor || adjacent ? nameFromWord(tokens, j, text) : null;
  // "the tenants who wrote to the council say": the subject is before "who", not the object after it.
  const role = isGerund(tokens[k] as Token) ? 'gerund' : 'subject';
  const m =
    restrictedSubject(tokens, j, text, floor) ?? mentionEndingAt(tokens, j, text, floor, role) ?? word;
  return (m && addressedDocument(tokens, m, text, floor)) ?? m;
}

/**
 * Verbs of a finished act that an infinitive of speech completes: "went on to say", "took to
 * Twitter to say", "used the speech to warn", "rose in the House to say", "called the station to
 * say". Wanting, refusing or being expected to say something reports nothing, so those are absent.
 */
// biome-ignore format: a word list reads best packed
const SPEECH_INFINITIVE_FRAMES = new Set([
  'go', 'take', 'use', 'rise', 'step', 'return', 'come', 'stand', 'turn', 'call', 'phone', 'appear',
  'seize', 'pause', 'stop', 'interrupt', 'write', 'email', 'post',
]);
/** Most tokens between the frame's verb and "to" ("took to social media on Monday"). */
const FRAME_WINDOW = 8;

/**
 * The speaker of an infinitive cue at `k` ("to say") in such a frame: the subject of the frame's
 * verb, when that verb is asserted (past or present, no modal, not negated); else null.
 */
function speakerOfSpeechInfinitive(
  tokens: readonly Token[],
  k: number,
  text: string,
  floor: number,
): Mention | null {
  for (let v = k - 2; v >= floor && k - v <= FRAME_WINDOW + 2; v--) {
    const t = tokens[v] as Token;
    if (isComma(t) || t.text === ';' || isQuoteMark(t) || t.pos === 'AUX') return null;
    if (t.pos !== 'VERB') continue;
    if (!SPEECH_INFINITIVE_FRAMES.has(t.lemma) || (t.lemma === t.text.toLowerCase() && !/s$/.test(t.text)))
      return null;
    // "went on to say": "go" only with "on".
    if (t.lemma === 'go' && lower(tokens[v + 1]) !== 'on') return null;
    const before = tokens[v - 1];
    if (before && (before.pos === 'AUX' || /^(?:not|never|to)$/i.test(before.text))) return null;
    return speakerBefore(tokens, v, text, floor);
  }
  return null;
}

/**
 * "Acme's letter to workers said", "the union's email to members says": the phrase before the
 * cue is whom a document was addressed to; the speaker is the document's phrase before "to".
 */
function addressedDocument(
  tokens: readonly Token[],
  m: Mention,
  text: string,
  floor: number,
): Mention | null {
  if (lower(tokens[m.from - 1]) !== 'to' || !DOCUMENT_NOUNS.has(lower(tokens[m.from - 2]))) return null;
  return mentionEndingAt(tokens, m.from - 2, text, floor);
}

/**
 * "Roe, who said …" / "one aide familiar with the talks, who added …" / "the audit report, which
 * notes …": the phrase before the comma that the relative pronoun at `j` stands for. After "who"
 * the phrase is read as before a cue (a description with "familiar with", "X of Y"); after "which"
 * it must be someone who can speak or a document.
 */
function relativeAntecedent(
  tokens: readonly Token[],
  j: number,
  text: string,
  floor: number,
): Mention | null {
  const end = skipBack(tokens, j - 2, floor);
  if (lower(tokens[j]) === 'who') {
    const m = mentionEndingAt(tokens, end, text, floor, 'other');
    return m && m.kind !== 'pronoun' ? m : null;
  }
  const span = phraseEndingAt(tokens, end);
  if (!span || span[0] < floor) return null;
  const m = classify(tokens, span[0], span[1], text);
  return canSpeak(m) || STATEMENT_NOUNS.has(lower(tokens[span[1]])) ? m : null;
}

/** Longest relative clause, in tokens, between a subject and its cue. */
const MAX_RELATIVE = 12;

/**
 * "the neighbours who signed the petition last week say …": a subject restricted by a relative clause (no
 * commas) that ends at `j`, just before the cue. The clause has a verb of its own.
 */
function restrictedSubject(tokens: readonly Token[], j: number, text: string, floor: number): Mention | null {
  for (let w = j - 1; w > floor && j - w <= MAX_RELATIVE; w--) {
    const t = tokens[w] as Token;
    if (isComma(t) || isQuoteMark(t) || t.text === '.' || t.text === ';') return null;
    if (lower(t) !== 'who') continue;
    const clause = tokens.slice(w + 1, j + 1);
    if (!clause.some((x) => x.pos === 'VERB')) return null;
    const span = phraseEndingAt(tokens, w - 1);
    if (!span || span[0] < floor) return null;
    const m = classify(tokens, span[0], span[1], text);
    return canSpeakHere(m, tokens) && m.kind !== 'pronoun' ? m : null;
  }
  return null;
}

/** Verbs that carry on or begin an act of speech without changing who speaks. */
const ASPECT_VERBS = new Set(['continue', 'begin', 'start', 'go', 'keep', 'repeat']);

/**
 * "X continues to argue", "X went on to say": steps back from `j` (the "to" before the cue) over
 * the aspect verb, so the speaker is found before it. Other verbs with "to" are left alone:
 * "declined to say" reports no words.
 */
function skipAspectVerb(tokens: readonly Token[], j: number, floor: number): number {
  if (lower(tokens[j]) !== 'to') return j;
  let v = j - 1;
  if (lower(tokens[v]) === 'on') v--;
  const verb = tokens[v];
  return v >= floor && verb && verb.pos === 'VERB' && ASPECT_VERBS.has(verb.lemma) ? v - 1 : j;
}

/**
 * "Jane Roe, a former city spokeswoman, said" / "X, who …, said": the phrase
 * before the first comma of the run of appositives that ends at comma `j`.
 */
function speakerBeforeAppositive(
  tokens: readonly Token[],
  j: number,
  text: string,
  floor: number,
): Mention | null {
  // "After the vote, Gov. Jane Roe (R-Ohio), said": a person's name with a bracket, set off by a
  // comma before the cue, is the speaker, not an appositive of the phrase before it.
  const direct =
    tokens[j - 1]?.text === ')' ? mentionEndingAt(tokens, skipBack(tokens, j - 1, floor), text, floor) : null;
  if (direct?.kind === 'person' && (direct.from === floor || isComma(tokens[direct.from - 1]))) {
    const opening = openingNameWithAppositives(tokens, j, text, floor);
    if (opening?.kind !== 'person') return direct;
  }
  const chained = openingNameWithAppositives(tokens, j, text, floor);
  if (chained) return chained;
  let c = j - 1;
  while (c > floor && !isComma(tokens[c]) && j - c < MAX_APPOSITIVE) c--;
  if (c <= floor || !isComma(tokens[c])) return null;
  let m = mentionEndingAt(tokens, skipBack(tokens, c - 1, floor), text, floor, 'other');
  // A named person opening the sentence, then appositives up to the cue ("Jane Roe, the founder of
  // a shop, a company based in a small town, says"): that person speaks.
  const opening = phraseStartingAt(tokens, afterConjunction(tokens, floor));
  if (opening && opening[1] < c - 1 && isComma(tokens[opening[1] + 1])) {
    const o = classify(tokens, opening[0], opening[1], text);
    if (o.kind === 'person' || (m?.kind !== 'person' && canSpeak(o) && o.kind !== 'pronoun')) {
      m = o;
      c = opening[1] + 1;
    }
  }
  if (!m) return null;
  const named = namedByAppositive(tokens, m, text);
  if (named && named.to === j - 1) return named;
  const inner = tokens.slice(c + 1, j);
  const relative = /^(?:who|which|whose)$/i.test(inner[0]?.text ?? '');
  if (relative || inner.length === 0 || m.kind !== 'person') return m;
  const end = inner.findIndex(isComma);
  return withTitle(m, stripArticle(end > 0 ? inner.slice(0, end) : inner, text));
}

/** A verb as in the dictionary's base form ("Ford", "Cook"), not "Speaking" or "Asked". */
function isBaseForm(t: Token): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(t.text) && t.lemma === t.text.toLowerCase() && !/(?:ing|ed)$/.test(t.lemma);
}

/** Tokens that open with a participle ("speaking to …", "flanked by …") and hold no other verb. */
function isParticiplePhrase(part: readonly Token[]): boolean {
  const first = part[0];
  if (first?.pos !== 'VERB' || !/\p{Ll}(?:ing|ed|en)$/u.test(first.text)) return false;
  return !part.slice(1).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || isQuoteMark(t));
}

/** The first token at or after `floor` past an opening "But", "And" or punctuation. */
function afterConjunction(tokens: readonly Token[], floor: number): number {
  let i = floor;
  while (i < tokens.length && (tokens[i]?.pos === 'CCONJ' || tokens[i]?.pos === 'PUNCT')) i++;
  return i;
}

/**
 * "Jane Roe, 35, the daughter of a former mayor and a judge, said": a name opening the sentence,
 * then any number of appositives (noun phrases, ages, relative clauses) up to the comma `j`
 * before the cue. Null when a part between the commas is a clause of its own.
 */
function openingNameWithAppositives(
  tokens: readonly Token[],
  j: number,
  text: string,
  floor: number,
): Mention | null {
  const start = afterConjunction(tokens, floor);
  // "Ford, speaking to reporters, said": a surname opening the sentence that the tagger read as
  // a verb in its base form.
  const verbName =
    isComma(tokens[start + 1]) && tokens[start]?.pos === 'VERB' && isBaseForm(tokens[start] as Token);
  const opening: [number, number] | null = verbName ? [start, start] : phraseStartingAt(tokens, start);
  if (!opening || !isComma(tokens[opening[1] + 1]) || opening[1] + 1 >= j) return null;
  const o = verbName ? nameFromWord(tokens, start, text) : classify(tokens, opening[0], opening[1], text);
  if (o?.kind !== 'person') return null;
  let from = opening[1] + 2;
  let title: string | null = null;
  for (let c = from; c <= j; c++) {
    if (!isComma(tokens[c])) continue;
    const part = tokens.slice(from, c);
    // "a retired judge who now chairs the trust": a noun phrase may end in a relative clause.
    const rel = part.findIndex((t) => /^(?:who|which|whose|that)$/i.test(t.text));
    const relative = rel === 0;
    const head = rel > 0 ? part.slice(0, rel) : part;
    // "speaking to reporters on Monday", "flanked by aides": a participle phrase, no clause.
    const participle = !relative && isParticiplePhrase(head);
    if (!relative && !participle && head.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || isQuoteMark(t)))
      return null;
    if (!relative && title === null && part.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN'))
      title = stripArticle(part, text);
    from = c + 1;
  }
  return withTitle(o, title);
}

/**
 * Where a phrase stands: right before its cue as the subject, before a participle cue ("with Roe
 * saying …", whose subject may follow a preposition), or elsewhere (before a relative pronoun or an
 * appositive, which may be the object of a preposition: "with help from Roe, who said …").
 */
export type PhraseRole = 'subject' | 'gerund' | 'other';

/**
 * The speaker phrase ending at token `j`. "Jane Roe with the city's health authority" is Jane Roe,
 * described by the organisation.
 */
export function mentionEndingAt(
  tokens: readonly Token[],
  j: number,
  text: string,
  floor: number,
  role: PhraseRole = 'subject',
): Mention | null {
  // "a source close to him said": an object pronoun after "close to", "familiar with".
  const pronounObject =
    /^(?:him|her|them)$/i.test(tokens[j]?.text ?? '') &&
    tokens[j - 1]?.pos === 'ADP' &&
    SOURCE_LINKS.test(tokens[j - 2]?.text ?? '');
  const span: [number, number] | null = pronounObject ? [j, j] : phraseEndingAt(tokens, j);
  if (!span || span[0] < floor) return null;
  const m = classify(tokens, span[0], span[1], text);
  const link = tokens[span[0] - 1];
  const described = describedBy(tokens, span, text, floor);
  if (pronounObject) return described;
  if (described) return described;
  if (link && /^(?:with|of|from|at|for)$/i.test(link.text) && m.kind !== 'pronoun') {
    const owner = phraseEndingAt(tokens, span[0] - 2);
    if (owner && owner[0] >= floor) {
      const o = classify(tokens, owner[0], owner[1], text);
      // "a report from the Centre for Policy Studies says": the document's author speaks.
      if (
        /^(?:from|by)$/i.test(link.text) &&
        STATEMENT_NOUNS.has(lower(tokens[owner[1]])) &&
        m.kind === 'organisation'
      )
        return m;
      if (o.kind === 'person') {
        // "Mayor Ana Ruiz of Lakeview said": the place is where she is from, not a title.
        const home = lower(link) === 'of' ? homeAfter(tokens, owner[1]) : null;
        if (home) return { ...o, home, end: m.end, to: m.to, text: text.slice(o.start, m.end) };
        return withTitle(o, m.text.replace(/^(?:the|a|an)\s+/i, ''));
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
  const objectOf = link !== undefined && OBJECT_PREPOSITIONS.has(lower(link)) && m.kind !== 'pronoun';
  if (objectOf && role !== 'other' && !(role === 'gerund' && m.kind === 'person'))
    return prepositionalHead(tokens, span, text, floor);
  return canSpeakHere(m, tokens) ? m : null;
}

/** "some of", "75 percent of", "a number of", "four out of": a count whose phrase names who speaks. */
const COUNT_WORDS =
  /^(?:those|one|some|many|most|all|none|each|both|several|few|half|any|either|neither|dozens|hundreds|thousands|majority|minority|plurality|rest|percent|%|number|share|third|quarter|fifth|dozen|handful|out)$/i;

/** Small words inside a name like "the Centre for Policy Studies" or "Friends of the Earth". */
const NAME_LINKS = /^(?:of|for|on|in|at|and|the|&)$/i;

/**
 * The phrase after a preposition is its object, never the subject of the cue after it: "a
 * supporter of the bid for the presidency told" is not the presidency speaking, "was heard on a
 * microphone telling" not the microphone. Walks the chain of prepositional phrases back to its
 * head: a count ("some of the residents", "60 percent of voters") or a name of capitalised words
 * ("the Centre for Policy Studies") leaves the phrase as it was found; a head who
 * may speak is it, described by the rest ("a staffer in the room", "the mother of a pupil at the
 * school"); a chain that is a verb's object ("trying to regain control of the Senate say") gives
 * no speaker here. "with Roe
 * saying …" (a clause with its own subject) keeps the phrase.
 */
function prepositionalHead(
  tokens: readonly Token[],
  span: [number, number],
  text: string,
  floor: number,
): Mention | null {
  const m = classify(tokens, span[0], span[1], text);
  const keep = canSpeakHere(m, tokens) ? m : null;
  const first = tokens[span[0]] as Token;
  // "with Roe saying", "about 40 rabbis said" (a number, not a place), "led to what Roe called".
  if (lower(tokens[span[0] - 1]) === 'with' || first.pos === 'NUM' || /^(?:what|whom)$/i.test(first.text))
    return keep;
  let head: [number, number] = span;
  for (let guard = 0; OBJECT_PREPOSITIONS.has(lower(tokens[head[0] - 1])); guard++) {
    const link = lower(tokens[head[0] - 1]);
    const before = tokens[head[0] - 2];
    if (before && (before.pos === 'NUM' || COUNT_WORDS.test(before.text))) return keep;
    const owner = guard < 4 ? phraseEndingAt(tokens, head[0] - 2) : null;
    if (!owner || owner[0] < floor) return null;
    const o = classify(tokens, owner[0], owner[1], text);
    // "an email from Roe", "a letter by the union": the author of a document speaks through it.
    if (/^(?:from|by)$/.test(link) && STATEMENT_NOUNS.has(lower(tokens[owner[1]]))) {
      // "a report from the Centre for Policy Studies": the author's whole name, not its last part.
      const from = lower(tokens[head[0]]) === 'the' ? head[0] + 1 : head[0];
      const author = tokens.slice(from, span[1] + 1).filter((t) => /\p{L}/u.test(t.text));
      const name = author.every((t, i) => /^\p{Lu}/u.test(t.text) || (i > 0 && NAME_LINKS.test(t.text)));
      if (name && head !== span) return classify(tokens, head[0], span[1], text);
      if (canSpeak(m)) return keep;
    }
    // "the city of Nice", "the state of Ohio": the name after "of" is the place or body itself.
    if (
      link === 'of' &&
      m.kind !== 'group' &&
      owner[1] - owner[0] === 1 &&
      o.kind === 'group' &&
      !canSpeak(o)
    )
      return keep;
    head = owner;
  }
  // "the Centre for Policy Studies": a name of capitalised words joined by "for" or "of" keeps
  // the phrase as the reader found it.
  const words = tokens.slice(head[0], span[1] + 1).filter((t) => /\p{L}/u.test(t.text));
  if (words.every((t, i) => /^\p{Lu}/u.test(t.text) || (i > 0 && NAME_LINKS.test(t.text)))) return keep;
  // "trying to regain control of the Senate say": a head that is itself a verb's object.
  const prev = tokens[head[0] - 1];
  if (prev && (prev.pos === 'VERB' || prev.pos === 'AUX' || prev.pos === 'PART')) return null;
  const h = classify(tokens, head[0], head[1], text);
  // A bare noun ("policy on trade", "news from abroad") is a thing; "a staffer", "the mother" may speak.
  const determined = /^(?:a|an|the|one|another|his|her|their|its|our)$/i.test(tokens[head[0]]?.text ?? '');
  if (h.kind === 'pronoun' || !(canSpeak(h) || (determined && canSpeakHere(h, tokens)))) return null;
  const rest = text.slice((tokens[head[1] + 1] as Token).start, m.end);
  if (h.kind === 'person') return withTitle(h, rest);
  return { ...h, name: `${h.name} ${rest}`, end: m.end, to: m.to, text: text.slice(h.start, m.end) };
}

/** Prepositions whose object cannot be the subject of a verb right after it. */
// biome-ignore format: a word list reads best packed
const OBJECT_PREPOSITIONS = new Set([
  'of', 'for', 'in', 'on', 'at', 'to', 'from', 'with', 'about', 'over', 'under', 'into', 'onto', 'across',
  'through', 'toward', 'towards', 'against', 'among', 'between', 'within', 'without', 'around', 'during',
]);

/** Adjectives and participles that link a source to what it knows ("familiar with the talks"). */
const SOURCE_LINKS = /^(?:familiar|close|involved|briefed|knowledgeable|privy|opposed|loyal|allied)$/i;

/**
 * "a person familiar with the talks said", "one aide close to the mayor said": the speaker is
 * the phrase before the adjective, described by all of it, not the phrase the cue follows.
 */
function describedBy(
  tokens: readonly Token[],
  [from, to]: [number, number],
  text: string,
  floor: number,
): Mention | null {
  const link = tokens[from - 1];
  const adjective = tokens[from - 2];
  if (!link || !adjective || link.pos !== 'ADP' || !SOURCE_LINKS.test(adjective.text)) return null;
  const ownerEnd = from - 3;
  const owner = phraseEndingAt(tokens, ownerEnd) ?? countedOwner(tokens, ownerEnd);
  if (!owner || owner[0] < floor) return null;
  const o = classify(tokens, owner[0], owner[1], text);
  const last = tokens[to] as Token;
  const phrase = text.slice(adjective.start, last.end);
  if (o.kind === 'person') return withTitle(o, phrase);
  if (o.kind === 'pronoun') return null;
  return { ...o, name: `${o.name} ${phrase}`, end: last.end, to, text: text.slice(o.start, last.end) };
}

/**
 * "said a source close to the campaign", "said one aide familiar with the talks": the speaker
 * phrase before the adjective, described by all of it, as {@link describedBy} reads it before a cue.
 */
function describedAfter(tokens: readonly Token[], end: number, m: Mention, text: string): Mention | null {
  const adjective = tokens[end + 1];
  const link = tokens[end + 2];
  if (!adjective || !link || link.pos !== 'ADP' || !SOURCE_LINKS.test(adjective.text)) return null;
  if (m.kind === 'pronoun' || m.plural) return null;
  // "familiar with his thinking": a possessive opens the object.
  const possessive = POSSESSIVE_PRONOUNS[lower(tokens[end + 3])] !== undefined;
  // "close to her": an object pronoun is the whole object.
  const pronoun = /^(?:him|her|them)$/i.test(tokens[end + 3]?.text ?? '');
  const object =
    phraseStartingAt(tokens, possessive ? end + 4 : end + 3) ??
    (pronoun ? ([end + 3, end + 3] as [number, number]) : null);
  if (!object) return null;
  const last = tokens[object[1]] as Token;
  const phrase = text.slice(adjective.start, last.end);
  if (m.kind === 'person') return withTitle(m, phrase);
  return {
    ...m,
    name: `${m.name} ${phrase}`,
    end: last.end,
    to: object[1],
    text: text.slice(m.start, last.end),
  };
}

/** "another source", "one official": a count or "another" before a noun, ending at `end`. */
function countedOwner(tokens: readonly Token[], end: number): [number, number] | null {
  const head = tokens[end];
  if (!head || !(head.pos === 'NOUN' || head.pos === 'PROPN')) return null;
  const before = tokens[end - 1];
  if (before && (before.pos === 'NUM' || /^(?:another|one|some|several)$/i.test(before.text)))
    return [end - 1, end];
  return null;
}

/**
 * Next to a speech verb any noun phrase can be the one who speaks: a description ("said the
 * rookie defenceman"), a document ("the ruling states") or a group ("city staff confirmed"). Only
 * time and setting phrases ("said Tuesday", "in a statement") are not speakers.
 */
function canSpeakHere(m: Mention, tokens: readonly Token[]): boolean {
  if (canSpeak(m)) return true;
  const head = tokens[m.to];
  // "said the 46-year-old": an age stands for a person.
  if (/\d+-year-old$/i.test(m.text)) return true;
  // "the Democratic incumbent said": an adjective right before the cue heads the phrase.
  const adjectiveHead = head?.pos === 'ADJ' && CUE_FORMS.test(tokens[m.to + 1]?.text ?? '');
  if (!head || !(head.pos === 'NOUN' || head.pos === 'PROPN' || adjectiveHead)) return false;
  const w = lower(head);
  // "the email says", "his letter states": next to the cue a document is its own source, though
  // "in an email" would be a setting.
  if (STATEMENT_NOUNS.has(w)) return true;
  return !SETTING_NOUNS.has(w) && !TIME_WORDS.has(w);
}

/**
 * "one voter involved in …", "a source close to the campaign": a speaker phrase ends at its last
 * noun, not at a participle or an adjective after it that opens a modifier ("familiar with …").
 */
function endAtNoun(tokens: readonly Token[], [from, to]: [number, number]): [number, number] {
  const last = tokens[to];
  const modifier =
    last !== undefined && (/ed$/i.test(last.text) || (last.pos === 'ADJ' && tokens[to + 1]?.pos === 'ADP'));
  const participle = to > from && last !== undefined && /^(?:ADJ|VERB)$/.test(last.pos) && modifier;
  const noun = tokens[to - 1]?.pos === 'NOUN' || tokens[to - 1]?.pos === 'PROPN';
  return participle && noun ? [from, to - 1] : [from, to];
}

/**
 * "said one delegate involved in the talks", "said one of those advisers", "said another
 * official": a count or "another" before the noun phrase, which the phrase reader does not take.
 */
function countedPhrase(tokens: readonly Token[], j: number): [number, number] | null {
  const first = tokens[j];
  if (!first || !(first.pos === 'NUM' || /^(?:another|several|many|some)$/i.test(first.text))) return null;
  const from = lower(tokens[j + 1]) === 'of' ? j + 2 : j + 1;
  const span = phraseStartingAt(tokens, from);
  return span ? [j, span[1]] : null;
}

/**
 * "said his campaign manager Jane Roe" / "said Springfield resident Jane Roe": a phrase the phrase
 * reader does not open, after a possessive (the phrase after it is the speaker) or after a
 * capitalised first word the tagger read as a verb or adjective (a place or company used as a
 * modifier, part of the phrase).
 */
function framedPhrase(tokens: readonly Token[], j: number): [number, number] | null {
  const first = tokens[j];
  if (!first) return null;
  if (/^(?:his|her|their|its|our)$/i.test(first.text)) return phraseStartingAt(tokens, j + 1);
  if (!/^\p{Lu}\p{Ll}+$/u.test(first.text) || !['VERB', 'ADJ', 'ADV'].includes(first.pos)) return null;
  const rest = phraseStartingAt(tokens, j + 1);
  return rest ? [j, rest[1]] : null;
}

/**
 * "said Leeds-based engineer Jane Roe", "said Ohio-born singer Jane Roe": a name joined by a hyphen
 * to a participle is a modifier of the phrase after it, which the phrase reader stopped short of.
 */
function hyphenModifier(tokens: readonly Token[], span: [number, number]): [number, number] {
  const hyphen = tokens[span[1] + 1];
  const participle = tokens[span[1] + 2];
  if (hyphen?.text !== '-' || !participle || hyphen.start !== (tokens[span[1]] as Token).end) return span;
  if (!/^\p{Ll}+(?:ed|en|n)$/u.test(participle.text) || participle.start !== hyphen.end) return span;
  const rest = phraseStartingAt(tokens, span[1] + 3);
  return rest ? [span[0], rest[1]] : span;
}

/**
 * "said former Ohio Gov. and party chairman Jane Roe": two titles joined by "and" before one name.
 * The phrase reader stops at "and", after a title with no name; the person is the name after it,
 * with both titles.
 */
function coordinatedTitles(tokens: readonly Token[], span: [number, number], text: string): Mention | null {
  const last = tokens[span[1]] as Token;
  if (lower(tokens[span[1] + 1]) !== 'and' || !ROLE_WORDS.has(lower(last).replace(/\.$/, ''))) return null;
  const rest = phraseStartingAt(tokens, span[1] + 2);
  if (!rest) return null;
  const person = classify(tokens, rest[0], rest[1], text);
  if (person.kind !== 'person' || !person.title || person.plural) return null;
  const title = text.slice((tokens[span[0]] as Token).start, (tokens[person.from] as Token).start);
  return { ...person, title: `${title}${person.title}`.replace(/^(?:the|a|an)\s+/i, '') };
}

/** The speaker whose phrase starts just after cue `k` ("said Jane Roe, a former …"). */
export function speakerAfter(tokens: readonly Token[], k: number, text: string): Mention | null {
  const j = skipForward(tokens, k + 1, tokens.length - 1);
  const found = phraseStartingAt(tokens, j) ?? countedPhrase(tokens, j) ?? framedPhrase(tokens, j);
  if (!found) return nameReadAsVerb(tokens, j, text);
  const span = endAtNoun(tokens, hyphenModifier(tokens, found));
  const titled = coordinatedTitles(tokens, span, text);
  if (titled) return titled;
  const m = classify(tokens, span[0], span[1], text);
  if (!canSpeakHere(m, tokens)) return null;
  const described = describedAfter(tokens, span[1], m, text);
  if (described) return described;
  const role = roleForAfter(tokens, span[1], m, text);
  if (role) return namedByAppositive(tokens, role, text) ?? role;
  const named = namedByAppositive(tokens, m, text);
  if (named) return named;
  if (!isComma(tokens[span[1] + 1]) || m.kind !== 'person') return m;
  const rest: Token[] = [];
  for (let x = span[1] + 2; x < tokens.length; x++) {
    const t = tokens[x] as Token;
    if (isComma(t) || t.text === '.' || isQuoteMark(t)) break;
    rest.push(t);
  }
  const appositive = stripArticle(rest, text);
  return appositive && !/^(?:who|which|whose)\b/i.test(appositive) ? withTitle(m, appositive) : m;
}

/**
 * "said a spokesperson for the ministry", "said a lawyer for Roe, Dana Lee": an unnamed source
 * with whom it speaks for, as before a cue (see {@link mentionEndingAt}); null when no such phrase.
 */
function roleForAfter(tokens: readonly Token[], end: number, m: Mention, text: string): Mention | null {
  const link = tokens[end + 1];
  if (m.kind !== 'group' || m.plural || !canSpeak(m) || !/^(?:for|of|with)$/i.test(link?.text ?? ''))
    return null;
  const object = phraseStartingAt(tokens, end + 2);
  if (!object || !link) return null;
  // "said former secretary of state Ana Ruiz": a title with "of" before a name is the person's.
  const last = tokens[object[1]] as Token;
  const o = classify(tokens, object[0], object[1], text);
  if (lower(link) === 'of' && o.kind === 'person') {
    const nameAt = text.indexOf(o.name, o.start);
    if (nameAt < 0) return null;
    const title = text
      .slice(m.start, nameAt)
      .trim()
      .replace(/^(?:the|a|an)\s+/i, '');
    return { ...o, title, from: m.from, start: m.start, text: text.slice(m.start, last.end) };
  }
  const whom = text.slice((tokens[object[0]] as Token).start, last.end);
  return {
    ...m,
    name: `${m.name} ${link.text} ${whom}`,
    to: object[1],
    end: last.end,
    text: text.slice(m.start, last.end),
  };
}

/**
 * `said Roe, explaining …` / `said Roe.` / `Said Roe: “…”`: a lone capitalised word after the cue that the tagger read
 * as a verb or adjective is a surname when punctuation ends the phrase.
 */
function nameReadAsVerb(tokens: readonly Token[], j: number, text: string): Mention | null {
  const next = tokens[j + 1];
  if (next !== undefined && !(isComma(next) || next.text === '.' || next.text === ';' || next.text === ':'))
    return null;
  return nameFromWord(tokens, j, text);
}

/** A description without its leading article, when it is short enough to be a title. */
export function stripArticle(tokens: readonly Token[], text: string): string | null {
  const words = /^(?:a|an|the)$/i.test(tokens[0]?.text ?? '') ? tokens.slice(1) : tokens;
  if (words.length === 0 || words.length > 12) return null;
  return text.slice((words[0] as Token).start, (words[words.length - 1] as Token).end);
}

/**
 * "The minister agreed and said …": a cue after "and" shares the sentence's subject, or the
 * subject of a subordinate clause opening between them (see {@link clauseSubjectBefore}).
 */
export function coordinatedSubject(
  tokens: readonly Token[],
  k: number,
  subject: Mention | null,
  text: string,
): Mention | null {
  let j = k - 1;
  while (j >= 0 && isBetweenSubjectAndVerb(tokens[j] as Token)) j--;
  const t = tokens[j];
  if (!t || !(lower(t) === 'and' || lower(t) === 'but') || !subject) return null;
  return clauseSubjectBefore(tokens, j, subject, text);
}

/**
 * Words opening a contrasting clause with a subject of its own ("…, while Roe proposed a tax and
 * said …"). Others ("after he won the vote and said …", "though she praised it and said …") are
 * often about the main subject, with the "and" joining the main clause's verbs.
 */
const CONTRASTS = /^(?:while|whereas)$/i;

/**
 * The subject that the verbs before "and" at `j` share: the sentence's subject, unless a
 * contrasting clause opens between the two ("Roe backed the plan, while Lee proposed a tax and
 * said …"), whose own subject it is then, when it is named. A sentence subject after the cue
 * ("In a year in which Roe attacked the port and vowed …, Lee …") is not it.
 */
function clauseSubjectBefore(
  tokens: readonly Token[],
  j: number,
  subject: Mention,
  text: string,
): Mention | null {
  const before = subject.start < (tokens[j] as Token).start;
  for (let w = j - 1; w >= (before ? subject.to + 1 : 0); w--) {
    if (!CONTRASTS.test((tokens[w] as Token).text)) continue;
    const span = phraseStartingAt(tokens, w + 1);
    const next = span ? tokens[span[1] + 1] : undefined;
    // A clause: its subject is followed by a verb or an appositive ("after the vote" is no clause).
    if (!span || span[1] >= j || !next || !(next.pos === 'VERB' || next.pos === 'AUX' || isComma(next)))
      continue;
    const m = classify(tokens, span[0], span[1], text);
    return canSpeak(m) && m.kind !== 'pronoun' ? m : null;
  }
  return before ? subject : null;
}
