import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import {
  PERIOD_SHORTCUTS,
  periodContaining,
  previousPeriod,
  reportPeriodSchema,
  type PeriodShortcut,
  type ReportPeriod,
  type ReportPeriodInput,
} from '../../../../shared/reports/report-period.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { Directory } from '../../session/use-directory.ts';
import { describeMessage } from '../../i18n/describe-error.ts';

type ReportControlsProps = {
  directory: Directory;
  today: string;
  busy: boolean;
  onGenerate: (period: ReportPeriod) => void;
};

/** Period (with month, quarter, semester and year shortcuts) and OPD scope of a report. */
export function ReportControls({ directory, today, busy, onGenerate }: ReportControlsProps) {
  const { t, language } = useTranslation();
  const form = useForm<ReportPeriodInput, unknown, ReportPeriod>({
    resolver: zodResolver(reportPeriodSchema),
    defaultValues: { ...periodContaining('month', today), unitIds: [] },
  });
  const errors = form.formState.errors;
  const units = [...directory.units.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));

  function applyShortcut(shortcut: PeriodShortcut, previous: boolean) {
    const current = periodContaining(shortcut, today);
    const period = previous ? previousPeriod(current) : current;
    form.setValue('from', period.from, { shouldValidate: form.formState.isSubmitted });
    form.setValue('to', period.to, { shouldValidate: form.formState.isSubmitted });
  }

  return (
    <form className="report-controls" onSubmit={form.handleSubmit(onGenerate)} noValidate>
      <fieldset className="report-shortcuts">
        <legend>{t('report.shortcuts')}</legend>
        {PERIOD_SHORTCUTS.map((shortcut) => (
          <span key={shortcut} className="shortcut-pair">
            <button
              type="button"
              className="secondary"
              onClick={() => applyShortcut(shortcut, false)}
            >
              {t(`report.shortcut.${shortcut}`)}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => applyShortcut(shortcut, true)}
            >
              {t(`report.shortcut.previous.${shortcut}`)}
            </button>
          </span>
        ))}
      </fieldset>
      <div className="report-dates">
        <label htmlFor="report-from">{t('report.from')}</label>
        <input
          id="report-from"
          type="date"
          {...form.register('from')}
          aria-invalid={Boolean(errors.from)}
          data-testid="report-from"
        />
        <label htmlFor="report-to">{t('report.to')}</label>
        <input
          id="report-to"
          type="date"
          {...form.register('to')}
          aria-invalid={Boolean(errors.to)}
          aria-describedby={errors.to ? 'report-to-error' : undefined}
          data-testid="report-to"
        />
        <button type="submit" disabled={busy} data-testid="report-generate">
          {busy ? t('report.generating') : t('report.generate')}
        </button>
      </div>
      {(errors.from || errors.to) && (
        <p id="report-to-error" className="form-error" role="alert">
          {describeMessage(language, errors.from?.message ?? errors.to?.message)}
        </p>
      )}
      <details className="report-units">
        <summary>{t('report.units')}</summary>
        <p className="form-note">{t('report.unitsHint')}</p>
        <div className="report-unit-list">
          {units.map((unit) => (
            <label key={unit.id}>
              <input type="checkbox" value={unit.id} {...form.register('unitIds')} /> {unit.name}
            </label>
          ))}
        </div>
      </details>
    </form>
  );
}
