/**
 * Bench corpora from real news text: the article texts of the development sets in
 * `../shared/eval/` (PolNeAR train and dev, Gender Gap Tracker, CNN / Daily Mail), written as
 * article files into a temporary folder at bench time, copied under distinct ids until the folder
 * holds the size asked for. Nothing of them is kept in the repository.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';

/** Where the development sets are (as for `npm run eval`). */
export const EVAL_DIR = process.env.CITEBOT_EVAL_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'eval');

interface RealArticle {
  title: string;
  source: string;
  published: string | null;
  body: string;
}

/** One line of any of the sets as an article, or null when it has no usable text. */
function asArticle(line: string): RealArticle | null {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const body = typeof row.text === 'string' ? row.text : typeof row.article === 'string' ? row.article : '';
  if (body.trim().length < 200) return null;
  const title = typeof row.title === 'string' && row.title.trim() ? row.title.trim() : String(row.id ?? '');
  const source = String(row.publisher ?? row.outlet ?? row.source ?? 'unknown');
  const published = typeof row.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(row.date) ? row.date : null;
  return { title: title.replace(/\s+/g, ' '), source, published, body };
}

/** Every article text of the sets found, in file then line order; empty when the folder is absent. */
export function realArticles(dir = EVAL_DIR): RealArticle[] {
  if (!existsSync(dir)) return [];
  const out: RealArticle[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.jsonl')) continue;
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      const article = line.trim() ? asArticle(line) : null;
      if (article) out.push(article);
    }
  }
  return out;
}

const yamlString = (s: string) => JSON.stringify(s);

/**
 * Writes `count` article files made from the real texts into a fresh folder (copy k of a text
 * gets " (copy k)" in its title and its own file name) and returns the folder and its text size;
 * null when there are no real texts.
 */
export function writeRealCorpus(count: number, dir: string): { dir: string; bytes: number } | null {
  const articles = realArticles();
  if (articles.length === 0) return null;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    const a = articles[n % articles.length] as RealArticle;
    const copy = Math.floor(n / articles.length);
    const front = [
      '---',
      `title: ${yamlString(copy === 0 ? a.title : `${a.title} (copy ${copy})`)}`,
      `source: ${yamlString(a.source)}`,
      ...(a.published ? [`published: ${a.published}`] : []),
      '---',
      '',
    ].join('\n');
    const text = front + a.body;
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(dir, `real-${String(n).padStart(5, '0')}.md`), text);
  }
  return { dir, bytes };
}
