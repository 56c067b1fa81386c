import type { YearWithoutHolidays } from '../../../../shared/deadline/find-years-without-holidays.ts';
import { useTranslation } from '../../i18n/language-context.tsx';

/** Status-bar warning that running deadlines reach a year with no holidays; opens the list. */
export function HolidayYearsButton({
  years,
  onOpen,
}: {
  years: readonly YearWithoutHolidays[];
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  if (years.length === 0) return null;
  const deadlines = Math.max(...years.map((gap) => gap.deadlines));
  return (
    <button
      type="button"
      className="holiday-years-button"
      onClick={onOpen}
      title={t('holidayYears.hint', { count: deadlines })}
      data-testid="holiday-years-warning"
    >
      {t('holidayYears.button', { years: years.map((gap) => String(gap.year)).join(', ') })}
    </button>
  );
}
