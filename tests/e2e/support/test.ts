import { expect, test as base } from '@playwright/test';
import { takePageErrors } from './workstation-page.ts';

/** Playwright's test, failing any test during which a workstation page threw uncaught. */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument.
    async ({}, use) => {
      takePageErrors();
      await use();
      expect(takePageErrors(), 'uncaught errors in the workstation').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
