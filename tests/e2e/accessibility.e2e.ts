import AxeBuilder from '@axe-core/playwright';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { signIn } from './support/workstation-page.ts';

/** WCAG 2.1 A and AA rules, the level public-service software in Indonesia is held to. */
async function violations(page: Page, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

test('the login screen passes an automated WCAG 2.1 AA check', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the queue, the detail pane, a triage dialog, the shortcut sheet and the report pass an automated WCAG 2.1 AA check', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('filter-status').selectOption('belum_diverifikasi');
  await page.getByTestId('queue-row').first().click();
  await expect(page.getByTestId('complaint-detail')).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByTestId('queue-list').press('h');
  await expect(page.getByTestId('triage-dialog')).toBeVisible();
  expect(await violations(page, '[data-testid=triage-dialog]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('triage-dialog')).toBeHidden();

  await page.getByTestId('queue-list').press('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await expect(page.getByTestId('shortcut-sheet')).toContainText('Tandai duplikat');
  expect(await violations(page, '[data-testid=shortcut-sheet]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toBeHidden();

  await page.getByTestId('nav-report').click();
  await page.getByTestId('report-generate').click();
  await expect(page.getByTestId('rakorda-document')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await context.close();
});

test('the response templates page, its editor and the closing proposals pass an automated WCAG 2.1 AA check', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('nav-templates').click();
  await expect(page.getByTestId('template-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('template-new').click();
  const editor = page.getByRole('dialog', { name: 'Templat baru' });
  await editor.getByLabel('Isi templat').fill('Yth. {nama_pelapor}, {penanda_asing}');
  await editor.getByRole('button', { name: 'Simpan templat' }).click();
  await expect(editor.getByText('Penanda tidak dikenal')).toBeVisible();
  expect(await violations(page, '.template-editor')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  await page.getByTestId('nav-auto-close').click();
  await expect(page.getByTestId('auto-close-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await context.close();
});

test('the administration sections (units, categories, holidays, SLA rules, officers) and their dialogs pass an automated WCAG 2.1 AA check', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('nav-administration').click();
  await expect(page.getByTestId('unit-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('unit-new').click();
  const unitDialog = page.getByRole('dialog', { name: 'Unit baru' });
  await unitDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(unitDialog.getByText('Isi nama ini.').first()).toBeVisible();
  expect(await violations(page, '.template-editor')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(unitDialog).toBeHidden();

  await page.getByTestId('admin-section-categories').click();
  await expect(page.getByTestId('category-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByTestId('admin-section-holidays').click();
  await page.getByLabel('Tahun', { exact: true }).selectOption('2025');
  await expect(page.getByTestId('holiday-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByTestId('admin-section-sla').click();
  await expect(page.getByTestId('sla-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('sla-new').click();
  await expect(page.getByRole('dialog', { name: 'Versi baru' })).toBeVisible();
  expect(await violations(page, '.template-editor')).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('admin-section-officers').click();
  await expect(page.getByTestId('officer-row').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('officer-new').click();
  await expect(page.getByRole('dialog', { name: 'Petugas baru' })).toBeVisible();
  expect(await violations(page, '.template-editor')).toEqual([]);
  await page.keyboard.press('Escape');
  await context.close();
});

test('the workstation fits a 1366×768 laptop screen without sideways scrolling', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.getByTestId('queue-row').first().click();
  const pageWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');
  const rightEdge = async (selector: string) => {
    const box = await page.locator(selector).last().boundingBox();
    return box ? box.x + box.width : Infinity;
  };
  expect(await pageWidth()).toBeLessThanOrEqual(1366);
  expect(await rightEdge('[data-testid=complaint-detail]')).toBeLessThanOrEqual(1366);
  expect(await rightEdge('.app-header button')).toBeLessThanOrEqual(1366);
  await page.getByTestId('nav-report').click();
  expect(await pageWidth()).toBeLessThanOrEqual(1366);
  await page.getByTestId('nav-templates').click();
  await expect(page.getByTestId('template-row').first()).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(1366);
  await page.getByTestId('nav-auto-close').click();
  await expect(page.getByTestId('auto-close-row').first()).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(1366);
  await page.getByTestId('nav-administration').click();
  await page.getByTestId('admin-section-sla').click();
  await expect(page.getByTestId('sla-row').first()).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(1366);
  await page.getByTestId('admin-section-officers').click();
  await expect(page.getByTestId('officer-row').first()).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(1366);
  await context.close();
});

test('dark mode (from the system setting) passes the same WCAG 2.1 AA check', async ({
  browser,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('filter-status').selectOption('belum_diverifikasi');
  await page.getByTestId('queue-row').first().click();
  const background = await page.evaluate<string>(
    'getComputedStyle(document.querySelector(".queue-panel")).backgroundColor',
  );
  expect(background).toBe('rgb(29, 35, 42)');
  expect(await violations(page)).toEqual([]);
  await page.getByTestId('queue-list').press('h');
  expect(await violations(page, '[data-testid=triage-dialog]')).toEqual([]);
  await context.close();
});
