import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Tests sit under the tree they test: tests/shared, tests/renderer, tests/electron,
          // tests/scripts; everything under tests/server (pure or not) runs in the server project.
          include: [
            'tests/shared/**/*.test.ts',
            'tests/renderer/**/*.test.ts',
            'tests/electron/**/*.test.ts',
            'tests/scripts/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/server/support/global-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; two at a time keep a 2-core machine responsive.
          maxWorkers: 2,
        },
      },
    ],
  },
});
