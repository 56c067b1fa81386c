import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { complaintOnServer, queueRow, signIn } from './support/workstation-page.ts';

/** A 2400×1800 photo-like PNG made in the page, larger than the device keeps. */
async function bigPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(2400, 1800);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    const gradient = context.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#3a6b35');
    gradient.addColorStop(1, '#c9b27c');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 2400, 1800);
    for (let i = 0; i < 400; i += 1) {
      context.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
      context.fillRect((i * 97) % 2400, (i * 61) % 1800, 40, 40);
    }
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { navigator: { serviceWorker?: { controller: unknown } } })
        .navigator.serviceWorker?.controller !== null,
    undefined,
    { timeout: 30_000 },
  );
}

test('a follow-up written offline with a photo survives reloads, syncs, and the admin sees it with the photo', async ({
  browser,
  request,
}) => {
  const opd = await signIn(browser, 'pupr.kaltim');
  const { page, context } = opd;
  await waitForServiceWorker(page);
  await page.getByTestId('filter-status').selectOption('didisposisi');
  const row = page.getByTestId('queue-row').first();
  const trackingNumber = (await row.getAttribute('data-tracking')) ?? '';
  await row.click();
  const detail = page.getByTestId('complaint-detail');
  const composer = detail.getByTestId('follow-up-composer');
  const photo = await bigPhoto(page);

  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring');
  const text =
    'Tim Dinas PUPR telah meninjau lokasi. Pengerukan saluran dijadwalkan hari Senin depan.';
  await composer.getByLabel('Isi').fill(text);
  await composer
    .getByLabel('Lampirkan foto atau PDF')
    .setInputFiles({ name: 'lokasi saluran.png', mimeType: 'image/png', buffer: photo });
  await expect(composer.getByTestId('draft-attachments')).toContainText('lokasi saluran.jpg');
  await expect(composer.getByText(/Draf tersimpan otomatis/)).toBeVisible();

  // A crash or a reload loses nothing typed or attached.
  await page.reload();
  await queueRow(page, trackingNumber).click();
  await expect(composer.getByLabel('Isi')).toHaveValue(text);
  await expect(composer.getByText('Draf yang belum terkirim dipulihkan.')).toBeVisible();
  await expect(composer.getByTestId('draft-attachments')).toContainText('lokasi saluran.jpg');

  await composer.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await expect(detail.getByTestId('detail-status')).toHaveText('Ditindaklanjuti');
  const entry = detail.locator('.timeline-item[data-kind=tindak_lanjut]').last();
  await expect(entry).toContainText(text);
  await expect(entry).toContainText('menunggu sinkronisasi');
  await expect(entry.getByRole('img')).toBeVisible();
  await expect(composer.getByLabel('Isi')).toHaveValue('');
  expect((await complaintOnServer(request, trackingNumber)).status).toBe('didisposisi');

  await page.reload();
  await queueRow(page, trackingNumber).click();
  await expect(detail.getByTestId('detail-status')).toHaveText('Ditindaklanjuti');
  await expect(detail.locator('.timeline-item[data-kind=tindak_lanjut]').last()).toContainText(
    text,
  );

  await context.setOffline(false);
  await expect(page.getByTestId('sync-indicator')).toContainText('Daring · tersinkron', {
    timeout: 30_000,
  });
  await expect
    .poll(async () => (await complaintOnServer(request, trackingNumber)).status, {
      timeout: 15_000,
    })
    .toBe('ditindaklanjuti');

  const admin = await signIn(browser, 'admin.kaltim');
  await admin.page.getByTestId('filter-status').selectOption('all');
  await admin.page.getByTestId('queue-search').fill(trackingNumber);
  await queueRow(admin.page, trackingNumber).click();
  const adminEntry = admin.page
    .getByTestId('complaint-detail')
    .locator('.timeline-item[data-kind=tindak_lanjut]')
    .last();
  await expect(adminEntry).toContainText(text);
  await expect(adminEntry).toContainText('Publik');
  const image = adminEntry.getByRole('img', { name: 'Foto lokasi saluran.jpg' });
  await expect(image).toBeVisible({ timeout: 30_000 });
  const width = await image.evaluate((element) => (element as HTMLImageElement).naturalWidth);
  expect(width).toBe(1600);
  await admin.context.close();
  await context.close();
});

test('an internal note is marked internal, keeps the status, and a short response is refused on the device', async ({
  browser,
}) => {
  const opd = await signIn(browser, 'pupr.kaltim');
  const { page, context } = opd;
  await page.getByTestId('filter-status').selectOption('didisposisi');
  await page.getByTestId('queue-row').first().click();
  const detail = page.getByTestId('complaint-detail');
  const composer = detail.getByTestId('follow-up-composer');

  await composer.getByLabel('Isi').fill('Sudah.');
  await composer.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await expect(composer.getByRole('alert')).toContainText('minimal 30 karakter');
  await expect(detail.getByTestId('detail-status')).toHaveText(/Didisposisi/);

  await composer.getByLabel('Catatan internal (tidak pernah dipublikasikan)').check();
  await composer.getByLabel('Isi').fill('Cek anggaran pemeliharaan 2026.');
  await composer.getByRole('button', { name: 'Simpan catatan' }).click();
  const note = detail.locator('.timeline-item[data-kind=catatan_internal]').last();
  await expect(note).toContainText('Internal');
  await expect(note).toContainText('Cek anggaran pemeliharaan 2026.');
  await expect(detail.getByTestId('detail-status')).toHaveText(/Didisposisi/);
  await context.close();
});

test('the admin sees reporter identity only after a reveal, which is logged in the timeline', async ({
  browser,
}) => {
  const admin = await signIn(browser, 'admin.kaltim');
  const { page, context } = admin;
  await page.getByTestId('queue-row').first().click();
  const detail = page.getByTestId('complaint-detail');
  await expect(detail.getByTestId('reporter-identity')).toHaveCount(0);
  await detail.getByRole('button', { name: 'Tampilkan identitas pelapor' }).click();
  await expect(detail.getByTestId('reporter-identity')).toBeVisible();
  await expect(detail.locator('.timeline-item[data-kind=identitas_dibuka]')).toHaveCount(1);
  await expect(page.getByTestId('sync-indicator')).toContainText('Daring · tersinkron');
  await context.close();
});

test('signing out offline counts a posted photo still waiting to upload among what would be lost', async ({
  browser,
}) => {
  const opd = await signIn(browser, 'pupr.kaltim');
  const { page, context } = opd;
  await page.getByTestId('filter-status').selectOption('didisposisi');
  await page.getByTestId('queue-row').first().click();
  const composer = page.getByTestId('complaint-detail').getByTestId('follow-up-composer');
  const photo = await bigPhoto(page);
  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring');
  await composer
    .getByLabel('Isi')
    .fill('Petugas sudah memeriksa lokasi dan mendokumentasikan kerusakan saluran.');
  await composer
    .getByLabel('Lampirkan foto atau PDF')
    .setInputFiles({ name: 'kerusakan.png', mimeType: 'image/png', buffer: photo });
  await expect(composer.getByTestId('draft-attachments')).toContainText('kerusakan.jpg');
  await composer.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await expect(page.getByTestId('sync-indicator')).toContainText('2 perubahan menunggu');

  const messages: string[] = [];
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByTestId('sign-out').click();
  await expect.poll(() => messages.length, { timeout: 20_000 }).toBe(1);
  // The follow-up, the status move it made and its photo.
  expect(messages[0]).toContain('3 perubahan');
  await expect(page.getByTestId('sync-indicator')).toContainText('2 perubahan menunggu');
  await context.close();
});
