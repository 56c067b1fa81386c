/// <reference lib="dom" />
// page.evaluate bodies run in the browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { BENCH_USER } from './lapor-server.ts';

export const CHROMIUM_PATH = process.env.LAPOR_BENCH_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // performance.memory with exact figures rather than bucketed ones.
  '--enable-precise-memory-info',
];

/** A browser with its own on-disk profile (IndexedDB on disk, as an officer's PC has it). */
export async function openProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
  });
}

export function newProfileDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `lapor-bench-${label}-`));
}

export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function browserVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  const version = browser.version();
  await browser.close();
  return `Chromium ${version} (${CHROMIUM_PATH})`;
}

export async function firstPage(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  return page;
}

/** Fills the login form and submits it; answers the moment of the click (Date.now()). */
export async function submitLogin(page: Page): Promise<number> {
  await page.getByLabel('Nama pengguna').fill(BENCH_USER.username);
  await page.getByLabel('Kata sandi').fill(BENCH_USER.password);
  const clickedAt = Date.now();
  await page.getByRole('button', { name: 'Masuk' }).click();
  return clickedAt;
}

/**
 * A new browser session of the web build asks for the password before it opens the encrypted
 * replica: types it when asked; answers whether it was.
 */
export async function unlockIfAsked(page: Page): Promise<boolean> {
  const unlock = page.locator('section[aria-labelledby="unlock-heading"]');
  await Promise.race([
    unlock.waitFor({ timeout: 60_000 }),
    page.locator('.queue-panel').waitFor({ timeout: 60_000 }),
  ]);
  if (!(await unlock.isVisible())) return false;
  await unlock.getByLabel('Kata sandi').fill(BENCH_USER.password);
  await unlock.locator('button[type="submit"]').click();
  return true;
}

/** Waits until the queue holds `total` complaints, all loaded (and searchable, unless told). */
export async function waitForFullQueue(
  page: Page,
  total: number,
  timeoutMs: number,
  searchable = true,
): Promise<void> {
  await page.waitForFunction(
    ([expected, indexed]) => {
      const panel = document.querySelector('.queue-panel');
      const count = document.querySelector('[data-testid="queue-count"]')?.textContent ?? '';
      return (
        panel?.getAttribute('data-total') === String(expected) &&
        panel.getAttribute('data-loaded') === 'true' &&
        (!indexed || !count.includes('%'))
      );
    },
    [total, searchable] as const,
    { timeout: timeoutMs, polling: 250 },
  );
}

/**
 * Times one change of the queue criteria inside the page: from the input or change event to
 * the next animation frame after the queue shows rows for the new criteria (the panel's
 * data-criteria attribute, set in the same commit as the rows).
 */
export async function timeCriteriaChange(page: Page, change: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const state = window as unknown as { __benchStart: number; __benchDone: Promise<number> };
    const panel = document.querySelector('.queue-panel');
    if (!panel) throw new Error('no queue panel');
    const before = panel.getAttribute('data-criteria');
    state.__benchStart = 0;
    state.__benchDone = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (panel.getAttribute('data-criteria') === before) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - state.__benchStart));
      });
      observer.observe(panel, { attributes: true, attributeFilter: ['data-criteria'] });
    });
    const mark = () => {
      if (!state.__benchStart) state.__benchStart = performance.now();
    };
    document.addEventListener('input', mark, { once: true, capture: true });
    document.addEventListener('change', mark, { once: true, capture: true });
  });
  await change();
  const ms = await page.evaluate(() =>
    Promise.race([
      (window as unknown as { __benchDone: Promise<number> }).__benchDone,
      new Promise<number>((resolve) => setTimeout(() => resolve(-1), 10_000)),
    ]),
  );
  if (ms < 0) throw new Error('the queue did not show the new criteria within 10 s');
  return ms;
}

export async function jsHeapMb(page: Page): Promise<{ usedMb: number; totalMb: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    totalSize: number;
  };
  await session.detach();
  return { usedMb: usage.usedSize / 1024 ** 2, totalMb: usage.totalSize / 1024 ** 2 };
}
