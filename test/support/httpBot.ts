/**
 * A stateless HTTP replica under test: `src/main.ts` run as `npm start` runs it (tsx), with
 * CITEBOT_HTTP_PORT (a free port on 127.0.0.1), CITEBOT_GATEWAY=off and the given environment
 * (e.g. CITEBOT_DATABASE_URL), and signed interactions for it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config.js';
import { type KeyPair, post, type Reply, type RestStub } from './httpInteractions.js';

export interface HttpBot {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  output(): string;
  /** Sends a signal to the bot process itself. */
  kill(signal: NodeJS.Signals): void;
  /** Posts a signed interaction. */
  send(payload: Record<string, unknown>): Promise<Reply>;
}

export const APPLICATION_ID = '1200000000000000001';

/** Starts the bot and waits until its endpoint listens and the shared library is loaded. */
export async function startHttpBot(
  keys: KeyPair,
  rest: RestStub,
  env: Record<string, string>,
): Promise<HttpBot> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: 'fake-token.for-tests',
      DISCORD_API_URL: rest.apiUrl,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_GUILD_ID: '',
      DISCORD_PUBLIC_KEY: keys.publicHex,
      CITEBOT_HTTP_PORT: '0',
      CITEBOT_HTTP_HOST: '127.0.0.1',
      CITEBOT_GATEWAY: 'off',
      CITEBOT_DATA: '',
      CITEBOT_CACHE: 'off',
      CITEBOT_USER_RATE: 'off',
      CITEBOT_CHANNEL_RATE: 'off',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const collect = (d: string) => {
    output += d;
  };
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', collect);
  const started = Date.now();
  let port = 0;
  while (Date.now() - started < 40_000) {
    const listening = /"port":(\d+)[^\n]*HTTP interactions endpoint listening/.exec(output);
    if (listening && /library ready/.test(output)) {
      port = Number(listening[1]);
      break;
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!port) {
    child.kill('SIGKILL');
    throw new Error(`the HTTP bot did not start:\n${output}`);
  }
  return {
    child,
    port,
    exited,
    output: () => output,
    kill: (signal) => {
      if (child.exitCode === null) child.kill(signal);
    },
    send: (payload) => post(port, JSON.stringify(payload), keys.privateKey),
  };
}

let counter = 0;

/** A slash command asked in server `guild` by one member, as Discord posts it. */
export function guildCommand(
  guild: string,
  name: string,
  options: { name: string; type: number; value: unknown }[],
): Record<string, unknown> & { token: string } {
  counter += 1;
  const id = `${1310000000000000000n + BigInt(process.pid) * 100000n + BigInt(counter)}`;
  return {
    id,
    application_id: APPLICATION_ID,
    type: 2,
    token: `token-${id}`,
    guild_id: guild,
    channel_id: '1410000000000000001',
    member: { user: { id: '1510000000000000001' } },
    data: { name, type: 1, options },
  };
}

export const ask = (guild: string, question: string) =>
  guildCommand(guild, 'ask', [{ name: 'question', type: 3, value: question }]);
export const addUrl = (guild: string, url: string) =>
  guildCommand(guild, 'add', [{ name: 'url', type: 3, value: url }]);

/** What the bot sent over the webhook for the interaction with `token`: edits of @original and follow-ups. */
export function editsFor(rest: RestStub, token: string): unknown[] {
  return rest.requests
    .filter(
      (r) =>
        (r.method === 'PATCH' && r.path.includes(`/${token}/messages/`)) ||
        (r.method === 'POST' && r.path.endsWith(`/${token}`)),
    )
    .map((r) => r.body);
}
