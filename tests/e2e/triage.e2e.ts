import { type Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { complaintOnServer, queueRow, signIn } from './support/workstation-page.ts';

async function showStatus(page: Page, status: string) {
  await page.getByTestId('filter-status').selectOption(status);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
}

async function findByTracking(page: Page, trackingNumber: string) {
  await page.getByTestId('queue-search').fill(trackingNumber);
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await queueRow(page, trackingNumber).click();
}

test('a new complaint is verified, disposed to an OPD and reaches that OPD’s officer', async ({
  browser,
  request,
}) => {
  const admin = await signIn(browser, 'admin.kaltim');
  const page = admin.page;
  await showStatus(page, 'belum_diverifikasi');
  const row = page.getByTestId('queue-row').first();
  const trackingNumber = (await row.getAttribute('data-tracking')) ?? '';
  await row.click();
  await page.getByRole('button', { name: /Verifikasi & disposisi/ }).click();

  const dialog = page.getByTestId('triage-dialog');
  await dialog.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(
    dialog.getByText('Konfirmasi status anonim/rahasia sebelum memverifikasi'),
  ).toBeVisible();
  await expect(dialog.getByText('Pilih OPD tujuan')).toBeVisible();

  await dialog.getByLabel('Saya sudah memeriksa status anonim dan rahasia laporan ini').check();
  await dialog
    .getByLabel('OPD tujuan')
    .selectOption({ label: 'Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat' });
  await dialog
    .getByLabel('Instruksi untuk OPD')
    .fill('Mohon ditinjau ke lokasi dan dilaporkan dalam 5 hari kerja.');
  await dialog.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('queue-search').fill(trackingNumber);
  await page.getByTestId('filter-status').selectOption('didisposisi');
  await queueRow(page, trackingNumber).click();
  await expect(page.getByTestId('detail-status')).toHaveText('Terverifikasi, Didisposisi');
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('Diverifikasi dan didisposisikan ke Dinas PUPR-PERA');
  await expect(timeline).toContainText('Mohon ditinjau ke lokasi');
  await expect(timeline).not.toContainText('menunggu sinkronisasi');
  await expect(page.getByTestId('clock-status')).toContainText('Tindak lanjut pertama');

  const onServer = await complaintOnServer(request, trackingNumber);
  expect(onServer).toMatchObject({ status: 'didisposisi', unitId: 'unit-pupr' });

  const opd = await signIn(browser, 'pupr.kaltim');
  await findByTracking(opd.page, trackingNumber);
  await expect(opd.page.getByTestId('timeline')).toContainText('Mohon ditinjau ke lokasi');
  // A penghubung triages nothing: its detail has no triage box at all.
  await expect(opd.page.getByRole('heading', { name: 'Tindakan triase' })).toHaveCount(0);
  await admin.context.close();
  await opd.context.close();
});

test('fifty unverified complaints are archived in one bulk action', async ({
  browser,
  request,
}) => {
  const admin = await signIn(browser, 'admin.kaltim');
  const page = admin.page;
  await showStatus(page, 'belum_diverifikasi');
  const before = Number(await page.locator('.queue-panel').getAttribute('data-rows'));
  expect(before).toBeGreaterThanOrEqual(50);

  await page.getByTestId('queue-row').first().click();
  const list = page.getByTestId('queue-list');
  await list.focus();
  const tracked: string[] = [];
  for (let index = 0; index < 50; index += 1) {
    const current = await page
      .locator('[data-testid=queue-row][aria-selected=true]')
      .getAttribute('data-tracking');
    tracked.push(current ?? '');
    await list.press('x');
    await list.press('j');
  }
  await expect(page.getByText('50 dipilih')).toBeVisible();
  await page.getByRole('toolbar').getByRole('button', { name: 'Arsipkan' }).click();
  const dialog = page.getByTestId('triage-dialog');
  await dialog.getByLabel('Alasan pengarsipan').selectOption('spam');
  await dialog.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(page.getByTestId('status-notice')).toHaveText('50 pengaduan diproses, 0 dilewati');
  await expect(page.locator('.queue-panel')).toHaveAttribute('data-rows', String(before - 50));
  await expect(page.getByTestId('sync-indicator')).toContainText('Daring · tersinkron', {
    timeout: 30_000,
  });

  for (const trackingNumber of [tracked[0], tracked[24], tracked[49]]) {
    expect((await complaintOnServer(request, trackingNumber ?? '')).status).toBe('diarsipkan');
  }
  await admin.context.close();
});

test('triage done offline is kept and reaches the server when the network returns', async ({
  browser,
  request,
}) => {
  const admin = await signIn(browser, 'admin.kaltim');
  const { page, context } = admin;
  await showStatus(page, 'belum_diverifikasi');
  const row = page.getByTestId('queue-row').first();
  const trackingNumber = (await row.getAttribute('data-tracking')) ?? '';
  await row.click();

  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring');
  await page.getByTestId('queue-list').focus();
  await page.getByTestId('queue-list').press('h');
  const dialog = page.getByTestId('triage-dialog');
  await dialog
    .getByLabel('Data yang perlu dilengkapi pelapor')
    .fill('Mohon lampirkan foto lokasi dan alamat lengkap.');
  await dialog.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring · 2 perubahan menunggu');
  expect((await complaintOnServer(request, trackingNumber)).status).toBe('belum_diverifikasi');

  await context.setOffline(false);
  await expect(page.getByTestId('sync-indicator')).toContainText('Daring · tersinkron', {
    timeout: 30_000,
  });
  await expect
    .poll(async () => (await complaintOnServer(request, trackingNumber)).status)
    .toBe('ditunda');
  await context.close();
});
