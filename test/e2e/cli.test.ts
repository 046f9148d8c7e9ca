import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_FILE, SEED_ID, tempArticles } from '../support/library.js';
import { runEntry, runProcess } from '../support/spawn.js';

const cli = (args: string[], input?: string, env?: Record<string, string>) =>
  runEntry('src/cli/main.ts', args, { ...(input !== undefined ? { input } : {}), ...(env ? { env } : {}) });
const file = readFileSync(SEED_FILE, 'utf8');

describe('cli', () => {
  it('answers ask with the Hegseth sentence and exact offsets (via npm run --silent cli)', async () => {
    const run = await runProcess('npm', ['run', '--silent', 'cli', '--', '--json', 'ask', '5% of GDP']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.command).toBe('ask');
    expect(out.input).toEqual({ question: '5% of GDP' });
    const top = out.results[0];
    expect(top.text).toMatch(/^Hegseth also repeated calls from Trump .* 5% of GDP/);
    expect(file.slice(top.citation.start, top.citation.end)).toBe(top.text);
    expect(top.citation).toMatchObject({ article: SEED_ID, paragraph: 27, sentence: 1, url: null });
    expect(top.speaker).toBeNull();
    expect(typeof top.score).toBe('number');
  });

  it.each([[['--help']], [['-h']], [['help']], [['ask', 'NATO', '--bogus', '-h']]])(
    'prints the command line usage for %j and exits 0',
    async (args) => {
      const run = await cli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: npm run --silent cli -- \[--data DIR\] \[--json\] <command>/);
      for (const flag of [
        '--json',
        '--data DIR',
        '--article ID',
        '--limit N',
        '--sentences N',
        '--focus TOPIC',
      ])
        expect(run.stdout).toContain(flag);
      expect(run.stdout).toMatch(/^ {2}batch +JSON Lines on stdin/m);
      expect(run.stdout).toMatch(/^ {2}ask <question> \[--article ID\] \[--limit N\]/m);
      expect(run.stdout).not.toMatch(/ $/m);
      expect(run.stderr).toBe('');
    },
  );

  it('answers --json help with the CLI usage lines as JSON', async () => {
    const run = await cli(['--json', 'help']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.command).toBe('help');
    expect(out.results).toContainEqual(
      expect.objectContaining({
        command: 'ask',
        usage: 'ask <question> [--article ID] [--limit N] [--library L]',
      }),
    );
  });

  it('prints the benchmark usage for npm run bench -- --help instead of running it', async () => {
    const run = await runProcess('npm', ['run', '--silent', 'bench', '--', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run bench/);
    expect(run.stdout).toMatch(/BENCH_SIZES/);
  });

  it('lists sources with the contract fields', async () => {
    const run = await cli(['--json', 'sources']);
    expect(run.code).toBe(0);
    const [source] = JSON.parse(run.stdout).results;
    expect(Object.keys(source).sort()).toEqual(
      ['article', 'library', 'published', 'sentences', 'source', 'statements', 'title', 'url'].sort(),
    );
    expect(source).toMatchObject({
      article: SEED_ID,
      source: 'CNN',
      published: '2025-02-12',
      sentences: 65,
      library: 'shared',
    });
  });

  it('prints text without --json, and a sentence when nothing matches', async () => {
    const run = await cli(['ask', 'Who won the football cup?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Nothing in these articles answers “Who won the football cup\?”/);
  });

  it.each([
    [['--json', 'frobnicate'], 'bad-input'],
    [['--json', 'ask'], 'bad-input'],
    [['--json', 'ask', '  '], 'bad-input'],
    [['--json', 'ask', 'NATO', '--limit', 'abc'], 'bad-input'],
    [['--json', 'ask', 'NATO', '--limit', '0'], 'bad-input'],
    [['--json', 'ask', 'NATO', '--bogus', '1'], 'bad-input'],
    [['--json', 'sources', 'extra'], 'bad-input'],
    [['--json', 'ask', 'NATO', '--article', 'no-such-article'], 'not-found'],
    [['--json'], 'bad-input'],
  ])('exits 2 for %j with error code %s', async (args, code) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    const out = JSON.parse(run.stdout);
    expect(out.results).toEqual([]);
    expect(out.error.code).toBe(code);
    expect(out.error.message.length).toBeGreaterThan(0);
  });

  it('summarises the most recent article by default and says which', async () => {
    const run = await cli(['--json', 'summary', '--sentences', '3']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.notice).toMatch(/^Summary of the most recent article: “Hegseth excludes NATO/);
    expect(out.results).toHaveLength(3);
    const starts = out.results.map((r: { citation: { start: number } }) => r.citation.start);
    expect([...starts].sort((a: number, b: number) => a - b)).toEqual(starts);
    for (const r of out.results) expect(file.slice(r.citation.start, r.citation.end)).toBe(r.text);
  });

  it.each([
    [['--json', 'summary', '--sentences', '0'], 'bad-input'],
    [['--json', 'summary', '--sentences', '11'], 'bad-input'],
    [['--json', 'summary', '--article', 'nope'], 'not-found'],
  ])('rejects %j', async (args, code) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.code).toBe(code);
  });

  it('reads --data, reports skipped files on stderr only, and still answers', async () => {
    const dir = tempArticles({
      'a.md': '---\ntitle: Budget news\n---\nThe mayor said the budget would grow by 4%.',
      'bad.md': Buffer.from([0xff, 0xfe, 0x00]),
    });
    const run = await cli(['--data', dir, '--json', 'ask', 'budget']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^skipped bad\.md: /m);
    expect(JSON.parse(run.stdout).results[0].citation.article).toBe('a');
  });

  it('uses CITEBOT_DATA when --data is not given', async () => {
    const dir = tempArticles({ 'only.md': 'The council met on Monday.' });
    const run = await cli(['--json', 'sources'], undefined, { CITEBOT_DATA: dir });
    expect(JSON.parse(run.stdout).results.map((s: { article: string }) => s.article)).toEqual(['only']);
  });

  it('names a bad CITEBOT_DATA, and lets --data replace it', async () => {
    const bad = await cli(['--json', 'sources'], undefined, { CITEBOT_DATA: '/nonexistent/articles' });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.message).toMatch(
      /CITEBOT_DATA \/nonexistent\/articles does not exist/,
    );
    const dir = tempArticles({ 'only.md': 'The council met on Monday.' });
    const good = await cli(['--data', dir, '--json', 'sources'], undefined, {
      CITEBOT_DATA: '/nonexistent/articles',
    });
    expect(good.code).toBe(0);
  });

  it('answers who-said with the statement shape of the contract', async () => {
    const run = await cli(['--json', 'who-said', 'NATO membership realistic outcome']);
    expect(run.code).toBe(0);
    const [top] = JSON.parse(run.stdout).results;
    expect(Object.keys(top)).toEqual([
      'text',
      'quote',
      'quoteStart',
      'quoteEnd',
      'speaker',
      'citation',
      'score',
    ]);
    expect(top.speaker.aliases).toEqual(expect.arrayContaining(['Hegseth']));
    expect(file.slice(top.quoteStart, top.quoteEnd)).toBe(top.quote);
    expect(file.slice(top.citation.start, top.citation.end)).toBe(top.text);
  });

  it('lists every statement with quotes and no speaker, in text order', async () => {
    const run = await cli(['--json', 'quotes']);
    const results = JSON.parse(run.stdout).results as { citation: { start: number } }[];
    expect(results.length).toBeGreaterThan(20);
    const starts = results.map((r) => r.citation.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('traces a retold quote with find-source and reports the differing words', async () => {
    const run = await cli(['--json', 'find-source', 'Russia will never discuss exchanging territory']);
    const [top] = JSON.parse(run.stdout).results;
    expect(top.speaker.name).toBe('Dmitry Peskov');
    expect(top.diff.some((d: { op: string }) => d.op !== 'same')).toBe(true);
  });

  it('answers batch lines in order, one JSON line each, and survives bad lines', async () => {
    const input = [
      '{"command": "ask", "options": {"question": "Who will not discuss the exchange of territory?", "limit": 1}}',
      '',
      'not json',
      '[1, 2]',
      '{"command": "ask", "options": {"question": ""}}',
      '{"command": "ask", "options": {"question": "NATO", "article": "missing"}}',
      '{"command": "sources"}',
    ].join('\n');
    const run = await cli(['batch'], input);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines[0].results).toHaveLength(1);
    expect(lines[0].results[0].text).toMatch(/Dmitry Peskov/);
    expect(lines[1]).toMatchObject({ command: null, input: null, results: [], error: { code: 'bad-input' } });
    expect(lines[2]).toMatchObject({ command: null, input: null, error: { code: 'bad-input' } });
    expect(lines[3].error.code).toBe('bad-input');
    expect(lines[4].error.code).toBe('not-found');
    expect(lines[5].command).toBe('sources');
  });
});
