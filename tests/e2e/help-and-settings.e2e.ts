import { readFileSync } from 'node:fs';
import { expect, test } from './support/test.ts';
import { wcagViolations } from './support/axe.ts';
import { signIn } from './support/workstation-page.ts';

test('F1 opens the help page: lifecycle from the transition table, deadlines in force, in both languages', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'pupr.kaltim');
  await page.getByTestId('queue-list').focus();
  await page.keyboard.press('F1');
  const help = page.getByTestId('help-page');
  await expect(help.getByRole('heading', { name: 'Panduan', level: 2 })).toBeVisible();
  await expect(page.getByTestId('nav-help')).toHaveAttribute('aria-current', 'page');
  // Every status with where it may go next (DOMAIN.md's table).
  await expect(help.locator('tr[data-status=belum_diverifikasi]')).toContainText(
    'Ditunda, Terverifikasi, Didisposisi, Diarsipkan, Bukan Wewenang',
  );
  await expect(help.locator('tr[data-status=selesai] td').last()).toHaveText('Ditindaklanjuti');
  await expect(help.getByTestId('help-deadlines')).toContainText(
    'Verifikasi dan disposisi, sejak pengaduan masuk3 hari kerja',
  );
  await expect(help.getByTestId('help-deadlines')).toContainText('60 hari kerja');
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  await expect(help.getByTestId('help-version')).toContainText(
    `Lapor Workstation ${version}, versi web`,
  );
  expect(await wcagViolations(page)).toEqual([]);

  // From the help page the shortcut sheet is one button away, and it lists F1.
  await help.getByRole('button', { name: 'Pintasan (?)' }).click();
  await expect(page.getByTestId('shortcut-sheet')).toContainText('F1');
  await page.keyboard.press('Escape');

  await page.getByLabel('Bahasa').first().selectOption('en');
  await expect(help.getByRole('heading', { name: 'Complaint lifecycle' })).toBeVisible();
  await expect(help.getByTestId('help-deadlines')).toContainText('14 working days');
  await page.getByLabel('Language').first().selectOption('id');

  // Back to the queue by the navigation, with the keyboard.
  await page.getByRole('button', { name: 'Antrean', exact: true }).press('Enter');
  await expect(page.getByTestId('help-page')).toHaveCount(0);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await context.close();
});

test('the theme can be set to dark or light regardless of the system, and stays after a reload', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'admin.kaltim');
  const panelBackground = () =>
    page.evaluate<string>(
      'getComputedStyle(document.querySelector(".queue-panel")).backgroundColor',
    );
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(panelBackground).toBe('rgb(255, 255, 255)');

  await page.getByLabel('Tema').selectOption('dark');
  await expect.poll(panelBackground).toBe('rgb(29, 35, 42)');
  expect(await wcagViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await expect.poll(panelBackground).toBe('rgb(29, 35, 42)');
  await expect(page.getByLabel('Tema')).toHaveValue('dark');

  // A light choice wins over a dark system; "system" follows it again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Tema').selectOption('light');
  await expect.poll(panelBackground).toBe('rgb(255, 255, 255)');
  await page.getByLabel('Tema').selectOption('system');
  await expect.poll(panelBackground).toBe('rgb(29, 35, 42)');
  await context.close();
});

test('an empty result says what to do and offers to show every complaint', async ({ browser }) => {
  const { context, page } = await signIn(browser, 'admin.kaltim');
  await page.getByRole('searchbox').fill('tidakadakatasepertiini');
  const empty = page.getByTestId('queue-empty');
  await expect(empty).toContainText('Ubah pilihan filter, kosongkan pencarian');
  expect(await wcagViolations(page)).toEqual([]);
  await empty.getByRole('button', { name: 'Tampilkan semua pengaduan' }).click();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveValue('');
  await context.close();
});
