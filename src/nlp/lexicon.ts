/**
 * Word lists for English news text. General rules only: nothing here names a particular article.
 */

// biome-ignore format: a word list reads best packed
export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec',
]);

// biome-ignore format: a word list reads best packed
export const WEEKDAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues',
  'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/** Words that often start a sentence in capitals but are never part of a name. */
// biome-ignore format: a word list reads best packed
export const NOT_NAME_WORDS = new Set([
  ...MONTHS, ...WEEKDAYS, 'today', 'yesterday', 'tomorrow', 'tonight', 'however', 'meanwhile', 'also',
  'but', 'and', 'or', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'for', 'from',
  'with', 'by', 'as', 'after', 'before', 'when', 'while', 'if', 'then', 'there', 'here', 'it', 'its', 'he',
  'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'mr', 'mrs', 'ms', 'dr',
]);

/**
 * Titles and roles that describe a speaker ("Defense Secretary", "spokesman"). Lower case; matched
 * against lemmas.
 */
// biome-ignore format: a word list reads best packed
export const ROLE_WORDS = new Set([
  'president', 'vice', 'secretary', 'minister', 'prime', 'premier', 'chancellor', 'senator', 'sen',
  'representative', 'rep', 'congressman', 'congresswoman', 'governor', 'gov', 'mayor', 'councillor',
  'councilor', 'councilman', 'councilwoman', 'ambassador', 'envoy', 'diplomat', 'spokesman', 'spokeswoman',
  'spokesperson', 'official', 'officer', 'chief', 'director', 'executive', 'chairman', 'chairwoman',
  'chair', 'head', 'leader', 'commander', 'general', 'gen', 'admiral', 'colonel', 'col', 'lieutenant',
  'lt', 'captain', 'capt', 'sergeant', 'sgt', 'major', 'judge', 'justice', 'attorney', 'lawyer',
  'prosecutor', 'detective', 'constable', 'inspector', 'superintendent', 'sheriff', 'deputy', 'professor',
  'prof', 'doctor', 'dr', 'researcher', 'scientist', 'economist', 'analyst', 'expert', 'founder', 'ceo',
  'cfo', 'coo', 'manager', 'coach', 'captain', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop',
  'archbishop', 'reverend', 'rev', 'rabbi', 'imam', 'mp', 'mla', 'mpp', 'mep', 'chancellor',
  'commissioner', 'administrator', 'advisor', 'adviser', 'aide', 'strategist', 'lobbyist', 'activist',
  'organizer', 'organiser', 'candidate', 'nominee', 'member', 'partner', 'owner', 'editor', 'reporter',
  'correspondent', 'columnist', 'author', 'writer', 'historian', 'witness', 'resident', 'student',
  'teacher', 'principal', 'nurse', 'physician', 'surgeon', 'pastor', 'priest', 'father', 'mother', 'son',
  'daughter', 'wife', 'husband', 'brother', 'sister', 'friend', 'neighbour', 'neighbor', 'mr', 'mrs', 'ms',
  'miss', 'sir', 'dame', 'lord', 'lady',
]);

/**
 * Speech and report verbs, as lemmas (said → say). Broad on purpose: in news most reported speech
 * has no quotation marks, and the verb is the cue.
 */
// biome-ignore format: a word list reads best packed
export const SPEECH_VERBS = new Set([
  'say', 'tell', 'add', 'argue', 'warn', 'emphasize', 'emphasise', 'stress', 'note', 'explain', 'insist',
  'claim', 'assert', 'state', 'declare', 'announce', 'acknowledge', 'admit', 'concede', 'confirm', 'deny',
  'reply', 'respond', 'answer', 'ask', 'write', 'tweet', 'post', 'report', 'suggest', 'predict', 'promise',
  'pledge', 'vow', 'urge', 'call', 'describe', 'comment', 'remark', 'observe', 'point', 'recall',
  'recount', 'mention', 'reveal', 'disclose', 'indicate', 'signal', 'maintain', 'contend', 'allege',
  'accuse', 'charge', 'complain', 'lament', 'criticize', 'criticise', 'praise', 'thank', 'welcome',
  'reiterate', 'repeat', 'echo', 'agree', 'disagree', 'counter', 'rebut', 'retort', 'quip', 'joke',
  'shout', 'yell', 'scream', 'cry', 'whisper', 'mutter', 'exclaim', 'boast', 'brag', 'estimate',
  'calculate', 'forecast', 'project', 'conclude', 'find', 'testify', 'plead', 'rule', 'order', 'demand',
  'request', 'propose', 'recommend', 'advise', 'caution', 'threaten', 'hint', 'imply', 'believe', 'think',
  'feel', 'hope', 'fear', 'worry', 'expect', 'doubt', 'wonder', 'question', 'challenge', 'dispute',
  'reject', 'dismiss', 'defend', 'justify', 'clarify', 'specify', 'elaborate', 'summarize', 'summarise',
  'continue', 'begin', 'conclude', 'wrap', 'sum', 'read', 'tout', 'hail', 'decry', 'condemn', 'denounce',
  'slam', 'blast', 'attack', 'mock', 'scoff', 'acknowledge', 'assure', 'reassure', 'inform', 'notify',
  'brief', 'advise', 'remind', 'convince', 'persuade', 'encourage', 'apologize', 'apologise', 'concur',
  'affirm', 'reaffirm', 'allow', 'grant', 'offer', 'share', 'publish', 'release', 'issue', 'speak', 'talk',
  'discuss', 'cite', 'quote', 'testify', 'underline', 'underscore', 'highlight', 'outline', 'detail',
  'list', 'label', 'term', 'dub', 'brand',
]);

/** Pronouns that can stand for a speaker, with their grammatical gender where English marks it. */
export const SPEAKER_PRONOUNS: Record<string, 'm' | 'f' | 'n' | 'p'> = {
  he: 'm',
  she: 'f',
  they: 'p',
  i: 'n',
  we: 'p',
  it: 'n',
};
