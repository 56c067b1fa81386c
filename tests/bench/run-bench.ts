/**
 * The performance suite: `npm run bench`. Measures figures B1–B9 in Chromium against the
 * reference runs beside them, prints a table with the machine and browser, writes
 * bench/results.json, and exits non-zero when a run is broken (no number is made up).
 *
 *   LAPOR_BENCH_ONLY=B4,B8     only these figures (and what they need); B10a, B10b, B10d come
 *                              from one run, B10c, B5h and B11 from runs of their own
 *   LAPOR_BENCH_LINK=1000/512/300  the emulated link (down kbps / up kbps / round trip ms)
 *   LAPOR_BENCH_SKIP_BUILD=1   use the workstation already built in out/renderer
 *   LAPOR_BENCH_POSTGRES=1     the 10,000-complaint server on a throwaway PostgreSQL cluster
 *                              (seeded each run) instead of the embedded database
 *   LAPOR_BENCH_QUICK=1        fewer runs, for trying the suite out (not for reporting)
 *   LAPOR_BENCH_RUNS_B2=2      runs of one figure (B1, B2, B3, B7, B4ROUNDS, B5)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import type { Figure } from './figures/figure.ts';
import { measureRakordaFigures } from './figures/report-figure.ts';
import {
  measureColdStart,
  measureFilterChanges,
  measureLiveChange,
  measureMemory,
  measureSearch,
  openSignedIn,
  prepareProfile,
} from './figures/queue-figures.ts';
import {
  measureAgainstPouchDb,
  measureBulkWrite,
  measureInitialSync,
} from './figures/sync-figures.ts';
import {
  adminLinkFigures,
  liveChangesDuringHistory,
  liveDuringHistoryFigure,
  measureCutLink,
  penghubungLinkFigure,
  serverFacts,
  signInOverLink,
} from './figures/poor-link-figures.ts';
import { describeLink, RURAL_LINK, type LinkSettings } from '../support/emulated-link.ts';
import { startBenchPageServer } from './support/bench-page-server.ts';
import {
  browserVersion,
  firstPage,
  newProfileDir,
  openProfile,
  removeProfileDir,
} from './support/browser.ts';
import { renderTable } from './support/render-table.ts';
import {
  BENCH_PENGHUBUNG,
  BENCH_USER,
  login,
  startLaporServer,
  type LaporServer,
} from './support/lapor-server.ts';
import { currentLoad, describeMachine } from './support/machine.ts';
import { startPouchServer } from './support/pouch-server.ts';
import {
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../server/support/postgres-cluster.ts';

/** LAPOR_BENCH_PORT_BASE=8894 moves the five ports (another bench on the same machine). */
const PORT_BASE = Number(process.env.LAPOR_BENCH_PORT_BASE ?? 8794);
const PORTS = {
  large: PORT_BASE,
  small: PORT_BASE + 1,
  empty: PORT_BASE + 2,
  page: PORT_BASE + 3,
  pouch: PORT_BASE + 4,
};
/** LAPOR_BENCH_LARGE=20000 runs the 100,000-complaint figures on fewer (a loaded machine). */
const LARGE = Number(process.env.LAPOR_BENCH_LARGE ?? 100_000);
const SMALL = 10_000;
const QUICK = process.env.LAPOR_BENCH_QUICK === '1';
/** Runs per figure; LAPOR_BENCH_RUNS_B2=… (and so on) overrides one of them. */
const RUNS = Object.fromEntries(
  Object.entries({
    b1: QUICK ? 1 : 5,
    b2: QUICK ? 1 : 3,
    b3: QUICK ? 1 : 3,
    b7: QUICK ? 2 : 5,
    b4Rounds: QUICK ? 1 : 3,
    b5: QUICK ? 5 : 20,
  }).map(([name, runs]) => [
    name,
    Number(process.env[`LAPOR_BENCH_RUNS_${name.toUpperCase()}`] ?? runs),
  ]),
) as Record<'b1' | 'b2' | 'b3' | 'b7' | 'b4Rounds' | 'b5', number>;
const ONLY = new Set(
  (process.env.LAPOR_BENCH_ONLY ?? '')
    .split(',')
    .map((id) => id.trim().toUpperCase())
    .filter(Boolean),
);
const wanted = (id: string) => ONLY.size === 0 || ONLY.has(id.toUpperCase());
const LINK: LinkSettings = (() => {
  const [downKbps, upKbps, rttMs] = (process.env.LAPOR_BENCH_LINK ?? '').split('/').map(Number);
  return downKbps && upKbps && rttMs !== undefined && !Number.isNaN(rttMs)
    ? { downKbps, upKbps, rttMs }
    : RURAL_LINK;
})();
const POOR_LINK = ['B10a', 'B10b', 'B10c', 'B10d', 'B11', 'B5h'];

const WHAT: Record<string, { what: string; target: string }> = {
  B1: {
    what: 'local bulk write into the replica',
    target: "ratio ≥ 0.8 of raw Dexie with the replica's indexes, reading first",
  },
  B2: { what: 'initial sync, fresh profile, 100k, loopback', target: 'ratio ≥ 0.5 of the limit' },
  B3: { what: 'initial sync with timelines vs PouchDB', target: 'ratio ≥ 3' },
  B4: { what: 'queue filter change at 100k', target: 'p95 ≤ 50 ms' },
  B5: { what: 'live change A → B', target: 'p50 ≤ 100 ms, p95 ≤ 250 ms' },
  B6: { what: 'RAKORDA figures over 100k', target: '≤ 500 ms' },
  B7: { what: 'cold start to first queue page, 100k', target: '≤ 1500 ms, ratio ≤ 2' },
  B8: { what: 'full-text search at 100k', target: 'p95 ≤ 100 ms' },
  B9: { what: 'renderer memory, 100k', target: '≤ 400 MB' },
  B10a: {
    what: 'Masuk → every open complaint workable, Admin Instansi, emulated link',
    target: '≤ 1.5 × link limit',
  },
  B10b: { what: 'Masuk → whole first sync done, emulated link', target: '≤ 1.3 × link limit' },
  B10c: { what: "Masuk → a penghubung's open queue workable, emulated link", target: '≤ 5000 ms' },
  B10d: { what: 'bytes on the wire, whole first sync', target: '≤ 1.1 × gzip of the JSON' },
  B11: {
    what: 'first sync through a proxy cutting one answer in five',
    target: 'completes, each document once, ≤ 1.3 × clean bytes',
  },
  B5h: {
    what: 'live change while the history downloads, emulated link',
    target: 'p50 ≤ 100 ms, p95 ≤ 250 ms',
  },
};

const figures: Figure[] = [];

async function attempt(id: string, measure: () => Promise<Figure>): Promise<void> {
  if (!wanted(id)) return;
  console.log(`${id}: ${WHAT[id]?.what ?? ''}`);
  try {
    const figure = await measure();
    figures.push(figure);
    console.log(
      `  ${figure.status}: ${figure.value} ${figure.unit ?? ''}${figure.ratio !== undefined ? ` (ratio ${figure.ratio})` : ''}`,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    figures.push({
      id,
      what: WHAT[id]?.what ?? id,
      target: WHAT[id]?.target ?? '',
      status: 'broken',
      reason,
    });
    console.error(`  BROKEN: ${reason}`);
  }
}

/** Several figures measured in one run: each wanted one is kept, or all are broken together. */
async function attemptMany(ids: string[], measure: () => Promise<Figure[]>): Promise<void> {
  const these = ids.filter(wanted);
  if (these.length === 0) return;
  console.log(`${these.join(', ')}: ${these.map((id) => WHAT[id]?.what ?? id).join('; ')}`);
  try {
    for (const figure of await measure()) {
      if (!these.includes(figure.id)) continue;
      figures.push(figure);
      console.log(
        `  ${figure.id} ${figure.status}: ${figure.value} ${figure.unit ?? ''}${figure.ratio !== undefined ? ` (ratio ${figure.ratio}, reference ${figure.reference})` : ''}`,
      );
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    for (const id of these)
      figures.push({
        id,
        what: WHAT[id]?.what ?? id,
        target: WHAT[id]?.target ?? '',
        status: 'broken',
        reason,
      });
    console.error(`  BROKEN: ${reason}`);
  }
}

function notRun(id: string, reason: string): void {
  if (!wanted(id)) return;
  figures.push({
    id,
    what: WHAT[id]?.what ?? id,
    target: WHAT[id]?.target ?? '',
    status: 'not run',
    reason,
  });
}

const machine = describeMachine();
const startedAt = new Date();
console.log(`Lapor Workstation performance suite — ${startedAt.toISOString()}`);
console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB (${machine.freeMemoryGb} GB free), ${machine.os}, Node ${machine.node}`,
);
console.log(`load average at start: ${machine.loadAtStart.join(' / ')}`);
const browser = await browserVersion();
console.log(`browser: ${browser}`);

if (process.env.LAPOR_BENCH_SKIP_BUILD !== '1') {
  console.log('building the workstation (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const pageServer = await startBenchPageServer(PORTS.page);
const corsOrigins = [pageServer.url];
const servers: LaporServer[] = [];
let postgres: ThrowawayPostgres | null = null;
const profiles: string[] = [];
const needsLarge = ['B2', 'B4', 'B5', 'B7', 'B8', 'B9'].some(wanted);
const needsSmall = ['B1', 'B3', ...POOR_LINK].some(wanted);
try {
  const large = needsLarge
    ? await startLaporServer({
        port: PORTS.large,
        complaints: LARGE,
        corsOrigins,
        webRoot: 'out/renderer',
      })
    : null;
  if (large) servers.push(large);
  if (needsSmall && process.env.LAPOR_BENCH_POSTGRES === '1')
    postgres = await startThrowawayPostgres();
  if (needsSmall)
    console.log(
      `10,000-complaint server's database: ${postgres ? `PostgreSQL at 127.0.0.1:${postgres.port}` : 'embedded (PGlite)'}`,
    );
  const small = needsSmall
    ? await startLaporServer({
        port: PORTS.small,
        complaints: SMALL,
        corsOrigins,
        webRoot: 'out/renderer',
        ...(postgres ? { databaseUrl: postgres.url } : {}),
      })
    : null;
  if (small) servers.push(small);

  if (small) {
    await attempt('B1', () =>
      measureBulkWrite({
        serverUrl: small.url,
        benchUrl: pageServer.url,
        count: SMALL,
        runs: RUNS.b1,
      }),
    );
    await attempt('B3', async () => {
      const token = await login(small.url, 'bench-pouch-loader');
      // The same documents the workstation's first sync brings of them: complaints and their
      // timeline events, in one CouchDB database (ids prefixed so the two cannot collide).
      const documents: Record<string, unknown>[] = [];
      for (const collection of ['complaints', 'complaint_events'] as const) {
        let checkpoint: unknown = { seq: 0 };
        for (;;) {
          const response = await fetch(
            `${small.url}/api/replication/${collection}/pull?checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}&limit=1000`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          const page = (await response.json()) as {
            documents: Record<string, unknown>[];
            checkpoint: unknown;
          };
          if (page.documents.length === 0) break;
          for (const document of page.documents)
            documents.push({ ...document, id: `${collection}:${String(document.id)}` });
          checkpoint = page.checkpoint;
        }
      }
      const pouch = await startPouchServer({
        port: PORTS.pouch,
        allowedOrigin: pageServer.url,
        documents,
      });
      try {
        return await measureAgainstPouchDb({
          serverUrl: small.url,
          benchUrl: pageServer.url,
          pouchDatabaseUrl: pouch.databaseUrl,
          total: SMALL,
          pouchDocuments: documents.length,
          runs: RUNS.b3,
        });
      } finally {
        await pouch.stop();
      }
    });
  }

  if (small && POOR_LINK.some(wanted)) {
    console.log(`emulated link: ${describeLink(LINK)} (CDP Network.emulateNetworkConditions)`);
    const adminFacts = await serverFacts(small.url, await login(small.url, 'bench-link-facts'));
    console.log(
      `  the Admin Instansi: ${adminFacts.open.length} open of ${adminFacts.complaints} complaints, ${adminFacts.events} events`,
    );
    await attemptMany(['B10a', 'B10b', 'B10d'], async () => {
      const run = await signInOverLink({
        serverUrl: small.url,
        officer: BENCH_USER,
        link: LINK,
        facts: adminFacts,
        waitForAll: ['B10b', 'B10d'].some(wanted),
      });
      return adminLinkFigures(run, LINK, adminFacts);
    });
    await attempt('B10c', async () => {
      const facts = await serverFacts(
        small.url,
        await login(small.url, 'bench-link-facts-penghubung', BENCH_PENGHUBUNG),
      );
      const run = await signInOverLink({
        serverUrl: small.url,
        officer: BENCH_PENGHUBUNG,
        link: LINK,
        facts,
        waitForAll: false,
      });
      return penghubungLinkFigure(run, LINK, facts);
    });
    await attempt('B5h', async () => {
      const token = await login(small.url, 'bench-officer-a');
      const categories = await fetch(
        `${small.url}/api/replication/categories/pull?checkpoint=${encodeURIComponent('{"seq":0}')}&limit=100`,
        { headers: { authorization: `Bearer ${token}` } },
      ).then(
        async (response) =>
          ((await response.json()) as { documents: { id: string; name: string }[] }).documents,
      );
      const run = await signInOverLink({
        serverUrl: small.url,
        officer: BENCH_USER,
        link: LINK,
        facts: adminFacts,
        waitForAll: false,
        whileHistory: liveChangesDuringHistory({
          serverUrl: small.url,
          token,
          facts: adminFacts,
          categories,
          changes: RUNS.b5,
        }),
      });
      return liveDuringHistoryFigure(run.live, RUNS.b5, LINK, run.liveSteps);
    });
    await attempt('B11', () =>
      measureCutLink({ serverUrl: small.url, officer: BENCH_USER, facts: adminFacts }),
    );
  }

  await attempt('B6', measureRakordaFigures);

  if (large) {
    // B2 leaves its last profile signed in with the whole replica, for the figures after it.
    let fullProfile: string | null = null;
    const prepareFullProfile = async () => {
      const dir = newProfileDir('full');
      profiles.push(dir);
      await prepareProfile(dir, large.url, LARGE);
      return dir;
    };
    if (wanted('B2')) {
      await attempt('B2', async () => {
        const result = await measureInitialSync({
          serverUrl: large.url,
          benchUrl: pageServer.url,
          total: LARGE,
          runs: RUNS.b2,
        });
        fullProfile = result.profileDir;
        profiles.push(result.profileDir);
        return result.figure;
      });
    }
    const needsFullProfile = ['B4', 'B5', 'B7', 'B8', 'B9'].some(wanted);
    if (needsFullProfile && !fullProfile) fullProfile = await prepareFullProfile();

    if (wanted('B7') && fullProfile) {
      const dir = fullProfile;
      await attempt('B7', async () => {
        const empty = await startLaporServer({
          port: PORTS.empty,
          complaints: 0,
          corsOrigins,
          webRoot: 'out/renderer',
        });
        servers.push(empty);
        const emptyDir = newProfileDir('empty');
        profiles.push(emptyDir);
        await prepareProfile(emptyDir, empty.url, 0);
        return measureColdStart({
          fullDir: dir,
          fullServerUrl: large.url,
          emptyDir,
          emptyServerUrl: empty.url,
          total: LARGE,
          runs: RUNS.b7,
        });
      });
    }

    if (fullProfile && ['B4', 'B5', 'B8', 'B9'].some(wanted)) {
      let app: { context: BrowserContext; page: Page } | null = null;
      let reference: { context: BrowserContext; page: Page; dir: string } | null = null;
      try {
        app = await openSignedIn(fullProfile, large.url, LARGE);
        const appPage = app.page;
        await attempt('B9', () => measureMemory(appPage, LARGE));
        await attempt('B4', async () => {
          const dir = newProfileDir('b4');
          const context = await openProfile(dir);
          reference = { context, page: await firstPage(context), dir };
          await reference.page.goto(pageServer.url);
          await reference.page.waitForFunction(() => 'laporBench' in window);
          return measureFilterChanges(appPage, {
            serverUrl: large.url,
            benchPage: reference.page,
            total: LARGE,
            rounds: RUNS.b4Rounds,
          });
        });
        await attempt('B8', () => measureSearch(appPage, LARGE));
        await attempt('B5', () =>
          measureLiveChange(appPage, { serverUrl: large.url, changes: RUNS.b5 }),
        );
      } catch (error) {
        const reason = `could not open the signed-in workstation: ${error instanceof Error ? error.message : String(error)}`;
        for (const id of ['B9', 'B4', 'B8', 'B5'])
          if (!figures.some((figure) => figure.id === id))
            figures.push({
              id,
              what: WHAT[id]?.what ?? id,
              target: WHAT[id]?.target ?? '',
              status: 'broken',
              reason,
            });
      } finally {
        await app?.context.close();
        const opened = reference as { context: BrowserContext; dir: string } | null;
        if (opened) {
          await opened.context.close();
          removeProfileDir(opened.dir);
        }
      }
    }
  }
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`the suite could not set up: ${reason}`);
  for (const id of Object.keys(WHAT))
    if (wanted(id) && !figures.some((figure) => figure.id === id))
      figures.push({
        id,
        what: WHAT[id]?.what ?? id,
        target: WHAT[id]?.target ?? '',
        status: 'broken',
        reason,
      });
} finally {
  for (const server of servers) await server.stop();
  await postgres?.stop();
  await pageServer.stop();
  for (const dir of profiles) removeProfileDir(dir);
}

for (const id of Object.keys(WHAT))
  if (wanted(id) && !figures.some((figure) => figure.id === id)) notRun(id, 'not reached');
figures.sort((a, b) => a.id.localeCompare(b.id));
machine.loadAtEnd = currentLoad();
const results = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  quick: QUICK,
  runs: RUNS,
  machine,
  browser,
  link: { ...LINK, how: 'CDP Network.emulateNetworkConditions, fresh profile' },
  data: {
    large: `${LARGE} generated demo complaints`,
    small: `${SMALL} generated demo complaints`,
    note: 'demo reports with five further paragraphs each: about 2.3 KB per complaint on the wire',
  },
  figures,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('');
console.log(renderTable(figures));
console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores; load ${machine.loadAtStart.join('/')} → ${machine.loadAtEnd.join('/')}; ${browser}`,
);
if (POOR_LINK.some(wanted)) console.log(`emulated link (B10a–d, B5h): ${describeLink(LINK)}`);
console.log('written: bench/results.json');
const broken = figures.filter((figure) => figure.status === 'broken');
if (broken.length > 0) {
  console.error(`BROKEN: ${broken.map((figure) => figure.id).join(', ')} — see the reasons above`);
  process.exitCode = 1;
}
