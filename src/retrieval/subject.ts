/**
 * The subject of a question, when it is a capitalised name after an auxiliary verb: "What did
 * (the UK) promise?", "Has (Britain) said …", "What do (British officials) want?".
 */
const SUBJECT =
  /\b(?:did|does|do|has|have|had|will|would|can|could|should|is|was|are|were)\s+((?:the\s+)?(?:\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+|$))+(?:(?:officials?|government|ministers?|minister|leaders?|authorities|diplomats?|side|military|forces|envoys?|delegation|embassy)\b)?)/gu;

/**
 * The subject phrases of a question.
 *
 * @example
 * questionSubjects('What did the UK promise?') // ['the UK ']
 */
export function questionSubjects(text: string): string[] {
  return [...text.matchAll(SUBJECT)].map((m) => m[1] ?? '').filter((s) => s.trim() !== '');
}
