/**
 * Benchmark helper: a fresh process that opens a folder the way the bot does (snapshot first),
 * answers one question, and prints how long that took and how much memory it holds.
 * Usage: node --import tsx bench/serve.ts <data folder> <snapshot folder>
 */
import { runCommand } from '../src/commands/index.js';
import { openLibrary } from '../src/library/open.js';

const [dataDir, cacheDir] = process.argv.slice(2);
if (!dataDir || !cacheDir) throw new Error('usage: serve.ts <data folder> <snapshot folder>');
const { library, fromSnapshot } = await openLibrary(dataDir, { cacheDir });
const answer = runCommand(
  library,
  'ask',
  { question: 'Who will not discuss the exchange of territory?' },
  'cli',
);
const sinceStart = performance.now();
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ fromSnapshot, answered: answer.results.length > 0, msSinceStart: sinceStart, rss: memory.rss, heap: memory.heapUsed })}\n`,
);
