import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { createLogger } from '../../src/log.js';

describe('secrets', () => {
  it('keeps .env out of git', () => {
    expect(readFileSync(path.join(PROJECT_ROOT, '.gitignore'), 'utf8').split('\n')).toContain('.env');
    const ignored = execFileSync('git', ['check-ignore', '.env'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(ignored.trim()).toBe('.env');
  });

  it('scrubs the token from every log line, wherever it appears', async () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token-value';
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const logger = createLogger('info', [token]);
      logger.info({ token }, 'login');
      logger.error({ err: new Error(`401 for ${token}`) }, `failed with ${token}`);
      logger.info({ headers: { authorization: `Bot ${token}` } }, 'request');
    } finally {
      process.stderr.write = write;
    }
    expect(lines.length).toBe(3);
    for (const line of lines) expect(line).not.toContain(token);
    expect(lines.join('')).toMatch(/\[redacted\]/);
  });
});
