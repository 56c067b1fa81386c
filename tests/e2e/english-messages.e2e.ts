import type { Locator, Page } from '@playwright/test';
import type { SessionResponse } from '../../shared/api/contract.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { MESSAGES_EN } from '../../renderer/src/i18n/messages-en.ts';
import { MESSAGES_ID } from '../../renderer/src/i18n/messages-id.ts';
import { expect, test } from './support/test.ts';
import { complaintOnServer, waitForQueueSettled } from './support/workstation-page.ts';

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}{4,}/gu) ?? [];

/**
 * Indonesian words typical of error messages: those of the Indonesian error catalogue that no
 * English text of the workstation uses (domain terms such as "instansi" are in both).
 */
const INDONESIAN_ERROR_WORDS: ReadonlySet<string> = (() => {
  const english = new Set(Object.values(MESSAGES_EN).flatMap(wordsOf));
  const words = Object.entries(MESSAGES_ID)
    .filter(([key]) => key.startsWith('error.'))
    .flatMap(([, text]) => wordsOf(text.replace(/\{\w+\}/g, '')));
  return new Set(words.filter((word) => !english.has(word)));
})();

async function expectNoIndonesian(where: Locator): Promise<void> {
  const texts = await where.allInnerTexts();
  const found = texts.flatMap(wordsOf).filter((word) => INDONESIAN_ERROR_WORDS.has(word));
  expect(found, `Indonesian in English UI: ${texts.join(' | ')}`).toEqual([]);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/english-messages-${name}.png` });
}

test('an officer who chose English reads form, API and sync errors in English', async ({
  browser,
  request,
}) => {
  expect(INDONESIAN_ERROR_WORDS.has('wajib')).toBe(true);
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('lapor.language', 'en'));
  const page = await context.newPage();
  await page.goto('/');

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#login-username-error')).toHaveText('Username is required');
  await expectNoIndonesian(page.locator('body'));

  // An API error: a wrong password (of no real account, which a lockout would then hold).
  await page.getByLabel('Username').fill('no.such.officer');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password');
  await expectNoIndonesian(page.locator('body'));
  await shot(page, 'login');

  await page.getByLabel('Username').fill('admin.kaltim');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-indicator')).toContainText('Online · in sync', {
    timeout: 60_000,
  });
  await waitForQueueSettled(page);

  // A triage form refused by the shared rules.
  await page.getByTestId('filter-status').selectOption('belum_diverifikasi');
  const row = page.getByTestId('queue-row').first();
  const trackingNumber = (await row.getAttribute('data-tracking')) ?? '';
  await row.click();
  await page.getByRole('button', { name: /Verify & dispose/ }).click();
  const dialog = page.getByTestId('triage-dialog');
  await dialog.getByRole('button', { name: 'Save action' }).click();
  await expect(dialog.getByText('Choose the OPD to dispose to')).toBeVisible();
  await expect(
    dialog.getByText('Confirm the anonymous/confidential flags before verifying'),
  ).toBeVisible();
  await expectNoIndonesian(dialog.locator('.field-error'));
  await shot(page, 'triage');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A sync refusal: a write of this officer the server refuses reaches the device as a code.
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'e2e-english' },
  });
  const session = (await login.json()) as SessionResponse;
  const master = await complaintOnServer(request, trackingNumber);
  const push = await request.post('/api/replication/complaints/push', {
    data: [{ assumedMasterState: master, newDocumentState: { ...master, _deleted: true } }],
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(push.ok()).toBe(true);
  await page.getByTestId('refusals-button').click();
  const refusals = page.getByTestId('refusals-dialog');
  const reason = refusals.locator('.refusal-reason').last();
  await expect(reason).toHaveText('Complaints cannot be deleted; archive with a reason');
  await expectNoIndonesian(refusals.locator('h2, .refusal-reason, .form-note, button'));
  await shot(page, 'refusal');

  // Leave no refusal behind for other tests of this officer.
  await refusals.getByRole('button', { name: 'Discard' }).last().click();
  await expect(refusals.locator('.refusal-reason')).toHaveCount(0);
  await context.close();
});
