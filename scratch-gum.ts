import { readSubjects } from './src/attribution/attribute.js';
import { parseArticle } from './src/ingest/parse.js';
import { readJsonl } from './scripts/eval/data.js';
import { GUM_FILES } from './scripts/eval/gum.js';
interface E { start: number; end: number; type: string; chain: string | null; eid: string }
interface D { id: string; split: string; text: string; entities: E[] }
const kind = process.argv[2] ?? 'desc';
for (const f of GUM_FILES) for (const doc of readJsonl<D>(`/work/shared/gum/${f}`)) {
  if (doc.split !== 'train') continue;
  const parsed = parseArticle(doc.id, 'x.txt', doc.text, 0);
  for (const { subject: p, referent: r } of readSubjects(parsed)) {
    const desc = p.kind !== 'pronoun';
    if ((kind === 'desc') !== desc) continue;
    if (!desc && !(kind === p.name)) continue;
    const gold = doc.entities.find((e) => e.start === p.start && e.end === p.end);
    if (!gold?.chain) continue;
    const ante = doc.entities.filter((e) => e.chain === gold.chain && e.end <= p.start);
    const named = ante.map((e) => doc.text.slice(e.start, e.end)).filter((t) => /^\p{Lu}/u.test(t)).at(-1) ?? ante.map((e) => doc.text.slice(e.start, e.end)).at(-1);
    const ref = r === p || r?.start === p.start ? null : r;
    const ok = ref && ante.some((e) => e.start < ref.end && ref.start < e.end);
    console.log(`${ok ? 'OK ' : ref ? 'BAD' : 'NON'} ${f.slice(4, 8)} [${p.text} | ${p.kind}] gold≈${named ?? '-'} (${gold.type}) got=${ref?.text ?? '-'}`);
  }
}
