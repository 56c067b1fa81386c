import { useId, useState, type ReactNode } from 'react';
import type { ReportTable } from '../../../../shared/reports/report-tables.ts';
import { getBridge, isDesktopShell } from '../../bridge/get-bridge.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { csvBytes, xlsxBytes } from './export-report-tables.ts';
import type { ReportSheetContext } from './plan-report-sheets.ts';

/**
 * Save a printed report as PDF, one of its tables as CSV, or all of them as XLSX, saying where
 * the file went or why it could not be saved. `testIdPrefix` names the buttons for tests.
 */
export function ReportExportActions({
  baseName,
  tables,
  sheetContext,
  initialCsvTable,
  testIdPrefix,
  leading,
}: {
  baseName: string;
  tables: readonly ReportTable[];
  sheetContext: ReportSheetContext;
  initialCsvTable: string;
  testIdPrefix: string;
  leading?: ReactNode;
}) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState('');
  const [csvTable, setCsvTable] = useState(initialCsvTable);
  const csvSelectId = useId();

  async function run(action: () => Promise<{ outcome: string; location?: string }>) {
    setNotice('');
    try {
      const result = await action();
      if (result.outcome === 'saved')
        setNotice(t('report.saved', { location: result.location ?? '' }));
    } catch (error) {
      setNotice(
        t('report.saveFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  return (
    <div className="report-actions" role="group" aria-label={t('report.actions')}>
      {leading}
      <button
        type="button"
        onClick={() => void run(() => getBridge().saveReportPdf(baseName))}
        data-testid={`${testIdPrefix}-pdf`}
      >
        {t('report.savePdf')}
      </button>
      <label htmlFor={csvSelectId}>{t('report.csvTable')}</label>
      <select
        id={csvSelectId}
        value={csvTable}
        onChange={(event) => setCsvTable(event.target.value)}
      >
        {tables.map((table) => (
          <option key={table.id} value={table.id}>
            {table.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const table = tables.find((candidate) => candidate.id === csvTable);
          if (!table) return;
          void run(() =>
            getBridge().saveFile({
              suggestedName: `${baseName} ${table.title}.csv`,
              data: csvBytes(table, sheetContext.utcOffsetMinutes),
            }),
          );
        }}
        data-testid={`${testIdPrefix}-csv`}
      >
        {t('report.csv')}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void run(async () =>
            getBridge().saveFile({
              suggestedName: `${baseName}.xlsx`,
              data: await xlsxBytes(tables, sheetContext),
            }),
          )
        }
        data-testid={`${testIdPrefix}-xlsx`}
      >
        {t('report.xlsx')}
      </button>
      {!isDesktopShell() && (
        <span className="form-note" data-testid={`${testIdPrefix}-web-pdf-note`}>
          {t('report.webPdfNote')}
        </span>
      )}
      {notice && (
        <span role="status" className="form-note">
          {notice}
        </span>
      )}
    </div>
  );
}
