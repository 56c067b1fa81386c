import { expect, test } from './support/test.ts';
import { signIn } from './support/workstation-page.ts';

test('the web build is an installable app: manifest with icons served by the central server', async ({
  request,
}) => {
  const manifestResponse = await request.get('/manifest.webmanifest');
  expect(manifestResponse.ok()).toBe(true);
  const manifest = (await manifestResponse.json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({ name: 'Lapor Workstation', display: 'standalone' });
  const sizes = manifest.icons.map((icon) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const response = await request.get(`/${icon.src}`);
    expect(response.ok(), icon.src).toBe(true);
    expect(response.headers()['content-type']).toContain(icon.type);
  }
  const page = await request.get('/');
  expect(await page.text()).toContain('rel="manifest"');
});

type CacheStorageLike = {
  keys(): Promise<string[]>;
  open(name: string): Promise<{ keys(): Promise<{ url: string }[]> }>;
};

test('after one online visit the web build opens offline and shows the queue from the replica', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'koordinator.kaltim');
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { navigator: { serviceWorker?: { controller: unknown } } })
        .navigator.serviceWorker?.controller != null,
    undefined,
    { timeout: 30_000 },
  );
  const total = await page.locator('.queue-panel').getAttribute('data-total');
  const firstTracking = await page.getByTestId('queue-row').first().getAttribute('data-tracking');

  // The worker keeps the shell and nothing else: no API answer sits in any cache.
  const cachedUrls = await page.evaluate(async () => {
    // The page's CacheStorage; tests are typed without the DOM library.
    const storage = (globalThis as unknown as { caches: CacheStorageLike }).caches;
    const urls: string[] = [];
    for (const name of await storage.keys()) {
      const cache = await storage.open(name);
      for (const cached of await cache.keys()) urls.push(new URL(cached.url).pathname);
    }
    return urls;
  });
  expect(cachedUrls).toContain('/index.html');
  expect(cachedUrls.filter((path) => path.startsWith('/api/'))).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Lapor Workstation', level: 1 })).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring');
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.queue-panel')).toHaveAttribute('data-total', total ?? '');
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute(
    'data-tracking',
    firstTracking ?? '',
  );

  // Opening a deep address offline also lands in the workstation (navigation fallback).
  await page.goto('/antrean');
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test('in the web build the report says its PDF comes from the browser’s print dialog', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'koordinator.kaltim');
  await page.getByTestId('nav-report').click();
  await page.getByRole('button', { name: 'Bulan ini' }).click();
  await page.getByTestId('report-generate').click();
  await expect(page.getByTestId('report-web-pdf-note')).toHaveText(
    'Versi web: PDF dibuat lewat dialog cetak peramban (pilih “Simpan sebagai PDF”).',
  );
  await expect(page.getByTestId('report-pdf')).toBeVisible();
  await context.close();
});
