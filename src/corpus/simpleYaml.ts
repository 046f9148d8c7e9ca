/**
 * A fast reading of the front matter most article files have: one `key: value` per line, each
 * value a double-quoted string, an ISO date or a plain run of words. It gives exactly what the
 * YAML parser gives for such text and answers null for anything else (comments, lists, nesting,
 * numbers, booleans, repeated keys, …), which then goes to the parser. The YAML parser costs more
 * than the rest of reading the front matter.
 */

const LINE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is kept out
  /^([A-Za-z][A-Za-z0-9_]*):[ ]+(?:"((?:[^"\\\x00-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|\\["\\/bfnrt])*)"|(\d{4}-\d{2}-\d{2})|(\p{L}[\p{L}\p{N} .,'’&()/-]*[\p{L}\p{N}.)]|\p{L}))[ ]*$/u;

/** Plain words the YAML core schema reads as null or a boolean rather than a string. */
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * The mapping `yamlText` holds when it is that simple, else null.
 *
 * @example
 * simpleYaml('title: "Roe wins"\npublished: 2025-02-12') // { title: 'Roe wins', published: '2025-02-12' }
 */
export function simpleYaml(yamlText: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const line of yamlText.split('\n')) {
    if (line === '') continue;
    const m = LINE.exec(line);
    if (!m) return null;
    const key = m[1] as string;
    if (seen.has(key) || key === '__proto__') return null;
    seen.add(key);
    if (m[2] !== undefined) out[key] = JSON.parse(`"${m[2]}"`) as string;
    else if (m[3] !== undefined) out[key] = m[3];
    else {
      const plain = m[4] as string;
      if (NOT_STRINGS.has(plain)) return null;
      out[key] = plain;
    }
  }
  return out;
}
