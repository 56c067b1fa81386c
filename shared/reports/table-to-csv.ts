import type { ReportCell, ReportTable } from './report-tables.ts';

/**
 * A table as CSV for spreadsheet programs set to Indonesian: semicolons between fields (the
 * comma is the decimal mark there), CRLF line ends, and a byte-order mark so accents survive.
 * Dates (epoch ms) are written as local date-times of the instansi's time zone. Text that
 * starts like a formula (=, +, -, @) is prefixed with an apostrophe.
 */
export function tableToCsv(table: ReportTable, utcOffsetMinutes: number): string {
  const cell = (value: ReportCell, kind: string): string => {
    if (value === null) return '';
    if (typeof value === 'number') {
      if (kind === 'date') return localDateTime(value, utcOffsetMinutes);
      return String(value).replace('.', ',');
    }
    // Titles come from the public: text a spreadsheet would run as a formula is defused.
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[";\r\n']/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    table.columns.map((column) => cell(column.label, 'text')).join(';'),
    ...table.rows.map((row) =>
      row.map((value, index) => cell(value, table.columns[index]?.kind ?? 'text')).join(';'),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function localDateTime(epochMs: number, utcOffsetMinutes: number): string {
  return new Date(epochMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}
