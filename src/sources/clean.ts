/**
 * Drops what is not article text from extracted blocks: link lists and single links, calls to
 * action ("Sign up for our newsletter", "Related: …"), share and ad labels, and repeats.
 */
import type { TextBlock } from './blocks.js';

/** Whole blocks that are page furniture. */
const LABEL =
  /^(?:advertisement|ad|ads|sponsored|photo|photos|image|images|video|videos|gallery|share|share this( article| story)?|tweet|email|e-mail|print|comments?|listen|play|play video|watch|loading\.*|continue reading( the main story)?|skip advertisement|story continues below( advertisement)?|close|menu|search|caption)$/i;

/** Openings of calls to action and of pointers elsewhere. */
const CALL_TO_ACTION =
  /^(?:sign up|subscribe|follow us|follow @|like us on|share (?:this|on|via)|click here|tap here|download (?:the|our)|get (?:the|our) (?:\w+ )?(?:newsletter|app)|read more|more from|more on this|recommended|you may also like|you might also like|related(?: articles| stories| coverage| content| reading| topics)?\s*:|see also\s*:|also read\s*:|read also\s*:|read next|up next|most popular|trending|don'?t miss|this article (?:is|was) (?:part|originally)|copyright ©|© \d{4}|all rights reserved)/i;

/** A newsletter or subscription pitch anywhere in a short block. */
const PITCH = /\b(?:newsletters?|in your inbox|to our (?:newsletter|podcast|channel|mailing list))\b/i;

/** A block that is only a date (and time): a dateline the metadata already holds. */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_ONLY = new RegExp(
  `^(?:(?:published|updated|posted|last updated)\\s*:?\\s*)?(?:[a-z]+day,?\\s*)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}\\s+${MONTH}),?\\s+\\d{4}(?:,?\\s*(?:at\\s*)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*[a-z]{0,4})?$`,
  'i',
);

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** True for a block that is navigation, an ad, a share button or a related link. */
export function isFurniture(block: TextBlock): boolean {
  const text = block.text.trim();
  const n = words(text);
  if (text === '' || LABEL.test(text.replace(/[\s:|•·]+$/, ''))) return true;
  if (n <= 10 && DATE_ONLY.test(text)) return true;
  if (n <= 40 && CALL_TO_ACTION.test(text)) return true;
  if (n <= 25 && PITCH.test(text) && /^\[.*\]$|^[^.!?]*[.!?]?$/.test(text) && !/["“”]/.test(text))
    return true;
  const linkShare = block.linkChars / text.length;
  if (linkShare > 0.8 && n <= 30) return true;
  if (linkShare > 0.5 && n <= 12 && !/[.!?]["”’)]?$/.test(text)) return true;
  return false;
}

/** The article's paragraphs, furniture and exact repeats removed, in order. */
export function cleanParagraphs(blocks: TextBlock[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const block of blocks) {
    if (isFurniture(block)) continue;
    const key = block.text.toLowerCase();
    if (seen.has(key) && words(block.text) > 3) continue;
    seen.add(key);
    out.push(block.text);
  }
  return out;
}
