import { useMemo, useState } from 'react';
import type { Holiday } from '../../../../shared/schemas/holiday.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDate } from '../../i18n/translate.ts';
import { localDateOf } from './directory-forms.ts';
import { HolidayAddForm } from './HolidayAddForm.tsx';
import { removeHoliday } from './save-directory-entry.ts';
import { useReplicaDocuments } from './use-replica-documents.ts';

/** Years offered: the last one, this one, the next two, and any year that has holidays. */
function yearsToOffer(holidays: readonly Holiday[], thisYear: number): number[] {
  const years = new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2]);
  for (const holiday of holidays) years.add(Number(holiday.date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

/** Holidays per year: national holidays and cuti bersama, added or removed by the admin. */
export function HolidaysPanel({ initialYear }: { initialYear?: number }) {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const offset = workstation.instansi.utcOffsetMinutes;
  const holidays = useReplicaDocuments('holidays');
  const [thisYear] = useState(() => Number(localDateOf(Date.now(), offset).slice(0, 4)));
  const [year, setYear] = useState(initialYear ?? thisYear);
  const [notice, setNotice] = useState('');
  const ofYear = useMemo(
    () =>
      holidays
        .filter((holiday) => holiday.date.startsWith(`${year}-`))
        .sort((a, b) => a.date.localeCompare(b.date)),
    [holidays, year],
  );
  const takenDates = useMemo(() => new Set(holidays.map((holiday) => holiday.date)), [holidays]);
  const dateLabel = (date: string) => formatDate(language, Date.parse(`${date}T12:00:00Z`), 0);

  async function remove(holiday: Holiday) {
    await removeHoliday(workstation, holiday.id);
    setNotice(t('admin.holidays.removed', { name: holiday.name, date: dateLabel(holiday.date) }));
  }

  return (
    <div className="admin-panel">
      <div className="admin-toolbar">
        <h3 id="holidays-heading">{t('admin.holidays.heading')}</h3>
        <label htmlFor="holiday-year">{t('admin.holidays.year')}</label>
        <select
          id="holiday-year"
          value={year}
          onChange={(event) => setYear(Number(event.target.value))}
        >
          {yearsToOffer(holidays, thisYear).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      <p className="form-note admin-intro">{t('admin.holidays.intro')}</p>
      <p role="status" className="admin-notice" data-testid="admin-notice">
        {notice}
      </p>
      <HolidayAddForm
        year={year}
        takenDates={takenDates}
        onAdded={(added) =>
          setNotice(t('admin.holidays.added', { name: added.name, date: dateLabel(added.date) }))
        }
      />
      {ofYear.length === 0 ? (
        <p>{t('admin.holidays.empty', { year: String(year) })}</p>
      ) : (
        <table className="admin-table" aria-labelledby="holidays-heading">
          <caption className="visually-hidden">
            {t('admin.holidays.caption', { year: String(year) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.holidays.date')}</th>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.holidays.kind')}</th>
              <th scope="col">{t('admin.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {ofYear.map((holiday) => (
              <tr key={holiday.id} data-testid="holiday-row" data-date={holiday.date}>
                <th scope="row">{dateLabel(holiday.date)}</th>
                <td>{holiday.name}</td>
                <td>
                  <span className={`holiday-kind ${holiday.kind}`}>
                    {t(`admin.holidays.kind.${holiday.kind}`)}
                  </span>
                </td>
                <td className="admin-actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('admin.holidays.removeNamed', {
                      name: holiday.name,
                      date: dateLabel(holiday.date),
                    })}
                    onClick={() => void remove(holiday)}
                  >
                    {t('admin.holidays.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
