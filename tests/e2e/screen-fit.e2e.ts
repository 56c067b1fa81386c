import type { Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { signIn } from './support/workstation-page.ts';

/** The most common office laptop, and the smallest screen officers are expected to use. */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;
const ROLES = ['admin.kaltim', 'koordinator.kaltim', 'pupr.kaltim'] as const;
const SHOTS = process.env.LAPOR_SCREENSHOT_DIR ?? '';

/**
 * Elements under `selector` whose text is cut off (wider than their box) while neither they nor
 * an ancestor up to the row carry the full text in a title or an accessible name. Badges and
 * marks with names of their own, and text only for screen readers, are not the text.
 */
async function clippedTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) => {
    const clipped: string[] = [];
    for (const root of roots) {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        if (!(element instanceof HTMLElement) || element.offsetParent === null) continue;
        if (element.closest('.visually-hidden') || element.getBoundingClientRect().width <= 1)
          continue;
        if (element.scrollWidth <= element.clientWidth + 1) continue;
        const copy = element.cloneNode(true) as HTMLElement;
        for (const aside of copy.querySelectorAll('.badge, .visually-hidden, [aria-hidden="true"]'))
          aside.remove();
        const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (!text) continue;
        let carrier: HTMLElement | null = element;
        let told = false;
        while (carrier && !told) {
          const full = `${carrier.title} ${carrier.getAttribute('aria-label') ?? ''}`;
          told = full.includes(text);
          carrier = carrier === root ? null : carrier.parentElement;
        }
        if (!told) clipped.push(`${element.className || element.tagName}: "${text}"`);
      }
    }
    return clipped;
  });
}

/**
 * For each element matching `selector`: its own text (badges aside) and how many of its
 * characters lie inside its box. A tooltip is no help while scanning a list, so what an officer
 * reads in place must be wide enough, or wrap.
 */
async function shownCharacters(
  page: Page,
  selector: string,
): Promise<{ text: string; shown: number; total: number }[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => element.getBoundingClientRect().height > 0)
      .map((element) => {
        const box = element.getBoundingClientRect();
        let text = '';
        let shown = 0;
        for (const node of element.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          const content = node.textContent ?? '';
          text += content;
          for (let index = 0; index < content.length; index += 1) {
            if (!content[index]!.trim()) continue;
            const range = document.createRange();
            range.setStart(node, index);
            range.setEnd(node, index + 1);
            const glyph = range.getBoundingClientRect();
            // A character past the ellipsis or below the last line lies outside the box.
            if (glyph.right <= box.right + 0.5 && glyph.bottom <= box.bottom + 0.5) shown += 1;
          }
        }
        return { text: text.trim(), shown, total: text.replace(/\s/g, '').length };
      }),
  );
}

/** Queue titles of which fewer than `least` characters (or fewer than all, if shorter) show. */
async function shortTitles(page: Page, least: number): Promise<string[]> {
  return (await shownCharacters(page, '.queue-row .col-title'))
    .filter(({ shown, total }) => shown < Math.min(least, total))
    .map(({ text, shown, total }) => `${shown}/${total}: ${text}`);
}

/** The header's entries all sit on one line. */
async function headerLines(page: Page): Promise<number> {
  return page.locator('.app-header').evaluate((header) => {
    const tops = new Set<number>();
    for (const child of header.children) {
      const box = child.getBoundingClientRect();
      if (box.height > 0) tops.add(Math.round(box.top + box.height / 2));
    }
    // Entries of one line share their vertical middle within a few pixels.
    const sorted = [...tops].sort((a, b) => a - b);
    let lines = sorted.length > 0 ? 1 : 0;
    for (let index = 1; index < sorted.length; index += 1) {
      if (sorted[index]! - sorted[index - 1]! > 8) lines += 1;
    }
    return lines;
  });
}

async function rowCount(page: Page): Promise<number> {
  return page.getByTestId('queue-row').count();
}

async function statusBarGap(page: Page): Promise<number> {
  const box = await page.locator('.status-bar').boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no status bar');
  return viewport.height - (box.y + box.height);
}

for (const username of ROLES) {
  test(`${username}: sees only controls the role can use, and nothing in the queue, the likely duplicates, the detail, the top bar or the status bar is cut off at 1366×768 and 1280×720`, async ({
    browser,
  }) => {
    const { page, context } = await signIn(browser, username);
    await page.getByTestId('filter-status').selectOption('all');
    // Each role sees the controls it can use, and no others.
    const admin = username === 'admin.kaltim';
    await page.getByTestId('queue-row').first().click();
    await expect(page.locator('.triage-actions')).toHaveCount(admin ? 1 : 0);
    await expect(page.getByTestId('row-check')).toHaveCount(admin ? await rowCount(page) : 0);
    const seesUnits = username !== 'pupr.kaltim';
    await expect(page.getByTestId('filter-unit')).toHaveCount(seesUnits ? 1 : 0);
    await expect(page.locator('.queue-header .col-unit')).toHaveCount(seesUnits ? 1 : 0);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.getByTestId('queue-row').first().click();
      await expect(page.getByTestId('complaint-detail')).toBeVisible();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${username}-queue-${size.width}.png` });
      expect(await clippedTexts(page, '.queue-row'), 'clipped in the queue').toEqual([]);
      expect(await clippedTexts(page, '.queue-header'), 'clipped in the queue header').toEqual([]);
      expect(await shortTitles(page, 40), 'titles cut short in the queue').toEqual([]);
      await expect(page.getByTestId('duplicate-hints')).toBeVisible();
      expect(await clippedTexts(page, '.detail-panel'), 'clipped in the detail').toEqual([]);
      expect(await clippedTexts(page, '.app-header'), 'clipped in the top bar').toEqual([]);
      expect(await headerLines(page), 'lines of the top bar').toBe(1);
      expect(await clippedTexts(page, '.status-bar'), 'clipped in the status bar').toEqual([]);
      // A notice's opening words ("26 pengaduan jatuh tempo hari ini", 28 letters) read in place.
      for (const { text, shown, total } of await shownCharacters(page, '.status-notice')) {
        expect(shown, `status notice "${text}"`).toBeGreaterThanOrEqual(Math.min(total, 28));
      }
      expect(await statusBarGap(page), 'status bar off the bottom').toBeLessThan(2);

      await page.getByTestId('nav-report').click();
      await expect(page.locator('.report-toolbar')).toBeVisible();
      expect(await clippedTexts(page, '.report-toolbar'), 'clipped in the report form').toEqual([]);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${username}-report-${size.width}.png` });
      expect(await statusBarGap(page), 'status bar off the bottom of the report').toBeLessThan(2);
      expect(await headerLines(page), 'lines of the top bar on the report').toBe(1);
      await page.getByRole('navigation').getByRole('button', { name: 'Antrean' }).click();
    }
    await context.close();
  });
}
