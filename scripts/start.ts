/**
 * `npm start`: builds the workstation, starts the central server on its embedded database,
 * then opens the desktop app against it, or the web build where Electron is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.ts';

const port = process.env.PORT ?? '8787';
const serverUrl = `http://127.0.0.1:${port}`;
const children: ChildProcess[] = [];

function stopAll(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

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

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) stopAll(build.status ?? 1);

const server = spawn(process.execPath, ['server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, LAPOR_WEB_ROOT: process.env.LAPOR_WEB_ROOT ?? 'out/renderer' },
});
children.push(server);
server.on('exit', (code) => stopAll(code ?? 0));
await waitUntilReady(serverUrl, 180_000);

const electron = findElectronBinary();
if (electron) {
  const app = spawn(electron, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, LAPOR_SERVER_URL: serverUrl },
  });
  children.push(app);
  app.on('exit', () => stopAll(0));
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
    children.push(
      spawn(chromium, [...rootArgs, `--app=${serverUrl}`], { stdio: 'ignore', detached: false }),
    );
  }
}
