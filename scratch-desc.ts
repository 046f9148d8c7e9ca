import { predictStatements } from './scripts/eval/analyse.js';
import { readJsonl, type PolnearArticle } from './scripts/eval/data.js';
import { halfOf } from './scripts/eval/split.js';
import { bestMatch, startsLikeName } from './scripts/eval/match.js';
import { isQuotedSpeech } from './scripts/eval/speech.js';
const c = new Map<string, number>();
for (const a of readJsonl<PolnearArticle>('/work/shared/eval/polnear-train.jsonl')) {
  if (halfOf(a.id) !== 'tuning') continue;
  const pred = predictStatements(a.id, a.text);
  for (const at of a.attributions) {
    if (!isQuotedSpeech(at)) continue;
    const hit = bestMatch(at.content?.spans ?? [], pred);
    if (!hit?.mention || startsLikeName(hit.mention) || /^(he|she|they|it|i|we)\b/i.test(hit.mention)) continue;
    const kept = hit.speaker && hit.mention.toLowerCase().endsWith(hit.speaker.name.toLowerCase().split(' ').at(-1) ?? '#');
    const key = `${kept ? 'kept' : 'res '} ${hit.mention.toLowerCase().replace(/^(the|a|an)\s+/, '').split(/\s+/).slice(-2).join(' ')} ${hit.speaker?.kind}`;
    c.set(key, (c.get(key) ?? 0) + 1);
  }
}
console.log([...c].sort((a, b) => b[1] - a[1]).slice(0, 70).map(([k, v]) => `${v} ${k}`).join('\n'));
