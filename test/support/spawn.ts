import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/config.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a project entry point (e.g. src/cli/main.ts) as its own Node process, the way npm scripts do. */
export function runEntry(
  entry: string,
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<Run> {
  return runProcess(process.execPath, ['--import', 'tsx', entry, ...args], options);
}

/** Runs any command in the project folder with a clean Discord-free environment. */
export function runProcess(
  command: string,
  args: string[],
  options: { input?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      DISCORD_TOKEN: '',
      CITEBOT_DATA: '',
      ...options.env,
    };
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env: env as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
