/** Recall of quoted attributions on the PolNeAR development articles. */
import { readFileSync } from 'node:fs';
import { attributeArticles } from '../../src/attribution/attribute.js';
import { parseArticle } from '../../src/ingest/parse.js';
import { pct, table } from './format.js';

interface Part {
  text: string;
  spans: [number, number][];
}
interface PolnearArticle {
  id: string;
  text: string;
  attributions: { source: Part | null; cue: Part | null; content: Part | null; has_quote_marks: boolean }[];
}

export async function evalPolnear(file: string, _verbose: boolean): Promise<boolean> {
  const articles = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as PolnearArticle);
  let quotedGold = 0;
  let quotedFound = 0;
  let allGold = 0;
  let allFound = 0;
  for (const a of articles) {
    const parsed = parseArticle(a.id, `${a.id}.txt`, a.text, 0);
    const { statements } = attributeArticles([parsed]);
    for (const at of a.attributions) {
      const spans = at.content?.spans ?? [];
      const length = spans.reduce((n, [s, e]) => n + (e - s), 0);
      if (length === 0) continue;
      const covered = statements.some((st) => {
        const overlap = spans.reduce(
          (n, [s, e]) => n + Math.max(0, Math.min(e, st.quoteEnd) - Math.max(s, st.quoteStart)),
          0,
        );
        return overlap >= 0.3 * length;
      });
      allGold++;
      if (covered) allFound++;
      if (at.has_quote_marks) {
        quotedGold++;
        if (covered) quotedFound++;
      }
    }
  }
  console.log(`\n## Attribution recall: ${articles.length} PolNeAR development articles (${file})`);
  console.log(
    table(
      ['attributions', 'gold', 'found', 'recall'],
      [
        [
          'with quote marks',
          String(quotedGold),
          String(quotedFound),
          pct(quotedGold ? quotedFound / quotedGold : 0),
        ],
        [
          'all (beliefs and intentions included)',
          String(allGold),
          String(allFound),
          pct(allGold ? allFound / allGold : 0),
        ],
      ],
    ),
  );
  return true;
}
