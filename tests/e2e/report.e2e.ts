import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from './support/test.ts';
import type { RakordaReport } from '../../shared/reports/compute-rakorda-figures.ts';
import { rakordaTables } from '../../shared/reports/report-tables.ts';
import type { SessionResponse } from '../../shared/api/contract.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { signIn } from './support/workstation-page.ts';
import { wcagViolations } from './support/axe.ts';

const percent = (value: number | null) =>
  value === null ? '—' : `${value.toFixed(1).replace('.', ',')} %`;

/** Punctuation around a word in running text: not part of the word. */
const bare = (word: string) => word.replace(/^[("'“]+|[)"'”.,;:]+$/g, '');

/**
 * Every word the printed tables should show (header labels, text cells, legends), except free
 * text from the public, which may break inside a long word.
 */
function printedTableWords(report: RakordaReport): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/\s+/).map(bare)) if (/\p{L}{2}/u.test(word)) words.add(word);
  };
  for (const table of rakordaTables(report.current)) {
    table.columns.forEach((column, index) => {
      if (column.exportOnly) return;
      add(column.label);
      if (column.kind !== 'text' || column.wrap === 'anywhere') return;
      for (const row of table.rows) {
        const cell = row[index];
        // YYYY-MM months print as month names.
        if (typeof cell === 'string' && !/^\d{4}-\d{2}$/.test(cell)) add(cell);
      }
    });
    for (const entry of table.legend ?? []) add(`${entry.term} ${entry.meaning}`);
  }
  return words;
}

/** The text of one page of a PDF, laid out as printed. */
function pageText(pdfPath: string, page: number): string {
  const number = String(page);
  return execFileSync('pdftotext', [
    '-layout',
    '-f',
    number,
    '-l',
    number,
    pdfPath,
    '-',
  ]).toString();
}

test('the RAKORDA report is computed on the device, prints to a paged A4 PDF and matches the server', async ({
  browser,
  request,
}, testInfo) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
  // The complaint names its place: the device holds its region's names.
  await page.getByTestId('queue-row').first().click();
  await expect(page.getByTestId('detail-place')).toContainText(/, (Kabupaten|Kota) /);
  await page.getByTestId('nav-report').click();
  await page.getByRole('button', { name: 'Tahun ini' }).click();
  const from = await page.getByTestId('report-from').inputValue();
  const to = await page.getByTestId('report-to').inputValue();
  await page.getByTestId('report-generate').click();
  const document = page.getByTestId('rakorda-document');
  await expect(document).toBeVisible();

  const login = await request.post('/api/auth/login', {
    data: { username: 'admin.kaltim', password: DEMO_PASSWORD, deviceId: 'e2e-report' },
  });
  const { accessToken } = (await login.json()) as SessionResponse;
  const response = await request.get('/api/reports/rakorda', {
    params: { from, to },
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(response.status()).toBe(200);
  const server = (await response.json()) as RakordaReport;
  expect(server.current.received.total).toBeGreaterThan(0);

  // The device's headline figures are the server's.
  const received = new Intl.NumberFormat('id-ID').format(server.current.received.total);
  await expect(page.getByTestId('summary-received')).toContainText(received);
  await expect(page.getByTestId('summary-handled')).toContainText(
    percent(server.current.rates.handled.percent),
  );
  await expect(page.getByTestId('summary-completion')).toContainText(
    percent(server.current.rates.completion.percent),
  );

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdfPath = testInfo.outputPath('rakorda.pdf');
  writeFileSync(pdfPath, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath]).toString())?.[1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(text).toContain('PEMERINTAH PROVINSI KALIMANTAN TIMUR');
  expect(text).toContain('Ringkasan eksekutif');
  expect(text).toContain(percent(server.current.rates.handled.percent));
  expect(text).toContain(percent(server.current.rates.completion.percent));
  expect(text).toContain(`Halaman 1 dari ${pages}`);
  expect(text).toContain(`Halaman ${pages} dari ${pages}`);
  expect(text).toContain('Mengetahui,');
  // No screen chrome in print.
  expect(text).not.toContain('Buat laporan');
  expect(text).not.toContain('Antrean pengaduan');

  // No word of a table is broken across lines: each is found whole in the printed text.
  const printedWords = new Set(text.split(/\s+/).map(bare));
  const tableWords = printedTableWords(server);
  const broken = [...tableWords].filter((word) => !printedWords.has(word));
  expect(broken, 'table words not printed whole').toEqual([]);
  // The kabupaten/kota are named as the server names them, in the chart and the table.
  expect(server.current.regencies.length).toBeGreaterThan(1);
  for (const regency of server.current.regencies)
    expect(text.replace(/\s+/g, ' ')).toContain(regency.name);
  // Short OPD names never wrap, so each is on one line even when it has a space.
  for (const unit of server.current.units) expect(text).toContain(unit.shortName);
  for (const item of server.current.overdue.items)
    expect(printedWords).toContain(item.trackingNumber);

  // Page one is the brief, filled: headline rates, trend, best and lowest OPDs, attention.
  const pageOne = pageText(pdfPath, 1);
  for (const heading of [
    'Ringkasan eksekutif',
    'Tren bulanan',
    'Perlu perhatian',
    'OPD terbaik',
    'OPD terendah',
  ])
    expect(pageOne).toContain(heading);
  expect(pageOne.replace(/\s+/g, '').length, 'characters printed on page one').toBeGreaterThan(
    1200,
  );
  // Rates change in percentage points; codes are written as labels.
  expect(pageOne).toMatch(/periode sebelumnya(: —| [\d,]+ % \([+−±][\d,]+ poin\))/);
  expect(pageOne).not.toMatch(/%\)/);
  expect(pageOne.replace(/\s+/g, ' ')).toContain(
    `selesai (ditutup): ${percent(server.current.rates.closed.percent)}`,
  );
  expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);

  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, testInfo.outputPath('page')]);
  // No page but the last is nearly empty (a short table stranded before the landscape pages),
  // and no heading ends a page or stands on one alone.
  const headings = [
    'Grafik',
    'Tabel',
    'Lampiran',
    'Definisi dan cara hitung',
    ...rakordaTables(server.current).map((table) => table.title),
  ];
  for (let number = 1; number <= pages; number += 1) {
    const lines = pageText(pdfPath, number)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^Halaman \d+ dari \d+$/.test(line));
    const printed = lines.join('').replace(/\s+/g, '').length;
    if (number < pages)
      expect(printed, `characters printed on page ${number} of ${pages}`).toBeGreaterThan(400);
    expect(headings, `last line of page ${number}`).not.toContain(lines.at(-1));
    expect(
      lines.filter((line) => !headings.includes(line)),
      `page ${number} holds more than headings`,
    ).not.toEqual([]);
  }

  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByTestId('report-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.startsWith('\uFEFFPeringkat;OPD;Diterima')).toBe(true);
  expect(csv.trim().split('\r\n')).toHaveLength(1 + server.current.units.length);

  const xlsx = page.waitForEvent('download');
  await page.getByTestId('report-xlsx').click();
  const workbook = readFileSync(await (await xlsx).path());
  expect(workbook.subarray(0, 2).toString()).toBe('PK');

  // A period without reports prints its empty tables in the portrait flow, on no landscape page.
  await page.getByRole('button', { name: 'Tahun lalu' }).click();
  await page.getByTestId('report-generate').click();
  const lastYear = Number(from.slice(0, 4)) - 1;
  await expect(page.getByTestId('report-period')).toContainText(`Periode 1 Januari ${lastYear}`);
  await page.emulateMedia({ media: 'print' });
  const emptyPath = testInfo.outputPath('rakorda-empty.pdf');
  writeFileSync(emptyPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '99', emptyPath]).toString();
  expect(sizes).toMatch(/Page\s+1 size:\s+594\.\d+ x 841\.\d+/);
  expect(sizes, 'landscape pages for an empty period').not.toMatch(/size:\s+841\.\d+ x 594/);
  const emptyText = execFileSync('pdftotext', ['-layout', emptyPath, '-']).toString();
  expect(emptyText).toContain('Laporan terlambat');
  expect(emptyText).toContain('Tidak ada data pada periode ini.');
  await context.close();
});

test('the letterhead the admin sets on one device prints on a koordinator’s RAKORDA on another', async ({
  browser,
}, testInfo) => {
  const admin = await signIn(browser, 'admin.kaltim');
  await admin.page.getByTestId('nav-administration').click();
  await admin.page.getByTestId('admin-section-letterhead').click();
  const form = admin.page.getByTestId('letterhead-form');
  await expect(form.getByLabel('Nama instansi pada kop')).toHaveValue(
    'PEMERINTAH PROVINSI KALIMANTAN TIMUR',
  );
  await form.getByLabel('Kontak (telepon, surel, situs web)').fill('x'.repeat(201));
  await form.getByLabel('NIP penanda tangan').fill('12345');
  await admin.page.getByTestId('letterhead-save').click();
  await expect(form.getByText('Kontak paling banyak 200 karakter.')).toBeVisible();
  await expect(form.getByText('NIP terdiri atas 18 angka.')).toBeVisible();
  expect(await wcagViolations(admin.page, '[data-testid="letterhead-form"]')).toEqual([]);

  await form.getByLabel('Alamat').fill('Jl. Gajah Mada No. 2, Samarinda 75121');
  await form
    .getByLabel('Kontak (telepon, surel, situs web)')
    .fill('Telp. (0541) 733333 · diskominfo@kaltimprov.go.id');
  await form.getByLabel('Logo (PNG, JPEG atau WebP)').setInputFiles('resources/icon.png');
  await expect(form.getByRole('img', { name: 'Pratinjau logo' })).toBeVisible();
  await form.getByLabel('Jabatan penanda tangan').fill('Kepala Dinas Komunikasi dan Informatika');
  await form.getByLabel('Nama penanda tangan').fill('Dr. Siti Rahmawati, M.Si.');
  await form.getByLabel('NIP penanda tangan').fill('19750312 200003 2 004');
  await form.getByLabel('Kota tempat penandatanganan').fill('Samarinda');
  await admin.page.getByTestId('letterhead-save').click();
  await expect(admin.page.getByTestId('letterhead-notice')).toContainText('disimpan');

  const koordinator = await signIn(browser, 'koordinator.kaltim');
  const page = koordinator.page;
  await expect(page.getByTestId('nav-administration')).toHaveCount(0);
  await page.getByTestId('nav-report').click();
  await page.getByRole('button', { name: 'Tahun ini' }).click();
  await page.getByTestId('report-generate').click();
  // The admin's change reaches this device through the server (live or on its first pull).
  await expect(page.getByTestId('report-signature')).toContainText('Dr. Siti Rahmawati, M.Si.', {
    timeout: 20_000,
  });

  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('rakorda-letterhead.pdf');
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  const pageOne = execFileSync('pdftotext', ['-layout', '-l', '1', pdfPath, '-']).toString();
  expect(pageOne).toContain('PEMERINTAH PROVINSI KALIMANTAN TIMUR');
  expect(pageOne).toContain('Jl. Gajah Mada No. 2, Samarinda 75121');
  expect(pageOne).toContain('diskominfo@kaltimprov.go.id');
  // A long jabatan wraps inside the signature block.
  expect(text.replace(/\s+/g, ' ')).toContain('Kepala Dinas Komunikasi dan Informatika');
  expect(text).toContain('Dr. Siti Rahmawati, M.Si.');
  expect(text).toContain('NIP 19750312 200003 2 004');
  expect(text).toMatch(/Samarinda, \d{1,2} \p{L}+ \d{4}/u);
  // The logo is drawn on page one.
  const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', pdfPath]).toString();
  expect(images.trim().split('\n').length).toBeGreaterThan(2);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, testInfo.outputPath('letterhead')]);
  await koordinator.context.close();
  await admin.context.close();
});
