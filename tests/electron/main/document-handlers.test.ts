import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge.ts';
import {
  createDocumentHandlers,
  MAX_EXPORT_BYTES,
  safeFileName,
  type PrintablePage,
} from '../../../electron/main/document-handlers.ts';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

function setup(choice: 'accept' | 'cancel' = 'accept') {
  const written: { path: string; data: Uint8Array }[] = [];
  const asked: { defaultPath: string; extension: string }[] = [];
  const printed: unknown[] = [];
  const page: PrintablePage = {
    printToPDF: async (options) => {
      printed.push(options);
      return PDF;
    },
  };
  const handlers = createDocumentHandlers({
    documentsFolder: '/home/petugas/Dokumen',
    chooseSaveLocation: async (defaultPath, extension) => {
      asked.push({ defaultPath, extension });
      return choice === 'accept' ? defaultPath : null;
    },
    writeFile: async (path, data) => {
      written.push({ path, data });
    },
  });
  return { handlers, page, written, asked, printed };
}

describe('document IPC handlers', () => {
  it('print the calling page to an A4 PDF and save it where the officer chose', async () => {
    const { handlers, page, written, asked, printed } = setup();
    const result = await handlers[BRIDGE_CHANNELS.saveReportPdf](page, 'RAKORDA Juni 2026');
    expect(printed).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]);
    expect(asked).toEqual([
      { defaultPath: '/home/petugas/Dokumen/RAKORDA Juni 2026.pdf', extension: 'pdf' },
    ]);
    expect(written).toEqual([{ path: '/home/petugas/Dokumen/RAKORDA Juni 2026.pdf', data: PDF }]);
    expect(result).toEqual({
      outcome: 'saved',
      location: '/home/petugas/Dokumen/RAKORDA Juni 2026.pdf',
    });
  });

  it('write nothing when the officer cancels the dialog', async () => {
    const { handlers, page, written } = setup('cancel');
    expect(await handlers[BRIDGE_CHANNELS.saveReportPdf](page, 'laporan')).toEqual({
      outcome: 'cancelled',
    });
    expect(written).toEqual([]);
  });

  it('save CSV and XLSX exports and refuse any other kind of file', async () => {
    const { handlers, page, written } = setup();
    const data = new Uint8Array([1, 2, 3]);
    await handlers[BRIDGE_CHANNELS.saveFile](page, { suggestedName: 'peringkat-opd.xlsx', data });
    await handlers[BRIDGE_CHANNELS.saveFile](page, { suggestedName: 'tren.CSV', data });
    expect(written.map((file) => file.path)).toEqual([
      '/home/petugas/Dokumen/peringkat-opd.xlsx',
      '/home/petugas/Dokumen/tren.csv',
    ]);
    for (const suggestedName of ['run.sh', 'laporan.pdf', 'laporan', 'x.exe']) {
      await expect(
        handlers[BRIDGE_CHANNELS.saveFile](page, { suggestedName, data }),
      ).rejects.toThrow('only .csv or .xlsx');
    }
    expect(written).toHaveLength(2);
  });

  it.each([
    ['no argument', []],
    ['a string for data', [{ suggestedName: 'a.csv', data: 'abc' }]],
    ['an array for data', [{ suggestedName: 'a.csv', data: [1, 2] }]],
    ['a file over 50 MB', [{ suggestedName: 'a.csv', data: new Uint8Array(MAX_EXPORT_BYTES + 1) }]],
    ['extra arguments', [{ suggestedName: 'a.csv', data: new Uint8Array(1) }, 'more']],
  ])('refuse to save %s', async (_name, args) => {
    const { handlers, page, written } = setup();
    await expect(handlers[BRIDGE_CHANNELS.saveFile](page, ...args)).rejects.toThrow(
      'invalid arguments',
    );
    expect(written).toEqual([]);
  });
});

describe('safeFileName', () => {
  it('keeps only a plain name with the expected extension', () => {
    expect(safeFileName('../../etc/passwd', '.csv')).toBe('passwd.csv');
    expect(safeFileName('C:\\Windows\\system32\\x.xlsx', '.xlsx')).toBe('x.xlsx');
    expect(safeFileName('a<b>:c"d|e?f*.pdf', '.pdf')).toBe('a-b-c-d-e-f-.pdf');
    expect(safeFileName('...', '.pdf')).toBe('laporan.pdf');
    expect(safeFileName('Laporan RAKORDA 2026', '.pdf')).toBe('Laporan RAKORDA 2026.pdf');
  });
});
