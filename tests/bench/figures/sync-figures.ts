/// <reference lib="dom" />
// page.evaluate bodies run in the browser.
import type { Page } from '@playwright/test';
import { REPLICATED_COLLECTIONS } from '../../../shared/schemas/rx-schemas.ts';
import {
  firstPage,
  newProfileDir,
  openProfile,
  removeProfileDir,
  submitLogin,
  waitForFullQueue,
} from '../support/browser.ts';
import { login } from '../support/lapor-server.ts';
import { median, round } from '../support/stats.ts';
import { checked, type Figure } from './figure.ts';
import type {} from '../support/bench-api.ts';
import { isLastPullAnswer, whenCountSettles } from '../support/replica-count.ts';
import { pullAnswerOf } from '../support/pull-answer.ts';

/** The workstation's pull page size (renderer/src/sync/replicate-collection.ts). */
export const WORKSTATION_PULL_LIMIT = 1000;

export type AppSyncRun = {
  /** From the first complaints pull request to the end of the initial sync. */
  ms: number;
  /** From the first complaints pull request until the timelines had caught up too. */
  withTimelinesMs: number;
  /** From the login click, including sign-in and opening the replica. */
  fromLoginMs: number;
  docsPerSecond: number;
};

/**
 * The workstation's initial sync in a fresh browser profile: log in, then wait for the
 * initial-sync bar to go; the run only counts if the queue then holds every complaint. The
 * timelines have caught up when a timeline pull answers its last page and the replica's count
 * of events has stood still after it (that page's write is counted, to within 250 ms).
 */
export async function appInitialSync(
  serverUrl: string,
  total: number,
  keepProfile: boolean,
  /** Called once the sign-in page shows; what it answers runs when the sync has ended. */
  hooks: { started?: (page: Page) => Promise<() => Promise<void>> } = {},
): Promise<{ run: AppSyncRun; profileDir: string | null }> {
  const dir = newProfileDir('sync');
  const context = await openProfile(dir);
  try {
    const page = await firstPage(context);
    await page.goto(serverUrl);
    let firstPullAt = 0;
    let timelinesAt = 0;
    page.on('request', (request) => {
      if (!firstPullAt && request.url().includes('/api/replication/complaints/pull'))
        firstPullAt = Date.now();
    });
    page.on('response', (response) => {
      if (timelinesAt || !response.url().includes('/api/replication/complaint_events/pull')) return;
      const answeredAt = Date.now();
      void response
        .text()
        .then((text) => {
          const body = pullAnswerOf(text);
          // A page of the open phase may be short with more behind it.
          if (isLastPullAnswer(body, WORKSTATION_PULL_LIMIT)) timelinesAt ||= answeredAt;
        })
        .catch(() => undefined);
    });
    const ended = await hooks.started?.(page);
    const clickedAt = await submitLogin(page);
    // The open phase may pass within a poll on loopback: either bar shows the sync began.
    await page
      .locator('[data-testid="initial-sync"], [data-testid="history-sync"]')
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('initial-sync').waitFor({ state: 'hidden', timeout: 15 * 60_000 });
    // With the open complaints in, the bar shows the history still coming; the first copy of
    // the complaints ends when that goes too.
    await page.getByTestId('history-sync').waitFor({ state: 'hidden', timeout: 15 * 60_000 });
    const doneAt = Date.now();
    if (!firstPullAt) throw new Error('no complaints pull request was seen');
    const waitUntil = Date.now() + 15 * 60_000;
    while (!timelinesAt && Date.now() < waitUntil)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (!timelinesAt) throw new Error('the timelines never caught up');
    // The last timeline page is written after it is answered (up to thousands of events).
    timelinesAt = Math.max(timelinesAt, (await whenCountSettles(page, 'complaint_events')).at);
    await ended?.();
    await waitForFullQueue(page, total, 5 * 60_000, false);
    const ms = doneAt - firstPullAt;
    return {
      run: {
        ms,
        withTimelinesMs: Math.max(doneAt, timelinesAt) - firstPullAt,
        fromLoginMs: doneAt - clickedAt,
        docsPerSecond: total / (ms / 1000),
      },
      profileDir: keepProfile ? dir : null,
    };
  } finally {
    await context.close();
    if (!keepProfile) removeProfileDir(dir);
  }
}

async function withBenchPage<T>(benchUrl: string, body: (page: Page) => Promise<T>): Promise<T> {
  const dir = newProfileDir('ref');
  const context = await openProfile(dir);
  try {
    const page = await firstPage(context);
    await page.goto(benchUrl);
    await page.waitForFunction(() => 'laporBench' in window);
    return await body(page);
  } finally {
    await context.close();
    removeProfileDir(dir);
  }
}

/** B2: initial sync against the limit (fetch of the same pages + raw Dexie bulkPut). */
export async function measureInitialSync(options: {
  serverUrl: string;
  benchUrl: string;
  total: number;
  runs: number;
}): Promise<{ figure: Figure; profileDir: string }> {
  const appRuns: AppSyncRun[] = [];
  const limitRuns: { ms: number; docsPerSecond: number; documents: number }[] = [];
  let profileDir = '';
  for (let index = 0; index < options.runs; index += 1) {
    const last = index === options.runs - 1;
    const app = await appInitialSync(options.serverUrl, options.total, last);
    appRuns.push(app.run);
    if (app.profileDir) profileDir = app.profileDir;
    console.log(`  B2 run ${index + 1}: workstation ${Math.round(app.run.docsPerSecond)} docs/s`);
    const token = await login(options.serverUrl, `bench-limit-${index}`);
    const limit = await withBenchPage(options.benchUrl, (page) =>
      page.evaluate(
        ([server, accessToken, collections, pageSize, name]) =>
          window.laporBench.fetchAndPut(server, accessToken, collections, pageSize, name),
        [
          options.serverUrl,
          token,
          [...REPLICATED_COLLECTIONS],
          WORKSTATION_PULL_LIMIT,
          `limit-${index}`,
        ] as const,
      ),
    );
    if (limit.complaints !== options.total)
      throw new Error(`the limit run wrote ${limit.complaints} of ${options.total} complaints`);
    limitRuns.push({
      ms: limit.ms,
      docsPerSecond: options.total / (limit.ms / 1000),
      documents: limit.documents,
    });
    console.log(
      `  B2 run ${index + 1}: limit ${Math.round(options.total / (limit.ms / 1000))} docs/s`,
    );
  }
  const value = median(appRuns.map((run) => run.docsPerSecond));
  const reference = median(limitRuns.map((run) => run.docsPerSecond));
  const ratio = value / reference;
  return {
    profileDir,
    figure: checked(
      {
        id: 'B2',
        what: `initial sync, fresh profile, ${options.total.toLocaleString('en')} complaints, loopback`,
        target: 'ratio ≥ 0.5 of the limit',
        value: round(value),
        unit: 'docs/s',
        reference: round(reference),
        referenceWhat: 'fetch of the same pull pages (all collections) + raw Dexie bulkPut',
        ratio: round(ratio),
        runs: appRuns.map((run) => round(run.docsPerSecond)),
        referenceRuns: limitRuns.map((run) => round(run.docsPerSecond)),
        details: {
          workstationSeconds: appRuns.map((run) => round(run.ms / 1000)),
          workstationSecondsWithTimelines: appRuns.map((run) => round(run.withTimelinesMs / 1000)),
          workstationSecondsFromLoginClick: appRuns.map((run) => round(run.fromLoginMs / 1000)),
          limitSeconds: limitRuns.map((run) => round(run.ms / 1000)),
          documentsPulledByTheLimitRun: limitRuns[0]?.documents,
        },
      },
      ratio >= 0.5,
    ),
  };
}

/** B1: writing a sync batch into the replica against raw Dexie bulkPut of the same documents. */
export async function measureBulkWrite(options: {
  serverUrl: string;
  benchUrl: string;
  count: number;
  runs: number;
}): Promise<Figure> {
  const token = await login(options.serverUrl, 'bench-b1');
  return withBenchPage(options.benchUrl, async (page) => {
    const loaded = await page.evaluate(
      ([server, accessToken, count]) => window.laporBench.loadDocuments(server, accessToken, count),
      [options.serverUrl, token, options.count] as const,
    );
    if (loaded !== options.count)
      throw new Error(`fetched ${loaded} of ${options.count} documents`);
    const replica: number[] = [];
    const raw: number[] = [];
    const rawIndexed: number[] = [];
    for (let index = 0; index < options.runs; index += 1) {
      raw.push(await page.evaluate((name) => window.laporBench.rawBulkPut(name), `raw-${index}`));
      rawIndexed.push(
        await page.evaluate(
          (name) => window.laporBench.rawIndexedGetPut(name),
          `raw-indexed-${index}`,
        ),
      );
      replica.push(
        await page.evaluate(
          (name) => window.laporBench.replicaBulkWrite(name),
          `bench-b1-${index}`,
        ),
      );
    }
    const perSecond = (ms: number) => options.count / (ms / 1000);
    const value = median(replica.map(perSecond));
    const raw1 = median(raw.map(perSecond));
    const reference = median(rawIndexed.map(perSecond));
    console.log(
      `  beside it: raw Dexie bulkPut with one key: ${round(raw1)} docs/s (the replica is ${round(value / raw1)} of it)`,
    );
    return checked(
      {
        id: 'B1',
        what: `local bulk write of ${options.count.toLocaleString('en')} complaints into the replica (RxDB bulkInsert)`,
        target: "ratio ≥ 0.8 of raw Dexie with the replica's indexes, reading first",
        value: round(value),
        unit: 'docs/s',
        reference: round(reference),
        referenceWhat:
          "raw Dexie writing the same documents as RxDB stores them, into a table with the replica's indexes, each read first (the storage's limit)",
        ratio: round(value / reference),
        runs: replica.map((ms) => round(perSecond(ms))),
        referenceRuns: rawIndexed.map((ms) => round(perSecond(ms))),
        details: {
          // Not the target's reference: one key per object, no read.
          rawBulkPutOneKey: round(raw1),
          ratioToThat: round(value / raw1),
          itsRuns: raw.map((ms) => round(perSecond(ms))),
        },
      },
      value / reference >= 0.8,
    );
  });
}

/**
 * B3: the workstation's initial sync, timelines included, against PouchDB replicating the same
 * complaints and their timeline events (one database holding both). Both as complaints per
 * second over the time to hold the complaints and their timelines.
 */
export async function measureAgainstPouchDb(options: {
  serverUrl: string;
  benchUrl: string;
  pouchDatabaseUrl: string;
  total: number;
  /** Complaints and timeline events in the PouchDB database. */
  pouchDocuments: number;
  runs: number;
}): Promise<Figure> {
  const app: number[] = [];
  const pouch: number[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    const run = await appInitialSync(options.serverUrl, options.total, false);
    app.push(options.total / (run.run.withTimelinesMs / 1000));
    const peer = await withBenchPage(options.benchUrl, (page) =>
      page.evaluate(([url, name]) => window.laporBench.pouchReplicate(url, name), [
        options.pouchDatabaseUrl,
        `pouch-${index}`,
      ] as const),
    );
    if (peer.docs !== options.pouchDocuments)
      throw new Error(`PouchDB replicated ${peer.docs} of ${options.pouchDocuments} documents`);
    pouch.push(options.total / (peer.ms / 1000));
    console.log(
      `  B3 run ${index + 1}: workstation ${Math.round(app.at(-1)!)} complaints/s with timelines, PouchDB ${Math.round(pouch.at(-1)!)}`,
    );
  }
  const value = median(app);
  const reference = median(pouch);
  return checked(
    {
      id: 'B3',
      what: `initial sync of ${options.total.toLocaleString('en')} complaints and their timelines vs a common peer`,
      target: 'ratio ≥ 3 (3× faster)',
      value: round(value),
      unit: 'complaints/s',
      reference: round(reference),
      referenceWhat: `PouchDB (pouchdb-browser, IndexedDB) replicating the same complaints and timeline events (${options.pouchDocuments.toLocaleString('en')} documents) from express-pouchdb`,
      ratio: round(value / reference),
      runs: app.map(round),
      referenceRuns: pouch.map(round),
    },
    value / reference >= 3,
  );
}
