import { expect, test } from './support/test.ts';
import { complaintOnServer, queueRow, signIn } from './support/workstation-page.ts';

const PRIORITIES = ['rendah', 'sedang', 'tinggi', 'mendesak'];
const other = (priority: string, step = 1) =>
  PRIORITIES[(PRIORITIES.indexOf(priority) + step) % PRIORITIES.length]!;

test('an open form keeps the officer’s input when someone else changes the complaint, and says who', async ({
  browser,
}) => {
  const a = await signIn(browser, 'admin.kaltim');
  const b = await signIn(browser, 'admin.kaltim');
  const trackingNumber =
    (await a.page.getByTestId('queue-row').nth(5).getAttribute('data-tracking')) ?? '';
  await queueRow(a.page, trackingNumber).click();
  await queueRow(b.page, trackingNumber).click();
  const priorityA = a.page.getByTestId('complaint-detail').getByLabel('Prioritas');
  const before = await priorityA.inputValue();
  await priorityA.selectOption(other(before)); // typed, not saved

  const priorityB = b.page.getByTestId('complaint-detail').getByLabel('Prioritas');
  await priorityB.selectOption(other(before, 2));
  await b.page.getByRole('button', { name: 'Simpan', exact: true }).click();

  const banner = a.page.getByTestId('remote-change-banner');
  await expect(banner).toContainText('baru saja diubah oleh Rahmawati Syahrani', {
    timeout: 30_000,
  });
  await expect(priorityA).toHaveValue(other(before));
  await banner.getByRole('button', { name: 'Pertahankan isian saya' }).click();
  await expect(banner).toBeHidden();
  await expect(priorityA).toHaveValue(other(before));
  await a.context.close();
  await b.context.close();
});

test('offline edits of the same field by two officers end on the conflict screen, where one pick is saved', async ({
  browser,
  request,
}) => {
  const a = await signIn(browser, 'admin.kaltim');
  const b = await signIn(browser, 'admin.kaltim');
  const trackingNumber =
    (await a.page.getByTestId('queue-row').nth(7).getAttribute('data-tracking')) ?? '';
  const before = (await complaintOnServer(request, trackingNumber)).priority as string;

  await a.context.setOffline(true);
  await expect(a.page.getByTestId('sync-indicator')).toContainText('Luring');
  await queueRow(a.page, trackingNumber).click();
  await a.page.getByTestId('complaint-detail').getByLabel('Prioritas').selectOption(other(before));
  await a.page.getByRole('button', { name: 'Simpan', exact: true }).click();

  await queueRow(b.page, trackingNumber).click();
  await b.page
    .getByTestId('complaint-detail')
    .getByLabel('Prioritas')
    .selectOption(other(before, 2));
  await b.page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect
    .poll(async () => (await complaintOnServer(request, trackingNumber)).priority, {
      timeout: 15_000,
    })
    .toBe(other(before, 2));

  await a.context.setOffline(false);
  const button = a.page.getByTestId('merge-conflicts-button');
  await expect(button).toContainText('Perlu dipilih (1)', { timeout: 30_000 });
  await button.click();
  const dialog = a.page.getByTestId('merge-conflicts-dialog');
  await expect(dialog).toContainText(trackingNumber);
  await dialog.getByLabel(/^Nilai saya: Prioritas/).check();
  await dialog.getByRole('button', { name: 'Simpan pilihan' }).click();
  await expect
    .poll(async () => (await complaintOnServer(request, trackingNumber)).priority, {
      timeout: 30_000,
    })
    .toBe(other(before));
  await a.context.close();
  await b.context.close();
});

test('signing out with an unsent edit names it and wipes the device only when confirmed', async ({
  browser,
  request,
}) => {
  const { context, page } = await signIn(browser, 'admin.kaltim');
  const trackingNumber =
    (await page.getByTestId('queue-row').nth(9).getAttribute('data-tracking')) ?? '';
  const before = (await complaintOnServer(request, trackingNumber)).priority as string;
  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring');
  await queueRow(page, trackingNumber).click();
  await page.getByTestId('complaint-detail').getByLabel('Prioritas').selectOption(other(before));
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring · 1 perubahan menunggu');

  const messages: string[] = [];
  let accept = false;
  page.on('dialog', (dialog) => {
    messages.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  await page.getByTestId('sign-out').click();
  await expect.poll(() => messages.length, { timeout: 20_000 }).toBe(1);
  expect(messages[0]).toContain('1 perubahan belum terkirim');
  // Declined: still signed in, the edit still waiting.
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring · 1 perubahan menunggu');

  accept = true;
  await page.getByTestId('sign-out').click();
  await expect(page.getByLabel('Nama pengguna')).toBeVisible({ timeout: 20_000 });
  expect(messages).toHaveLength(2);
  expect((await complaintOnServer(request, trackingNumber)).priority).toBe(before);
  await context.close();
});
