import { expect, test } from './support/test.ts';
import { complaintOnServer, queueRow, signIn } from './support/workstation-page.ts';

test('an edit saved by the admin appears live on another officer’s screen and on the server', async ({
  browser,
  request,
}) => {
  const admin = await signIn(browser, 'admin.kaltim');
  const koordinator = await signIn(browser, 'koordinator.kaltim');

  const firstRow = admin.page.getByTestId('queue-row').first();
  const trackingNumber = (await firstRow.getAttribute('data-tracking')) ?? '';
  expect(trackingNumber).toMatch(/^KALTIM-\d{4}-\d{5}$/);

  // The koordinator has the same complaint open, read-only, before the change.
  await queueRow(koordinator.page, trackingNumber).click();
  const koordinatorPriority = koordinator.page
    .getByTestId('complaint-detail')
    .getByLabel('Prioritas');
  await expect(koordinatorPriority).toBeDisabled();
  const before = await koordinatorPriority.inputValue();
  const after = before === 'mendesak' ? 'rendah' : 'mendesak';

  await firstRow.click();
  await admin.page.getByTestId('complaint-detail').getByLabel('Prioritas').selectOption(after);
  await admin.page
    .getByTestId('complaint-detail')
    .getByLabel('Kategori')
    .selectOption({ label: 'Lingkungan Hidup' });
  await admin.page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(admin.page.getByText('Tersimpan di perangkat')).toBeVisible();

  await expect(koordinatorPriority).toHaveValue(after);
  await expect(koordinator.page.getByTestId('complaint-detail').getByLabel('Kategori')).toHaveValue(
    'cat-lingkungan-hidup',
  );
  await expect(admin.page.getByTestId('sync-indicator')).toContainText('Daring · tersinkron');

  const onServer = await complaintOnServer(request, trackingNumber);
  expect(onServer).toMatchObject({ priority: after, categoryId: 'cat-lingkungan-hidup' });
  await admin.context.close();
  await koordinator.context.close();
});

test('a penghubung sees only its own OPD’s complaints and never the reporter identity', async ({
  browser,
  request,
}) => {
  const penghubung = await signIn(browser, 'pupr.kaltim');
  await penghubung.page.getByTestId('filter-status').selectOption('all');
  await expect(penghubung.page.getByTestId('queue-count')).toContainText('pengaduan');
  await expect(penghubung.page.getByTestId('queue-row').first()).toBeVisible();
  // Its queue has no OPD column (it is always its own); the server says whose each row is.
  await expect(penghubung.page.locator('[data-testid=queue-row] .col-unit')).toHaveCount(0);
  const shown = await penghubung.page
    .getByTestId('queue-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tracking') ?? ''));
  expect(shown.length).toBeGreaterThan(0);
  for (const trackingNumber of shown.slice(0, 15))
    expect((await complaintOnServer(request, trackingNumber)).unitId).toBe('unit-pupr');
  await penghubung.page.getByTestId('queue-row').first().click();
  await expect(
    penghubung.page.getByText('Identitas pelapor tidak ditampilkan untuk peran Anda.'),
  ).toBeVisible();
  await expect(penghubung.page.getByTestId('reporter-identity')).toHaveCount(0);
  await penghubung.context.close();
});

test('work done offline survives a reload and reaches the server when the network returns', async ({
  browser,
  request,
}) => {
  const admin = await signIn(browser, 'admin.kaltim');
  const { page, context } = admin;
  // The service worker must control the page before the network goes away.
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { navigator: { serviceWorker?: { controller: unknown } } })
        .navigator.serviceWorker?.controller !== null,
    undefined,
    {
      timeout: 30_000,
    },
  );

  const row = page.getByTestId('queue-row').nth(3);
  const trackingNumber = (await row.getAttribute('data-tracking')) ?? '';
  await row.click();
  const before = await page.getByTestId('complaint-detail').getByLabel('Prioritas').inputValue();
  const after = before === 'tinggi' ? 'rendah' : 'tinggi';

  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring');
  await page.getByTestId('complaint-detail').getByLabel('Prioritas').selectOption(after);
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring · 1 perubahan menunggu');
  expect((await complaintOnServer(request, trackingNumber)).priority).toBe(before);

  await page.reload();
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring · 1 perubahan menunggu');
  await queueRow(page, trackingNumber).click();
  await expect(page.getByTestId('complaint-detail').getByLabel('Prioritas')).toHaveValue(after);

  await context.setOffline(false);
  await expect(page.getByTestId('sync-indicator')).toContainText('Daring · tersinkron', {
    timeout: 30_000,
  });
  await expect
    .poll(async () => (await complaintOnServer(request, trackingNumber)).priority, {
      timeout: 15_000,
    })
    .toBe(after);
  await context.close();
});
