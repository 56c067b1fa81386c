import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// Overridable so two end-to-end runs on one machine do not collide.
const E2E_PORT = Number(process.env.LAPOR_E2E_PORT ?? 8790);
const dataDir = mkdtempSync(join(tmpdir(), 'lapor-e2e-'));

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.e2e.ts', 'electron/**/*.e2e.ts'],
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    serviceWorkers: 'allow',
    launchOptions: {
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node server/main.ts',
    url: `http://127.0.0.1:${E2E_PORT}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      LAPOR_DATA_DIR: dataDir,
      LAPOR_DEMO_COMPLAINTS: '500',
      // A short span and a backlog keep many reports unverified, enough for bulk triage tests.
      LAPOR_DEMO_SPAN_DAYS: '21',
      LAPOR_DEMO_BACKLOG: 'true',
      LAPOR_WEB_ROOT: 'out/renderer',
      LAPOR_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
    },
  },
});
