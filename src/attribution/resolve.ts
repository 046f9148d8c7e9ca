/**
 * Resolves "he said" and speaker-less follow-up quotes to a named (or described) speaker.
 *
 * A pronoun goes to the subject of an earlier sentence in the same paragraph, else to the speaker
 * of the previous statement, else to a subject in the previous paragraph: the person the text is
 * about, not simply the last name it mentioned ("Hegseth also did not announce … "…," he said"
 * is Hegseth even when someone else was quoted just before). Gender and number must agree.
 */
import type { Extraction } from './extract.js';
import type { Mention } from './mentions.js';

/** How far back (in paragraphs) a previous statement may carry its speaker. */
const CARRY_PARAGRAPHS = 2;

function compatible(pronoun: Mention, m: Mention): boolean {
  if (m.kind === 'pronoun') return false;
  switch (pronoun.name) {
    case 'he':
    case 'she': {
      const singularRole = m.kind === 'group' && !m.plural;
      if (!(m.kind === 'person' || singularRole) || m.plural) return false;
      const wanted = pronoun.name === 'he' ? 'm' : 'f';
      return m.gender === null || m.gender === wanted;
    }
    case 'they':
      return m.plural || m.kind === 'organisation' || m.kind === 'group';
    case 'it':
      return m.kind === 'organisation' || (m.kind === 'group' && !m.plural);
    default:
      return false;
  }
}

/**
 * The speaker of each statement, with pronouns and follow-ups resolved; null where it cannot be
 * told (better no speaker than a wrong one).
 */
export function resolveSpeakers(extraction: Extraction): (Mention | null)[] {
  const { statements, facts } = extraction;
  // Subjects with their own pronouns resolved, filled in as sentences are passed.
  const subjects: (Mention | null)[] = facts.map(() => null);
  const resolvedSubject = (i: number): Mention | null => {
    const subject = facts[i]?.subject ?? null;
    if (!subject || subject.kind !== 'pronoun') return subject;
    return subjects[i] ?? null;
  };
  let next = 0;
  const advanceTo = (sentence: number, lastSpeaker: { mention: Mention | null; paragraph: number }) => {
    for (; next < sentence; next++) {
      const subject = facts[next]?.subject ?? null;
      if (subject?.kind === 'pronoun') subjects[next] = findAntecedent(subject, next, lastSpeaker);
    }
  };

  const findAntecedent = (
    pronoun: Mention,
    sentence: number,
    lastSpeaker: { mention: Mention | null; paragraph: number },
  ): Mention | null => {
    const paragraph = facts[sentence]?.paragraph ?? 0;
    for (let j = sentence - 1; j >= 0 && facts[j]?.paragraph === paragraph; j--) {
      const s = resolvedSubject(j);
      if (s && compatible(pronoun, s)) return s;
    }
    if (lastSpeaker.mention && paragraph - lastSpeaker.paragraph <= CARRY_PARAGRAPHS && compatible(pronoun, lastSpeaker.mention)) {
      return lastSpeaker.mention;
    }
    for (let j = sentence - 1; j >= 0 && (facts[j]?.paragraph ?? 0) >= paragraph - 1; j--) {
      if (facts[j]?.paragraph === paragraph) continue;
      const s = resolvedSubject(j);
      if (s && compatible(pronoun, s)) return s;
    }
    return null;
  };

  const out: (Mention | null)[] = [];
  const last = { mention: null as Mention | null, paragraph: -Infinity };
  for (const statement of statements) {
    advanceTo(statement.mentionSentence, last);
    const paragraph = facts[statement.firstSentence]?.paragraph ?? 0;
    let speaker: Mention | null;
    if (statement.mention === null) {
      speaker = last.mention && paragraph - last.paragraph <= 1 ? last.mention : null;
    } else if (statement.mention.kind === 'pronoun') {
      speaker = findAntecedent(statement.mention, statement.mentionSentence, last);
    } else {
      speaker = statement.mention;
    }
    out.push(speaker);
    if (speaker) {
      last.mention = speaker;
      last.paragraph = facts[statement.lastSentence]?.paragraph ?? paragraph;
    }
  }
  return out;
}
