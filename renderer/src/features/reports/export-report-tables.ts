import writeXlsxFile from 'write-excel-file/browser';
import type { ReportTable } from '../../../../shared/reports/report-tables.ts';
import { tableToCsv } from '../../../../shared/reports/table-to-csv.ts';
import { planReportSheets, type ReportSheetContext } from './plan-report-sheets.ts';

export function csvBytes(table: ReportTable, utcOffsetMinutes: number): Uint8Array {
  return new TextEncoder().encode(tableToCsv(table, utcOffsetMinutes));
}

/** Every table as a sheet of one workbook (planReportSheets says how each sheet looks). */
export async function xlsxBytes(
  tables: readonly ReportTable[],
  context: ReportSheetContext,
): Promise<Uint8Array> {
  const blob = await writeXlsxFile(planReportSheets(tables, context)).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
