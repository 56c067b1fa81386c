import { expect, test } from './support/test.ts';
import { signIn } from './support/workstation-page.ts';

test('a #pengaduan= link opens that complaint in the web build (the twin of lapor://)', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'admin.kaltim');
  const row = page.getByTestId('queue-row').nth(5);
  const trackingNumber = (await row.getAttribute('data-tracking')) ?? '';
  await page.evaluate((tracking) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash =
      `pengaduan=${tracking.toLowerCase()}`;
  }, trackingNumber);
  await expect(page.getByTestId('complaint-detail')).toContainText(trackingNumber);
  await expect(row).toHaveAttribute('aria-selected', 'true');

  await page.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash =
      'pengaduan=KALTIM-0101-99999';
  });
  await expect(page.getByTestId('status-notice')).toHaveText(
    'Pengaduan KALTIM-0101-99999 tidak ada di perangkat ini.',
  );
  await context.close();
});

test('without OS notifications, newly disposed complaints are announced in the status bar', async ({
  browser,
}) => {
  const { context, page } = await signIn(browser, 'pupr.kaltim');
  // The first sync only remembers what was already disposed: nothing is announced.
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(localStorage).some((key) => key.startsWith('lapor.notifications.')),
      ),
    )
    .toBe(true);
  await expect(page.getByTestId('status-notice')).not.toContainText('didisposisikan');

  // Forget them, as if all had arrived since the last run, in a browser without notifications.
  const disposed = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('lapor.notifications.'));
    const memory = JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as {
      disposedSeen: string[];
    };
    localStorage.setItem(
      key ?? '',
      JSON.stringify({ disposedSeen: [], dueTodayNotifiedOn: '2000-01-01' }),
    );
    return memory.disposedSeen.length;
  });
  expect(disposed).toBeGreaterThan(0);
  await context.addInitScript(() => {
    delete (globalThis as { Notification?: unknown }).Notification;
  });
  await page.reload();
  const notice = page.getByTestId('status-notice');
  await expect(notice).toContainText(
    `${disposed} pengaduan baru didisposisikan ke OPD Anda: KALTIM-`,
    { timeout: 30_000 },
  );
  // Today's deadlines are announced alongside, not instead.
  const dueToday = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('lapor.notifications.'));
    return (JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { dueTodayNotifiedOn: string })
      .dueTodayNotifiedOn;
  });
  if (dueToday !== '2000-01-01') await expect(notice).toContainText('jatuh tempo hari ini');
  await context.close();
});
