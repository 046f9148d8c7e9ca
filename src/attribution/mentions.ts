/**
 * Noun phrases that can be a speaker, found from part-of-speech tags (the language model has no
 * person or organisation entities): names with their titles, pronouns, organisations and unnamed
 * sources ("a senior union official").
 */
import { NOT_NAME_WORDS } from '../nlp/lexicon.js';
import type { Token } from '../nlp/pipeline.js';
import { ageAfter, homeAfter, partyTagEnd } from './background.js';
import { nameWords } from './names.js';
import { isComma } from './tokens.js';
import {
  genderOfFirstName,
  genderOfRole,
  isFirstName,
  isPlace,
  NAME_PARTICLES,
  ORGANISATION_WORDS,
  PARTY_WORDS,
  PERSONAL_PRONOUNS,
  POSSESSIVE_PRONOUNS,
  RELATION_NOUNS,
  ROLE_WORDS,
  SOURCE_NOUNS,
  STATEMENT_NOUNS,
  TIME_WORDS,
} from './words.js';

export type MentionKind = 'person' | 'organisation' | 'group' | 'pronoun';

export interface Mention {
  kind: MentionKind;
  /** First and last token index (inclusive) within the sentence. */
  from: number;
  to: number;
  /** Character offsets of the whole phrase. */
  start: number;
  end: number;
  /** The phrase as written. */
  text: string;
  /**
   * Person: the name as written ("Jan Kowalczyk"). Organisation or unnamed source: the phrase without
   * a leading article ("Senate", "senior union official"). Pronoun: the pronoun in lower case.
   */
  name: string;
  /** Title or role given with the name ("US Defense Secretary"), or an appositive. */
  title: string | null;
  gender: 'm' | 'f' | null;
  plural: boolean;
  /** Set when the phrase is "his statement", "Roe's spokesman": the owner speaks. */
  possessive?: boolean;
  /** Other names for the same speaker found in the text (an acronym's long form). */
  aliases?: string[];
  /** A one-word name at the start of its sentence, where every word is capitalised. */
  initial?: boolean;
  /**
   * What the text tells of the person besides a title, for matching a later description: an age
   * ("Ana Ruiz, 46," → 46, for "the 46-year-old") and a home state or country, with the party a
   * party tag gives ("(R-Fla.)" → "Republican Florida", "of Texas", for "the Florida senator").
   */
  age?: number;
  home?: string;
}

const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'one',
  'some',
  'two',
  'three',
  'several',
  'many',
  'another',
  'this',
  'that',
  'these',
  'those',
  'both',
  'other',
  'most',
  'few',
  'all',
  'each',
]);

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');
const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);
const _isPunct = (t: Token | undefined, chars: string) =>
  t !== undefined && t.pos === 'PUNCT' && chars.includes(t.text);

/** A capitalised word that can be part of a person's or organisation's name. */
export function isProperWord(t: Token, initial = false): boolean {
  if (!isCapitalised(t)) return false;
  if (t.pos === 'PROPN') return true;
  // wink sometimes tags unknown capitalised surnames as nouns or adjectives, but at the start of
  // a sentence every word is capitalised, and a plural noun ("Participants") is never a name.
  if (initial || (t.pos === 'NOUN' && t.lemma !== t.text.toLowerCase() && /s$/i.test(t.text))) return false;
  return (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X') && /\p{Ll}/u.test(t.text);
}

/** True when only punctuation comes before token `k` in its sentence. */
function isSentenceInitial(tokens: readonly Token[], k: number): boolean {
  for (let i = 0; i < k; i++) if (tokens[i]?.pos !== 'PUNCT') return false;
  return true;
}

/** Tokens that may be inside a noun phrase naming a speaker. */
function isPhraseWord(t: Token): boolean {
  if (['PROPN', 'NOUN', 'ADJ', 'NUM'].includes(t.pos)) return true;
  if (t.pos === 'PART' && /^['’]s$/i.test(t.text)) return true;
  if (t.pos === 'PUNCT' && (t.text === '-' || t.text === '.' || t.text === '&')) return true;
  if (
    t.pos === 'VERB' &&
    /ed$/.test(t.text) &&
    /^(?:retired|elected|appointed|acting|designated)$/i.test(t.text)
  )
    return true;
  return /^(?:ex|former|acting|interim|deputy|senior|junior|chief)$/i.test(t.text);
}

/**
 * "Sen. Ted Cruz", "Rep. Bill Long": a first name the tagger read as a verb, capitalised inside
 * the sentence and followed by a capitalised word, is part of the name.
 */
function isFirstNameReadAsVerb(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  const next = tokens[k + 1];
  return (
    t.pos === 'VERB' &&
    k > 0 &&
    isCapitalised(t) &&
    isFirstName(t.text) &&
    next !== undefined &&
    next.pos === 'PROPN' &&
    isCapitalised(next)
  );
}

/**
 * The noun phrase that ends at token `end`, or null. Walks left over name and noun words, titles
 * with "of" ("Secretary of Defense"), and a leading determiner.
 */
export function phraseEndingAt(tokens: readonly Token[], end: number): [number, number] | null {
  const last = tokens[end];
  if (!last) return null;
  if (last.pos === 'PRON' && PERSONAL_PRONOUNS[lower(last)]) return [end, end];
  // "the 52-year-old": an age ending in "old" stands for a person.
  const age =
    lower(last) === 'old' &&
    tokens[end - 1]?.text === '-' &&
    /^(?:year|month)s?$/.test(lower(tokens[end - 2]));
  if (
    !(
      age ||
      last.pos === 'PROPN' ||
      last.pos === 'NOUN' ||
      (isProperWord(last) && last.pos !== 'ADJ') ||
      isPossessedGerund(tokens, end) ||
      isRoleReadAsAdjective(tokens, end) ||
      isAdjectiveBeforeCue(tokens, end)
    )
  )
    return null;
  let from = end;
  for (let k = end - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (isPhraseWord(t) || isFirstNameReadAsVerb(tokens, k)) {
      from = k;
      continue;
    }
    // "the Halifax-based chain", "the state-owned broadcaster": a hyphenated participle modifier.
    const hyphen = tokens[k - 1];
    const stem = tokens[k - 2];
    if (
      t.pos === 'VERB' &&
      /^\p{Ll}+(?:ed|en|n)$/u.test(t.text) &&
      hyphen?.text === '-' &&
      stem &&
      hyphen.end === t.start &&
      stem.end === hyphen.start &&
      /^[\p{L}\p{N}]/u.test(stem.text)
    ) {
      from = k - 2;
      k -= 2;
      continue;
    }
    // "an inside source": a preposition used as an adjective after a determiner.
    if (t.pos === 'ADP' && /^(?:inside|outside)$/i.test(t.text) && tokens[k - 1]?.pos === 'DET') {
      from = k;
      continue;
    }
    // "Secretary of Defense", "Minister of Northern Affairs", "spokesperson of the ministry"
    const left = tokens[k - 1];
    if (
      lower(t) === 'of' &&
      left &&
      (isCapitalised(left) || ROLE_WORDS.has(lower(left))) &&
      (isCapitalised(tokens[k + 1] as Token) || lower(tokens[k + 1]) === 'the') &&
      !isNameBeforeHome(tokens, k)
    ) {
      from = k;
      continue;
    }
    // "Centre for Policy Studies", "Council on Foreign Relations": a body's word, "for" or "on", a name.
    if (
      (lower(t) === 'for' || lower(t) === 'on') &&
      left &&
      isCapitalised(left) &&
      ORGANISATION_WORDS.has(lower(left)) &&
      isCapitalised(tokens[k + 1] as Token)
    ) {
      from = k;
      continue;
    }
    // "Johnson & Johnson", "Ursula von der Leyen": a joining word between two proper words.
    if (
      (lower(t) === 'and' || t.text === '&' || NAME_PARTICLES.has(lower(t))) &&
      k > 0 &&
      isProperWord(tokens[k - 1] as Token) &&
      isProperWord(tokens[k + 1] as Token)
    ) {
      from = k;
      continue;
    }
    if (
      (t.pos === 'DET' || DETERMINERS.has(lower(t)) || t.pos === 'PRON') &&
      /^(?:DET|NUM|PRON|ADJ)$/.test(t.pos)
    ) {
      if (t.pos === 'PRON' && !POSSESSIVE_PRONOUNS[lower(t)]) break;
      from = k;
    }
    break;
  }
  // Never start on punctuation or a possessive marker.
  while (from < end && (tokens[from]?.pos === 'PUNCT' || tokens[from]?.pos === 'PART')) from++;
  return joinedRoles(tokens, from, end) ?? [from, end];
}

/**
 * "Mayor Ana Ruiz of Lakeview", "Gov. Hill of Ohio", "Ana Ruiz of Acme": at the "of" at `k`, a
 * person's name (a first name or a title before the surname) and where they are from or work, not
 * one name like "Bank of Canada" or "Secretary of State".
 */
function isNameBeforeHome(tokens: readonly Token[], k: number): boolean {
  const surname = tokens[k - 1];
  const before = tokens[k - 2];
  if (!surname || !before || !isCapitalised(surname)) return false;
  // "Secretary of State", "Royal Bank of Canada": a title or a body's word before "of".
  if (ROLE_WORDS.has(lower(surname)) || ORGANISATION_WORDS.has(lower(surname))) return false;
  // A first name or a title among the capitalised words before ("Analyst Priya Nair of …").
  for (let j = k - 2; j >= Math.max(0, k - 4); j--) {
    const t = tokens[j] as Token;
    if (isFirstName(t.text) || ROLE_WORDS.has(lower(t).replace(/\.$/, ''))) return true;
    if (!isCapitalised(t)) return false;
  }
  return false;
}

/**
 * "the Ohio senator and party chairman": two roles of one person under one determiner. The phrase
 * `from..end` has no determiner of its own and both parts end in a role word; else null. Names
 * ("the mayor and Ana Ruiz") and two determiners ("the mayor and the sheriff") are two people.
 */
function joinedRoles(tokens: readonly Token[], from: number, end: number): [number, number] | null {
  const last = lower(tokens[end]);
  if (
    lower(tokens[from - 1]) !== 'and' ||
    !(ROLE_WORDS.has(last) || /\p{L}{3}(?:er|or|ist|ian)$/u.test(last))
  )
    return null;
  const first = tokens[from] as Token;
  if (first.pos === 'DET' || DETERMINERS.has(lower(first)) || first.pos === 'PRON') return null;
  for (let k = from; k <= end; k++)
    if ((tokens[k] as Token).pos === 'PROPN' && !isRoleModifier(tokens, k)) return null;
  const before = from - 2;
  if (!ROLE_WORDS.has(lower(tokens[before]))) return null;
  const left = phraseEndingAt(tokens, before);
  const opener = left ? (tokens[left[0]] as Token) : null;
  if (!left || !opener || !(opener.pos === 'DET' || POSSESSIVE_PRONOUNS[lower(opener)])) return null;
  return [left[0], end];
}

/** A capitalised word in a role that is not a name: a party or a place ("Democratic", "Ohio"). */
function isRoleModifier(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  return (/^\p{Lu}/u.test(t.text) && PARTY_WORDS.has(lower(t))) || isPlace(t.text);
}

/**
 * "his thinking", "the mayor's planning": a word in -ing read as a verb is a noun after a
 * possessive, so it can end a phrase ("a source familiar with his thinking said").
 */
function isPossessedGerund(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  if (!t || !before || t.pos !== 'VERB' || !/\p{Ll}ing$/u.test(t.text)) return false;
  return POSSESSIVE_PRONOUNS[lower(before)] !== undefined || /^['’]s$/.test(before.text);
}

/**
 * "the premier said", "the chief told": a role word after a determiner or a possessive that the
 * tagger read as an adjective is the noun the phrase ends at.
 */
function isRoleReadAsAdjective(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const before = tokens[k - 1];
  if (!t || !before || t.pos !== 'ADJ' || !/^\p{Ll}/u.test(t.text) || !ROLE_WORDS.has(lower(t))) return false;
  const opens = (o: Token | undefined) =>
    o !== undefined &&
    (o.pos === 'DET' || POSSESSIVE_PRONOUNS[lower(o)] !== undefined || /^['’]s$/.test(o.text));
  // "the B.C. premier": a place or party between the determiner and the role.
  return opens(before) || (isCapitalised(before) && before.pos !== 'VERB' && opens(tokens[k - 2]));
}

/**
 * "The Democratic incumbent said", "the accused told": an adjective after a determiner (and any
 * names or adjectives) right before "said" or "told" can only be the noun the phrase ends at.
 */
function isAdjectiveBeforeCue(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t?.pos !== 'ADJ' || !/^\p{Ll}/u.test(t.text)) return false;
  if (!CUE_FORMS.test(tokens[k + 1]?.text ?? '')) return false;
  let j = k - 1;
  while (j >= 0 && (tokens[j]?.pos === 'ADJ' || tokens[j]?.pos === 'PROPN')) j--;
  return tokens[j]?.pos === 'DET';
}

/** The noun phrase that starts at token `start` ("said Jane Roe, a former …"), or null. */
export function phraseStartingAt(tokens: readonly Token[], start: number): [number, number] | null {
  let k = start;
  const first = tokens[k];
  if (!first) return null;
  if (first.pos === 'PRON' && PERSONAL_PRONOUNS[lower(first)]) return [k, k];
  // "the", "some", and an owner ("His campaign manager wrote …").
  if (first.pos === 'DET' || DETERMINERS.has(lower(first)) || POSSESSIVE_PRONOUNS[lower(first)]) k++;
  let end = -1;
  for (; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (isPossessedGerund(tokens, k)) {
      end = k;
      continue;
    }
    if (isPhraseWord(t) && !(t.pos === 'PUNCT' && t.text === '.' && k === tokens.length - 1)) {
      if (t.pos !== 'PUNCT' && t.pos !== 'PART') end = k;
      continue;
    }
    if (
      (lower(t) === 'of' || NAME_PARTICLES.has(lower(t))) &&
      isCapitalised(tokens[k + 1] ?? t) &&
      end >= 0 &&
      !isNameBeforeHome(tokens, k)
    )
      continue;
    break;
  }
  return end >= 0 ? [start, end] : null;
}

/**
 * Classifications already made, by sentence tokens then span: a sentence's subject, the people it
 * introduces, its named mentions and the speaker phrases next to each cue classify the same spans
 * again (~14% of attribution time). A mention is never changed once made, so it can be shared;
 * held weakly, the cache goes with the sentence's tokens.
 */
const classified = new WeakMap<readonly Token[], Map<number, { text: string; mention: Mention }>>();

/** The mention `tokens[from..to]` is (a person, an organisation, a group or a pronoun). */
export function classify(tokens: readonly Token[], from: number, to: number, text: string): Mention {
  let bySpan = classified.get(tokens);
  if (!bySpan) {
    bySpan = new Map();
    classified.set(tokens, bySpan);
  }
  const key = from * 65_536 + to;
  const known = bySpan.get(key);
  if (known && known.text === text) return known.mention;
  const mention = classifyAnew(tokens, from, to, text);
  bySpan.set(key, { text, mention });
  return mention;
}

/** Classifies tokens[from..to] as a speaker mention. */
/** A mention's fields, written out in one place (a spread is slow to build; see classifyAnew). */
function mentionOf(
  from: number,
  to: number,
  base: { start: number; end: number; text: string },
  kind: Mention['kind'],
  name: string,
  title: string | null,
  gender: 'm' | 'f' | null,
  plural: boolean,
): Mention {
  return { from, to, start: base.start, end: base.end, text: base.text, kind, name, title, gender, plural };
}

/**
 * The owner that ends at token `end` before a noun: "his" as the pronoun it stands for, "Ana
 * Ruiz's" or "Acme's" as the name (for "his warning that …", "Ana Ruiz's claim that …"); else null.
 */
export function ownerEndingAt(tokens: readonly Token[], end: number, text: string): Mention | null {
  const t = tokens[end];
  if (!t) return null;
  const owner = POSSESSIVE_PRONOUNS[lower(t)];
  if (owner && t.pos === 'PRON') {
    const p = PERSONAL_PRONOUNS[owner] ?? { gender: null, plural: false };
    const base = { start: t.start, end: t.end, text: t.text };
    return withFlag(mentionOf(end, end, base, 'pronoun', owner, null, p.gender, p.plural), 'possessive');
  }
  if (!/^['’]s$/.test(t.text)) return null;
  const span = phraseEndingAt(tokens, end - 1);
  if (!span || !isProperWord(tokens[end - 1] as Token)) return null;
  const m = classify(tokens, span[0], span[1], text);
  return m.kind === 'person' || m.kind === 'organisation' ? m : null;
}

/** The mention with a flag set ("her statement" is possessive; "Park said" is sentence-initial). */
function withFlag(m: Mention, flag: 'possessive' | 'initial'): Mention {
  m[flag] = true;
  return m;
}

function classifyAnew(tokens: readonly Token[], from: number, to: number, text: string): Mention {
  const part = tokens.slice(from, to + 1);
  const first = part[0] as Token;
  const last = part[part.length - 1] as Token;
  // The mentions below are built by mentionOf, not with a spread (`{ ...base, kind }`), which is
  // many times slower to build; classification runs for every phrase (issue 14).
  const base = { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
  if (part.length === 1 && first.pos === 'PRON') {
    const p = PERSONAL_PRONOUNS[lower(first)] ?? { gender: null, plural: false };
    return mentionOf(from, to, base, 'pronoun', lower(first), null, p.gender, p.plural);
  }
  // "her statement", "his spokesman": the owner is the source.
  const owner = POSSESSIVE_PRONOUNS[lower(first)];
  if (owner && part.length === 2 && STATEMENT_NOUNS.has(lower(last))) {
    const p = PERSONAL_PRONOUNS[owner] ?? { gender: null, plural: false };
    return withFlag(mentionOf(from, to, base, 'pronoun', owner, null, p.gender, p.plural), 'possessive');
  }
  // "Ann Cole's statement", "Acme's letter": a named owner's document speaks for the owner.
  if (
    part.length >= 3 &&
    DOCUMENT_NOUNS.has(lower(last)) &&
    /^['’]s$/.test(part[part.length - 2]?.text ?? '') &&
    isProperWord(part[part.length - 3] as Token)
  ) {
    const owner = classify(tokens, from, to - 2, text);
    if (owner.kind === 'person' || owner.kind === 'organisation') return { ...owner, ...base };
  }

  // The name is the run of capitalised words at the end of the phrase, after any title.
  let nameFrom = part.length;
  for (let i = part.length - 1; i >= 0; i--) {
    const t = part[i] as Token;
    const w = lower(t);
    // "Ada King", "Tom Bishop": a surname that is a role word, right after a first name.
    const roleSurname =
      i === part.length - 1 &&
      i > 0 &&
      t.pos === 'PROPN' &&
      isFirstName((part[i - 1] as Token).text) &&
      isProperWord(part[i - 1] as Token) &&
      // "the Virginia Governor", "the North Carolina Senator": a place named like a first name.
      !isPlace((part[i - 1] as Token).text) &&
      !isPlace(`${part[i - 2]?.text ?? ''} ${(part[i - 1] as Token).text}`);
    if (
      ((isProperWord(t, isSentenceInitial(tokens, from + i)) && (!ROLE_WORDS.has(w) || roleSurname)) ||
        (i < part.length - 1 && isFirstNameReadAsVerb(tokens, from + i))) &&
      !NOT_NAME_WORDS.has(w)
    ) {
      nameFrom = i;
      continue;
    }
    // "Centre for Policy Studies", "Council on Foreign Relations", "Bank of Canada": a body's word
    // and a joining word inside the name.
    const bodyLink =
      /^(?:for|on|of)$/.test(w) && i > 0 && ORGANISATION_WORDS.has(lower(part[i - 1])) && nameFrom === i + 1;
    if (
      ((t.text === '-' || t.text === '.' || NAME_PARTICLES.has(w)) &&
        i > 0 &&
        isProperWord(part[i - 1] as Token)) ||
      (bodyLink && isProperWord(part[i - 1] as Token))
    ) {
      nameFrom = i;
      continue;
    }
    break;
  }
  // In a long run of capitalised words the person's name starts at the last first name:
  // "Minister of Northern Affairs Ruth Okafor".
  for (let i = part.length - 2; i > nameFrom; i--) {
    if (
      isFirstName((part[i] as Token).text) &&
      (isProperWord(part[i] as Token) || isFirstNameReadAsVerb(tokens, from + i))
    ) {
      nameFrom = i;
      break;
    }
  }
  // "the mother of Tom Hill", "a friend of Roe": the phrase is the relative or friend, a
  // description whose head is the word before "of".
  const relation = nameFrom >= 2 && nameFrom < part.length ? relationBefore(part, nameFrom) : null;
  if (relation) {
    const name = text.slice((part[leadingDeterminer(part) ? 1 : 0] as Token).start, last.end);
    return mentionOf(from, to, base, 'group', name, null, genderOfRole(relation), /s$/.test(relation));
  }
  // "the Secretary of Defense": a run after "of" is part of a title, not a name.
  if (
    nameFrom < part.length &&
    lower(part[nameFrom - 1]) === 'of' &&
    !part.slice(nameFrom).some((t) => isFirstName(t.text))
  ) {
    nameFrom = part.length;
  }
  const nameTokens = part.slice(nameFrom);
  const titleTokens = part.slice(0, nameFrom);
  const leadingDet =
    titleTokens.length > 0 && (titleTokens[0]?.pos === 'DET' || DETERMINERS.has(lower(titleTokens[0])));
  const titleWords = leadingDet ? titleTokens.slice(1) : titleTokens;
  const spanText = (ts: Token[]) =>
    ts.length === 0 ? '' : text.slice((ts[0] as Token).start, (ts[ts.length - 1] as Token).end);
  // Unnamed sources are named by the phrase without its article or quantifier ("senior union official").
  const withoutArticle = spanText(leadingDet && part.length > 1 ? part.slice(1) : part);

  if (nameTokens.length > 0) {
    const name = spanText(nameTokens);
    const words = nameTokens.filter((t) => /\p{L}/u.test(t.text)).map((t) => lower(t).replace(/\.$/, ''));
    const acronym = nameTokens.length === 1 && /^\p{Lu}{2,}$/u.test(name);
    const organisation =
      acronym ||
      words.some((w) => ORGANISATION_WORDS.has(w)) ||
      (words.length === 1 && isPlace(name)) ||
      isPlace(name) ||
      // "the Senate", "the Lions": a bare name after "the" is not a person.
      (leadingDet && titleWords.length === 0 && /^the$/i.test(titleTokens[0]?.text ?? ''));
    if (organisation) {
      return mentionOf(from, to, base, 'organisation', withoutArticle, null, null, false);
    }
    // "Ana Ruiz and Tom Lee": names joined by "and" are two people, not one titled "Ana Ruiz and".
    const joined = titleWords.some(
      (t, k) =>
        (lower(t) === 'and' || t.text === '&') &&
        k > 0 &&
        isProperWord(titleWords[k - 1] as Token) &&
        !ROLE_WORDS.has(lower(titleWords[k - 1])),
    );
    if (joined) return mentionOf(from, to, base, 'group', withoutArticle, null, null, true);
    const title = titleWords.length > 0 ? spanText(titleWords) : null;
    // A first name tells the gender; a lone surname does not (Morgan, Jordan).
    const named = nameTokens.filter((t) => /\p{L}/u.test(t.text));
    const firstName = named.length >= 2 && !NAME_PARTICLES.has(lower(named[0])) ? named[0]?.text : undefined;
    const gender =
      (firstName ? genderOfFirstName(firstName) : null) ??
      titleWords.map((t) => genderOfRole(t.text)).find((g) => g !== null) ??
      null;
    const initial = named.length === 1 && isSentenceInitial(tokens, from + nameFrom);
    const several = nameTokens.some((t) => lower(t) === 'and' || t.text === '&');
    const person = mentionOf(from, to, base, 'person', name, title, gender, several);
    return initial ? withFlag(person, 'initial') : person;
  }
  const headWord = lower(last);
  if (part.length === 1 && isBareSurname(tokens, from)) {
    // "Park said she expected …": a capitalised singular noun with no article, opening the
    // sentence, names someone (a common noun there needs an article). Whether the article also
    // uses it as a name is checked later, against the whole article (attribute.ts).
    return withFlag(mentionOf(from, to, base, 'person', first.text, null, null, false), 'initial');
  }
  const plural = last.lemma !== headWord && /s$/.test(headWord);
  const gender = genderOfRole(headWord);
  const capitalisedOrg =
    part.some((t) => ORGANISATION_WORDS.has(lower(t))) &&
    part.some(isCapitalised) &&
    !ROLE_WORDS.has(headWord);
  return mentionOf(
    from,
    to,
    base,
    capitalisedOrg ? 'organisation' : 'group',
    withoutArticle,
    null,
    gender,
    plural,
  );
}

/** Written statements whose named owner is their source ("Ann Cole's statement said"). */
// biome-ignore format: a word list reads best packed
export const DOCUMENT_NOUNS = new Set([
  'statement', 'release', 'letter', 'tweet', 'post', 'email', 'message', 'memo', 'filing', 'complaint',
  'lawsuit', 'website', 'account',
]);

/** Whether a phrase opens with an article or quantifier ("the", "a", "some"). */
const leadingDeterminer = (part: readonly Token[]) =>
  part.length > 1 && (part[0]?.pos === 'DET' || DETERMINERS.has(lower(part[0])));

/**
 * The relation noun of "<relation> of <name>" when the name starts at `nameFrom` ("mother" in
 * "the mother of Tom Hill"), else null.
 */
function relationBefore(part: readonly Token[], nameFrom: number): string | null {
  if (lower(part[nameFrom - 1]) !== 'of') return null;
  const head = lower(part[nameFrom - 2]);
  return RELATION_NOUNS.has(head) ? head : null;
}

/**
 * A one-word phrase at the start of its sentence that the tagger read as a common noun but that
 * can only be a name: capitalised, singular, with no article, and not a word for a role, a group
 * or an organisation.
 */
function isBareSurname(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  const w = lower(t);
  if (!(t.pos === 'NOUN' || t.pos === 'ADJ') || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return false;
  if (!isSentenceInitial(tokens, k) || t.lemma !== w) return false;
  return !ROLE_WORDS.has(w) && !SOURCE_NOUNS.has(w) && !ORGANISATION_WORDS.has(w) && !NOT_NAME_WORDS.has(w);
}

/**
 * A capitalised word that the tagger read as a verb or adjective ("Blunt", "Young", "Rich") but
 * that stands where only a speaker can stand, next to a cue: a one-word name.
 */
export function nameFromWord(tokens: readonly Token[], k: number, text: string): Mention | null {
  const t = tokens[k];
  if (!t || !/^\p{Lu}\p{Ll}+$/u.test(t.text) || !['VERB', 'ADJ', 'ADV', 'AUX'].includes(t.pos)) return null;
  if (ROLE_WORDS.has(lower(t)) || NOT_NAME_WORDS.has(lower(t))) return null;
  // "Having announced that …, Roe left": a form of "have" or "be" opening a clause is no name.
  if (t.pos !== 'ADJ' && (t.lemma === 'have' || t.lemma === 'be')) return null;
  return {
    from: k,
    to: k,
    start: t.start,
    end: t.end,
    text: text.slice(t.start, t.end),
    kind: 'person',
    name: t.text,
    title: null,
    gender: null,
    plural: false,
  };
}

/** True for tokens that can sit between a speaker and its verb ("also", "on Wednesday", "has"). */
export function isBetweenSubjectAndVerb(t: Token): boolean {
  const w = lower(t);
  if (t.pos === 'AUX' || t.pos === 'ADV' || (t.pos === 'PART' && (w === 'not' || w === "n't"))) return true;
  // "Acme itself said": an emphatic pronoun after the subject.
  if (REFLEXIVES.has(w)) return true;
  return TIME_WORDS.has(w) || (t.pos === 'PROPN' && TIME_WORDS.has(w));
}

/** Emphatic pronouns that may follow a subject ("Acme itself said"). */
export const REFLEXIVES = new Set(['itself', 'himself', 'herself', 'themselves', 'myself', 'ourselves']);

/** Forms of the commonest cues, which an adjective or name right before them must be the speaker of. */
export const CUE_FORMS = /^(?:said|says|told|tells|added|adds)$/i;

/** A mention is someone who can be quoted: not a bare place or a stray word. */
export function canSpeak(m: Mention): boolean {
  if (m.kind !== 'group') return true;
  // The head noun: the last word, or the word before "of" ("Secretary of Defense").
  const words = m.name.split(/\s+/);
  const of = words.findIndex((w) => w.toLowerCase() === 'of');
  const head = (of > 0 ? words[of - 1] : words.at(-1))?.toLowerCase() ?? '';
  return (
    ROLE_WORDS.has(head) ||
    ROLE_WORDS.has(head.replace(/s$/, '')) ||
    SOURCE_NOUNS.has(head) ||
    // Nouns for people by what they do: "organizers", "analysts", "historians", "residents".
    /(?:ers|ists|ians|ents|ors|ees)$/.test(head)
  );
}

/**
 * Every named person and organisation in one sentence, in order ("… a deal with Northwind
 * Technologies Inc. …"), not only subjects: the bodies and role holders a later "the company" or
 * "the mayor" can stand for.
 */
export function namedMentions(tokens: readonly Token[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!isCapitalised(t) || !(t.pos === 'PROPN' || isProperWord(t, isSentenceInitial(tokens, k)))) continue;
    // "(R-Fla.)", ", D-N.Y.,": a lawmaker's party and state, no one's name.
    const tag = partyTagEnd(tokens, k);
    if (tag > k) {
      k = tag;
      continue;
    }
    const next = tokens[k + 1];
    if (next && isCapitalised(next) && (next.pos === 'PROPN' || isProperWord(next))) continue;
    if (next && isFirstNameReadAsVerb(tokens, k + 1)) continue;
    const span = phraseEndingAt(tokens, k);
    if (!span) continue;
    // "Former prime minister …": a word of a title opening the sentence is no name.
    if (span[0] === span[1] && /^(?:former|acting|interim|retired|then|ex)$/i.test(t.text)) continue;
    const m = classify(tokens, span[0], span[1], text);
    if (m.kind !== 'person' && m.kind !== 'organisation' && m.kind !== 'group') continue;
    // "Joe Clarkson and Liberal Leader Ana Ruiz": two people, each with their title.
    const and = m.kind !== 'organisation' ? joiningAnd(tokens, span) : -1;
    if (m.kind === 'group' && and < 0) continue;
    if (and > 0) {
      for (const [from, to] of [
        [span[0], and - 1],
        [and + 1, span[1]],
      ] as const) {
        if (out.some((o) => o.from === from && o.to === to)) continue;
        const part = classify(tokens, from, to, text);
        if (part.kind === 'person') out.push(withAppositiveTitle(tokens, part, text));
      }
      continue;
    }
    out.push(withAppositiveTitle(tokens, m, text));
  }
  return out;
}

/** The index of "and" inside a phrase of two names, or -1. */
function joiningAnd(tokens: readonly Token[], [from, to]: readonly [number, number]): number {
  for (let k = from + 1; k < to; k++) if (lower(tokens[k]) === 'and') return k;
  return -1;
}

/** Most tokens of a role set off next to a name ("Tom Hill, the city's longtime mayor,"). */
const MAX_ROLE_TOKENS = 10;

/**
 * A named person with the role an apposition gives them, wherever they stand in the sentence:
 * "met Tom Hill, the mayor, on Monday" or "met the mayor, Tom Hill, on Monday" give Tom Hill
 * the title "mayor", so a later "the mayor said" can find him; with the age and home state set
 * off after the name ("Tom Hill, 52, of Ohio", "Sen. Tom Hill (R-Ohio)"), for "the 52-year-old"
 * and "the Ohio senator". A title already given is kept.
 */
export function withAppositiveTitle(tokens: readonly Token[], m: Mention, text: string): Mention {
  if (m.kind !== 'person' || m.plural) return m;
  let title = m.title;
  // "Conservative MP Tom Lee, the party's finance critic,": a title before the name and a role
  // after it are both the person's (the parts of a title are matched one by one).
  const role = roleAfter(tokens, m.to) ?? (title ? null : roleBefore(tokens, m.from));
  if (role) {
    const [from, to] = role;
    const first = tokens[from] as Token;
    const start = /^(?:the|a|an)$/i.test(first.text) ? (tokens[from + 1] as Token).start : first.start;
    const apposed = text.slice(start, (tokens[to] as Token).end);
    title = title ? `${title}, ${apposed}` : apposed;
  }
  const [age, afterAge] = ageAfter(tokens, m.to);
  const home = homeAfter(tokens, afterAge);
  const titledAge = title ? /\b(\d{1,3})-year-old\b/.exec(title)?.[1] : undefined;
  if (title === m.title && age === null && home === null && !titledAge) return m;
  const out: Mention = { ...m, title };
  const years = age ?? (titledAge ? Number(titledAge) : null);
  if (years !== null) out.age = years;
  if (home) out.home = home;
  return out;
}

/** Whether tokens `from..to` read as a role: an article or owner, then words ending in a noun. */
function isRolePhrase(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from < 1 || to - from >= MAX_ROLE_TOKENS) return false;
  const first = tokens[from] as Token;
  if (!/^(?:the|a|an|his|her|their|its|our)$/i.test(first.text)) return false;
  if (tokens[to]?.pos !== 'NOUN') return false;
  for (let k = from + 1; k <= to; k++) {
    const t = tokens[k] as Token;
    if (!['ADJ', 'NOUN', 'PROPN', 'ADP', 'DET', 'NUM', 'PART'].includes(t.pos) && t.text !== '-')
      return false;
  }
  return true;
}

/** "Tom Hill, the mayor, …": the role phrase between the commas after the name ending at `to`. */
function roleAfter(tokens: readonly Token[], to: number): [number, number] | null {
  if (!isComma(tokens[to + 1])) return null;
  for (let k = to + 3; k <= to + 1 + MAX_ROLE_TOKENS && k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (isComma(t) || t.text === '.') return isRolePhrase(tokens, to + 2, k - 1) ? [to + 2, k - 1] : null;
  }
  return null;
}

/** "…, the mayor, Tom Hill, …": the role phrase set off before the name starting at `from`. */
function roleBefore(tokens: readonly Token[], from: number): [number, number] | null {
  if (!isComma(tokens[from - 1]) || !isComma(tokens[findAfterRole(tokens, from)])) return null;
  for (let k = from - 3; k >= 0 && k >= from - 1 - MAX_ROLE_TOKENS; k--) {
    const t = tokens[k] as Token;
    if (!/^(?:the|a|an|his|her|their|its|our)$/i.test(t.text)) continue;
    return isRolePhrase(tokens, k, from - 2) ? [k, from - 2] : null;
  }
  return null;
}

/** The token after the name that starts at `from` (its phrase end + 1), for the closing comma. */
function findAfterRole(tokens: readonly Token[], from: number): number {
  let k = from;
  while (k < tokens.length && isCapitalised(tokens[k] as Token)) k++;
  return k;
}

/** Words after a name that make it a business's: "Northwind Inc.", "Acme Corp". */
const COMPANY_SUFFIXES = new Set([
  'inc',
  'corp',
  'corporation',
  'ltd',
  'llc',
  'plc',
  'co',
  'limited',
  'ag',
  'sa',
]);
/** "Acme's shares", "Acme's employees": what only a body has. */
// biome-ignore format: a word list reads best packed
const BODY_POSSESSIONS = new Set([
  'shares', 'stock', 'employees', 'staff', 'customers', 'ceo', 'headquarters', 'subsidiary', 'subsidiaries',
  'stores', 'website', 'products', 'shareholders', 'workforce', 'revenue', 'profits', 'members',
]);

/**
 * Names the article shows to be bodies, not people, wherever else they occur (normal-form words
 * joined by spaces): a company suffix after the name ("Northwind Inc."), ", which" after it, a
 * possession only a body has ("Northwind's shares"), "shares of Northwind", or an acronym defined
 * in brackets after it ("National Rail Board (NRB)": both).
 */
export function organisationEvidence(sentences: readonly (readonly Token[])[]): Set<string> {
  const out = new Set<string>();
  for (const tokens of sentences) {
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k] as Token;
      if (!isCapitalised(t) || !(t.pos === 'PROPN' || isProperWord(t))) continue;
      let from = k;
      while (
        from > 0 &&
        isCapitalised(tokens[from - 1] as Token) &&
        isProperWord(tokens[from - 1] as Token, true)
      )
        from--;
      let to = k;
      while (
        to + 1 < tokens.length &&
        isCapitalised(tokens[to + 1] as Token) &&
        isProperWord(tokens[to + 1] as Token)
      )
        to++;
      k = to;
      const run = tokens.slice(from, to + 1);
      const words = run.map((w) => lower(w).replace(/\.$/, ''));
      const after = (i: number) => lower(tokens[to + i]);
      const key = (ws: string[]) => nameWords(ws.join(' ')).join(' ');
      const suffix = words.findIndex((w, i) => i > 0 && COMPANY_SUFFIXES.has(w));
      if (suffix > 0) out.add(key(words.slice(0, suffix)));
      else if (
        (after(1) === ',' && after(2) === 'which') ||
        (/^['’]s$/.test(after(1)) && BODY_POSSESSIONS.has(after(2))) ||
        (lower(tokens[from - 1]) === 'of' && lower(tokens[from - 2]) === 'shares') ||
        (after(1) === 'shares' && tokens[to + 1]?.pos === 'NOUN')
      )
        out.add(key(words));
      // "the National Rail Board (NRB)": the long name and the acronym.
      const acronym = tokens[to + 2];
      if (
        run.length >= 2 &&
        after(1) === '(' &&
        acronym &&
        /^\p{Lu}{2,6}$/u.test(acronym.text) &&
        after(3) === ')'
      ) {
        out.add(key(words));
        out.add(lower(acronym));
      }
    }
  }
  out.delete('');
  return out;
}
