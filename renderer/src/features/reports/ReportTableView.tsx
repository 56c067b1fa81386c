import type { ReportColumn, ReportTable } from '../../../../shared/reports/report-tables.ts';
import { formatCell } from './report-format.ts';

/** Classes of a cell: numbers align right and never wrap; text wraps as its column allows. */
function cellClass(column: ReportColumn): string {
  if (column.kind !== 'text') return 'numeric';
  if (column.wrap === 'never') return 'wrap-never';
  if (column.wrap === 'anywhere') return 'wrap-anywhere';
  return '';
}

/**
 * A report table; in print its header row repeats on every page it spans and no row is split
 * (the document puts wide tables on landscape pages). Columns meant for spreadsheets only are
 * left off.
 */
export function ReportTableView({
  table,
  utcOffsetMinutes,
  note,
}: {
  table: ReportTable;
  utcOffsetMinutes: number;
  note?: string;
}) {
  const printed = table.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => !column.exportOnly);
  return (
    <section className="report-table-section" aria-labelledby={`table-${table.id}`}>
      <h3 id={`table-${table.id}`}>{table.title}</h3>
      {note && <p className="report-note">{note}</p>}
      {table.rows.length === 0 ? (
        <p className="report-note">Tidak ada data pada periode ini.</p>
      ) : (
        <table className="report-table" data-testid={`report-table-${table.id}`}>
          <thead>
            <tr>
              {printed.map(({ column }) => (
                <th
                  key={column.label}
                  scope="col"
                  className={column.kind === 'text' ? '' : 'numeric'}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {printed.map(({ column, index }) => (
                  <td key={index} className={cellClass(column)}>
                    {formatCell(row[index] ?? null, column, utcOffsetMinutes)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {table.legend && table.legend.length > 0 && (
        <p className="report-legend">
          Keterangan: {table.legend.map((entry) => `${entry.term} = ${entry.meaning}`).join('; ')}.
        </p>
      )}
    </section>
  );
}
