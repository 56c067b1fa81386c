/**
 * `npm start`: builds the workstation (unless the last build is newer than its sources), starts
 * the central server on its embedded database, then opens the desktop app against it, or the web
 * build where Electron is not installed. SIGTERM or SIGINT (or the end of the npm process that
 * started it) stops everything it started, and it exits once they have.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { onParentExit } from '../server/on-parent-exit.ts';
import { isPortInUse, portInUseMessage } from '../server/port-in-use.ts';
import { decideWebBuild } from './decide-web-build.ts';
import { findElectronBinary } from './electron-binary.ts';
import { readWebBuildTimes } from './web-build-times.ts';

const port = process.env.PORT ?? '8787';
const host = process.env.HOST ?? '127.0.0.1';
const serverUrl = `http://127.0.0.1:${port}`;
const children = new Set<ChildProcess>();
/** The server's own graceful stop may take LAPOR_SHUTDOWN_TIMEOUT_SECONDS; then it is killed. */
const CHILD_STOP_MS = (Number(process.env.LAPOR_SHUTDOWN_TIMEOUT_SECONDS ?? 10) + 5) * 1000;
let stopping = false;

function run(command: string, args: string[], options: Parameters<typeof spawn>[2]) {
  const child = spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    const running = [...children];
    for (const child of running) child.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const child of running) child.kill('SIGKILL');
    }, CHILD_STOP_MS);
    await Promise.all(running.map(exited));
    clearTimeout(killer);
    process.exit(code);
  }
  return new Promise<never>(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(signal, () => void stopAll(0));
onParentExit(() => void stopAll(0));

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The server did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

if (await isPortInUse(Number(port), host)) {
  console.error(portInUseMessage(Number(port), host));
  process.exit(1);
}

const buildDecision = decideWebBuild(readWebBuildTimes(process.cwd()));
if (buildDecision.build) {
  console.log(`Building the workstation (${buildDecision.reason})`);
  const build = run('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) =>
    build.once('exit', (exitCode) => resolve(exitCode)),
  );
  if (code !== 0) await stopAll(code ?? 1);
} else {
  console.log('The workstation build is newer than its sources: not building again');
}

const server = run(process.execPath, ['server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, LAPOR_WEB_ROOT: process.env.LAPOR_WEB_ROOT ?? 'out/renderer' },
});
server.on('exit', (code) => void stopAll(code ?? 0));
await waitUntilReady(serverUrl, 180_000);

const electron = findElectronBinary();
if (electron) {
  const app = run(electron, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, LAPOR_SERVER_URL: serverUrl },
  });
  app.on('exit', () => void stopAll(0));
} else {
  console.log(
    `Electron binary not installed (it is downloaded on first use); the workstation runs in the browser at ${serverUrl}`,
  );
  const chromium = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].find(existsSync);
  if (chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    run(chromium, [...rootArgs, `--app=${serverUrl}`], { stdio: 'ignore', detached: false });
  }
}
