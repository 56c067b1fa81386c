import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

const binary = findElectronBinary();
if (binary === null) console.log('desktop shell tests skipped: no Electron binary');

test.describe('desktop shell', () => {
  test.skip(binary === null, 'skipped: no Electron binary');

  test('opens the workstation in a sandboxed window with only the typed bridge exposed', async () => {
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['.'],
      env: { ...process.env, LAPOR_SERVER_URL: 'http://127.0.0.1:8790' },
    });
    try {
      const window = await app.firstWindow();
      await expect(
        window.getByRole('heading', { name: 'Masuk ke Lapor Workstation' }),
      ).toBeVisible();
      const exposed = await window.evaluate(() => {
        const scope = globalThis as unknown as Record<string, unknown>;
        const bridge = scope.workstation as Record<string, unknown> | undefined;
        return {
          require: typeof scope.require,
          process: typeof scope.process,
          bridgeMethods: bridge ? Object.keys(bridge).sort() : [],
          origin: (scope.location as { origin: string }).origin,
        };
      });
      expect(exposed).toEqual({
        require: 'undefined',
        process: 'undefined',
        bridgeMethods: ['appInfo', 'clearSession', 'loadSession', 'saveSession', 'serverUrl'],
        origin: 'app://workstation',
      });
    } finally {
      await app.close();
    }
  });
});
