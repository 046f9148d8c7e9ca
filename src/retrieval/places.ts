/**
 * Countries and international bodies as news names them: "the UK", "Britain", "British", "the
 * United Kingdom" are one place. Names and aliases come from the countries-list package; demonyms
 * from the regular English endings (Latvia → Latvian, Ukraine → Ukrainian, Iraq → Iraqi, China →
 * Chinese) plus the irregular ones, which a list has to give (British, French, Dutch, …).
 */
import { countries } from 'countries-list';
import { normalise, words } from '../nlp/terms.js';

/** Demonyms that no ending rule gives, by ISO code. */
// biome-ignore format: a word list reads best packed
const IRREGULAR: Record<string, string[]> = {
  GB: ['british', 'briton', 'britons', 'brits'], FR: ['french'],
  NL: ['dutch'], DE: ['german', 'germans'], GR: ['greek', 'greeks'], CH: ['swiss'], TR: ['turkish', 'turk', 'turks'],
  DK: ['danish', 'dane', 'danes'], SE: ['swedish', 'swede', 'swedes'], NO: ['norwegian', 'norwegians'],
  PL: ['polish', 'pole', 'poles'], FI: ['finnish', 'finn', 'finns'], IE: ['irish'], ES: ['spanish', 'spaniard', 'spaniards'],
  PT: ['portuguese'], TH: ['thai'], PH: ['filipino', 'filipinos', 'philippine'], IS: ['icelandic', 'icelander'],
  CZ: ['czech', 'czechs'], SK: ['slovak', 'slovaks'], AF: ['afghan', 'afghans'], AE: ['emirati', 'emiratis', 'uae'],
  SA: ['saudi', 'saudis'], LB: ['lebanese'], CG: ['congolese'], CD: ['congolese'], PE: ['peruvian', 'peruvians'],
  KZ: ['kazakh', 'kazakhs'], UZ: ['uzbek', 'uzbeks'], TJ: ['tajik', 'tajiks'], KG: ['kyrgyz'], TM: ['turkmen'],
  SO: ['somali', 'somalis'], NZ: ['kiwi', 'kiwis'], US: ['american', 'americans'], BY: ['belarusian'],
  HR: ['croatian', 'croat', 'croats'], SI: ['slovenian', 'slovene'], BA: ['bosnian'], CY: ['cypriot'],
  MG: ['malagasy'], LA: ['lao', 'laotian'], MM: ['burmese'], BD: ['bangladeshi'], YE: ['yemeni'],
  IL: ['israeli', 'israelis'], PS: ['palestinian', 'palestinians'], KR: ['korean', 'koreans'], KP: ['korean'],
  CN: ['chinese'], JP: ['japanese'], VN: ['vietnamese'], TW: ['taiwanese'], SD: ['sudanese'],
};

/** International bodies, and the seats of government that news names for a country's government. */
const BODIES: Record<string, string[]> = {
  EU: ['eu', 'european union', 'europe', 'european', 'europeans', 'brussels'],
  UN: ['un', 'united nations'],
  NATO: ['nato', 'north atlantic treaty organization', 'north atlantic treaty organisation'],
  RU: ['kremlin'],
  US: ['white house', 'pentagon'],
  GB: ['downing street', 'whitehall'],
};

/** Demonym candidates for a one-word name by the regular endings; those no text uses do no harm. */
function demonyms(name: string): string[] {
  const out: string[] = [];
  if (name.endsWith('a')) out.push(`${name}n`, `${name}ns`, `${name.slice(0, -1)}ese`);
  else if (name.endsWith('e')) out.push(`${name.slice(0, -1)}ian`, `${name.slice(0, -1)}ians`);
  else if (name.endsWith('y')) out.push(`${name.slice(0, -1)}ian`, `${name.slice(0, -1)}ians`);
  else if (name.endsWith('o')) out.push(`${name}an`, `${name}ans`);
  else out.push(`${name}i`, `${name}is`, `${name}ian`, `${name}ians`, `${name}ese`);
  return out;
}

interface Places {
  /** Normal-form word or phrase → place codes. */
  byForm: Map<string, Set<string>>;
  /** Place code → its forms. */
  forms: Map<string, Set<string>>;
}

let places: Places | undefined;

const phrase = (text: string) =>
  words(text)
    .map((w) => w.plain)
    .join(' ');

function build(): Places {
  const byForm = new Map<string, Set<string>>();
  const forms = new Map<string, Set<string>>();
  const add = (code: string, form: string) => {
    const f = phrase(form);
    if (f.length < 2) return;
    if (!byForm.has(f)) byForm.set(f, new Set());
    byForm.get(f)?.add(code);
    if (!forms.has(code)) forms.set(code, new Set());
    forms.get(code)?.add(f);
  };
  for (const [code, country] of Object.entries(countries)) {
    const names = [country.name, ...((country as { alias?: string[] }).alias ?? [])];
    for (const name of names) {
      add(code, name);
      const ws = phrase(name).split(' ');
      const last = ws.at(-1) as string;
      // "South Korea" → "South Korean"; a one-word name → its demonyms.
      if (!/^\p{Lu}+$/u.test(name) && last.length >= 4)
        for (const d of demonyms(last)) add(code, [...ws.slice(0, -1), d].join(' '));
    }
    for (const d of IRREGULAR[code] ?? []) add(code, d);
  }
  for (const [code, list] of Object.entries(BODIES)) for (const form of list) add(code, form);
  return { byForm, forms };
}

function lookups(): Places {
  places ??= build();
  return places;
}

const MINOR = new Set(['and', 'of', 'the', 'da']);

/** Longest place name in words, for scanning text. */
const MAX_WORDS = 5;

/**
 * The places a text names, with the words (normal form) that named them.
 *
 * @example
 * placesIn('What did the UK promise?') // [{ code: 'GB', words: ['uk'] }]
 * placesIn('British Defense Secretary John Healy') // [{ code: 'GB', words: ['british'] }]
 */
export function placesIn(text: string): { code: string; words: string[] }[] {
  const { byForm } = lookups();
  const all = words(text);
  const ws = all.map((w) => w.plain);
  const out = new Map<string, string[]>();
  for (let i = 0; i < ws.length; i++) {
    for (let n = Math.min(MAX_WORDS, ws.length - i); n >= 1; n--) {
      const form = ws.slice(i, i + n).join(' ');
      const codes = byForm.get(form);
      // Written as a name: capitalised ("Turkey", not "turkey"), a short one in capitals ("US", not "us").
      const written = all
        .slice(i, i + n)
        .every((w) => MINOR.has(w.plain) || (w.plain.length <= 3 ? w.acronym : w.capitalised));
      if (!codes || !written) continue;
      for (const code of codes) out.set(code, [...(out.get(code) ?? []), ...ws.slice(i, i + n)]);
      i += n - 1;
      break;
    }
  }
  return [...out].map(([code, named]) => ({ code, words: named }));
}

/** Every name of a place in normal form, phrases included: "uk", "united kingdom", "british", … */
export function namesOf(code: string): string[] {
  return [...(lookups().forms.get(code) ?? [])];
}

/** The one-word names of a place (for search): "uk", "britain", "british", … */
export function oneWordNames(code: string): string[] {
  return [...(lookups().forms.get(code) ?? [])].filter((f) => !f.includes(' '));
}

/** True when `word` (any case) is a name of a place. */
export function isPlaceWord(word: string): boolean {
  return lookups().byForm.has(normalise(word));
}
