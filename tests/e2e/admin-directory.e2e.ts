import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { expect, test } from './support/test.ts';
import { signIn } from './support/workstation-page.ts';

type StoredDocument = { id: string; _deleted?: unknown } & Record<string, unknown>;

/**
 * The documents of one collection in the signed-in officer's replica on the device (RxDB's
 * Dexie storage: one IndexedDB database per collection, documents in the `docs` store).
 */
async function replicaDocuments(page: Page, collection: string): Promise<StoredDocument[]> {
  return page.evaluate(async (name) => {
    const databases = await indexedDB.databases();
    const found = databases.find((database) => database.name?.endsWith(`--${name}`));
    if (!found?.name) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(found.name as string);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('docs', 'readonly').objectStore('docs').getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      return all as { id: string; _deleted?: unknown }[];
    } finally {
      db.close();
    }
  }, collection);
}

async function liveDocument(
  page: Page,
  collection: string,
  match: (doc: StoredDocument) => boolean,
) {
  const documents = await replicaDocuments(page, collection);
  // IndexedDB cannot index booleans, so the storage keeps the deleted flag as '1' or '0'.
  return (
    documents.find((doc) => match(doc) && doc._deleted !== true && doc._deleted !== '1') ?? null
  );
}

const NEXT_YEAR = new Date().getFullYear() + 1;
const HOLIDAY_DATE = `${NEXT_YEAR}-12-24`;

test('the admin adds a unit and a cuti bersama day that reach the penghubung’s workstation; removing the day takes it off again', async ({
  browser,
}) => {
  const penghubung = await signIn(browser, 'pupr.kaltim');
  const admin = await signIn(browser, 'admin.kaltim');
  const page = admin.page;
  await page.getByTestId('nav-administration').click();
  await expect(page.getByRole('heading', { name: 'Unit OPD' })).toBeVisible();
  await expect(page.getByTestId('unit-row').filter({ hasText: 'PUPR' }).first()).toBeVisible();

  // A duplicate code is refused on the device before it reaches the server.
  await page.getByTestId('unit-new').click();
  const unitDialog = page.getByRole('dialog', { name: 'Unit baru' });
  await unitDialog.getByLabel('Kode').fill('PUPR');
  await unitDialog.getByLabel('Nama', { exact: true }).fill('Badan Penanggulangan Bencana Daerah');
  await unitDialog.getByLabel('Nama singkat').fill('BPBD');
  await unitDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(unitDialog.getByText('Kode ini sudah dipakai')).toBeVisible();
  await unitDialog.getByLabel('Kode').fill('BPBD');
  await unitDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(unitDialog).toBeHidden();
  await expect(page.getByTestId('unit-row').filter({ hasText: 'BPBD' })).toContainText('Aktif');

  await page.getByTestId('admin-section-holidays').click();
  await page.getByLabel('Tahun', { exact: true }).selectOption(String(NEXT_YEAR));
  const addForm = page.getByRole('form', { name: `Tambah hari libur ${NEXT_YEAR}` });
  await addForm.getByLabel('Tanggal').fill(`${NEXT_YEAR - 1}-12-24`);
  await addForm.getByLabel('Nama').fill('Cuti bersama Natal');
  await addForm.getByLabel('Jenis').selectOption('cuti_bersama');
  await addForm.getByTestId('holiday-add').click();
  await expect(addForm.getByText(`Tanggal harus pada tahun ${NEXT_YEAR}`)).toBeVisible();
  await addForm.getByLabel('Tanggal').fill(HOLIDAY_DATE);
  await addForm.getByTestId('holiday-add').click();
  const holidayRow = page.locator(`[data-testid=holiday-row][data-date="${HOLIDAY_DATE}"]`);
  await expect(holidayRow).toContainText('Cuti bersama');
  await expect(page.getByTestId('admin-notice')).toContainText('Cuti bersama Natal');

  // The penghubung's workstation receives both after sync, without a reload, in its replica
  // (a penghubung's queue has no OPD filter to show the unit in).
  await expect
    .poll(
      async () =>
        (await liveDocument(penghubung.page, 'units', (doc) => doc.code === 'BPBD'))?.name,
      {
        timeout: 30_000,
      },
    )
    .toBe('Badan Penanggulangan Bencana Daerah');
  await expect
    .poll(
      async () =>
        (await liveDocument(penghubung.page, 'holidays', (doc) => doc.date === HOLIDAY_DATE))?.kind,
      { timeout: 30_000 },
    )
    .toBe('cuti_bersama');

  await page.getByRole('button', { name: /^Hapus Cuti bersama Natal/ }).click();
  await expect(holidayRow).toHaveCount(0);
  await expect
    .poll(
      async () => liveDocument(penghubung.page, 'holidays', (doc) => doc.date === HOLIDAY_DATE),
      { timeout: 30_000 },
    )
    .toBeNull();

  await admin.context.close();
  await penghubung.context.close();
});

test('the admin adds an SLA rule set version starting in the future; the version in force has no edit action', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('nav-administration').click();
  await page.getByTestId('admin-section-sla').click();
  const inForce = page
    .getByTestId('sla-row')
    .filter({ has: page.getByRole('cell', { name: 'Berlaku', exact: true }) });
  await expect(inForce).toHaveCount(1);
  await expect(inForce.getByRole('button')).toHaveCount(0);
  await page.getByTestId('sla-new').click();
  const dialog = page.getByRole('dialog', { name: 'Versi baru' });
  await dialog.getByLabel('Versi').fill(`Perbup ${NEXT_YEAR}`);
  await dialog.getByLabel('Mulai berlaku').fill(`${NEXT_YEAR}-01-01`);
  await dialog.getByLabel('Hari kalender').check();
  await dialog.getByLabel('Penyelesaian (hari)').fill('0');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Setiap jumlah hari harus bilangan bulat')).toBeVisible();
  await dialog.getByLabel('Penyelesaian (hari)').fill('10');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const upcoming = page.getByTestId('sla-row').filter({ hasText: `Perbup ${NEXT_YEAR}` });
  await expect(upcoming).toContainText('Akan berlaku');
  await expect(upcoming).toContainText('Hari kalender');
  await expect
    .poll(
      async () =>
        (await liveDocument(page, 'sla_rules', (doc) => doc.version === `Perbup ${NEXT_YEAR}`))
          ?.serverSeq,
      {
        timeout: 30_000,
      },
    )
    .toBeGreaterThan(0);
  await context.close();
});

test('the admin creates an officer who can then sign in; the officers page says plainly when it is offline', async ({
  browser,
}) => {
  const admin = await signIn(browser, 'admin.kaltim');
  const page = admin.page;
  await page.getByTestId('nav-administration').click();
  await page.getByTestId('admin-section-officers').click();
  await expect(page.getByTestId('officer-row').filter({ hasText: 'pupr.kaltim' })).toBeVisible();

  await page.getByTestId('officer-new').click();
  const dialog = page.getByRole('dialog', { name: 'Petugas baru' });
  await dialog.getByLabel('Nama pengguna').fill('bpbd.baru');
  await dialog.getByLabel('Nama lengkap').fill('Sari Handayani');
  await dialog.getByLabel('Peran').selectOption('penghubung');
  await dialog.getByRole('button', { name: 'Buat petugas' }).click();
  await expect(dialog.getByText('Pejabat Penghubung harus memiliki unit OPD')).toBeVisible();
  await dialog
    .getByLabel('Unit OPD')
    .selectOption({ label: 'Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat' });
  await dialog.getByLabel('Kata sandi awal').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Buat petugas' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('officer-row').filter({ hasText: 'bpbd.baru' })).toContainText(
    'Pejabat Penghubung',
  );

  const created = await signIn(browser, 'bpbd.baru');
  await expect(created.page.getByTestId('nav-administration')).toHaveCount(0);
  await created.context.close();

  await admin.context.setOffline(true);
  await page.getByTestId('admin-section-units').click();
  await page.getByTestId('admin-section-officers').click();
  await expect(page.getByTestId('officers-offline')).toContainText('Tidak tersambung ke server');
  await expect(page.getByTestId('officer-new')).toBeDisabled();
  await admin.context.close();
});

test('a category is added with the keyboard alone', async ({ browser }) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('nav-administration').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('admin-section-categories').focus();
  await page.keyboard.press('Enter');
  // Past the remaining section buttons (holidays, SLA rules, officers, letterhead) to
  // "Kategori baru".
  for (let step = 0; step < 5; step += 1) await page.keyboard.press('Tab');
  await expect(page.getByTestId('category-new')).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Kategori baru' });
  await expect(dialog.getByLabel('Kode')).toBeFocused();
  await page.keyboard.type('kebencanaan');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kebencanaan');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('category-row').filter({ hasText: 'kebencanaan' })).toContainText(
    'Aktif',
  );
  await context.close();
});

test('a holiday added offline stays on the device, waits, and reaches the penghubung once the admin is back online', async ({
  browser,
}) => {
  const penghubung = await signIn(browser, 'pupr.kaltim');
  const admin = await signIn(browser, 'admin.kaltim');
  const page = admin.page;
  await page.getByTestId('nav-administration').click();
  await page.getByTestId('admin-section-holidays').click();
  await page.getByLabel('Tahun', { exact: true }).selectOption(String(NEXT_YEAR));

  await admin.context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toContainText('Luring');
  const date = `${NEXT_YEAR}-05-14`;
  const addForm = page.getByRole('form', { name: `Tambah hari libur ${NEXT_YEAR}` });
  await addForm.getByLabel('Tanggal').fill(date);
  await addForm.getByLabel('Nama').fill('Kenaikan Yesus Kristus');
  await addForm.getByTestId('holiday-add').click();
  await expect(page.locator(`[data-testid=holiday-row][data-date="${date}"]`)).toContainText(
    'Libur nasional',
  );
  await expect(page.getByTestId('sync-indicator')).toContainText('1 perubahan menunggu');
  expect(await liveDocument(penghubung.page, 'holidays', (doc) => doc.date === date)).toBeNull();

  await admin.context.setOffline(false);
  await expect(page.getByTestId('sync-indicator')).toContainText('Daring · tersinkron', {
    timeout: 30_000,
  });
  await expect
    .poll(
      async () =>
        (await liveDocument(penghubung.page, 'holidays', (doc) => doc.date === date))?.kind,
      {
        timeout: 30_000,
      },
    )
    .toBe('libur_nasional');
  await admin.context.close();
  await penghubung.context.close();
});
