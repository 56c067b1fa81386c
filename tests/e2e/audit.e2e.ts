import { expect, test } from './support/test.ts';
import { signIn } from './support/workstation-page.ts';
import { wcagViolations } from './support/axe.ts';

test('the admin reads the audit log, filtered to failed sign-ins; a penghubung has no audit page', async ({
  browser,
  request,
}) => {
  const failed = await request.post('/api/auth/login', {
    data: { username: 'dinkes.kaltim', password: 'bukan-sandinya', deviceId: 'e2e-audit' },
  });
  expect(failed.status()).toBe(401);

  const penghubung = await signIn(browser, 'pupr.kaltim');
  await expect(penghubung.page.getByTestId('nav-audit')).toHaveCount(0);
  await penghubung.context.close();

  const admin = await signIn(browser, 'admin.kaltim');
  const page = admin.page;
  await page.getByTestId('nav-audit').click();
  await expect(page.getByRole('heading', { name: 'Log audit' })).toBeVisible();
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  // Newest first: the admin's own sign-in just now is listed.
  await expect(rows.filter({ hasText: 'Masuk' }).first()).toBeVisible();

  await page.getByTestId('audit-action').selectOption('login_failed');
  await page.getByTestId('audit-apply').click();
  await expect(rows.first()).toBeVisible();
  const texts = await rows.allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).toContain('Gagal masuk');
  await expect(rows.filter({ hasText: 'e2e-audit' }).first()).toContainText('wrong_password');
  // Dates are written the Indonesian way, in the instansi's zone.
  await expect(rows.first()).toContainText('WITA');
  expect(await wcagViolations(page, '.admin-page')).toEqual([]);

  // Officers are picked by name and username, never typed as internal ids.
  await page.getByTestId('audit-action').selectOption('');
  await page.getByTestId('audit-officer').selectOption('dinkes.kaltim');
  await page.getByTestId('audit-apply').click();
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain('(dinkes.kaltim)');

  await admin.context.close();
});
