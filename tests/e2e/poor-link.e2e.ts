import { expect, test } from './support/test.ts';
import { describeLink, emulateLink, RURAL_LINK } from '../support/emulated-link.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';

test('over the rural link a first visit shows a usable sign-in form within 4 s', async ({
  browser,
}) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await emulateLink(context, page, RURAL_LINK);
    await page.goto('/', { waitUntil: 'commit' });
    // Read in the page: milliseconds since the address was opened (the navigation's start).
    const usableAt = await page.waitForFunction(
      () => {
        const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } })
          .document;
        const ready = doc.querySelector('form input[autocomplete="username"]') !== null;
        return ready
          ? (globalThis as unknown as { performance: { now(): number } }).performance.now()
          : false;
      },
      undefined,
      { polling: 'raf', timeout: 20_000 },
    );
    const visibleMs = Math.round(Number(await usableAt.jsonValue()));
    await page.getByLabel('Nama pengguna').fill('pupr.kaltim');
    console.log(`sign-in usable after ${visibleMs} ms on ${describeLink(RURAL_LINK)}`);
    expect(visibleMs).toBeLessThanOrEqual(4000);
  } finally {
    await context.close();
  }
});

test('a first sign-in over a slow link shows the open queue and the history indicator before the history is done', async ({
  browser,
}) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('/');
    // Slower than the rural link, so the history takes long enough to be seen arriving.
    await emulateLink(context, page, { downKbps: 256, upKbps: 256, rttMs: 300 });
    await page.getByLabel('Nama pengguna').fill('admin.kaltim');
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    const history = page.getByTestId('history-sync');
    await expect(history).toContainText(/Riwayat/, { timeout: 60_000 });
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    await expect(page.getByTestId('initial-sync')).toHaveCount(0);
    // Then the history completes and the indicator goes.
    await expect(history).toBeHidden({ timeout: 120_000 });
  } finally {
    await context.close();
  }
});
