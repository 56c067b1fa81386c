import writeXlsxFile, { type Row } from 'write-excel-file/browser';
import type { ReportTable } from '../../../../shared/reports/report-tables.ts';
import { localDateTime, tableToCsv } from '../../../../shared/reports/table-to-csv.ts';

export function csvBytes(table: ReportTable, utcOffsetMinutes: number): Uint8Array {
  return new TextEncoder().encode(tableToCsv(table, utcOffsetMinutes));
}

/** Every table as a sheet of one workbook; numbers stay numbers, dates are local date-times. */
export async function xlsxBytes(
  tables: readonly ReportTable[],
  utcOffsetMinutes: number,
): Promise<Uint8Array> {
  const sheets = tables.map((table) => {
    const header: Row = table.columns.map((column) => ({
      value: column.label,
      fontWeight: 'bold',
    }));
    const rows: Row[] = table.rows.map((row) =>
      row.map((cell, index) => {
        if (cell === null) return null;
        if (typeof cell === 'number' && table.columns[index]?.kind === 'date') {
          return { value: localDateTime(cell, utcOffsetMinutes), type: String };
        }
        return typeof cell === 'number'
          ? { value: cell, type: Number }
          : { value: cell, type: String };
      }),
    );
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    return {
      data: [header, ...rows],
      sheet: table.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31),
    };
  });
  const blob = await writeXlsxFile(sheets).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
