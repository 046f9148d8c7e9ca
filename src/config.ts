/**
 * Configuration from the environment and `.env` (README: "Configuration"), validated in one place
 * before anything starts. A bad value is a clear message naming the variable, never a stack trace;
 * the token is never printed.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { z } from 'zod';

/** The project root (where package.json is), so defaults work from any working directory. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, 'data', 'articles');
export const DEFAULT_LIBRARIES_DIR = path.join(PROJECT_ROOT, 'data', 'libraries');

const snowflake = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{17,20}$/, `${name} must be a Discord id (17 to 20 digits)`);

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * An abuse limit as a token bucket: up to `requests` at once, refilled at `requests` per `seconds`
 * (README: "Configuration").
 */
export interface Rate {
  requests: number;
  seconds: number;
}

/** Burst of 20 commands, refilled at 20 a minute: a dozen commands and page clicks in 15 s pass. */
export const DEFAULT_USER_RATE: Rate = { requests: 20, seconds: 60 };
/** Several people at once in one channel; a flood from many accounts still runs dry. */
export const DEFAULT_CHANNEL_RATE: Rate = { requests: 120, seconds: 60 };

/**
 * Reads "N/S" (a burst of N, refilled at N per S seconds) or "off".
 * @throws Error with a readable message for anything else
 */
export function parseRate(value: string | undefined, fallback: Rate | null): Rate | null {
  if (value === undefined || value.trim() === '') return fallback;
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === '0') return null;
  const m = /^(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*s?$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[2]) <= 0)
    throw new Error(`"${value}" is not a rate like 20/60 (20 at once, refilled at 20 per 60 seconds) or off`);
  return { requests: Number(m[1]), seconds: Number(m[2]) };
}

/** A rate limit setting: "N/S" or "off". */
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

/** Why `folder` cannot be an articles or snapshot folder, or null when it can (or does not exist yet and may). */
export function folderProblem(folder: string, mayBeMissing = false): string | null {
  try {
    return statSync(folder).isDirectory() ? null : 'is a file, not a folder';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return mayBeMissing ? null : 'does not exist';
    if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
    return `cannot be read (${code ?? 'unknown error'})`;
  }
}

/** A folder setting: checked to be a readable folder, so a typo stops the start with its name. */
function folderSetting(name: string, mayBeMissing: boolean, off?: RegExp) {
  return z.preprocess(blankToUndefined, z.string().optional()).superRefine((value, ctx) => {
    if (value === undefined || off?.test(value.trim())) return;
    const problem = folderProblem(path.resolve(value), mayBeMissing);
    if (problem) ctx.addIssue({ code: 'custom', message: `${name} ${value} ${problem}` });
  });
}

/** `CITEBOT_CACHE` values that turn snapshots off. */
const CACHE_OFF = /^(?:off|none|false|0)$/i;

const schema = z
  .object({
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
    CITEBOT_DATA: folderSetting('CITEBOT_DATA', false),
    // Created on first save, so it may be missing; a file in its place is a mistake.
    CITEBOT_CACHE: folderSetting('CITEBOT_CACHE', true, CACHE_OFF),
    CITEBOT_SHARDS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'CITEBOT_SHARDS must be a whole number of shards from 1 to 1000' })
        .int('CITEBOT_SHARDS must be a whole number of shards from 1 to 1000')
        .min(1, 'CITEBOT_SHARDS must be a whole number of shards from 1 to 1000')
        .max(1000, 'CITEBOT_SHARDS must be a whole number of shards from 1 to 1000')
        .optional(),
    ),
    // Server and personal libraries; created on the first article added.
    CITEBOT_LIBRARIES: folderSetting('CITEBOT_LIBRARIES', true),
    // Parsed by fetchAllowList (src/library/libraries.ts) at start: the parser lives with the fetcher.
    CITEBOT_FETCH_ALLOW: z.preprocess(blankToUndefined, z.string().optional()),
    CITEBOT_FEED_MINUTES: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'CITEBOT_FEED_MINUTES must be a number of minutes, at least 1' })
        .min(1, 'CITEBOT_FEED_MINUTES must be a number of minutes, at least 1')
        .max(10080, 'CITEBOT_FEED_MINUTES must be at most 10080 (a week)')
        .default(15),
    ),
    // The memory budget for the libraries (README: "Scale"): idle server and personal libraries are
    // unloaded, least recently used first, when the estimate passes it.
    CITEBOT_MEMORY_MB: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'CITEBOT_MEMORY_MB must be a whole number of megabytes from 64 to 1048576' })
        .int('CITEBOT_MEMORY_MB must be a whole number of megabytes from 64 to 1048576')
        .min(64, 'CITEBOT_MEMORY_MB must be a whole number of megabytes from 64 to 1048576')
        .max(1048576, 'CITEBOT_MEMORY_MB must be a whole number of megabytes from 64 to 1048576')
        .default(1024),
    ),
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
    // Beyond one process (README: "Deployment").
    CITEBOT_HTTP_PORT: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'CITEBOT_HTTP_PORT must be a port number from 0 to 65535' })
        .int('CITEBOT_HTTP_PORT must be a port number from 0 to 65535')
        .min(0, 'CITEBOT_HTTP_PORT must be a port number from 0 to 65535')
        .max(65535, 'CITEBOT_HTTP_PORT must be a port number from 0 to 65535')
        .optional(),
    ),
    CITEBOT_HTTP_HOST: z.preprocess(blankToUndefined, z.string().trim().default('0.0.0.0')),
    DISCORD_PUBLIC_KEY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[0-9a-f]{64}$/i, "DISCORD_PUBLIC_KEY must be the application's public key: 64 hex digits")
        .optional(),
    ),
    CITEBOT_GATEWAY: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
      z.enum(['on', 'off'], { message: 'CITEBOT_GATEWAY must be on or off' }).default('on'),
    ),
    CITEBOT_DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^postgres(?:ql)?:\/\/\S+$/i, 'CITEBOT_DATABASE_URL must be a postgres://… address')
        .optional(),
    ),
  })
  .superRefine((c, ctx) => {
    if (c.CITEBOT_HTTP_PORT !== undefined && !c.DISCORD_PUBLIC_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_PUBLIC_KEY'],
        message:
          'DISCORD_PUBLIC_KEY is required with CITEBOT_HTTP_PORT (the public key on the Discord developer portal)',
      });
    if (c.CITEBOT_HTTP_PORT !== undefined && !c.DISCORD_TOKEN)
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_TOKEN'],
        message: 'DISCORD_TOKEN is required with CITEBOT_HTTP_PORT (for deferred edits and registration)',
      });
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

let loaded = false;

/** The process environment with `.env` read into it (once, quietly; set variables win). */
export function processEnv(): NodeJS.ProcessEnv {
  if (!loaded) {
    dotenv.config({ path: path.join(process.cwd(), '.env'), quiet: true });
    loaded = true;
  }
  return process.env;
}

/** Validates the environment (by default the process's, with `.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = processEnv()): Config {
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

/** The server and personal libraries' folder: CITEBOT_LIBRARIES, else data/libraries. */
export function librariesDir(config: Pick<Config, 'CITEBOT_LIBRARIES'>): string {
  return path.resolve(config.CITEBOT_LIBRARIES ?? DEFAULT_LIBRARIES_DIR);
}

/** The snapshot folder: CITEBOT_CACHE, else .cache/snapshots in the project; null when set to "off". */
export function cacheDir(config: Pick<Config, 'CITEBOT_CACHE'>, fallback: string): string | null {
  const value = config.CITEBOT_CACHE?.trim();
  if (value && CACHE_OFF.test(value)) return null;
  return path.resolve(value || fallback);
}
