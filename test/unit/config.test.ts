import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { fetchAllowList } from '../../src/library/libraries.js';
import { SEED_FILE, tempArticles } from '../support/library.js';

const config = (env: Record<string, string>) => loadConfig(env as NodeJS.ProcessEnv);

describe('CITEBOT_FETCH_ALLOW', () => {
  it('names the variable and the bad entry', () => {
    expect(() => fetchAllowList('127.0.0.1, not a host!')).toThrow(/CITEBOT_FETCH_ALLOW: "not a host!"/);
    expect(() => fetchAllowList('10.0.0.0/99')).toThrow(/CITEBOT_FETCH_ALLOW: .*CIDR/);
    expect(fetchAllowList('127.0.0.1,10.0.0.0/8').ranges).toHaveLength(2);
  });
});

describe('configuration', () => {
  it.each([
    [{ CITEBOT_DATA: '/nonexistent/articles' }, /CITEBOT_DATA \/nonexistent\/articles does not exist/],
    [{ CITEBOT_DATA: SEED_FILE }, /CITEBOT_DATA .* is a file, not a folder/],
    [{ CITEBOT_CACHE: SEED_FILE }, /CITEBOT_CACHE .* is a file, not a folder/],
    [{ CITEBOT_SHARDS: 'two' }, /CITEBOT_SHARDS must be a whole number/],
    [{ CITEBOT_SHARDS: '0' }, /CITEBOT_SHARDS must be a whole number/],
    [{ CITEBOT_SHARDS: '1.5' }, /CITEBOT_SHARDS must be a whole number/],
    [{ CITEBOT_CHANNEL_RATE: '10 per minute' }, /CITEBOT_CHANNEL_RATE "10 per minute" is not a rate/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ CITEBOT_FEED_MINUTES: '0' }, /CITEBOT_FEED_MINUTES must be a number of minutes, at least 1/],
    [{ CITEBOT_FEED_MINUTES: 'soon' }, /CITEBOT_FEED_MINUTES must be a number of minutes/],
    [{ CITEBOT_LIBRARIES: SEED_FILE }, /CITEBOT_LIBRARIES .* is a file, not a folder/],
    [{ CITEBOT_MEMORY_MB: 'lots' }, /CITEBOT_MEMORY_MB must be a whole number of megabytes/],
    [{ CITEBOT_MEMORY_MB: '10' }, /CITEBOT_MEMORY_MB must be a whole number of megabytes from 64/],
  ])('names the variable in %j', (env, message) => {
    expect(() => config(env)).toThrow(ConfigError);
    expect(() => config(env)).toThrow(message);
  });

  it('reports every bad variable at once', () => {
    expect(() => config({ CITEBOT_SHARDS: 'two', LOG_LEVEL: 'loud' })).toThrow(
      /CITEBOT_SHARDS[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*CITEBOT_SHARDS/,
    );
  });

  it('accepts good values and blanks', () => {
    const dir = tempArticles({ 'a.md': 'One sentence here.' });
    const ok = config({ CITEBOT_DATA: dir, CITEBOT_CACHE: '/tmp/not-yet-made-cache', CITEBOT_SHARDS: '4' });
    expect(ok.CITEBOT_SHARDS).toBe(4);
    expect(ok.CITEBOT_MEMORY_MB).toBe(1024);
    expect(config({ CITEBOT_MEMORY_MB: '512' }).CITEBOT_MEMORY_MB).toBe(512);
    expect(
      config({ CITEBOT_SHARDS: '', CITEBOT_DATA: '', CITEBOT_CACHE: 'off' }).CITEBOT_SHARDS,
    ).toBeUndefined();
  });
});
