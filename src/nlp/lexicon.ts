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

/** Titles and roles before a name ("Defense Secretary", "spokesman") or as a speaker's head noun. */
// biome-ignore format: a word list reads best packed
export const ROLE_WORDS = new Set([
  'president', 'vice', 'secretary', 'minister', 'premier', 'chancellor', 'senator', 'sen', 'representative',
  'rep', 'congressman', 'congresswoman', 'governor', 'gov', 'mayor', 'councillor', 'councilor',
  'councilman', 'councilwoman', 'ambassador', 'envoy', 'diplomat', 'spokesman', 'spokeswoman',
  'spokesperson', 'official', 'officials', 'officer', 'chief', 'director', 'executive', 'chairman',
  'chairwoman', 'chair', 'head', 'leader', 'commander', 'general', 'gen', 'admiral', 'colonel', 'col',
  'lieutenant', 'lt', 'captain', 'capt', 'sergeant', 'sgt', 'major', 'judge', 'justice', 'attorney',
  'lawyer', 'prosecutor', 'detective', 'constable', 'inspector', 'superintendent', 'sheriff', 'deputy',
  'professor', 'prof', 'doctor', 'dr', 'researcher', 'scientist', 'economist', 'analyst', 'expert',
  'founder', 'ceo', 'cfo', 'coo', 'manager', 'coach', 'king', 'queen', 'prince', 'princess', 'pope',
  'bishop', 'archbishop', 'reverend', 'rev', 'rabbi', 'imam', 'mp', 'mla', 'mpp', 'mep', 'commissioner',
  'administrator', 'advisor', 'adviser', 'aide', 'strategist', 'lobbyist', 'activist', 'organizer',
  'organiser', 'candidate', 'nominee', 'member', 'partner', 'owner', 'editor', 'reporter', 'correspondent',
  'columnist', 'author', 'writer', 'historian', 'witness', 'resident', 'student', 'teacher', 'principal',
  'nurse', 'physician', 'surgeon', 'pastor', 'priest', 'coordinator', 'volunteer', 'guard', 'forward',
  'defender', 'midfielder', 'striker', 'goalkeeper', 'player', 'star', 'actor', 'actress', 'singer',
  'musician', 'artist', 'designer', 'founder', 'co-founder', 'boss', 'chef', 'host', 'anchor', 'producer',
  'director-general', 'secretary-general', 'mr', 'mrs', 'ms', 'miss', 'sir', 'dame', 'lord', 'lady',
  'premier', 'mayor', 'trustee', 'agent', 'broker', 'economist', 'strategist', 'spokesperson', 'legislator',
  'lawmaker', 'politician', 'counsel', 'solicitor', 'barrister', 'magistrate', 'coroner', 'paramedic',
  'firefighter', 'constable', 'trooper', 'marshal', 'warden', 'dean', 'provost', 'rector', 'chaplain',
  'speaker', 'whip', 'treasurer', 'comptroller', 'auditor', 'ombudsman', 'regulator', 'negotiator',
  'mediator', 'investigator', 'officer', 'representative', 'delegate', 'observer', 'monitor', 'chairperson',
  'father', 'mother', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'widow', 'uncle', 'aunt',
  'grandmother', 'grandfather', 'friend', 'neighbour', 'neighbor', 'victim', 'survivor', 'manager',
  // Positions in sport ("Defenceman Luc Roy scored …. “…,” said the rookie defenceman").
  'defenceman', 'defenseman', 'goaltender', 'goalie', 'winger', 'quarterback', 'pitcher', 'shortstop',
  'linebacker', 'outfielder', 'infielder', 'fullback', 'rookie', 'skier', 'swimmer', 'sprinter',
  // An opposition party's spokesperson on a file ("the party's finance critic").
  'critic',
]);

/**
 * Verbs that introduce reported speech even without quotation marks ("X said the talks failed"),
 * as lemmas. Belief verbs (think, believe) are left out: they are not statements.
 */
// biome-ignore format: a word list reads best packed
export const REPORT_VERBS = new Set([
  'say', 'tell', 'add', 'state', 'explain', 'argue', 'claim', 'insist', 'warn', 'note', 'announce',
  'confirm', 'deny', 'acknowledge', 'admit', 'report', 'write', 'tweet', 'suggest', 'stress', 'emphasize',
  'emphasise', 'predict', 'promise', 'pledge', 'vow', 'urge', 'reply', 'respond', 'answer', 'recall',
  'reveal', 'allege', 'contend', 'maintain', 'assert', 'declare', 'concede', 'complain', 'caution',
  'observe', 'remark', 'comment', 'testify', 'reiterate', 'repeat', 'counter', 'estimate', 'mention',
  'point', 'disclose', 'indicate', 'concur', 'affirm', 'reaffirm', 'assure', 'inform', 'remind', 'boast',
  'lament', 'charge', 'conclude', 'recount', 'underline', 'underscore', 'highlight', 'post', 'told',
  'says', 'said', 'advise', 'propose', 'recommend', 'demand', 'acknowledges', 'retort', 'quip', 'joke',
  'exclaim', 'shout', 'yell', 'whisper', 'plead', 'speculate', 'forecast', 'hint', 'elaborate', 'clarify',
]);
