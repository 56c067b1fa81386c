/// <reference lib="dom" />
// page.evaluate bodies run in the browser.
import type { BrowserContext, Page } from '@playwright/test';
import {
  firstPage,
  jsHeapMb,
  openProfile,
  submitLogin,
  timeCriteriaChange,
  unlockIfAsked,
  waitForFullQueue,
} from '../support/browser.ts';
import { login } from '../support/lapor-server.ts';
import { median, percentile, round } from '../support/stats.ts';
import { checked, type Figure } from './figure.ts';
import type {} from '../support/bench-api.ts';

/**
 * Wall-clock times (Date.now()), so they count from the first navigation across reloads. A new
 * browser session of the web build asks for the password before it opens the encrypted replica:
 * when it shows and when the password was submitted are marked, so the typing is left out.
 */
type FirstPageMarks = {
  firstRowsAt: number;
  firstTracking: string;
  loadedAt: number;
  unlockShownAt?: number;
  unlockSubmittedAt?: number;
};

declare global {
  interface Window {
    __benchMarks?: Partial<FirstPageMarks>;
  }
}

/**
 * Installed before the workstation's own scripts on every navigation: notes when the queue first
 * shows rows and when it has loaded. A page the workstation reloads (a new version of the app
 * taking over, for one) starts over, and its marks are the ones that count.
 */
function watchFirstPage() {
  const marks: Partial<FirstPageMarks> = {};
  window.__benchMarks = marks;
  document.addEventListener(
    'submit',
    () => {
      if (document.getElementById('unlock-heading')) marks.unlockSubmittedAt ??= Date.now();
    },
    { capture: true },
  );
  {
    const observer = new MutationObserver(() => {
      if (marks.unlockShownAt === undefined && document.getElementById('unlock-heading'))
        marks.unlockShownAt = Date.now();
      const panel = document.querySelector('.queue-panel');
      if (!panel) return;
      const row = document.querySelector('[data-testid="queue-row"]');
      const loaded = panel.getAttribute('data-loaded') === 'true';
      if (marks.firstRowsAt === undefined && (row || loaded)) {
        marks.firstTracking = row?.querySelector('.col-tracking')?.textContent ?? '';
        marks.firstRowsAt = Date.now();
      }
      if (loaded && marks.loadedAt === undefined) {
        marks.loadedAt = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-loaded'],
    });
  }
}

/** No pull request for this long: the replication has caught up with the server. */
const SYNC_QUIET_MS = 5_000;

/**
 * Opens a profile that is already signed in and waits for the queue to be fully loaded and the
 * replication to have caught up.
 */
export async function openSignedIn(
  dir: string,
  serverUrl: string,
  total: number,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openProfile(dir);
  const page = await firstPage(context);
  let lastPullAt = Date.now();
  page.on('request', (request) => {
    if (request.url().includes('/api/replication/') && request.url().includes('/pull'))
      lastPullAt = Date.now();
  });
  await page.goto(serverUrl);
  await unlockIfAsked(page);
  await page.locator('.queue-panel').waitFor({ timeout: 60_000 });
  await waitForFullQueue(page, total, 5 * 60_000);
  // The figures are of a workstation that has caught up: a profile whose first sync was cut
  // short (B2 closes it once the complaints are in) still pulls timelines for minutes.
  const started = Date.now();
  while (Date.now() - lastPullAt < SYNC_QUIET_MS) {
    if (Date.now() - started > 15 * 60_000)
      throw new Error('the workstation was still pulling after 15 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`  caught up ${Math.round((Date.now() - started) / 1000)} s after the queue loaded`);
  return { context, page };
}

/** Signs a fresh profile in once and waits for the initial sync (for the empty replica). */
export async function prepareProfile(dir: string, serverUrl: string, total: number): Promise<void> {
  const context = await openProfile(dir);
  try {
    const page = await firstPage(context);
    await page.goto(serverUrl);
    await submitLogin(page);
    await page.locator('.queue-panel').waitFor({ timeout: 60_000 });
    await waitForFullQueue(page, total, 10 * 60_000);
  } finally {
    await context.close();
  }
}

type ColdStart = {
  firstPageMs: number;
  firstRowsMs: number;
  loadedMs: number;
  rightFirstRow: boolean;
  /** The password was asked for (a new browser session of the web build). */
  unlocked: boolean;
};

async function coldStart(dir: string, serverUrl: string): Promise<ColdStart> {
  const context = await openProfile(dir);
  try {
    const page = await firstPage(context);
    await page.addInitScript(watchFirstPage);
    const openedAt = Date.now();
    await page.goto(serverUrl);
    let marks: FirstPageMarks | null = null;
    let unlocking = false;
    while (!marks) {
      if (Date.now() - openedAt > 120_000) throw new Error('the queue did not load within 120 s');
      // A navigation in between destroys the page's context: ask again in the new one.
      const seen = await page.evaluate(() => window.__benchMarks ?? null).catch(() => null);
      if (seen?.loadedAt !== undefined) marks = seen as FirstPageMarks;
      else if (seen?.unlockShownAt !== undefined && !unlocking) {
        unlocking = true;
        await unlockIfAsked(page);
      } else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (await page.getByLabel('Nama pengguna').isVisible())
      throw new Error('the profile was not signed in any more');
    const firstNow =
      (await page
        .locator('[data-testid="queue-row"] .col-tracking')
        .first()
        .textContent({ timeout: 5000 })
        .catch(() => '')) ?? '';
    // Rows shown before the whole queue was loaded count only if they were the real first page.
    const rightFirstRow = marks.firstTracking === firstNow;
    // The officer's typing of the password is not the workstation's time.
    const typingMs =
      marks.unlockShownAt !== undefined && marks.unlockSubmittedAt !== undefined
        ? marks.unlockSubmittedAt - marks.unlockShownAt
        : 0;
    return {
      firstPageMs: (rightFirstRow ? marks.firstRowsAt : marks.loadedAt) - openedAt - typingMs,
      firstRowsMs: marks.firstRowsAt - openedAt - typingMs,
      loadedMs: marks.loadedAt - openedAt - typingMs,
      rightFirstRow,
      unlocked: marks.unlockShownAt !== undefined,
    };
  } finally {
    await context.close();
  }
}

/** B7: cold start to the first queue page, full replica against an empty one. */
export async function measureColdStart(options: {
  fullDir: string;
  fullServerUrl: string;
  emptyDir: string;
  emptyServerUrl: string;
  total: number;
  runs: number;
}): Promise<Figure> {
  const full: ColdStart[] = [];
  const empty: ColdStart[] = [];
  for (let index = 0; index < options.runs; index += 1) {
    empty.push(await coldStart(options.emptyDir, options.emptyServerUrl));
    full.push(await coldStart(options.fullDir, options.fullServerUrl));
    console.log(
      `  B7 run ${index + 1}: ${Math.round(full.at(-1)?.firstPageMs ?? 0)} ms (empty ${Math.round(empty.at(-1)?.firstPageMs ?? 0)} ms)`,
    );
  }
  const value = median(full.map((run) => run.firstPageMs));
  const reference = median(empty.map((run) => run.firstPageMs));
  const ratio = value / reference;
  return checked(
    {
      id: 'B7',
      what: `cold start to the first queue page, ${options.total.toLocaleString('en')} complaints in the replica`,
      target: '≤ 1500 ms and ratio ≤ 2',
      value: round(value),
      unit: 'ms',
      reference: round(reference),
      referenceWhat: 'the same with an empty replica',
      ratio: round(ratio),
      runs: full.map((run) => round(run.firstPageMs)),
      referenceRuns: empty.map((run) => round(run.firstPageMs)),
      details: {
        firstRowsMs: full.map((run) => round(run.firstRowsMs)),
        fullQueueLoadedMs: full.map((run) => round(run.loadedMs)),
        firstRowsWereTheRealFirstPage: full.map((run) => run.rightFirstRow),
        passwordAskedFor: full.map((run) => run.unlocked),
      },
    },
    value <= 1500 && ratio <= 2,
  );
}

/** Filter changes an officer makes, each different from the one before. */
const FILTER_STEPS: { testId: string; value: string; field?: string }[] = [
  { testId: 'filter-status', value: 'all' },
  { testId: 'filter-status', value: 'belum_diverifikasi', field: 'status' },
  { testId: 'filter-priority', value: 'tinggi', field: 'priority' },
  { testId: 'filter-priority', value: 'any' },
  { testId: 'filter-status', value: 'didisposisi', field: 'status' },
  { testId: 'filter-unit', value: 'unit-pupr', field: 'unitId' },
  { testId: 'filter-deadline', value: 'overdue' },
  { testId: 'filter-deadline', value: 'any' },
  { testId: 'filter-unit', value: 'unit-dinkes', field: 'unitId' },
  { testId: 'filter-channel', value: 'sms', field: 'channel' },
  { testId: 'filter-channel', value: 'any' },
  { testId: 'filter-unit', value: 'any' },
  { testId: 'filter-status', value: 'selesai', field: 'status' },
  { testId: 'filter-privacy', value: 'anonim' },
  { testId: 'filter-privacy', value: 'any' },
  { testId: 'filter-status', value: 'active' },
  { testId: 'filter-deadline', value: 'due_this_week' },
  { testId: 'filter-deadline', value: 'any' },
  { testId: 'filter-channel', value: 'web', field: 'channel' },
  { testId: 'filter-channel', value: 'any' },
];

/** B4: filter changes in the workstation against raw Dexie indexed queries for the same rows. */
export async function measureFilterChanges(
  page: Page,
  options: { serverUrl: string; benchPage: Page; total: number; rounds: number },
): Promise<Figure> {
  const times: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    for (const step of FILTER_STEPS) {
      times.push(
        await timeCriteriaChange(page, () =>
          page
            .getByTestId(step.testId)
            .selectOption(step.value)
            .then(() => undefined),
        ),
      );
    }
  }
  const token = await login(options.serverUrl, 'bench-b4');
  const stored = await options.benchPage.evaluate(
    ([server, accessToken]) =>
      window.laporBench.prepareIndexedQuery(server, accessToken, 'b4-indexed'),
    [options.serverUrl, token] as const,
  );
  if (stored !== options.total)
    throw new Error(`the indexed reference holds ${stored} of ${options.total}`);
  const reference: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    for (const step of FILTER_STEPS) {
      if (!step.field) continue;
      const result = await options.benchPage.evaluate(
        ([field, value]) => window.laporBench.indexedQuery('b4-indexed', field, value),
        [step.field, step.value] as const,
      );
      if (result.rows === 0)
        throw new Error(`the indexed reference found no ${step.field}=${step.value}`);
      reference.push(result.ms);
    }
  }
  await options.benchPage.evaluate(() => window.laporBench.dropDatabase('b4-indexed'));
  const p95 = percentile(times, 95);
  const referenceP95 = percentile(reference, 95);
  return checked(
    {
      id: 'B4',
      what: `queue filter change at ${options.total.toLocaleString('en')} (input event → frame with the new first rows)`,
      target: 'p95 ≤ 50 ms',
      value: round(p95),
      unit: 'ms p95',
      reference: round(referenceP95),
      referenceWhat: 'raw Dexie indexed query for the first 50 rows ([field+dueAt]), p95',
      ratio: round(p95 / referenceP95),
      runs: times.map(round),
      referenceRuns: reference.map(round),
      details: {
        p50: round(median(times)),
        referenceP50: round(median(reference)),
        changes: times.length,
      },
    },
    p95 <= 50,
  );
}

/** What an officer types, a keystroke at a time, then clears. */
const SEARCHES = ['jalan berlubang', 'air bersih', 'puskesmas antre', 'KALTIM-25', 'sampah pasar'];

/** B8: full-text search, every keystroke timed to the frame with its results. */
export async function measureSearch(page: Page, total: number): Promise<Figure> {
  const times: number[] = [];
  const search = page.getByTestId('queue-search');
  for (const text of SEARCHES) {
    for (let length = 1; length <= text.length; length += 1) {
      if (text[length - 1] === ' ') continue;
      times.push(await timeCriteriaChange(page, () => search.fill(text.slice(0, length))));
    }
    times.push(await timeCriteriaChange(page, () => search.fill('')));
  }
  const p95 = percentile(times, 95);
  return checked(
    {
      id: 'B8',
      what: `full-text search at ${total.toLocaleString('en')}, each keystroke (input → frame with results)`,
      target: 'p95 ≤ 100 ms',
      value: round(p95),
      unit: 'ms p95',
      runs: times.map(round),
      details: { p50: round(median(times)), keystrokes: times.length },
    },
    p95 <= 100,
  );
}

/** B9: the renderer's JavaScript heap after a garbage collection, 100k in the replica. */
export async function measureMemory(page: Page, total: number): Promise<Figure> {
  const heap = await jsHeapMb(page);
  return checked(
    {
      id: 'B9',
      what: `renderer memory with ${total.toLocaleString('en')} complaints (JS heap after GC)`,
      target: '≤ 400 MB',
      value: round(heap.usedMb),
      unit: 'MB',
      details: { heapTotalMb: round(heap.totalMb) },
    },
    heap.usedMb <= 400,
  );
}

/**
 * B5: officer A's saved change (pushed to the server as A's workstation pushes it) until the
 * row on officer B's open queue shows it.
 */
export async function measureLiveChange(
  page: Page,
  options: { serverUrl: string; changes: number },
): Promise<Figure> {
  // Every status, so the complaint is on screen whatever its status.
  await page.getByTestId('filter-status').selectOption('all');
  const token = await login(options.serverUrl, 'bench-officer-a');
  // A different complaint each time, so each push names the server's current state as its master.
  const pull = await fetch(
    `${options.serverUrl}/api/replication/complaints/pull?checkpoint=${encodeURIComponent('{"seq":0}')}&limit=${options.changes}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const masters = ((await pull.json()) as { documents: Record<string, unknown>[] }).documents;
  if (masters.length < options.changes) throw new Error('not enough complaints to change');
  const categoriesResponse = await fetch(
    `${options.serverUrl}/api/replication/categories/pull?checkpoint=${encodeURIComponent('{"seq":0}')}&limit=100`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const categories = (
    (await categoriesResponse.json()) as { documents: { id: string; name: string }[] }
  ).documents;
  if (categories.length < 2)
    throw new Error('fewer than two categories to move complaints between');
  const latencies: number[] = [];
  for (const master of masters) {
    // A reclassification, which the Admin Instansi may make and the queue row shows.
    const category = categories.find((candidate) => candidate.id !== master.categoryId);
    if (!category) throw new Error('no other category');
    const trackingNumber = String(master.trackingNumber);
    const next = { ...master, categoryId: category.id, updatedAt: Date.now() };
    // Officer B has the complaint on screen (searched by its tracking number).
    await page.getByTestId('queue-search').fill(trackingNumber);
    await page.locator(`[data-tracking="${trackingNumber}"]`).waitFor({ timeout: 10_000 });
    const seenAt = await timeLiveChange(page, {
      serverUrl: options.serverUrl,
      token,
      master,
      next,
      trackingNumber,
      categoryName: category.name,
    });
    const sentAt = seenAt.sentAt;
    latencies.push(seenAt.seenAt - sentAt);
    await page.waitForTimeout(200);
  }
  const p50 = median(latencies);
  const p95 = percentile(latencies, 95);
  return checked(
    {
      id: 'B5',
      what: "live change: officer A's reclassification (pushed) until officer B's queue row shows it",
      target: 'p50 ≤ 100 ms, p95 ≤ 250 ms',
      value: round(p50),
      unit: 'ms p50',
      runs: latencies.map(round),
      details: { p95: round(p95) },
    },
    p50 <= 100 && p95 <= 250,
  );
}

/**
 * Times one live change: officer A pushes `next` over HTTP (as A's workstation does) while the
 * complaint's row is on officer B's screen; answers when the push was sent and when B's row
 * showed the new category (the animation frame after).
 */
export async function timeLiveChange(
  page: Page,
  options: {
    serverUrl: string;
    token: string;
    master: Record<string, unknown>;
    next: Record<string, unknown>;
    trackingNumber: string;
    categoryName: string;
  },
): Promise<{ sentAt: number; answeredAt: number; seenAt: number }> {
  await page.evaluate(
    ([tracking, name]) => {
      const state = window as unknown as { __benchSeen: Promise<number> };
      const list = document.querySelector('[data-testid="queue-list"]');
      if (!list) throw new Error('no queue list');
      const shows = () =>
        list.querySelector(`[data-tracking="${tracking}"] .col-category`)?.textContent === name;
      state.__benchSeen = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!shows()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(Date.now()));
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
      });
    },
    [options.trackingNumber, options.categoryName] as const,
  );
  const sentAt = Date.now();
  const response = await fetch(`${options.serverUrl}/api/replication/complaints/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ assumedMasterState: options.master, newDocumentState: options.next }]),
  });
  const conflicts = (await response.json()) as unknown[];
  const answeredAt = Date.now();
  if (!response.ok || !Array.isArray(conflicts) || conflicts.length > 0)
    throw new Error(
      `the push was not accepted (HTTP ${response.status}: ${JSON.stringify(conflicts).slice(0, 300)})`,
    );
  const seenAt = await page.evaluate(() =>
    Promise.race([
      (window as unknown as { __benchSeen: Promise<number> }).__benchSeen,
      new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000)),
    ]),
  );
  if (seenAt < 0) {
    const shown = await page
      .locator(`[data-tracking="${options.trackingNumber}"] .col-category`)
      .textContent({ timeout: 1000 })
      .catch(() => 'no row');
    throw new Error(
      `officer B did not see ${options.trackingNumber} moved to "${options.categoryName}" within 10 s (its row shows "${shown}")`,
    );
  }
  return { sentAt, answeredAt, seenAt };
}
