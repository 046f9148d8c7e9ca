/**
 * Configuration from the environment and `.env` (CONTRACT §4), validated once. A bad value is a
 * clear message naming the variable; the token is never printed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { z } from 'zod';
import { DEFAULT_CHANNEL_RATE, DEFAULT_USER_RATE, parseRate, type Rate } from './discord/rateLimit.js';

/** The project root (where package.json is), so defaults work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, 'data', 'articles');

const snowflake = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, `${name} must be a Discord id (17 to 20 digits)`);

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A rate limit setting: "N/S" (N requests per S seconds) or "off". */
function rateSetting(name: string, fallback: Rate) {
  return z.preprocess(blankToUndefined, z.string().optional()).transform((value, ctx) => {
    try {
      return parseRate(value, fallback);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `${name} ${(error as Error).message}` });
      return z.NEVER;
    }
  });
}

const schema = z.object({
  DISCORD_TOKEN: z.preprocess(blankToUndefined, z.string().trim().optional()),
  DISCORD_APPLICATION_ID: z.preprocess(blankToUndefined, snowflake('DISCORD_APPLICATION_ID').optional()),
  DISCORD_GUILD_ID: z.preprocess(blankToUndefined, snowflake('DISCORD_GUILD_ID').optional()),
  DISCORD_API_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(
        /^https?:\/\/[^\s/]+/i,
        'DISCORD_API_URL must be an http(s) address such as https://discord.com/api',
      )
      .transform((v) => v.replace(/\/+$/, ''))
      .default('https://discord.com/api'),
  ),
  CITEBOT_DATA: z.preprocess(blankToUndefined, z.string().optional()),
  CITEBOT_CACHE: z.preprocess(blankToUndefined, z.string().optional()),
  CITEBOT_USER_RATE: rateSetting('CITEBOT_USER_RATE', DEFAULT_USER_RATE),
  CITEBOT_CHANNEL_RATE: rateSetting('CITEBOT_CHANNEL_RATE', DEFAULT_CHANNEL_RATE),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

let loaded = false;

/** Reads `.env` (once, quietly) and validates the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (!loaded && env === process.env) {
    dotenv.config({ path: path.join(process.cwd(), '.env'), quiet: true });
    loaded = true;
  }
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '');
      return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
    });
    throw new ConfigError(`Configuration error:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}

/** The articles folder: an explicit choice, else CITEBOT_DATA, else data/articles. */
export function dataDir(config: Pick<Config, 'CITEBOT_DATA'>, explicit?: string): string {
  return path.resolve(explicit ?? config.CITEBOT_DATA ?? DEFAULT_DATA_DIR);
}

/** The snapshot folder: CITEBOT_CACHE, else .cache/snapshots in the project; null when set to "off". */
export function cacheDir(config: Pick<Config, 'CITEBOT_CACHE'>, fallback: string): string | null {
  const value = config.CITEBOT_CACHE?.trim();
  if (value && /^(?:off|none|false|0)$/i.test(value)) return null;
  return path.resolve(value || fallback);
}
