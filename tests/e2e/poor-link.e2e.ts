import { expect, test } from './support/test.ts';
import { describeLink, emulateLink, RURAL_LINK } from '../support/emulated-link.ts';

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
