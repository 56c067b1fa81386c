import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import type { PullResponse, SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { DEMO_PASSWORD } from '../../../server/seed/demo-instansi.ts';

export type Officer = { context: BrowserContext; page: Page };

const pageErrors: string[] = [];

/** Uncaught errors thrown in any signed-in page since the last call. */
export function takePageErrors(): string[] {
  return pageErrors.splice(0);
}

/** Opens a fresh browser profile, signs in, and waits for the first copy of the queue. */
export async function signIn(browser: Browser, username: string): Promise<Officer> {
  const context = await browser.newContext();
  context.on('weberror', (error) => pageErrors.push(`${username}: ${error.error().message}`));
  const page = await context.newPage();
  await page.goto('/');
  await submitSignIn(page, username);
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await waitForQueueSettled(page);
  return { context, page };
}

/** Fills in and submits the sign-in form on `page`, then waits until the sync is live. */
export async function submitSignIn(
  page: Page,
  username: string,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('sync-indicator')).toContainText('Daring · tersinkron', {
    timeout: 60_000,
  });
}

/** Waits until the initial copy is written and the in-memory queue holds all of it. */
export async function waitForQueueSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('initial-sync')).toBeHidden({ timeout: 60_000 });
  const panel = page.locator('.queue-panel');
  await expect(panel).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('queue-count')).not.toContainText('menyiapkan pencarian');
  let previous = '';
  await expect
    .poll(
      async () => {
        const total = (await panel.getAttribute('data-total')) ?? '';
        const settled = total === previous;
        previous = total;
        return settled;
      },
      { intervals: [500], timeout: 30_000 },
    )
    .toBe(true);
}

export function queueRow(page: Page, trackingNumber: string) {
  return page.locator(`[data-testid=queue-row][data-tracking="${trackingNumber}"]`);
}

/** The complaint as the central server holds it, read through the API as the admin. */
export async function complaintOnServer(
  request: APIRequestContext,
  trackingNumber: string,
): Promise<Complaint> {
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'e2e-check' },
  });
  const session = (await login.json()) as SessionResponse;
  let checkpoint = { seq: 0 };
  for (;;) {
    const response = await request.get('/api/replication/complaints/pull', {
      params: { checkpoint: JSON.stringify(checkpoint), limit: '1000' },
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    const page = (await response.json()) as PullResponse<Complaint>;
    const found = page.documents.find((doc) => doc.trackingNumber === trackingNumber);
    if (found) return found;
    if (page.documents.length === 0 || !page.checkpoint)
      throw new Error(`${trackingNumber} not on the server`);
    checkpoint = page.checkpoint;
  }
}
