/**
 * Nouns that can speak: a speaker phrase headed by "game", "response" or "recipes" is not a
 * speaker, however the sentence is read. The counts come from GUM's entity types (how often a
 * mention headed by the noun is a person or an organisation), made by
 * `npx tsx scripts/train/speakingHeads.ts`. Trained on GUM (Zeldes 2017; annotations CC BY 4.0,
 * https://gucorpling.org/gum/); texts from Wikinews (CC BY 2.5) and CC BY 4.0 academic and court
 * sources.
 */
import counts from './speakingHeads.json' with { type: 'json' };
import { ORGANISATION_WORDS, ROLE_WORDS, SOURCE_NOUNS, STATEMENT_NOUNS } from './words.js';

/** Per head noun: GUM mentions typed person, typed organisation, all. */
const HEADS = counts as unknown as Record<string, [number, number, number] | undefined>;

/** How many GUM mentions a noun must head before its counts are trusted. */
const MIN_SEEN = 3;
/** At or below this share of person or organisation mentions, a noun does not speak. */
const MAX_SPEAKING_SHARE = 0.1;

/** Words that count a part of what follows "of" ("half of the voters" is headed by voters). */
// biome-ignore format: a word list reads best packed
const PARTITIVES = new Set([
  'percent', 'per', 'cent', 'some', 'half', 'third', 'quarter', 'few', 'ones', 'one', 'most', 'many',
  'majority', 'minority', 'number', 'share', 'all', 'none', 'each', 'both', 'rest', 'dozens',
  'hundreds', 'thousands', 'millions', 'group', 'lot', 'lots', 'two', 'three', 'several',
]);

/** "Some say", "this shows": a word standing for a noun said before, which may well speak. */
const DEMONSTRATIVES = new Set(['that', 'this', 'these', 'those', 'others', 'other', 'another']);

/**
 * Documents and records speak for their authors in the news ("the analysis found", "the video
 * shows"), and so does a country or state for its government.
 */
// biome-ignore format: a word list reads best packed
const SPEAKING_THINGS = new Set([
  'analysis', 'analyses', 'results', 'findings', 'research', 'evidence', 'video', 'videos', 'paper',
  'article', 'book', 'blog', 'interview', 'story', 'stories', 'headline', 'copy', 'list', 'model',
  'series', 'show', 'document', 'documents', 'figures', 'numbers', 'estimate', 'estimates', 'forecast',
  'projection', 'projections', 'review', 'audit', 'investigation', 'probe', 'inquiry', 'record',
  'records', 'transcript', 'footage', 'ad', 'ads', 'advertisement', 'commercial', 'editorial', 'column',
  'speech', 'agreement', 'law', 'bill', 'rules', 'policy', 'plan', 'proposal', 'guidelines', 'text',
  'country', 'nation', 'state', 'province', 'city', 'town', 'collection', 'test', 'check', 'site',
  'sites', 'page', 'photo', 'caption', 'message', 'notice', 'sign', 'survey', 'poll', 'polls', 'data',
  'index', 'chart', 'map', 'graph', 'table', 'count', 'tally', 'order', 'ruling', 'verdict', 'judgment',
  'judgement', 'complaint', 'indictment', 'affidavit', 'warrant', 'suit', 'petition', 'motion',
]);

/**
 * The head noun of a noun phrase written in lower case ("the new coach of the team" → coach), or
 * null when the phrase is a name, a pronoun or has no plain word at its head. What follows the
 * head (of …, who …, a comma) is cut off; a plural is kept as written.
 */
export function mentionHead(phrase: string): string | null {
  const [core = '', joiner, rest] = phrase.split(
    /\s*(?:,|\(|—|–|\s-\s)|\s+(of|who|which|that|for|from|in|at|on|with|to)\s+/u,
  );
  const last = core.trim().split(/\s+/).at(-1) ?? '';
  if (joiner === 'of' && rest && PARTITIVES.has(last.toLowerCase())) return mentionHead(rest);
  if (!/^\p{Ll}[\p{Ll}-]*$/u.test(last) || last.length < 3) return null;
  return last;
}

/**
 * Whether a noun names a body or a thing that speaks for people: a document ("the report"), a
 * body ("the ministry"), a place standing for its government ("the city").
 */
export function speaksForOthers(head: string): boolean {
  const word = head.toLowerCase();
  if (
    SPEAKING_THINGS.has(word) ||
    ORGANISATION_WORDS.has(word) ||
    ORGANISATION_WORDS.has(word.replace(/s$/, ''))
  )
    return true;
  // "police", "government": in GUM mostly a body or people.
  const c = HEADS[word];
  return c !== undefined && c[2] >= MIN_SEEN && (c[0] + c[1]) / c[2] >= 0.5;
}

/** Whether a noun is known not to speak: not a person's, body's or document's word, and GUM agrees. */
export function cannotSpeak(head: string): boolean {
  const word = head.toLowerCase();
  const singular = word.replace(/s$/, '');
  for (const w of [word, singular]) {
    if (SPEAKING_THINGS.has(w) || PARTITIVES.has(w) || DEMONSTRATIVES.has(w)) return false;
    if (ROLE_WORDS.has(w) || SOURCE_NOUNS.has(w) || STATEMENT_NOUNS.has(w) || ORGANISATION_WORDS.has(w))
      return false;
  }
  const c = HEADS[word];
  return c !== undefined && c[2] >= MIN_SEEN && (c[0] + c[1]) / c[2] <= MAX_SPEAKING_SHARE;
}
