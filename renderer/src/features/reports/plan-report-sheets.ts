import type { Cell, Row, SheetData } from 'write-excel-file/browser';
import type { ReportColumn, ReportTable } from '../../../../shared/reports/report-tables.ts';
import { formatCell, formatLocalDate } from './report-format.ts';

/** What every sheet says it covers, above its table. */
export type ReportSheetContext = {
  instansiName: string;
  period: { from: string; to: string };
  /** "Seluruh OPD" or the OPDs chosen. */
  scope: string;
  utcOffsetMinutes: number;
};

export type PlannedSheet = {
  sheet: string;
  data: SheetData;
  columns: { width: number }[];
  stickyRowsCount: number;
};

/** Rows above the column headers: instansi, report and table, period and scope, a blank. */
export const SHEET_TITLE_ROWS = 4;
const MAX_SHEET_NAME = 31;
const MIN_WIDTH = 6;
const MAX_WIDTH = 70;
/** Header labels wrap in the header row; a column need not be as wide as a long label. */
const HEADER_WIDTH_CAP = 18;

/**
 * Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe, unique in the workbook regardless of case. Cut at a word end and
 * trimmed, so no name ends in a space.
 */
export function sheetNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const clean = title
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim();
    const base = cutAtWord(clean || 'Tabel', MAX_SHEET_NAME);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
      const suffix = ` (${n})`;
      name = `${cutAtWord(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : text.slice(0, max)).trim();
}

/** Excel number formats; Excel shows them with the reader's own separators (1.234,5 in id). */
const NUMBER_FORMATS: Record<Exclude<ReportColumn['kind'], 'text' | 'date'>, string> = {
  count: '#,##0',
  percent: '0.0',
  days: '0.0',
};
const DATE_FORMAT = 'dd/mm/yyyy hh:mm';

function cellOf(
  value: ReportTable['rows'][number][number],
  column: ReportColumn,
  utcOffsetMinutes: number,
): Cell {
  if (value === null) return null;
  if (typeof value === 'string') return { value, type: String };
  if (column.kind === 'date') {
    // A Date whose UTC fields are the instansi's wall-clock time: Excel has no time zones.
    return { value: new Date(value + utcOffsetMinutes * 60_000), type: Date, format: DATE_FORMAT };
  }
  if (column.kind === 'text') return { value, type: Number };
  return { value, type: Number, format: NUMBER_FORMATS[column.kind] };
}

function widthOf(table: ReportTable, index: number, utcOffsetMinutes: number): number {
  const column = table.columns[index]!;
  let widest = Math.min(column.label.length, HEADER_WIDTH_CAP);
  for (const word of column.label.split(' ')) widest = Math.max(widest, word.length);
  for (const row of table.rows) {
    const shown =
      column.kind === 'date'
        ? DATE_FORMAT.length
        : formatCell(row[index] ?? null, column, utcOffsetMinutes).length;
    widest = Math.max(widest, shown);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

/**
 * Every report table as one sheet: a heading naming the instansi, the table, the period and
 * the scope, then the column headers (kept in view when scrolling) and the rows. Numbers stay
 * numbers with number formats, dates are date cells, columns are sized to their content.
 */
export function planReportSheets(
  tables: readonly ReportTable[],
  context: ReportSheetContext,
): PlannedSheet[] {
  const names = sheetNames(tables.map((table) => table.title));
  const period = `Periode ${formatLocalDate(context.period.from)} – ${formatLocalDate(context.period.to)} · ${context.scope}`;
  return tables.map((table, tableIndex) => {
    const span = Math.max(1, table.columns.length);
    const heading = (value: string, bold: boolean): Row => [
      { value, type: String, columnSpan: span, ...(bold ? { fontWeight: 'bold' as const } : {}) },
      ...Array.from({ length: span - 1 }, () => null),
    ];
    const header: Row = table.columns.map((column) => ({
      value: column.label,
      type: String,
      fontWeight: 'bold',
      wrap: true,
      ...(column.kind === 'text' ? {} : { align: 'right' as const }),
    }));
    const rows: Row[] = table.rows.map((row) =>
      table.columns.map((column, index) =>
        cellOf(row[index] ?? null, column, context.utcOffsetMinutes),
      ),
    );
    return {
      sheet: names[tableIndex]!,
      data: [
        heading(context.instansiName, true),
        heading(`Laporan RAKORDA SP4N-LAPOR! — ${table.title}`, true),
        heading(period, false),
        [],
        header,
        ...rows,
      ],
      columns: table.columns.map((_column, index) => ({
        width: widthOf(table, index, context.utcOffsetMinutes),
      })),
      stickyRowsCount: SHEET_TITLE_ROWS + 1,
    };
  });
}
