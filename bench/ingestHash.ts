/**
 * Same-output check and single-thread timing for cold ingest (issue 14): the PolNeAR train and
 * dev texts, each written as an article file with front matter, parsed, attributed and merged
 * one by one in file order in one fresh process (the language model learns words as it reads, so
 * the order is part of the result). Prints one JSON line: hashes of every article's sentences,
 * statements and speakers (out), of the token analyses (tokens) and of the index terms (terms),
 * and the time of each phase. Compare `out` before and after a change meant to keep the output.
 *
 *   npx tsx bench/ingestHash.ts [--root <checkout>] [--limit <articles>]
 *
 * --root runs another checkout's src/ (a copy inside this one, so its imports resolve), for
 * interleaved A/B timing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { EVAL_DIR } from './realCorpus.js';

const rootAt = process.argv.indexOf('--root');
const root = path.resolve(rootAt >= 0 ? (process.argv[rootAt + 1] as string) : PROJECT_ROOT);
const { attributeArticle, mergeAttributions } = await import(path.join(root, 'src/attribution/attribute.ts'));
const { parseArticle } = await import(path.join(root, 'src/ingest/parse.ts'));
const { articleTerms } = await import(path.join(root, 'src/nlp/terms.ts'));

const limitAt = process.argv.indexOf('--limit');
const limit = limitAt >= 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const files = ['polnear-train.jsonl', 'polnear-dev.jsonl'].map((f) => path.join(EVAL_DIR, f));
const docs: { id: string; text: string }[] = [];
for (const f of files) {
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Record<string, unknown>;
    const body = String(row.text ?? '');
    const front = [
      '---',
      `title: ${JSON.stringify(
        String(row.title ?? row.id)
          .replace(/\s+/g, ' ')
          .trim(),
      )}`,
      `source: ${JSON.stringify(String(row.publisher ?? 'unknown'))}`,
      ...(typeof row.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(row.date)
        ? [`published: ${row.date}`]
        : []),
      '---',
      '',
    ].join('\n');
    docs.push({ id: String(row.id), text: front + body });
  }
}
const chosen = docs.slice(0, limit);
const bytes = chosen.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const out = createHash('sha256');
const tok = createHash('sha256');
const trm = createHash('sha256');
let parseMs = 0;
let attrMs = 0;
let termMs = 0;
let mergeMs = 0;
let errors = 0;
const t0 = performance.now();
const c0 = process.cpuUsage();
for (const d of chosen) {
  let a = performance.now();
  // biome-ignore lint/suspicious/noExplicitAny: the checkout's modules are loaded at run time
  let parsed: any;
  try {
    parsed = parseArticle(d.id, `${d.id}.md`, d.text, 0);
  } catch (e) {
    errors++;
    out.update(`ERR ${d.id} ${String(e)}\n`);
    continue;
  }
  let b = performance.now();
  parseMs += b - a;
  tok.update(JSON.stringify(parsed.analyses));
  a = performance.now();
  const attribution = attributeArticle(parsed);
  b = performance.now();
  attrMs += b - a;
  a = performance.now();
  const terms = articleTerms(parsed.article.sentences.map((s: { text: string }) => s.text));
  b = performance.now();
  termMs += b - a;
  a = performance.now();
  const { statements, speakers } = mergeAttributions([{ article: parsed.article, attribution }]);
  b = performance.now();
  mergeMs += b - a;
  out.update(
    JSON.stringify({
      id: d.id,
      article: { ...parsed.article, text: undefined },
      attribution,
      statements,
      speakers,
    }),
  );
  trm.update(JSON.stringify(terms, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v)));
}
const total = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const mbs = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(3);
console.log(
  JSON.stringify({
    articles: chosen.length,
    errors,
    MB: +(bytes / 1e6).toFixed(3),
    out: out.digest('hex').slice(0, 16),
    tokens: tok.digest('hex').slice(0, 16),
    terms: trm.digest('hex').slice(0, 16),
    parseMs: Math.round(parseMs),
    attrMs: Math.round(attrMs),
    termMs: Math.round(termMs),
    mergeMs: Math.round(mergeMs),
    ingestMBs: mbs(parseMs + attrMs + termMs),
    parseAttrMBs: mbs(parseMs + attrMs),
    totalMs: Math.round(total),
    cpuMs: Math.round(cpuMs),
    cpuMBs: mbs(cpuMs),
  }),
);
