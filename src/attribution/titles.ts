/**
 * Whether a description ("the Vermont senator", "the former pollster") fits a title the article
 * gave a named person ("Vt. Sen.", "former Bill Clinton pollster", "a senior policy adviser"): the
 * description's head noun must be the title's, abbreviations written out ("Sen." is "senator"),
 * a rank word ("vice", "deputy") must be in both or neither ("the president" is not the Vice
 * President), and so must "former". The words of the description besides its head tell apart several holders.
 * A state counts as one word however it is written ("Vt.", "Vermont"; "N.Y.", "New York").
 */
import { withStatesAsWords } from './usStates.js';
import { PARTY_WORDS } from './words.js';

/** Title abbreviations, written out. */
// biome-ignore format: a word list reads best packed
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  sen: 'senator', gov: 'governor', rep: 'representative', gen: 'general', lt: 'lieutenant',
  col: 'colonel', capt: 'captain', sgt: 'sergeant', prof: 'professor', dr: 'doctor', rev: 'reverend',
  atty: 'attorney', supt: 'superintendent', insp: 'inspector', cmdr: 'commander', adm: 'admiral',
  pres: 'president', amb: 'ambassador', det: 'detective', cpl: 'corporal', frontrunner: 'front-runner',
  congressman: 'representative', congresswoman: 'representative', gop: 'republican',
  democrat: 'democratic', sec: 'secretary', secy: 'secretary',
};

/** Words that make another title of the same head ("vice president", "deputy mayor"). */
const RANKS = new Set(['vice', 'deputy', 'assistant', 'associate', 'lieutenant', 'under']);

/** Words of a description that tell nothing of who holds it. */
// biome-ignore format: a word list reads best packed
const EMPTY = new Set([
  'the', 'a', 'an', 'former', 'then', 'current', 'new', 'longtime', 'long-time', 'veteran', 'onetime',
  'one-time', 'ex', 'acting', 'interim', 'retired', 'outgoing', 'incoming', 'embattled', 'two-term',
  'first-term', 'sitting', 'top', 'senior', 'of', 'and', 'for', 'to', 'at', 'in', 'his', 'her', 'their',
]);

/** Normal-form words of a title or description: lower case, no full stops, abbreviations written out. */
export function titleWords(text: string): string[] {
  return withStatesAsWords(text)
    .toLowerCase()
    .split(/[\s/]+/)
    .map((w) => w.replace(/[.,()“”"’']+/g, '').replace(/['’]s$/, ''))
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w);
}

/**
 * The normal forms of the capitalised words of a text, not counting empty words ("Former") or
 * parties, which never clash with a place ("the Republican senator" may be "Ohio Sen."); they count
 * in the fit as other words do.
 */
function properWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of withStatesAsWords(text).split(/[\s/]+/)) {
    if (!/^\p{Lu}/u.test(raw)) continue;
    const [w] = titleWords(raw);
    if (w && !EMPTY.has(w) && !PARTY_WORDS.has(w)) out.add(w);
  }
  return out;
}

/** A description read for matching: its head noun, its rank word, its other words that tell. */
export interface DescriptionKey {
  head: string;
  rank: string | null;
  /** "the former mayor": a title held before, which a current title does not fit, nor the reverse. */
  former: boolean;
  modifiers: string[];
  /** Capitalised modifiers, a place's or a party's ("the Florida senator" → florida). */
  proper: string[];
}

/** Words for a title held before. */
const FORMER = new Set(['former', 'ex', 'onetime', 'one-time', 'erstwhile']);
const isFormer = (words: readonly string[]) => words.some((w) => FORMER.has(w) || w.startsWith('ex-'));

/** The key of a description ("Vermont independent senator" → senator; vermont, independent). */
export function descriptionKey(name: string): DescriptionKey | null {
  const words = titleWords(name);
  const capitalised = properWords(name);
  const cut = words.findIndex((w, i) => i > 0 && (w === 'of' || w === 'for' || w === 'to'));
  const core = cut > 0 ? words.slice(0, cut) : words;
  const head = core.at(-1);
  if (!head || !/\p{L}/u.test(head)) return null;
  const before = core[core.length - 2] ?? '';
  const rank = RANKS.has(before) ? before : null;
  const modifiers = core.slice(0, rank ? -2 : -1).filter((w) => !EMPTY.has(w) && /\p{L}/u.test(w));
  return {
    head,
    rank,
    former: isFormer(core),
    modifiers,
    proper: modifiers.filter((w) => capitalised.has(w)),
  };
}

/** Words that end the head part of a title ("analyst for the bank", "author of the book"). */
const AFTER_HEAD = new Set(['of', 'for', 'to', 'at', 'with', 'from', 'in', 'on', 'who', 'whose', 'since']);

/**
 * The heads of a title, with the rank word before each: one per part joined by "and" or a comma
 * ("former governor and two-term mayor" → governor, mayor), each the last word before "of", "for"….
 */
/** One word, or a place and its people ("Mexico" ~ "Mexican", "Turkey" ~ "Turkish"): a long common start. */
function akin(a: string, b: string): boolean {
  if (a === b) return true;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 4 && n >= 0.6 * Math.min(a.length, b.length);
}

interface TitleHead {
  head: string;
  rank: string | null;
  former: boolean;
  /** The part's capitalised words before its head ("Texas Sen." → texas). */
  proper: string[];
}

function titleHeads(title: string): TitleHead[] {
  const out: TitleHead[] = [];
  for (const part of title.split(/\s*(?:,|;|\band\b|&)\s*/i)) {
    const words = titleWords(part);
    const cut = words.findIndex((w, i) => i > 0 && AFTER_HEAD.has(w));
    const core = cut > 0 ? words.slice(0, cut) : words;
    const head = core.at(-1);
    if (!head) continue;
    const before = core[core.length - 2] ?? '';
    const rank = RANKS.has(before) ? before : null;
    const capitalised = properWords(part);
    const proper = core.slice(0, rank ? -2 : -1).filter((w) => capitalised.has(w));
    out.push({ head, rank, former: isFormer(core), proper });
  }
  return out;
}

/**
 * How well a title fits a description: null when none of its heads is the description's (with
 * the same rank word), else the number of the description's other words the title has ("Sen."
 * fits "the Vermont senator" with 0, "Vt. Sen." or "Vermont Sen." with 1).
 */
export function titleFit(title: string, key: DescriptionKey): number | null {
  // "the Florida senator" is not "Texas Sen. Ana Ruiz": capitalised words on both sides must meet.
  const meets = (h: TitleHead) =>
    key.proper.length === 0 ||
    h.proper.length === 0 ||
    h.proper.some((w) => key.proper.some((d) => akin(w, d)));
  const heads = titleHeads(title);
  if (!heads.some((h) => h.head === key.head && h.rank === key.rank && h.former === key.former && meets(h)))
    return null;
  const have = titleWords(title);
  return key.modifiers.filter((w) => have.some((h) => akin(h, w))).length;
}
