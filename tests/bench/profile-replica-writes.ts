/**
 * A CPU profile of the workstation's write paths into a fresh replica in Chromium (not part of
 * `npm run bench`): the first copy of 10,000 complaints in pages of 1,000, their timeline events
 * as the checkpointed pull writes them, and one `bulkInsert` of the complaints (B1's path). The
 * page is built unminified, so functions keep their names; for each path it prints the time,
 * the 1-minute load average, and self and inclusive time by function.
 *
 *   node tests/bench/profile-replica-writes.ts          (LAPOR_PROFILE_WRITES=firstCopy,events)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { firstPage, newProfileDir, openProfile, removeProfileDir } from './support/browser.ts';
import { login, startLaporServer } from './support/lapor-server.ts';
import type { WriteProfileApi } from './write-profile-page/write-profile-page.ts';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
type Path = 'firstCopy' | 'events' | 'bulkInsert';

const PATHS = (process.env.LAPOR_PROFILE_WRITES ?? 'firstCopy,events,bulkInsert')
  .split(',')
  .filter((path): path is Path => ['firstCopy', 'events', 'bulkInsert'].includes(path));
const OUT_DIR = resolve('.data/bench/write-profile-page');
const PAGE_PORT = 8791;

await build({
  configFile: false,
  root: resolve('tests/bench/write-profile-page'),
  base: './',
  logLevel: 'warn',
  build: { outDir: OUT_DIR, emptyOutDir: true, minify: false, target: 'es2022' },
});
const pageServer = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  const file = join(OUT_DIR, path === '/' ? 'index.html' : path);
  if (!file.startsWith(OUT_DIR) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  const type = extname(file) === '.js' ? 'text/javascript' : 'text/html';
  response.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
  createReadStream(file).pipe(response);
});
await new Promise<void>((done) => pageServer.listen(PAGE_PORT, '127.0.0.1', done));
const server = await startLaporServer({
  port: 8793,
  complaints: 10_000,
  corsOrigins: [],
  webRoot: 'out/renderer',
});
const dir = newProfileDir('writes');
try {
  const token = await login(server.url, `write-profile-${Date.now()}`);
  const pull = async (collection: string) => {
    const documents: unknown[] = [];
    let checkpoint: unknown = { seq: 0 };
    for (;;) {
      const params = new URLSearchParams({ checkpoint: JSON.stringify(checkpoint), limit: '1000' });
      const response = await fetch(`${server.url}/api/replication/${collection}/pull?${params}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const page = (await response.json()) as { documents: unknown[]; checkpoint: unknown };
      if (page.documents.length === 0) return documents;
      documents.push(...page.documents);
      checkpoint = page.checkpoint;
    }
  };
  const context = await openProfile(dir);
  const page = await firstPage(context);
  await page.goto(`http://127.0.0.1:${PAGE_PORT}/`);
  await page.waitForFunction(() => 'writeProfile' in window);
  for (const [collection, kind] of [
    ['complaints', 'complaints'],
    ['complaint_events', 'events'],
  ] as const) {
    const documents = await pull(collection);
    for (let at = 0; at < documents.length; at += 2000)
      await page.evaluate(
        ([slice, into]) =>
          (window as unknown as { writeProfile: WriteProfileApi }).writeProfile.add(
            slice as never,
            into,
          ),
        [documents.slice(at, at + 2000), kind] as const,
      );
    console.log(`${collection}: ${documents.length}`);
  }
  const session = await context.newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  for (const path of PATHS) {
    await session.send('Profiler.start');
    const result = await page.evaluate(
      (name) => (window as unknown as { writeProfile: WriteProfileApi }).writeProfile[name](),
      path,
    );
    const { profile } = (await session.send('Profiler.stop')) as { profile: Profile };
    console.log(
      `${path}: ${result.held} documents in ${(result.ms / 1000).toFixed(1)} s, load ${loadavg()[0]?.toFixed(1)}`,
    );
    summarise(profile);
  }
  await context.close();
} finally {
  removeProfileDir(dir);
  await server.stop();
  pageServer.close();
}

function keyOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
}

function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    total += ms;
    const node = byId.get(id);
    if (!node) return;
    self.set(keyOf(node), (self.get(keyOf(node)) ?? 0) + ms);
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const key = keyOf(byId.get(at)!);
      if (counted.has(key)) continue;
      counted.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  const top = (times: Map<string, number>, count: number) =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, ms]) => `  ${(ms / 1000).toFixed(2).padStart(6)} s  ${key}`)
      .join('\n');
  console.log(`profiled ${(total / 1000).toFixed(1)} s; self time, top 20:\n${top(self, 20)}`);
  console.log(`inclusive time, top 30:\n${top(inclusive, 30)}`);
}
