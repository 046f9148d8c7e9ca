/**
 * US states as news writes them: the name, the AP style abbreviation ("Fla.", "N.Y.") and the
 * postal code ("FL"), so a title or a party tag ("Sen. Ana Ruiz (R-Fla.)") and a later
 * description ("the Florida senator") can be matched.
 *
 * @example stateNamed('Fla.') // 'Florida'
 * @example stateNamed('NY') // 'New York'
 */

// biome-ignore format: a table reads best one state a line
const STATES: readonly (readonly [name: string, ap: string, postal: string])[] = [
  ['Alabama', 'Ala.', 'AL'], ['Alaska', 'Alaska', 'AK'], ['Arizona', 'Ariz.', 'AZ'],
  ['Arkansas', 'Ark.', 'AR'], ['California', 'Calif.', 'CA'], ['Colorado', 'Colo.', 'CO'],
  ['Connecticut', 'Conn.', 'CT'], ['Delaware', 'Del.', 'DE'], ['Florida', 'Fla.', 'FL'],
  ['Georgia', 'Ga.', 'GA'], ['Hawaii', 'Hawaii', 'HI'], ['Idaho', 'Idaho', 'ID'],
  ['Illinois', 'Ill.', 'IL'], ['Indiana', 'Ind.', 'IN'], ['Iowa', 'Iowa', 'IA'],
  ['Kansas', 'Kan.', 'KS'], ['Kentucky', 'Ky.', 'KY'], ['Louisiana', 'La.', 'LA'],
  ['Maine', 'Maine', 'ME'], ['Maryland', 'Md.', 'MD'], ['Massachusetts', 'Mass.', 'MA'],
  ['Michigan', 'Mich.', 'MI'], ['Minnesota', 'Minn.', 'MN'], ['Mississippi', 'Miss.', 'MS'],
  ['Missouri', 'Mo.', 'MO'], ['Montana', 'Mont.', 'MT'], ['Nebraska', 'Neb.', 'NE'],
  ['Nevada', 'Nev.', 'NV'], ['New Hampshire', 'N.H.', 'NH'], ['New Jersey', 'N.J.', 'NJ'],
  ['New Mexico', 'N.M.', 'NM'], ['New York', 'N.Y.', 'NY'], ['North Carolina', 'N.C.', 'NC'],
  ['North Dakota', 'N.D.', 'ND'], ['Ohio', 'Ohio', 'OH'], ['Oklahoma', 'Okla.', 'OK'],
  ['Oregon', 'Ore.', 'OR'], ['Pennsylvania', 'Pa.', 'PA'], ['Rhode Island', 'R.I.', 'RI'],
  ['South Carolina', 'S.C.', 'SC'], ['South Dakota', 'S.D.', 'SD'], ['Tennessee', 'Tenn.', 'TN'],
  ['Texas', 'Texas', 'TX'], ['Utah', 'Utah', 'UT'], ['Vermont', 'Vt.', 'VT'],
  ['Virginia', 'Va.', 'VA'], ['Washington', 'Wash.', 'WA'], ['West Virginia', 'W.Va.', 'WV'],
  ['Wisconsin', 'Wis.', 'WI'], ['Wyoming', 'Wyo.', 'WY'],
];

/** Every way of writing a state, squeezed (no dots or spaces, lower case), to its name. */
const BY_FORM = new Map<string, string>();
for (const [name, ap, postal] of STATES) {
  for (const form of [name, ap, postal]) BY_FORM.set(squeeze(form), name);
}

function squeeze(form: string): string {
  return form.toLowerCase().replace(/[.\s]+/g, '');
}

/** The state a name, abbreviation or postal code stands for, or null. */
export function stateNamed(written: string): string | null {
  return BY_FORM.get(squeeze(written)) ?? null;
}

/** Abbreviations with full stops ("Fla.", "N.Y.", "W.Va."), longest first so "W.Va." is not "Va.". */
const AP_FORMS = STATES.map(([name, ap]) => [ap, name] as const)
  .filter(([ap]) => ap.endsWith('.'))
  .sort((a, b) => b[0].length - a[0].length);
const AP_PATTERN = new RegExp(
  `(?<![\\p{L}.])(?:${AP_FORMS.map(([ap]) => ap.replace(/\./g, '\\.')).join('|')})(?![\\p{L}])`,
  'gu',
);
const AP_NAME = new Map(AP_FORMS);
const MULTI_WORD = new RegExp(
  `\\b(?:${STATES.filter(([name]) => name.includes(' '))
    .map(([name]) => name.replace(' ', '\\s+'))
    .join('|')})\\b`,
  'g',
);

/**
 * The text with every state written as one capitalised word: abbreviations written out and the
 * words of a two-word name joined ("N.Y. Sen." → "NewYork Sen.", "the New York senator" → "the
 * NewYork senator"), so word-by-word matching sees one state, not "New" and "York".
 */
export function withStatesAsWords(text: string): string {
  if (!/[A-Z]/.test(text)) return text;
  return text
    .replace(AP_PATTERN, (ap) => AP_NAME.get(ap) ?? ap)
    .replace(MULTI_WORD, (name) => name.replace(/\s+/g, ''));
}
