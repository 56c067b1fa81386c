import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/test.ts';
import type { RakordaReport } from '../../shared/reports/compute-rakorda-figures.ts';
import type { SessionResponse } from '../../shared/api/contract.ts';
import { DEMO_PASSWORD } from '../../server/seed/demo-instansi.ts';
import { signIn } from './support/workstation-page.ts';

const percent = (value: number | null) =>
  value === null ? '—' : `${value.toFixed(1).replace('.', ',')} %`;

test('the RAKORDA report is computed on the device, prints to a paged A4 PDF and matches the server', async ({
  browser,
  request,
}) => {
  const { page, context } = await signIn(browser, 'admin.kaltim');
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
  const folder = mkdtempSync(join(tmpdir(), 'lapor-report-'));
  const pdfPath = join(folder, 'rakorda.pdf');
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
  execFileSync('pdftoppm', [
    '-r',
    '40',
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    pdfPath,
    join(folder, 'page'),
  ]);
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
  await context.close();
});
