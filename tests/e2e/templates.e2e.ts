import type { APIRequestContext } from '@playwright/test';
import type { PullResponse, SessionResponse } from '../../shared/api/contract.ts';
import type { ResponseTemplate } from '../../shared/schemas/response-template.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { expect, test } from './support/test.ts';
import { complaintOnServer, queueRow, signIn } from './support/workstation-page.ts';

/** The templates an officer's device receives, read through the replication API as that officer. */
async function templatesPulledBy(
  request: APIRequestContext,
  username: string,
): Promise<ResponseTemplate[]> {
  const login = await request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD, deviceId: `e2e-${username}` },
  });
  const session = (await login.json()) as SessionResponse;
  const response = await request.get('/api/replication/templates/pull', {
    params: { checkpoint: JSON.stringify({ seq: 0 }), limit: '1000' },
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  return ((await response.json()) as PullResponse<ResponseTemplate>).documents;
}

test('the admin writes a response template (warned about an unknown placeholder); the penghubung inserts it in a follow-up, filled in and without the reporter’s name', async ({
  browser,
  request,
}) => {
  const penghubung = await signIn(browser, 'pupr.kaltim');
  await penghubung.page.getByTestId('filter-status').selectOption('didisposisi');
  const firstRow = penghubung.page.getByTestId('queue-row').first();
  const tracking = (await firstRow.getAttribute('data-tracking')) ?? '';
  await firstRow.click();
  const composer = penghubung.page.getByTestId('follow-up-composer');
  await expect(composer).toBeVisible();
  const picker = composer.getByLabel('Templat tanggapan');
  await expect(picker.locator('option', { hasText: 'Tanggapan awal' })).toHaveCount(1);
  await expect(picker.locator('option', { hasText: 'Jadwal peninjauan lapangan' })).toHaveCount(0);

  const admin = await signIn(browser, 'admin.kaltim');
  const page = admin.page;
  await page.getByTestId('nav-templates').click();
  await expect(page.getByRole('heading', { name: 'Templat tanggapan' })).toBeVisible();
  await expect(
    page.getByTestId('template-row').filter({ hasText: 'Tanggapan awal' }),
  ).toBeVisible();

  await page.getByTestId('template-new').click();
  const editor = page.getByRole('dialog', { name: 'Templat baru' });
  await expect(editor).toContainText('{nama_pelapor}'); // the placeholder help
  await editor.getByLabel('Judul templat').fill('Ok');
  await editor.getByRole('button', { name: 'Simpan templat' }).click();
  await expect(editor.getByText('Judul templat 3–120 karakter')).toBeVisible();
  await expect(editor.getByText('Isi templat 10–4.000 karakter')).toBeVisible();
  await editor.getByLabel('Judul templat').fill('Jadwal peninjauan lapangan');
  await editor
    .getByLabel('Isi templat')
    .fill(
      'Yth. {nama_pelapor}, petugas {opd} akan meninjau lokasi {nomor_tiket} bersama {nama_lurah}.',
    );
  await expect(editor.getByText('Penanda tidak dikenal: {nama_lurah}')).toBeVisible();
  await editor
    .getByLabel('Isi templat')
    .fill('Yth. {nama_pelapor}, petugas {opd} akan meninjau lokasi laporan {nomor_tiket}.');
  await expect(editor.getByText('Penanda tidak dikenal')).toBeHidden();
  await editor.getByRole('button', { name: 'Simpan templat' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('templates-notice')).toContainText('Jadwal peninjauan lapangan');
  const row = page.getByTestId('template-row').filter({ hasText: 'Jadwal peninjauan lapangan' });
  await expect(row).toContainText('Aktif');

  // Accepted by the server, and live in the signed-in penghubung's picker without a reload.
  await expect
    .poll(async () =>
      (await templatesPulledBy(request, 'pupr.kaltim')).some(
        (template) => template.title === 'Jadwal peninjauan lapangan' && template.active,
      ),
    )
    .toBe(true);
  await expect(picker.locator('option', { hasText: 'Jadwal peninjauan lapangan' })).toHaveCount(1);
  await picker.selectOption({ label: 'Jadwal peninjauan lapangan' });
  await composer.getByRole('button', { name: 'Sisipkan' }).click();
  await expect(composer.locator('#follow-up-content')).toHaveValue(
    `Yth. Pelapor, petugas Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat akan meninjau lokasi laporan ${tracking}.`,
  );

  // Deactivating (there is no delete) takes it out of the picker.
  await page
    .getByRole('button', { name: 'Nonaktifkan templat Jadwal peninjauan lapangan' })
    .click();
  await expect(row).toContainText('Nonaktif');
  await expect(picker.locator('option', { hasText: 'Jadwal peninjauan lapangan' })).toHaveCount(0);
  expect(
    (await templatesPulledBy(request, 'pupr.kaltim')).find(
      (template) => template.title === 'Jadwal peninjauan lapangan',
    )?.active,
  ).toBe(false);
  await admin.context.close();
  await penghubung.context.close();
});

test('only the Admin Instansi has the templates and closing-proposal pages', async ({
  browser,
}) => {
  const penghubung = await signIn(browser, 'pupr.kaltim');
  await expect(penghubung.page.getByTestId('nav-report')).toBeVisible();
  await expect(penghubung.page.getByTestId('nav-templates')).toHaveCount(0);
  await expect(penghubung.page.getByTestId('nav-auto-close')).toHaveCount(0);
  await penghubung.context.close();
});

test('the admin closes a proposed complaint after confirming; the closing note names the wait', async ({
  browser,
  request,
}) => {
  const admin = await signIn(browser, 'admin.kaltim');
  const page = admin.page;
  await page.getByTestId('nav-auto-close').click();
  await expect(page.getByRole('heading', { name: 'Usulan penutupan otomatis' })).toBeVisible();
  const rows = page.getByTestId('auto-close-row');
  await expect(rows.first()).toBeVisible();
  const proposed = await rows.count();
  const first = rows.first();
  const tracking = (await first.locator('th').textContent()) ?? '';
  await expect(first).toContainText('hari kerja');

  await page.getByRole('checkbox', { name: `Pilih ${tracking}` }).check();
  await page.getByTestId('auto-close-submit').click();
  const confirm = page.getByRole('dialog', { name: 'Tutup 1 pengaduan?' });
  await expect(confirm).toContainText(
    'Ditutup: tidak ada tanggapan pelapor dalam 10 hari kerja setelah tindak lanjut',
  );
  // Cancelling closes nothing.
  await confirm.getByRole('button', { name: 'Batal' }).click();
  await expect(rows).toHaveCount(proposed);

  await page.getByTestId('auto-close-submit').click();
  await page.getByTestId('auto-close-confirm').click();
  await expect(page.getByTestId('auto-close-notice')).toContainText('1 pengaduan ditutup');
  await expect(rows).toHaveCount(proposed - 1);
  await expect(page.getByRole('checkbox', { name: `Pilih ${tracking}` })).toHaveCount(0);

  await expect
    .poll(async () => (await complaintOnServer(request, tracking)).status)
    .toBe('selesai');
  await page.getByRole('button', { name: 'Antrean' }).click();
  await page.getByTestId('filter-status').selectOption('all');
  await page.getByTestId('queue-search').fill(tracking);
  await queueRow(page, tracking).click();
  await expect(page.getByTestId('complaint-detail')).toContainText(
    'Ditutup: tidak ada tanggapan pelapor dalam 10 hari kerja setelah tindak lanjut',
  );
  await admin.context.close();
});
