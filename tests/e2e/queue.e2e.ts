import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { queueRow, signIn } from './support/workstation-page.ts';

/** The number an option of a filter shows in brackets, e.g. "Lewat tenggat (12)" → 12. */
async function optionCount(select: Locator, value: string): Promise<number> {
  const text = (await select.locator(`option[value="${value}"]`).textContent()) ?? '';
  const match = /\(([\d.]+)\)$/.exec(text);
  if (!match?.[1]) throw new Error(`no count in option "${text}"`);
  return Number(match[1].replaceAll('.', ''));
}

async function shownRows(page: Page): Promise<number> {
  return Number(await page.locator('.queue-panel').getAttribute('data-rows'));
}

test('each filter choice shows how many complaints it leaves, and picking it shows exactly those', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  const status = page.getByTestId('filter-status');
  await status.selectOption('all');
  const total = await shownRows(page);
  expect(await optionCount(status, 'all')).toBe(total);

  const deadline = page.getByTestId('filter-deadline');
  const overdue = await optionCount(deadline, 'overdue');
  await deadline.selectOption('overdue');
  await expect(page.locator('.queue-panel')).toHaveAttribute('data-rows', String(overdue));
  expect(overdue).toBeGreaterThan(0);
  expect(overdue).toBeLessThan(total);
  for (const text of await page.locator('[data-testid=queue-row] .col-due').allInnerTexts()) {
    expect(text).toContain('!');
  }

  await deadline.selectOption('any');
  const unit = page.getByTestId('filter-unit');
  const pupr = await optionCount(unit, 'unit-pupr');
  await unit.selectOption('unit-pupr');
  await expect(page.locator('.queue-panel')).toHaveAttribute('data-rows', String(pupr));
  expect(new Set(await page.locator('[data-testid=queue-row] .col-unit').allInnerTexts())).toEqual(
    new Set(['Dinas PUPR-PERA']),
  );
  // The counts of the other facets now describe the narrowed queue.
  const puprOverdue = await optionCount(deadline, 'overdue');
  expect(puprOverdue).toBeLessThan(pupr);
  await deadline.selectOption('overdue');
  await expect(page.locator('.queue-panel')).toHaveAttribute('data-rows', String(puprOverdue));

  await page.getByRole('button', { name: 'Atur ulang filter' }).click();
  await expect(status).toHaveValue('active');
  await expect(deadline).toHaveValue('any');
  await context.close();
});

test('search finds a complaint by part of its tracking number and by words in any case or accent', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('filter-status').selectOption('all');
  const total = await shownRows(page);
  const trackingNumber =
    (await page.getByTestId('queue-row').nth(3).getAttribute('data-tracking')) ?? '';

  const search = page.getByTestId('queue-search');
  await search.fill(trackingNumber.toLowerCase());
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(queueRow(page, trackingNumber)).toBeVisible();

  await search.fill('JALÁN berlub');
  await expect.poll(() => shownRows(page)).toBeGreaterThan(0);
  const found = await shownRows(page);
  expect(found).toBeLessThan(total);
  const titles = await page.locator('[data-testid=queue-row] .col-title').allInnerTexts();
  expect(titles.some((title) => /jalan berlubang/i.test(title))).toBe(true);

  await search.fill('zzzz-tidak-ada');
  await expect(page.getByText('Tidak ada pengaduan untuk filter ini.')).toBeVisible();
  await context.close();
});

test('a saved view brings its filters back, also after a reload', async ({ browser }) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('filter-unit').selectOption('unit-pupr');
  await page.getByTestId('filter-deadline').selectOption('overdue');
  await page.getByTestId('queue-sort').selectOption('received_desc');
  const rows = await shownRows(page);

  await page.getByRole('button', { name: 'Simpan tampilan…' }).click();
  await page.getByPlaceholder('Nama tampilan').fill('PUPR lewat tenggat');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByTestId('saved-views')).toHaveValue(/.+/);

  await page.getByRole('button', { name: 'Atur ulang filter' }).click();
  await expect(page.getByTestId('filter-unit')).toHaveValue('any');
  await page.reload();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.getByTestId('saved-views').selectOption({ label: 'PUPR lewat tenggat' });
  await expect(page.getByTestId('filter-unit')).toHaveValue('unit-pupr');
  await expect(page.getByTestId('filter-deadline')).toHaveValue('overdue');
  await expect(page.getByTestId('queue-sort')).toHaveValue('received_desc');
  await expect(page.locator('.queue-panel')).toHaveAttribute('data-rows', String(rows));

  await page.getByRole('button', { name: 'Hapus tampilan' }).click();
  await expect(page.getByTestId('saved-views').locator('option')).toHaveCount(1);
  await context.close();
});

test('the keyboard moves through the queue and reaches the search box', async ({ browser }) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  const list = page.getByTestId('queue-list');
  await page.getByTestId('queue-row').first().click();
  const first = await page.getByTestId('queue-row').first().getAttribute('data-tracking');
  await list.press('j');
  await list.press('j');
  await list.press('k');
  const selected = page.locator('[data-testid=queue-row][aria-selected=true]');
  await expect(selected).toHaveAttribute(
    'data-tracking',
    (await page.getByTestId('queue-row').nth(1).getAttribute('data-tracking')) ?? '',
  );
  await expect(page.getByTestId('complaint-detail')).not.toContainText(first ?? '-');
  await list.press('/');
  await expect(page.getByTestId('queue-search')).toBeFocused();
  await context.close();
});

test('a likely duplicate is shown when a complaint is opened and can be marked, linking both', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('filter-status').selectOption('belum_diverifikasi');
  const rows = page.getByTestId('queue-row');
  const count = await rows.count();
  let trackingNumber = '';
  for (let index = 0; index < count && !trackingNumber; index += 1) {
    await rows.nth(index).click();
    if (await page.getByTestId('duplicate-hints').isVisible()) {
      trackingNumber = (await rows.nth(index).getAttribute('data-tracking')) ?? '';
    }
  }
  expect(trackingNumber, 'an unverified complaint with a likely duplicate').not.toBe('');
  const hints = page.getByTestId('duplicate-hints');
  await expect(hints).toContainText('judul mirip');
  const original = (await hints.locator('.link-button').first().textContent()) ?? '';
  await hints.getByRole('button', { name: `Duplikat dari ini ${original}` }).click();

  const dialog = page.getByTestId('triage-dialog');
  await expect(dialog.getByLabel('Nomor pelacakan pengaduan asli')).toHaveValue(original);
  await dialog.getByRole('button', { name: 'Simpan tindakan' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('filter-status').selectOption('all');
  await page.getByTestId('queue-search').fill(trackingNumber);
  await queueRow(page, trackingNumber).click();
  await expect(page.getByTestId('detail-status')).toHaveText('Diarsipkan');
  await expect(page.getByTestId('duplicate-links')).toContainText(`Duplikat dari ${original}`);

  await page.getByTestId('queue-search').fill(original);
  await queueRow(page, original).click();
  await expect(page.getByTestId('duplicate-links')).toContainText(trackingNumber);
  await context.close();
});
