import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { expect, test } from './support/test.ts';
import { wcagViolations } from './support/axe.ts';

/**
 * The desktop preload's bridge, played by the page itself: a first-run installation with no
 * server chosen. Its server test asks /readyz like the main process does.
 */
function installFakeDesktopBridge() {
  const store = (globalThis as unknown as { localStorage: Storage }).localStorage;
  const SERVER = 'fake-desktop.server';
  const SESSION = 'fake-desktop.session';
  const REPLICA_KEY = 'fake-desktop.replica-key';
  const unsubscribe = () => () => undefined;
  (globalThis as unknown as { workstation: unknown }).workstation = {
    appInfo: async () => ({ shell: 'desktop', version: '0.1.0', platform: 'linux' }),
    serverUrl: async () => store.getItem(SERVER),
    testServer: async (address: string) => {
      try {
        const origin = new URL(address.trim()).origin;
        const response = await fetch(`${origin}/readyz`);
        const body = (await response.json()) as { status?: string };
        return body.status === 'ready' ? { ok: true, origin } : { ok: false, reason: 'not_lapor' };
      } catch {
        return { ok: false, reason: 'unreachable' };
      }
    },
    setServerUrl: async (address: string) => {
      const origin = new URL(address.trim()).origin;
      store.setItem(SERVER, origin);
      return origin;
    },
    saveSession: async (session: unknown) => store.setItem(SESSION, JSON.stringify(session)),
    loadSession: async () => JSON.parse(store.getItem(SESSION) ?? 'null') as unknown,
    clearSession: async () => store.removeItem(SESSION),
    // The OS key store's replica key: made once, the same at every start.
    replicaKey: async () => {
      let key = store.getItem(REPLICA_KEY);
      if (!key) {
        key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
        store.setItem(REPLICA_KEY, key);
      }
      return key;
    },
    forgetReplicaKey: async () => store.removeItem(REPLICA_KEY),
    saveReportPdf: async () => ({ outcome: 'cancelled' }),
    saveFile: async () => ({ outcome: 'cancelled' }),
    notify: async () => 'unavailable',
    reportPendingChanges: async () => undefined,
    onOpenComplaint: unsubscribe,
    onOpenHelp: unsubscribe,
  };
}

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

test('first run asks for the central server, tests it, keeps it, then signs in', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  await context.addInitScript(installFakeDesktopBridge);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sambungkan ke server pusat' })).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);
  // Inside the desktop app (the bridge is there) no service worker is registered.
  expect(
    await page.evaluate(async () => {
      const worker = (
        globalThis as unknown as {
          navigator: { serviceWorker: { getRegistrations(): Promise<unknown[]> } };
        }
      ).navigator.serviceWorker;
      return (await worker.getRegistrations()).length;
    }),
  ).toBe(0);
  const use = page.getByRole('button', { name: 'Pakai server ini' });
  await expect(use).toBeDisabled();

  // A wrong address says so, in words the officer can act on.
  const address = page.getByLabel('Alamat server pusat');
  await address.fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Uji koneksi' }).click();
  await expect(page.getByTestId('setup-result')).toHaveText(
    'Server tidak dapat dihubungi. Periksa alamat dan koneksi jaringan, lalu coba lagi.',
  );
  await expect(use).toBeDisabled();

  // The demo offer fills in the local demo server and tests it.
  await page.getByRole('button', { name: 'Pakai server demo' }).click();
  await expect(address).toHaveValue('http://127.0.0.1:8787');
  await expect(page.getByTestId('setup-result')).not.toBeEmpty();

  await address.fill(baseURL ?? '');
  await address.press('Enter');
  await expect(page.getByTestId('setup-result')).toHaveText(
    `Terhubung: server pusat di ${baseURL} siap dipakai.`,
  );
  await use.click();

  // After the reload the server is known: the login screen, then the queue.
  await expect(page.getByText(`Server pusat: ${baseURL}`)).toBeVisible();
  await page.getByLabel('Nama pengguna').fill('koordinator.kaltim');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 60_000 });

  // The next start goes straight to the workstation.
  await page.reload();
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Sambungkan ke server pusat' })).toHaveCount(0);
  await context.close();
});

test('the web build never asks: it uses the server that served it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sambungkan ke server pusat' })).toHaveCount(0);
});
