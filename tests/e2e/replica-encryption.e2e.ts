import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { signIn, submitSignIn, waitForQueueSettled } from './support/workstation-page.ts';
import { wcagViolations } from './support/axe.ts';

/** Every value in every object store of every IndexedDB database of the page's origin, as JSON. */
async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dumps: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        dumps.push(JSON.stringify(rows));
      }
      db.close();
    }
    return dumps.join('\n');
  });
}

async function revealIdentity(page: Page, trackingNumber: string): Promise<string> {
  await page.locator(`[data-testid=queue-row][data-tracking="${trackingNumber}"]`).click();
  const detail = page.getByTestId('complaint-detail');
  await detail.getByRole('button', { name: 'Tampilkan identitas pelapor' }).click();
  const identity = detail.getByTestId('reporter-identity');
  await expect(identity).toBeVisible();
  return (await identity.textContent()) ?? '';
}

test('the admin’s replica keeps reporter identity encrypted on disk, and a new browser session opens it only with the password, offline too', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'admin.kaltim');
  const trackingNumber =
    (await page.getByTestId('queue-row').first().getAttribute('data-tracking')) ?? '';
  const shown = await revealIdentity(page, trackingNumber);
  const [name, phone, email] = shown.split(' · ').map((part) => part.trim());
  expect(name && phone && email).toBeTruthy();

  // Nothing the device stores, in any database or store, holds the identity in the clear.
  const stored = await everythingStored(page);
  expect(stored).toContain(trackingNumber);
  for (const value of [name, phone, email]) expect(stored).not.toContain(value);
  // Nor does local or session storage (the key is never kept there unwrapped next to the data).
  const plainStorage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  for (const value of [name, phone, email]) expect(plainStorage).not.toContain(value);

  // A reload in the same browser session goes on without the password.
  await page.reload();
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });

  // A new browser session (no window of it left open), offline: the password is asked first.
  await page.close();
  await context.setOffline(true);
  const next = await context.newPage();
  await next.goto('/').catch(() => undefined);
  await expect(next.getByRole('heading', { name: 'Buka data di perangkat ini' })).toBeVisible();
  expect(await wcagViolations(next)).toEqual([]);
  await next.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
  await next.getByRole('button', { name: 'Buka' }).click();
  await expect(next.getByRole('alert')).toContainText(
    'Kata sandi tidak membuka data di perangkat ini.',
  );
  await next.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await next.getByRole('button', { name: 'Buka' }).click();
  await expect(next.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
  await waitForQueueSettled(next);
  expect(await revealIdentity(next, trackingNumber)).toBe(shown);
  await context.close();
});

test('an officer who cannot unlock the device’s data deletes it after confirming and signs in anew', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'admin.kaltim');
  await page.close();
  const next = await context.newPage();
  await next.goto('/');
  await next.getByLabel('Kata sandi').fill('kata-sandi-lama-yang-lupa');
  await next.getByRole('button', { name: 'Buka' }).click();
  await expect(next.getByRole('alert')).toBeVisible();
  next.once('dialog', (dialog) => void dialog.accept());
  await next.getByRole('button', { name: 'Hapus data di perangkat ini dan masuk lagi' }).click();
  await expect(next.getByRole('heading', { name: 'Masuk ke Lapor Workstation' })).toBeVisible();
  await submitSignIn(next, 'admin.kaltim');
  await waitForQueueSettled(next);
  const trackingNumber =
    (await next.getByTestId('queue-row').first().getAttribute('data-tracking')) ?? '';
  expect(await revealIdentity(next, trackingNumber)).toContain('·');
  await context.close();
});

test('after the admin resets an officer’s password and the officer signs in again, the next browser session opens with the new password only', async ({
  browser,
  request,
}) => {
  const login = async (username: string, password: string) => {
    const response = await request.post('/api/auth/login', {
      data: { username, password, deviceId: `e2e-${username}` },
    });
    expect(response.ok()).toBe(true);
    return (await response.json()) as { accessToken: string; officer: { unitId: string } };
  };
  const admin = await login('admin.kaltim', DEMO_PASSWORD);
  const pupr = await login('pupr.kaltim', DEMO_PASSWORD);
  const headers = { authorization: `Bearer ${admin.accessToken}` };
  const username = `kunci.${Date.now()}`;
  const first = 'Sandi-Awal-2026!';
  const second = 'Sandi-Baru-2026!';
  const created = await request.post('/api/admin/officers', {
    headers,
    data: {
      username,
      displayName: 'Petugas Uji Kunci',
      role: 'penghubung',
      password: first,
      unitId: pupr.officer.unitId,
    },
  });
  expect(created.ok()).toBe(true);
  const { id } = (await created.json()) as { id: string };

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await submitSignIn(page, username, first);

  const reset = await request.post(`/api/admin/officers/${id}/reset-password`, {
    headers,
    data: { password: second },
  });
  expect(reset.ok()).toBe(true);
  await page.getByTestId('sync-now').click();
  const banner = page.getByRole('region', { name: /Sesi berakhir/ });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await banner.getByLabel('Kata sandi').fill(second);
  await banner.getByRole('button', { name: 'Masuk' }).click();
  await expect(banner).toBeHidden({ timeout: 20_000 });

  await page.close();
  const next = await context.newPage();
  await next.goto('/');
  await next.getByLabel('Kata sandi').fill(first);
  await next.getByRole('button', { name: 'Buka' }).click();
  await expect(next.getByRole('alert')).toContainText('Kata sandi tidak membuka');
  await next.getByLabel('Kata sandi').fill(second);
  await next.getByRole('button', { name: 'Buka' }).click();
  await expect(next.getByTestId('sync-indicator')).toContainText('Daring · tersinkron', {
    timeout: 30_000,
  });
  await context.close();
});
