import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './support/test.ts';
import type { RegionalBriefing } from '../../shared/reports/plan-regional-briefing.ts';
import { regionalBriefingTables } from '../../shared/reports/regional-briefing-tables.ts';
import type { SessionResponse } from '../../shared/api/contract.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { signIn } from './support/workstation-page.ts';

const percent = (value: number | null) =>
  value === null ? '—' : `${value.toFixed(1).replace('.', ',')} %`;
const bare = (word: string) => word.replace(/^[("'“]+|[)"'”.,;:]+$/g, '');

/** Every word the printed tables show: header labels and text cells. */
function printedTableWords(briefing: RegionalBriefing): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/\s+/).map(bare)) if (/\p{L}{2}/u.test(word)) words.add(word);
  };
  for (const table of regionalBriefingTables(briefing)) {
    table.columns.forEach((column, index) => {
      add(column.label);
      if (column.kind !== 'text') return;
      for (const row of table.rows) {
        const cell = row[index];
        if (typeof cell === 'string') add(cell);
      }
    });
  }
  return words;
}

test("the province's coordinator prints the regional briefing the server computes", async ({
  browser,
  request,
}, testInfo) => {
  const { page, context } = await signIn(browser, 'koordinator.kaltim');
  await page.getByTestId('nav-regional').click();
  await page.getByLabel('Dari tanggal').fill('2026-01-01');
  await page.getByTestId('regional-generate').click();
  const document = page.getByTestId('regional-document');
  await expect(document).toBeVisible();
  const to = await page.getByLabel('Sampai tanggal').inputValue();

  const login = await request.post('/api/auth/login', {
    data: { username: 'koordinator.kaltim', password: DEMO_PASSWORD, deviceId: 'e2e-regional' },
  });
  const { accessToken } = (await login.json()) as SessionResponse;
  const response = await request.get('/api/reports/regional', {
    params: { from: '2026-01-01', to },
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(response.status()).toBe(200);
  const server = (await response.json()) as RegionalBriefing;
  expect(server.members.map((member) => member.name)).toEqual([
    'Pemerintah Kabupaten Kutai Kartanegara',
  ]);
  expect(server.members[0]!.received).toBeGreaterThan(0);

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfPath = testInfo.outputPath('regional.pdf');
  writeFileSync(pdfPath, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath]).toString())?.[1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  const flat = text.replace(/\s+/g, ' ');
  expect(text).toContain('PEMERINTAH PROVINSI KALIMANTAN TIMUR');
  for (const row of [server.province, ...server.members]) {
    expect(flat).toContain(row.name);
    expect(flat).toContain(percent(row.handledRate.percent));
    expect(flat).toContain(percent(row.completionRate.percent));
  }
  expect(flat).toContain(percent(server.total.handledRate.percent));
  expect(text).toContain('Mengetahui,');
  expect(text).not.toContain('Buat laporan');
  expect(text).not.toMatch(/KUKAR-\d|KALTIM-\d/);

  // No word of a table is broken across lines.
  const printedWords = new Set(text.split(/\s+/).map(bare));
  const broken = [...printedTableWords(server)].filter((word) => !printedWords.has(word));
  expect(broken, 'table words not printed whole').toEqual([]);

  // Page one is the brief, filled.
  const pageOne = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdfPath, '-'])
    .toString()
    .replace(/\s+/g, ' ');
  expect(pageOne).toContain('Ringkasan');
  expect(pageOne).toContain('Kutai Kartanegara');
  expect(pageOne).toContain('Tim Pengelola');
  expect(pageOne).toContain('Tingkat penyelesaian per instansi');
  expect(pageOne.replace(/\s/g, '').length, 'characters printed on page one').toBeGreaterThan(900);

  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, testInfo.outputPath('page')]);
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByTestId('regional-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFFPeringkat;Instansi;Diterima')).toBe(true);
  expect(csv.trim().split('\r\n')).toHaveLength(1 + 1 + server.members.length + 1);

  const xlsx = page.waitForEvent('download');
  await page.getByTestId('regional-xlsx').click();
  expect(
    readFileSync(await (await xlsx).path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  await context.close();
});

test('a penghubung has no regional briefing', async ({ browser }) => {
  const { page, context } = await signIn(browser, 'pupr.kaltim');
  await expect(page.getByTestId('nav-report')).toBeVisible();
  await expect(page.getByTestId('nav-regional')).toHaveCount(0);
  await context.close();
});
