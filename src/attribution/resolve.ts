/**
 * Resolves "he said" and speaker-less follow-up quotes to a named (or described) speaker.
 *
 * A pronoun goes to the person the text is about, not simply the last name it mentioned: the
 * speaker or subject of a recent sentence in the same paragraph, else the speaker of the previous
 * statement, else a subject in the previous paragraph ("Roe also did not announce … "…," he
 * said" is Roe even when someone else was quoted just before). Gender and number must agree;
 * a person's gender is learnt from the pronouns already resolved to them.
 */
import { isDictionaryWord } from '../nlp/pipeline.js';
import type { Extraction } from './extract.js';
import type { Mention } from './mentions.js';
import { nameWords } from './names.js';
import { type Gender, indexPeople, type Person } from './people.js';
import { cannotSpeak, mentionHead } from './speakingHeads.js';
import { type DescriptionKey, descriptionKey, titleFit } from './titles.js';
import { isFirstName, isPlace, ROLE_WORDS, STATEMENT_NOUNS } from './words.js';

/** How far back (in paragraphs) a previous statement may carry its speaker to a pronoun. */
const CARRY_PARAGRAPHS = 2;
/** How many sentences back, within a paragraph, a pronoun looks for its antecedent. */
const LOOK_BACK = 4;

/** "he" or "she" as written, not a description standing in for one ("said the 46-year-old"). */
function writtenHeOrShe(m: Mention): boolean {
  return /^(?:he|she)$/i.test(m.text);
}

/** An unnamed source that is one person ("the spokesman", "a senior official"). */
function isRole(m: Mention): boolean {
  const words = m.name.toLowerCase().split(/\s+/);
  const of = words.indexOf('of');
  return ROLE_WORDS.has((of > 0 ? words[of - 1] : words.at(-1)) ?? '');
}

/** "a senior official", "another aide", "one adviser": an unnamed person introduced. */
const INDEFINITE = /^(?:a|an|another|one)\s/i;

/** The head noun of a description: its last word, or the word before "of"/"for"/"to". */
function headNoun(m: Mention): string {
  const words = m.name.toLowerCase().split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for' || w === 'to'));
  return (cut > 0 ? words[cut - 1] : words.at(-1)) ?? '';
}

/** "Mr. Lee", "Dr Okafor": an honorific makes a name a person's. */
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady)\b\.?\s/i;

/** Words for a body that "the company said" may stand for whatever its name is. */
// biome-ignore format: a word list reads best packed
const GENERIC_BODIES = new Set([
  'company', 'firm', 'business', 'retailer', 'airline', 'carrier', 'bank', 'lender', 'insurer', 'group',
  'organization', 'organisation', 'charity', 'agency', 'network', 'broadcaster', 'publisher', 'startup',
  'manufacturer', 'automaker', 'brand', 'chain', 'developer', 'utility', 'operator', 'club', 'team',
]);
/** Heads of bodies that a named one shares ("the ministry" ~ "Ministry of Health"). */
// biome-ignore format: a word list reads best packed
const BODY_HEADS = new Set([
  ...GENERIC_BODIES, 'ministry', 'department', 'council', 'board', 'union', 'party', 'university',
  'college', 'hospital', 'school', 'court', 'commission', 'committee', 'government', 'service', 'police',
  'authority', 'foundation', 'association', 'institute', 'office', 'league', 'federation', 'campaign',
  // Local governments, named as "the City of …" ("the city said"); not "state": the State Department.
  'city', 'town', 'county', 'municipality', 'township', 'village', 'region', 'district',
]);

/** Words in a name that mark a business, which "the company" or "the firm" may stand for. */
// biome-ignore format: a word list reads best packed
const BUSINESS_WORDS = new Set([
  'inc', 'corp', 'corporation', 'co', 'ltd', 'llc', 'plc', 'company', 'holdings', 'industries',
  'airlines', 'airways', 'motors', 'bank', 'partners', 'capital', 'labs', 'technologies', 'systems',
  'energy', 'foods', 'pharmaceuticals', 'brands', 'entertainment', 'communications', 'enterprises',
  'solutions', 'ventures', 'insurance', 'financial', 'group', 'media', 'networks', 'resources',
]);

/** The head of "the company" / "the ministry" (definite, singular, a body), else null. */
function organisationHead(m: Mention): string | null {
  if (m.plural || !/^the\s/i.test(m.text)) return null;
  // "the Halifax-based chain": a hyphenated participle modifier tells where, not which name.
  const name = m.name
    .split(/\s+/)
    .filter((w) => !/^[\p{L}\p{N}]+-\p{Ll}+(?:ed|en|n)$/u.test(w))
    .join(' ');
  // "The State Department": capitalised words make a name, not a description to resolve.
  if (/\s/.test(name) && /^\p{Lu}/u.test(name)) return null;
  const words = name.toLowerCase().split(/\s+/);
  const head = words.at(-1) ?? '';
  return words.length <= 2 && BODY_HEADS.has(head) ? head : null;
}

/**
 * Nouns for one person that are not titles (so not role words): what a candidate, a business
 * figure or a public figure is called in a later reference ("the front-runner", "the tycoon").
 */
// biome-ignore format: a word list reads best packed
const PERSON_NOUNS = new Set([
  'front-runner', 'frontrunner', 'hopeful', 'contender', 'challenger', 'incumbent', 'newcomer',
  'businessman', 'businesswoman', 'mogul', 'tycoon', 'magnate', 'billionaire', 'millionaire',
  'entrepreneur', 'investor', 'philanthropist', 'neurosurgeon', 'comedian', 'novelist', 'filmmaker',
  'veteran', 'man', 'woman', 'lawmaker', 'statesman', 'stateswoman',
  // A party member: "the Iowa Republican", "the Democrat", "the Tory".
  'republican', 'democrat', 'tory', 'conservative', 'liberal', 'libertarian', 'socialist',
]);
/** Person nouns that tell the person's gender. */
const GENDERED_NOUNS: Readonly<Record<string, Gender>> = {
  businessman: 'm',
  businesswoman: 'f',
  man: 'm',
  woman: 'f',
  statesman: 'm',
  stateswoman: 'f',
};

/**
 * What a person was called, for matching a description: the title with the home state before it
 * and the age as one more part ("Sen." of Florida, 46 → "Florida Sen., 46-year-old"), from this
 * mention or `known` from others; null when the text gave none of them.
 */
function describedAs(m: Mention, known: Background = {}): string | null {
  const age = m.age ?? known.age;
  const home = m.home ?? known.home;
  if (!m.title && age === undefined && !home) return null;
  const titled = [home, m.title].filter(Boolean).join(' ');
  return age === undefined ? titled : titled ? `${titled}, ${age}-year-old` : `${age}-year-old`;
}

/** A person's age and home state, wherever in the article the text gave them. */
type Background = { age?: number; home?: string };

/** "the rookie defenceman", "the 46-year-old", "the former mayor": definite, singular, a person. */
function isPersonDescription(m: Mention): boolean {
  if (m.plural || !/^the\s/i.test(m.text)) return false;
  const head = m.name.toLowerCase().split(/\s+/).at(-1) ?? '';
  return ROLE_WORDS.has(head) || PERSON_NOUNS.has(head) || /\d+-year-old$/.test(m.name.toLowerCase());
}

/** A word for one person: a title, a person noun, or a noun for someone by what they do ("pollster"). */
function isPersonWord(w: string): boolean {
  if (ROLE_WORDS.has(w) || PERSON_NOUNS.has(w) || /^\d+-year-old$/.test(w)) return true;
  return !BODY_HEADS.has(w) && /(?:er|or|ist|ian|ant|ee)$/.test(w) && !STATEMENT_NOUNS.has(w);
}

/**
 * The keys of "the mayor" / "the Vermont senator" (definite, singular, a few words), one per role
 * joined by "and" ("the Ohio senator and party chairman"); empty when it is no such description.
 */
function personDescriptionKeys(m: Mention): DescriptionKey[] {
  if (m.plural || !/^the\s/i.test(m.text)) return [];
  const keys: DescriptionKey[] = [];
  const parts = m.name.split(/\s+and\s+/);
  for (const part of parts) {
    if (part.split(/\s+/).length > 5) return [];
    const key = descriptionKey(part);
    if (!key) continue;
    // "the FBI", "The Clinton campaign": a capitalised last word is a name's, unless it is a title's.
    const last = part.split(/\s+/).at(-1) ?? '';
    if (/^\p{Lu}/u.test(last) && !ROLE_WORDS.has(key.head) && !PERSON_NOUNS.has(key.head)) continue;
    // "the FBI", "The Clinton campaign", "the team": the head must be a word for one person.
    if (isPersonWord(key.head)) keys.push(key);
  }
  // A phrase of one part is a description of a person only when that part is.
  return parts.length === 1 || keys.length > 0 ? keys : [];
}

/**
 * "the game said", "recipes said": an unnamed phrase whose head noun does not speak (see
 * {@link cannotSpeak}) was read as a speaker by mistake; no speaker is better than that one.
 */
function cannotBeSpeaker(m: Mention): boolean {
  if (m.kind !== 'group' || m.possessive) return false;
  const head = mentionHead(m.text);
  return head !== null && cannotSpeak(head);
}

/**
 * "his lawyer said", "her campaign said": someone speaking for the owner is not the owner. The
 * speaker keeps the words as written; when the owner is known it is named in the label ("Ann
 * Cole's campaign"), so the speaker means something away from the sentence.
 */
const OWN_VOICES = new Set([
  'lawyer',
  'attorney',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'office',
  'campaign',
  'team',
]);
function ownVoice(m: Mention, owner: () => Mention | null): Mention | null {
  if (!m.possessive) return null;
  const words = m.text.split(/\s+/);
  const noun = words.at(-1)?.toLowerCase() ?? '';
  if (!OWN_VOICES.has(noun)) return null;
  const who = owner();
  const named = who && (who.kind === 'person' || who.kind === 'organisation') ? who.name : null;
  const name = named ? `${named}’s ${words.slice(1).join(' ')}` : m.text;
  return { ...m, kind: 'group', name, gender: null, plural: false, possessive: false };
}

/**
 * @param fullNames full names written anywhere in the article: the people short forms are keyed
 *   to, each with the gender its first name tells (see {@link indexPeople})
 * @param personWords the words of full names written in the article (lower case): a lone name
 *   among them is a person, not a body that "the company" could stand for
 * @param namedIn per sentence, every named person and organisation in it (see namedMentions)
 * @param bodies names the article shows to be bodies' (see organisationEvidence)
 */
export function resolveSpeakers(
  given: Extraction,
  fullNames: readonly string[] = [],
  personWords: ReadonlySet<string> = new Set(),
  namedIn: readonly (readonly Mention[])[] = [],
  bodies: ReadonlySet<string> = new Set(),
  evidence: {
    pronouns?: readonly { m: number; f: number; first?: number }[];
    /** Names the article writes as places (see placeEvidence). */
    places?: ReadonlySet<string>;
  } = {},
): Resolution {
  /** A name the article shows to be a body's ("Northwind Inc.", "Northwind's shares") is one everywhere. */
  const isBody = (m: Mention) => m.kind === 'person' && bodies.has(nameWords(m.name).join(' '));
  const typed = (m: Mention): Mention =>
    isBody(m) ? { ...m, kind: 'organisation', title: null, gender: null, initial: false } : m;
  const extraction = {
    statements: given.statements.map((st) => (st.mention ? { ...st, mention: typed(st.mention) } : st)),
    facts: given.facts.map((f) => ({
      ...f,
      subject: f.subject && typed(f.subject),
      introduced: f.introduced.filter((m) => !isBody(m)),
    })),
  };
  const named = namedIn.map((list) => list.map(typed));
  const { statements, facts } = extraction;
  const people = indexPeople(fullNames);
  /** Genders learnt from pronouns, by entity key. */
  const learnt = new Map<string, Gender>();
  const key = (m: Mention) => (m.kind === 'person' ? people.keyOf(m.name) : m.name.toLowerCase());
  /** Per person (by key), the age and home the text set off after any mention of them. */
  const backgrounds = new Map<string, Background>();
  for (const list of named) {
    for (const c of list) {
      if (c.kind !== 'person' || (c.age === undefined && !c.home)) continue;
      const b = backgrounds.get(key(c)) ?? {};
      b.age ??= c.age;
      b.home ??= c.home;
      backgrounds.set(key(c), b);
    }
  }
  /** A one-word name that two or more people named in full share: it is none of them for sure. */
  const shared = (m: Mention) => m.kind === 'person' && people.holders(m.name).length > 1;
  /**
   * Gender read off the article before any pronoun is resolved: the he/his or she/her of the
   * sentences that name one person only ("Roe said his plan …"), when they agree (at least two,
   * and four in five of one gender).
   */
  const votes = new Map<string, { m: number; f: number }>();
  named.forEach((list, j) => {
    const counts = evidence.pronouns?.[j];
    if (!counts || counts.m + counts.f === 0) return;
    const persons = list.filter((c) => c.kind === 'person');
    const keys = new Set(persons.map(key));
    if (keys.size !== 1) return;
    // "While she attacked Roe, her campaign …": a pronoun before the name is someone named
    // earlier, and so the sentence tells nothing of Roe.
    if ((counts.first ?? Number.POSITIVE_INFINITY) < Math.min(...persons.map((c) => c.start))) return;
    const k = [...keys][0] as string;
    const v = votes.get(k) ?? { m: 0, f: 0 };
    votes.set(k, { m: v.m + counts.m, f: v.f + counts.f });
  });
  const voted = (k: string): Gender | null => {
    const v = votes.get(k);
    if (!v || v.m + v.f < 2) return null;
    return v.m >= 4 * v.f ? 'm' : v.f >= 4 * v.m ? 'f' : null;
  };
  const personGender = (p: Person): Gender | null => learnt.get(p.key) ?? p.gender ?? voted(p.key);
  const genderOf = (m: Mention): Gender | null => {
    if (m.gender) return m.gender;
    const k = key(m);
    const known = learnt.get(k) ?? people.person(k)?.gender ?? (shared(m) ? null : voted(k));
    if (known) return known;
    if (!shared(m)) return null;
    const genders = new Set(people.holders(m.name).map(personGender));
    return genders.size === 1 ? ([...genders][0] ?? null) : null;
  };
  /**
   * "Ruiz" when the article names both Ana and Tomas Ruiz: a he or she resolved to the bare
   * surname is the one of them whose gender matches, when exactly one does.
   */
  const byGender = (pronoun: Mention, m: Mention): Mention => {
    if (!(pronoun.name === 'he' || pronoun.name === 'she') || !shared(m) || m.gender) return m;
    const g: Gender = pronoun.name === 'he' ? 'm' : 'f';
    const matching = people.holders(m.name).filter((p) => personGender(p) === g);
    return matching.length === 1 ? { ...m, name: (matching[0] as Person).written, gender: g } : m;
  };

  const compatible = (pronoun: Mention, m: Mention): boolean => {
    if (m.kind === 'pronoun') return false;
    switch (pronoun.name) {
      case 'he':
      case 'she': {
        if (m.plural || !(m.kind === 'person' || (m.kind === 'group' && isRole(m)))) return false;
        if (m.kind === 'person' && notAPerson(m)) return false;
        const g = genderOf(m);
        // "His lawyer said …. He said …": the owner, not the unnamed person owned, unless the
        // noun tells a gender ("Her father …. He …").
        if (m.kind === 'group' && g === null && /^(?:his|her|their)\s/i.test(m.text)) return false;
        return g === null || g === (pronoun.name === 'he' ? 'm' : 'f');
      }
      case 'person':
        // A description of one person ("the rookie said"), standing in for a pronoun.
        return m.kind === 'person' && !m.plural && !notAPerson(m);
      case 'they':
        return m.plural || m.kind === 'organisation' || m.kind === 'group';
      case 'it':
        return m.kind === 'organisation' || (m.kind === 'group' && !m.plural);
      default:
        return false;
    }
  };
  /** Names given a title, an honorific or a first name anywhere in the article ("Mr. Lee" → lee). */
  const personKeys = new Set<string>();
  for (const m of [
    ...facts.flatMap((f) => [f.subject, ...f.introduced]),
    ...statements.map((st) => st.mention),
  ]) {
    if (m?.kind !== 'person') continue;
    const words = nameWords(m.name);
    if (
      m.title !== null ||
      HONORIFIC.test(`${m.text} ${m.name}`) ||
      (words.length >= 2 && isFirstName(words[0] ?? ''))
    )
      personKeys.add(key(m));
  }
  /**
   * Evidence that a name is a person's: a title, a known gender, a first name, or a word of a full
   * name written in the article, an honorific; never a place or a name in capitals only.
   */
  const hasPersonEvidence = (m: Mention): boolean => {
    if (!/\p{Ll}/u.test(m.name) || isPlace(m.name)) return false;
    const words = nameWords(m.name);
    return (
      personKeys.has(key(m)) ||
      m.title !== null ||
      HONORIFIC.test(`${m.text} ${m.name}`) ||
      genderOf(m) !== null ||
      isFirstName(words[0] ?? '') ||
      words.some((w) => personWords.has(w))
    );
  };
  /** Who has been quoted so far (by key): speaking makes a common-word name likelier a person's. */
  const spoke = new Set<string>();
  /**
   * A capitalised name the text shows not to be a person's, whatever the tagger made of it: a
   * place, a name joined with "and" or "of", or common words only ("Blue Harbour", "Radio Towers")
   * with nothing else marking a person.
   */
  const notAPerson = (m: Mention): boolean => {
    if (isPlace(m.name) || /\s(?:and|of|for|&)\s/i.test(m.name)) return true;
    if (hasPersonEvidence(m) || spoke.has(key(m))) return false;
    if (evidence.places?.has(nameWords(m.name).join(' '))) return true;
    return nameWords(m.name).every((w) => isDictionaryWord(w));
  };
  const learn = (pronoun: Mention, m: Mention) => {
    if (
      (pronoun.name === 'he' || pronoun.name === 'she') &&
      m.kind === 'person' &&
      !shared(m) &&
      genderOf(m) === null
    ) {
      learnt.set(key(m), pronoun.name === 'he' ? 'm' : 'f');
    }
  };

  /** Per sentence: who speaks or acts in it, pronouns resolved (filled in reading order). */
  const actor: (Mention | null)[] = facts.map(() => null);
  const last = { mention: null as Mention | null, paragraph: Number.NEGATIVE_INFINITY };
  /**
   * The speaker of the last quotation and its last sentence, and whether the last statement was
   * reported speech in that same sentence ("“…,” Roe said, after Lee stated that …").
   */
  const quotedLast = { mention: null as Mention | null, sentence: -1, reportedAfter: false };

  /**
   * The nearest earlier sentence's actor (its speaker or subject), else a person it introduced by
   * full name, within the same and the previous paragraphs; then the last speaker.
   */
  /** Whether the last antecedent found was a sentence's actor in this or the previous paragraph. */
  let nearby = false;
  const antecedent = (pronoun: Mention, sentence: number): Mention | null => {
    const paragraph = facts[sentence]?.paragraph ?? 0;
    // "After Ada Quinn lost the vote, she said …": the person an opening clause is about.
    const lead = facts[sentence]?.leadIn;
    if (lead && lead.end <= pronoun.start && writtenHeOrShe(pronoun) && compatible(pronoun, lead)) {
      nearby = true;
      return lead;
    }
    const window: number[] = [];
    for (
      let j = sentence - 1, seen = 0;
      j >= 0 && (facts[j]?.paragraph ?? 0) >= paragraph - CARRY_PARAGRAPHS;
      j--
    ) {
      if (facts[j]?.paragraph === paragraph && ++seen > LOOK_BACK) continue;
      window.push(j);
    }
    // Who the text is about (a recent speaker or subject) comes before a person only mentioned in
    // passing, however near: "Roe met a classmate, Ann Lee, who wrote a novel. She decided …" is Roe.
    for (const j of window) {
      const a = actor[j];
      if (a && compatible(pronoun, a)) {
        nearby = (facts[j]?.paragraph ?? 0) >= paragraph - 1;
        return a;
      }
    }
    nearby = false;
    /** The people of the window it fits, by key (read only when needed). */
    let fitting: Set<string> | null = null;
    const passing = () => {
      fitting ??= new Set(
        window.flatMap((j) => (facts[j]?.introduced ?? []).filter((m) => compatible(pronoun, m)).map(key)),
      );
      return fitting;
    };
    for (const j of window) {
      const fits = facts[j]?.introduced.filter((m) => compatible(pronoun, m)) ?? [];
      // "The party backed chairwoman Ann Lee against Quill Roe. “…,” she said": of the people a
      // sentence introduces, one known to agree in gender comes before one of unknown gender.
      const agreeing =
        pronoun.name === 'he' || pronoun.name === 'she' ? fits.find((m) => genderOf(m) !== null) : undefined;
      // "The panel heard Kim Lee and Robin Tal. “…,” she said": for a he or she written as such,
      // people introduced in passing whose genders the article never tells cannot be told apart
      // when there are several (a wrong speaker is worse than none); one alone is still taken.
      // The same for a description that tells no gender ("the senator said"): nothing to choose by.
      const undecidable = writtenHeOrShe(pronoun) || pronoun.name === 'person';
      const introduced = agreeing ?? (undecidable && passing().size > 1 ? undefined : fits[0]);
      if (introduced) return introduced;
    }
    if (last.mention && paragraph - last.paragraph <= CARRY_PARAGRAPHS && compatible(pronoun, last.mention)) {
      return last.mention;
    }
    return null;
  };

  /**
   * Resolves a mention; with `teach`, a he or she resolved to a person teaches that person's gender;
   * `speaker` when it is a statement's speaker, not a sentence's subject.
   */
  /** Per person (by key), the titles the article gave them up to a sentence, as fit to a description. */
  const fits = new Map<string, number>();
  /**
   * "the Vermont senator" after "Vt. Sen. Ana Ruiz", "the former pollster" after "former party
   * pollster Tom Lee": the people named before with a title that fits the description (see
   * {@link titleFit}), each with its best fit (kept in `fits`, by key).
   */
  const titleHolders = (m: Mention, sentence: number): Map<string, Mention> => {
    const holders = new Map<string, Mention>();
    fits.clear();
    const keys = personDescriptionKeys(m);
    for (let j = sentence; keys.length > 0 && j >= 0; j--) {
      const before = (named[j] ?? []).filter((c) => j < sentence || c.end <= m.start);
      for (const c of [actor[j], facts[j]?.subject, ...(facts[j]?.introduced ?? []), ...before]) {
        const described = c?.kind === 'person' && !c.plural ? describedAs(c, backgrounds.get(key(c))) : null;
        if (!c || !described) continue;
        let fit: number | null = null;
        for (const k of keys) {
          const f = titleFit(described, k);
          if (f !== null && (fit === null || f > fit)) fit = f;
        }
        const ck = key(c);
        if (fit === null) continue;
        holders.set(ck, holders.get(ck) ?? c);
        fits.set(ck, Math.max(fits.get(ck) ?? 0, fit));
      }
    }
    return holders;
  };
  /**
   * The narrower match that sentence subjects keep: a title word ("mayor") of a short role
   * description, written the same in the title. A subject read wrongly misleads every pronoun after
   * it; with the wider {@link titleHolders} the PolNeAR checking pronoun proxy lost 2 of 490.
   */
  const roleHolders = (m: Mention, sentence: number): Map<string, Mention> => {
    const holders = new Map<string, Mention>();
    if (m.plural || !/^the\s/i.test(m.text)) return holders;
    const words = m.name.toLowerCase().split(/\s+/);
    const head = words.length <= 2 && ROLE_WORDS.has(words.at(-1) ?? '') ? words.at(-1) : null;
    for (let j = sentence; head && j >= 0; j--) {
      const before = (named[j] ?? []).filter((c) => j < sentence || c.end <= m.start);
      for (const c of [actor[j], facts[j]?.subject, ...(facts[j]?.introduced ?? []), ...before]) {
        if (c?.kind !== 'person' || !c.title) continue;
        if (
          c.title
            .toLowerCase()
            .split(/[\s-]+/)
            .includes(head)
        )
          holders.set(key(c), holders.get(key(c)) ?? c);
      }
    }
    return holders;
  };
  /** Of several holders, the one whose titles share the most of the description's words, if one does. */
  const bestFitting = (holders: Map<string, Mention>): Mention | null => {
    if (holders.size < 2) return null;
    let top: Mention | null = null;
    let score = 0;
    let tied = false;
    for (const [k, c] of holders) {
      const fit = fits.get(k) ?? 0;
      if (fit > score) [top, score, tied] = [c, fit, false];
      else if (fit === score) tied = true;
    }
    return top && !tied && score > 0 ? top : null;
  };

  /**
   * "the mayor said" after "Mayor Ana Ruiz …": a definite description is the person the article
   * gave a fitting title (for a speaker see {@link titleHolders}, for a sentence subject
   * {@link roleHolders}), when exactly one person has it or one fits best; else a person noun
   * stands for the person the text is about; else it stays as written.
   */
  const described = (m: Mention, sentence: number, statement: boolean): Mention => {
    const organisation = organisationHead(m);
    if (organisation) return describedOrganisation(m, organisation, sentence);
    const holders = statement ? titleHolders(m, sentence) : roleHolders(m, sentence);
    if (holders.size === 1) return [...holders.values()][0] as Mention;
    const best = bestFitting(holders);
    if (best) return best;
    if (!isPersonDescription(m) && holders.size === 0) return m;
    // "said the 46-year-old": one person described, as a pronoun would stand for them.
    const g = m.gender ?? GENDERED_NOUNS[m.name.toLowerCase().split(/\s+/).at(-1) ?? ''] ?? null;
    const stand: Mention = { ...m, kind: 'pronoun', name: g === 'm' ? 'he' : g === 'f' ? 'she' : 'person' };
    if (holders.size === 0 && unnamedBefore(m, sentence)) return m;
    // "the province's finance minister", "Acme's chief executive": a role someone holds for a
    // place or body, when no one named holds a fitting title, is not whoever spoke last.
    if (holders.size === 0 && /\S['’]s\s/.test(m.text)) return m;
    const found = antecedent(stand, sentence);
    if (holders.size === 0) return found ?? m;
    // Two people hold the role: the one just quoted, if it is one of them ("Ruiz said …. The
    // president also said …"); else it cannot be told, and the description stays as written.
    const paragraph = facts[sentence]?.paragraph ?? 0;
    const quoted = last.mention && paragraph - last.paragraph <= CARRY_PARAGRAPHS ? last.mention : null;
    return found && found === quoted && holders.has(key(found)) ? found : m;
  };

  /**
   * "A senior official said … The official added …", "a second officer … the officer said": the
   * description takes up an unnamed person just introduced with the same head noun, not whoever
   * was named before.
   */
  const unnamedBefore = (m: Mention, sentence: number): boolean => {
    const head = headNoun(m);
    const paragraph = facts[sentence]?.paragraph ?? 0;
    for (let j = sentence - 1, seen = 0; j >= 0 && seen < LOOK_BACK; j--, seen++) {
      if ((facts[j]?.paragraph ?? 0) < paragraph - 1) break;
      for (const c of [actor[j], facts[j]?.subject]) {
        if (c?.kind === 'group' && !c.plural && INDEFINITE.test(c.text) && headNoun(c) === head) return true;
      }
    }
    return false;
  };

  /**
   * "the ministry said" after "the Ministry of Health …", "the company said" after "Acme cut 600
   * jobs": the nearest earlier body with that head word, or for a generic word the nearest
   * subject that is a body, or a lone name nothing marks as a person (now typed a body).
   */
  const describedOrganisation = (m: Mention, head: string, sentence: number): Mention => {
    const paragraph = facts[sentence]?.paragraph ?? 0;
    for (let j = sentence - 1; j >= 0 && (facts[j]?.paragraph ?? 0) >= paragraph - CARRY_PARAGRAPHS; j--) {
      const c = actor[j] ?? facts[j]?.subject ?? null;
      if (!c || c.plural) continue;
      const words = c.name.toLowerCase().split(/\s+/);
      if (c.kind === 'organisation' && (words.includes(head) || GENERIC_BODIES.has(head))) return c;
      // "The Lopez campaign said …; the campaign said": a named body with that head word.
      if (c.kind === 'group' && words.length >= 2 && words.at(-1) === head && /^\p{Lu}/u.test(c.name))
        return c;
      // "Northwind Technologies is …; the company said": a name nothing marks as a person's.
      if (GENERIC_BODIES.has(head) && c.kind === 'person' && !hasPersonEvidence(c))
        return { ...c, kind: 'organisation' };
    }
    // Else a body named anywhere in those sentences, nearest first: "… a contract with the
    // Ministry of Transport. The ministry said …", "… shares of Northwind Holdings Inc. fell. The
    // company said …" (a generic word needs a name that marks a business).
    for (let j = sentence; j >= 0 && (facts[j]?.paragraph ?? 0) >= paragraph - CARRY_PARAGRAPHS; j--) {
      const candidates = (named[j] ?? []).filter((c) => j < sentence || c.end <= m.start);
      for (const c of [...candidates].reverse()) {
        if (c.kind !== 'organisation' || c.plural || isPlace(c.name)) continue;
        const words = nameWords(c.name);
        if (words.includes(head)) return c;
        if (GENERIC_BODIES.has(head) && words.some((w) => BUSINESS_WORDS.has(w))) return c;
      }
    }
    // Farther back, the one body named before that fits, when only one does: "Northwind Holdings
    // Inc. …" in the opening paragraph, "the company said" many paragraphs later.
    const fitting = new Map<string, Mention>();
    for (const { key: k, mention: c } of bodiesFitting(head)) {
      if (c.start < m.start && !fitting.has(k)) fitting.set(k, c);
    }
    return fitting.size === 1 ? ([...fitting.values()][0] as Mention) : m;
  };

  /** Per head word, the named bodies of the article it fits (one pass over the article per head word). */
  const fitsByHead = new Map<string, { key: string; mention: Mention }[]>();
  const bodiesFitting = (head: string) => {
    let list = fitsByHead.get(head);
    if (!list) {
      list = [];
      for (const c of named.flat()) {
        if (c.kind !== 'organisation' || c.plural || isPlace(c.name)) continue;
        const words = nameWords(c.name);
        if (words.includes(head) || (GENERIC_BODIES.has(head) && words.some((w) => BUSINESS_WORDS.has(w))))
          list.push({ key: words.join(' '), mention: c });
      }
      fitsByHead.set(head, list);
    }
    return list;
  };

  /** Per person (by key), the first sentence naming them in full. */
  const firstNamed = new Map<string, number>();
  named.forEach((list, j) => {
    for (const c of list) {
      if (c.kind === 'person' && nameWords(c.name).length >= 2 && !firstNamed.has(key(c)))
        firstNamed.set(key(c), j);
    }
  });
  /**
   * "Ruth Okafor said …. “…,” said Okafor." with a Sam Okafor named only later: a surname two
   * people share is the one of them named in full before it, when only one was.
   */
  const introducedBefore = (m: Mention, sentence: number): Mention => {
    if (!shared(m)) return m;
    const before = people.holders(m.name).filter((p) => {
      const at = firstNamed.get(p.key);
      return at !== undefined && at < sentence;
    });
    const one = before.length === 1 ? (before[0] as Person) : null;
    return one ? { ...m, name: one.written } : m;
  };

  const resolveMention = (m: Mention, sentence: number, teach: boolean, speaker = false): Mention | null => {
    if (m.kind === 'group' || m.kind === 'organisation') return described(m, sentence, speaker);
    // Speakers only: for sentence subjects the same reading lost GUM he/she 71.3 → 64.1.
    if (m.kind === 'person') return speaker ? introducedBefore(m, sentence) : m;
    if (m.kind !== 'pronoun') return m;
    const antecedentFound = antecedent(m, sentence);
    const found = antecedentFound && byGender(m, antecedentFound);
    // Only a near antecedent teaches a gender: a far one is a guess, and a wrong gender learnt
    // would keep every later pronoun from the person.
    if (found && teach && nearby) learn(m, found);
    return found;
  };

  /** A quotation with no cue continues the previous speaker, or the person the text is about. */
  const continuation = (sentence: number): Mention | null => {
    const paragraph = facts[sentence]?.paragraph ?? 0;
    if (last.mention && paragraph - last.paragraph <= CARRY_PARAGRAPHS) {
      // A quotation with no cue goes on from the last quotation, not from reported speech in a
      // clause after it: "“The deal stands,” Roe said, after Lee said he would end it. “It is binding.”"
      return quotedLast.reportedAfter && quotedLast.mention ? quotedLast.mention : last.mention;
    }
    for (let j = sentence - 1; j >= 0 && (facts[j]?.paragraph ?? 0) >= paragraph - CARRY_PARAGRAPHS; j--) {
      const a = facts[j]?.subject?.kind === 'pronoun' ? null : actor[j];
      if (a && (a.kind === 'person' || a.kind === 'group') && !a.plural) return a;
    }
    return null;
  };

  let nextSentence = 0;
  const readUpTo = (sentence: number) => {
    for (; nextSentence < sentence; nextSentence++) {
      const subject = facts[nextSentence]?.subject ?? null;
      if (!actor[nextSentence] && subject) actor[nextSentence] = resolveMention(subject, nextSentence, true);
    }
  };

  const out: (Mention | null)[] = [];
  for (const statement of statements) {
    readUpTo(statement.mentionSentence);
    const paragraph = facts[statement.firstSentence]?.paragraph ?? 0;
    let speaker: Mention | null;
    speaker =
      statement.mention === null
        ? continuation(statement.firstSentence)
        : cannotBeSpeaker(statement.mention)
          ? null
          : (ownVoice(statement.mention, () =>
              resolveMention(statement.mention as Mention, statement.mentionSentence, false),
            ) ?? resolveMention(statement.mention, statement.mentionSentence, true, true));
    out.push(speaker);
    if (speaker?.kind === 'person') spoke.add(key(speaker));
    if (speaker) {
      quotedLast.reportedAfter = !statement.quoted && quotedLast.sentence === statement.firstSentence;
      if (statement.quoted) {
        quotedLast.mention = speaker;
        quotedLast.sentence = statement.lastSentence;
      }
      last.mention = speaker;
      last.paragraph = facts[statement.lastSentence]?.paragraph ?? paragraph;
      // The speaker is who the sentence is about, whatever its grammatical subject.
      actor[statement.mentionSentence] = speaker;
      if (statement.lastSentence > statement.mentionSentence) actor[statement.lastSentence] = speaker;
    }
  }
  readUpTo(facts.length);
  return { speakers: out, actors: actor };
}

export interface Resolution {
  /** Per statement: its speaker, pronouns and continuations resolved, or null. */
  speakers: (Mention | null)[];
  /** Per sentence: who speaks or acts in it (its speaker, else its resolved subject), or null. */
  actors: (Mention | null)[];
}
