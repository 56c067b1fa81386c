import type { ReportTable } from '../../../../shared/reports/report-tables.ts';
import { formatCell } from './report-format.ts';

/** A report table; in print its header row repeats on every page it spans. */
export function ReportTableView({
  table,
  utcOffsetMinutes,
  note,
}: {
  table: ReportTable;
  utcOffsetMinutes: number;
  note?: string;
}) {
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
              {table.columns.map((column) => (
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
                {row.map((cell, index) => {
                  const column = table.columns[index] ?? { label: '', kind: 'text' as const };
                  return (
                    <td key={index} className={column.kind === 'text' ? '' : 'numeric'}>
                      {formatCell(cell, column, utcOffsetMinutes)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
