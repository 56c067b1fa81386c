import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { build } from 'vite';
import { expect, test } from './support/test.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { submitSignIn, waitForQueueSettled } from './support/workstation-page.ts';

const OLDER_REPLICA_PATH = '/__older-replica/';

test('a replica stored by an older version is upgraded when it opens, with its progress on screen, and the queue opens with every complaint', async ({
  browser,
  request,
}) => {
  // The page that writes the older replica, built now and served on the workstation's origin.
  const outDir = mkdtempSync(join(tmpdir(), 'lapor-older-replica-'));
  await build({
    configFile: false,
    root: resolve('tests/e2e/support/older-replica'),
    base: OLDER_REPLICA_PATH,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const context = await browser.newContext();
  try {
    await context.route(`**${OLDER_REPLICA_PATH}**`, (route) => {
      const path = new URL(route.request().url()).pathname.slice(OLDER_REPLICA_PATH.length);
      const file = join(outDir, path || 'index.html');
      return route.fulfill({
        body: readFileSync(file),
        contentType: extname(file) === '.js' ? 'text/javascript' : 'text/html',
      });
    });

    const login = await request.post('/api/auth/login', {
      data: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'upgrade-seed' },
    });
    expect(login.ok()).toBe(true);
    const { accessToken, officer } = (await login.json()) as {
      accessToken: string;
      officer: { id: string };
    };
    const pulled = await request.get('/api/replication/complaints/pull', {
      params: { checkpoint: JSON.stringify({ seq: 0 }), limit: '1000' },
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const { documents } = (await pulled.json()) as { documents: Record<string, unknown>[] };
    expect(documents.length).toBeGreaterThan(100);

    const page = await context.newPage();
    await page.goto(OLDER_REPLICA_PATH);
    await page.waitForFunction(() => 'writeOlderReplica' in window);
    expect(
      await page.evaluate(
        ([officerId, complaints]) => window.writeOlderReplica(officerId, complaints),
        [officer.id, documents] as const,
      ),
    ).toBe(documents.length);

    // Every text the upgrade screen shows, however briefly.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { upgradeTexts: string[] }).upgradeTexts = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="replica-upgrade"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto('/');
    await submitSignIn(page, 'admin.kaltim');
    await waitForQueueSettled(page);

    const texts = await page.evaluate(
      () => (window as unknown as { upgradeTexts: string[] }).upgradeTexts,
    );
    const total = documents.length.toLocaleString('id-ID');
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => text.includes(`dari ${total} dokumen`))).toBe(true);
    await expect(page.getByTestId('replica-upgrade')).toBeHidden();
    await expect(page.locator('.queue-panel')).toHaveAttribute(
      'data-total',
      String(documents.length),
    );
  } finally {
    await context.close();
    rmSync(outDir, { recursive: true, force: true });
  }
});
