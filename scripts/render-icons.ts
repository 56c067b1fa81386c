/**
 * Renders resources/icon.svg to the PNG icons the app ships: the desktop app icon
 * (resources/icon.png, 512 px, used by electron-builder) and the web app's install icons
 * (renderer/public). Run after changing the SVG: `node scripts/render-icons.ts`.
 * The PNGs are committed as source assets so a build needs no browser.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const root = join(import.meta.dirname, '..');
const svg = await readFile(join(root, 'resources/icon.svg'), 'utf8');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const outputs: { file: string; size: number; padding: number }[] = [
  { file: 'resources/icon.png', size: 512, padding: 0 },
  { file: 'renderer/public/icon-192.png', size: 192, padding: 0 },
  { file: 'renderer/public/icon-512.png', size: 512, padding: 0 },
  // Maskable icons are cropped to a circle by some launchers: keep the mark in the safe zone.
  { file: 'renderer/public/icon-maskable-512.png', size: 512, padding: 0.1 },
  { file: 'renderer/public/apple-touch-icon.png', size: 180, padding: 0 },
];

const browser = await chromium.launch(
  existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {},
);
try {
  for (const { file, size, padding } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const inset = Math.round(size * padding);
    const background = padding > 0 ? '#0f2c4c' : 'transparent';
    await page.setContent(
      `<html><body style="margin:0;background:${background}">` +
        `<div style="padding:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px">` +
        svg.replace('<svg ', '<svg style="width:100%;height:100%;display:block" ') +
        '</div></body></html>',
    );
    const png = await page.screenshot({ omitBackground: padding === 0, type: 'png' });
    await writeFile(join(root, file), png);
    await page.close();
  }
  await copyFile(join(root, 'resources/icon.svg'), join(root, 'renderer/public/icon.svg'));
} finally {
  await browser.close();
}
