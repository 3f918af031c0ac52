/** Starting `astro dev` on a content folder and waiting on its pages: shared by the dev-loop bench and its test. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './util.ts';

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.on('error', fail);
  });

/** The environment without what a test runner sets for itself (BASE_URL, NODE_ENV=test, …), which misconfigures Vite. */
const cleanEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(VITEST|VITE_|BASE_URL$|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$)/.test(k),
    ),
  );

/** Polls `url` until `test` holds for its text or `ms` pass; returns the last text seen. */
export async function waitFor(url: string, test: (html: string) => boolean, ms = 60_000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    try {
      last = await (await fetch(url)).text();
      if (test(last)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return last;
}

export interface DevServer {
  origin: string;
  process: ChildProcess;
  stop(): void;
}

/** `astro dev` on `contentDir` at a free port, in its own process group (so stop() ends Vite's children too). */
export async function startDev(contentDir: string): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', `${port}`],
    {
      cwd: ROOT,
      env: {
        ...cleanEnv(),
        CROSSWALK_CONTENT: contentDir,
        CROSSWALK_DATA_VERSION: 'dev',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
      detached: true,
    },
  );
  return {
    origin: `http://127.0.0.1:${port}`,
    process: child,
    stop: () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid);
    },
  };
}
