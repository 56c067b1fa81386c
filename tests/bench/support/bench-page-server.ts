import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';

const PAGE_ROOT = resolve('tests/bench/page');
const OUT_DIR = resolve('.data/bench/page');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export type BenchPageServer = { url: string; stop(): Promise<void> };

/** Builds the reference page (the replica code, Dexie and PouchDB in one bundle) and serves it. */
export async function startBenchPageServer(port: number): Promise<BenchPageServer> {
  await build({
    configFile: false,
    root: PAGE_ROOT,
    base: './',
    logLevel: 'warn',
    // PouchDB's browser build still reads Node's `global`.
    define: { global: 'globalThis' },
    // …and Node's EventEmitter, from the `events` package rather than the Node built-in.
    resolve: { alias: { events: 'events/events.js' } },
    build: { outDir: OUT_DIR, emptyOutDir: true, minify: true, target: 'es2022' },
  });
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(OUT_DIR, path === '/' ? 'index.html' : path);
    if (!file.startsWith(OUT_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
