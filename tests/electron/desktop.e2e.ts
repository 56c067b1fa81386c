import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

const binary = findElectronBinary();
if (binary === null) console.log('desktop shell tests skipped: no Electron binary');

const APP_DIR = resolve(import.meta.dirname, '../..');
const MAIN_SCRIPT = resolve(APP_DIR, 'out/main/index.js');
// The Playwright web server (playwright.config.ts) listens here.
const SERVER_URL = `http://127.0.0.1:${process.env.LAPOR_E2E_PORT ?? 8790}`;

/** What the checks read from the page's global scope; this project's types carry no DOM. */
type PageScope = Record<string, unknown> & {
  location: { origin: string; href: string };
  document: {
    createElement(tag: 'script'): { textContent: string | null };
    head: { append(node: unknown): void };
  };
  open(url: string): unknown;
};

test.describe('desktop shell', () => {
  test.skip(binary === null, 'skipped: no Electron binary');

  test('opens the workstation in a locked-down window with only the typed bridge exposed', async () => {
    expect(existsSync(MAIN_SCRIPT), `${MAIN_SCRIPT} missing: run electron-vite build`).toBe(true);
    // Without ELECTRON_RENDERER_URL the app loads the built renderer, as it ships.
    const { ELECTRON_RENDERER_URL: _devServer, ...environment } = process.env;
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      // The folder's package.json names out/main/index.js as main, and gives the app its name
      // and version (and so its own userData folder).
      args: [APP_DIR],
      env: { ...environment, LAPOR_SERVER_URL: SERVER_URL },
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Masuk ke Lapor Workstation' })).toBeVisible();

      const exposed = await page.evaluate(async () => {
        const scope = globalThis as unknown as PageScope;
        const bridge = scope.workstation as Record<string, () => Promise<unknown>> | undefined;
        return {
          require: typeof scope.require,
          process: typeof scope.process,
          module: typeof scope.module,
          bridgeMethods: bridge ? Object.keys(bridge).sort() : [],
          origin: scope.location.origin,
          serverUrl: await bridge?.serverUrl?.(),
          shell: ((await bridge?.appInfo?.()) as { shell?: string } | undefined)?.shell,
        };
      });
      expect(exposed).toEqual({
        require: 'undefined',
        process: 'undefined',
        module: 'undefined',
        bridgeMethods: ['appInfo', 'clearSession', 'loadSession', 'saveSession', 'serverUrl'],
        origin: 'app://workstation',
        serverUrl: SERVER_URL,
        shell: 'desktop',
      });

      const pageRestrictions = await page.evaluate(() => {
        const scope = globalThis as unknown as PageScope;
        const inline = scope.document.createElement('script');
        inline.textContent = 'globalThis.inlineScriptRan = true';
        scope.document.head.append(inline);
        return {
          inlineScriptRan: scope.inlineScriptRan === true,
          popupOpened: scope.open('https://example.com/') !== null,
        };
      });
      expect(pageRestrictions).toEqual({ inlineScriptRan: false, popupOpened: false });

      await page.evaluate(() => {
        (globalThis as unknown as PageScope).location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/workstation\//);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
