import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { HOLIDAY_KINDS } from '../../../../shared/schemas/holiday.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { holidayFormSchema, type HolidayForm } from './directory-forms.ts';
import { addHoliday } from './save-directory-entry.ts';

type HolidayAddFormProps = {
  year: number;
  /** Dates that already hold a holiday (one holiday per date). */
  takenDates: ReadonlySet<string>;
  onAdded: (holiday: HolidayForm) => void;
};

/** Adds a holiday of the chosen year. */
export function HolidayAddForm({ year, takenDates, onAdded }: HolidayAddFormProps) {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const form = useForm<HolidayForm>({
    resolver: zodResolver(holidayFormSchema),
    defaultValues: { date: '', name: '', kind: 'libur_nasional' },
  });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => form.clearErrors(), [year, form]);

  const submit = form.handleSubmit(async (values) => {
    if (!values.date.startsWith(`${year}-`)) {
      form.setError('date', { type: 'year' });
      return;
    }
    if (takenDates.has(values.date)) {
      form.setError('date', { type: 'taken' });
      return;
    }
    await addHoliday(workstation, values);
    form.reset({ date: '', name: '', kind: values.kind });
    onAdded(values);
  });

  const dateError =
    errors.date?.type === 'taken'
      ? 'admin.holidays.error.taken'
      : errors.date?.type === 'year'
        ? 'admin.holidays.error.year'
        : 'admin.holidays.error.date';

  return (
    <form
      className="admin-inline-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="holiday-add-heading"
    >
      <h4 id="holiday-add-heading">{t('admin.holidays.addHeading', { year: String(year) })}</h4>
      <div className="admin-inline-fields">
        <div>
          <label htmlFor="holiday-date">{t('admin.holidays.date')}</label>
          <input
            id="holiday-date"
            type="date"
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errors.date ? 'holiday-date-error' : undefined}
            {...form.register('date')}
          />
        </div>
        <div>
          <label htmlFor="holiday-name">{t('admin.field.name')}</label>
          <input
            id="holiday-name"
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? 'holiday-name-error' : undefined}
            {...form.register('name')}
          />
        </div>
        <div>
          <label htmlFor="holiday-kind">{t('admin.holidays.kind')}</label>
          <select id="holiday-kind" {...form.register('kind')}>
            {HOLIDAY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`admin.holidays.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={isSubmitting} data-testid="holiday-add">
          {t('admin.holidays.add')}
        </button>
      </div>
      {errors.date && (
        <p className="field-error" id="holiday-date-error">
          {t(dateError, { year: String(year) })}
        </p>
      )}
      {errors.name && (
        <p className="field-error" id="holiday-name-error">
          {t('admin.error.name')}
        </p>
      )}
    </form>
  );
}
