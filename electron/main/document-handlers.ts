import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { BRIDGE_CHANNELS, type SaveOutcome } from '../../shared/bridge.ts';
import { parseArguments, type DocumentChannel } from './bridge-handlers.ts';

export const MAX_EXPORT_BYTES = 50 * 1024 * 1024;
const EXTENSIONS = ['.pdf', '.csv', '.xlsx'] as const;

/** The page asking to print: only what is needed of Electron's WebContents. */
export type PrintablePage = {
  printToPDF(options: {
    pageSize: 'A4';
    printBackground: boolean;
    preferCSSPageSize: boolean;
  }): Promise<Uint8Array>;
};

export type DocumentDeps = {
  /** Asks where to save; resolves to the chosen path or null when cancelled. */
  chooseSaveLocation(defaultPath: string, extension: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  documentsFolder: string;
};

export type DocumentHandlers = Record<
  DocumentChannel,
  (page: PrintablePage, ...args: unknown[]) => Promise<SaveOutcome>
>;

/**
 * A file name the renderer suggests is only a suggestion: path parts and characters that are
 * unsafe on Windows or Linux are removed, and the extension must be one we write.
 */
export function safeFileName(suggested: string, extension: (typeof EXTENSIONS)[number]): string {
  const base = basename(suggested.replaceAll('\\', '/'))
    .replace(/[<>:"/\\|?*\p{Cc}]+/gu, '-')
    .replace(/^[.\s-]+/, '')
    .slice(0, 120);
  const stem = extname(base).toLowerCase() === extension ? base.slice(0, -extension.length) : base;
  return `${stem.trim() || 'laporan'}${extension}`;
}

const nameSchema = z.string().min(1).max(200);
const pdfArguments = z.tuple([nameSchema]);
const fileArguments = z.tuple([
  z.object({
    suggestedName: nameSchema,
    data: z
      .instanceof(Uint8Array)
      .refine((data) => data.byteLength <= MAX_EXPORT_BYTES, 'file is larger than 50 MB'),
  }),
]);

function extensionOf(name: string): (typeof EXTENSIONS)[number] {
  const extension = extname(name).toLowerCase();
  const known = EXTENSIONS.find((candidate) => candidate === extension);
  if (!known || known === '.pdf')
    throw new Error(`${BRIDGE_CHANNELS.saveFile}: only .csv or .xlsx`);
  return known;
}

export function createDocumentHandlers(deps: DocumentDeps): DocumentHandlers {
  async function save(name: string, extension: string, data: Uint8Array): Promise<SaveOutcome> {
    const location = await deps.chooseSaveLocation(join(deps.documentsFolder, name), extension);
    if (!location) return { outcome: 'cancelled' };
    await deps.writeFile(location, data);
    return { outcome: 'saved', location };
  }
  return {
    [BRIDGE_CHANNELS.saveReportPdf]: async (page, ...args) => {
      const [suggestedName] = parseArguments(pdfArguments, args, BRIDGE_CHANNELS.saveReportPdf);
      const pdf = await page.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
      });
      return save(safeFileName(suggestedName, '.pdf'), 'pdf', pdf);
    },
    [BRIDGE_CHANNELS.saveFile]: async (_page, ...args) => {
      const [file] = parseArguments(fileArguments, args, BRIDGE_CHANNELS.saveFile);
      const extension = extensionOf(file.suggestedName);
      return save(safeFileName(file.suggestedName, extension), extension.slice(1), file.data);
    },
  };
}
