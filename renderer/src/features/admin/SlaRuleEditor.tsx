import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { SlaRuleSetDocument } from '../../../../shared/schemas/sla-rule-set.ts';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import {
  localDateOf,
  SLA_DAY_FIELDS,
  slaRuleFormSchema,
  startOfLocalDate,
  type SlaRuleForm,
} from './directory-forms.ts';
import { saveSlaRuleSet } from './save-directory-entry.ts';

type SlaRuleEditorProps = {
  /** A version not yet in force, to correct; absent for a new version. */
  ruleSet?: SlaRuleSetDocument;
  /** The version in force, whose day counts a new version starts from. */
  basis?: SlaRuleSetDocument;
  takenVersions: ReadonlySet<string>;
  onClose: (savedVersion: string | null) => void;
};

const DAY_MS = 86_400_000;

/** Whether a version starting at `activeFrom` leaves every deadline already computed alone. */
function startsInFuture(activeFrom: number): boolean {
  return activeFrom > Date.now();
}

/** Adds a new rule set version (or corrects one not yet in force), starting on a future day. */
export function SlaRuleEditor({ ruleSet, basis, takenVersions, onClose }: SlaRuleEditorProps) {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const offset = workstation.instansi.utcOffsetMinutes;
  const dialogRef = useModalDialog();
  const [openedAt] = useState(() => Date.now());
  const tomorrow = localDateOf(openedAt + DAY_MS, offset);
  const from = ruleSet ?? basis;
  const form = useForm<SlaRuleForm>({
    resolver: zodResolver(slaRuleFormSchema),
    defaultValues: {
      version: ruleSet?.version ?? '',
      counting: from?.counting ?? 'working',
      verifyDays: from?.verifyDays ?? 3,
      firstFollowUpDays: from?.firstFollowUpDays ?? 5,
      resolutionDays: from?.resolutionDays ?? 14,
      resolutionSupervisedDays: from?.resolutionSupervisedDays ?? 60,
      resolutionAspirationDays: from?.resolutionAspirationDays ?? 30,
      autoCloseDays: from?.autoCloseDays ?? 10,
      activeFromDate: ruleSet ? localDateOf(ruleSet.activeFrom, offset) : tomorrow,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ activeFromDate, ...values }) => {
    if (takenVersions.has(values.version.toLowerCase())) {
      form.setError('version', { type: 'taken' });
      return;
    }
    const activeFrom = startOfLocalDate(activeFromDate, offset);
    if (!startsInFuture(activeFrom)) {
      form.setError('activeFromDate', { type: 'past' });
      return;
    }
    await saveSlaRuleSet(workstation, { ...values, activeFrom }, ruleSet?.id);
    onClose(values.version);
  });

  return (
    <dialog
      ref={dialogRef}
      className="template-editor"
      aria-labelledby="sla-editor-heading"
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="sla-editor-heading">{t(ruleSet ? 'admin.sla.editHeading' : 'admin.sla.new')}</h2>
        <label htmlFor="sla-version">{t('admin.sla.version')}</label>
        <input
          id="sla-version"
          autoComplete="off"
          aria-invalid={errors.version ? true : undefined}
          aria-describedby={errors.version ? 'sla-version-error' : undefined}
          {...form.register('version')}
        />
        {errors.version && (
          <p className="field-error" id="sla-version-error">
            {t(
              errors.version.type === 'taken' ? 'admin.sla.error.versionTaken' : 'admin.error.name',
            )}
          </p>
        )}
        <label htmlFor="sla-active-from">{t('admin.sla.activeFrom')}</label>
        <input
          id="sla-active-from"
          type="date"
          min={tomorrow}
          aria-invalid={errors.activeFromDate ? true : undefined}
          aria-describedby="sla-active-from-note"
          {...form.register('activeFromDate')}
        />
        <p
          className={errors.activeFromDate ? 'field-error' : 'form-note'}
          id="sla-active-from-note"
        >
          {t('admin.sla.activeFromNote')}
        </p>
        <fieldset className="sla-counting">
          <legend>{t('admin.sla.counting')}</legend>
          <label>
            <input type="radio" value="working" {...form.register('counting')} />{' '}
            {t('admin.sla.counting.working')}
          </label>
          <label>
            <input type="radio" value="calendar" {...form.register('counting')} />{' '}
            {t('admin.sla.counting.calendar')}
          </label>
        </fieldset>
        <div className="sla-days">
          {SLA_DAY_FIELDS.map((field) => (
            <div key={field}>
              <label htmlFor={`sla-${field}`}>{t(`admin.sla.${field}`)}</label>
              <input
                id={`sla-${field}`}
                type="number"
                min={1}
                max={365}
                step={1}
                aria-invalid={errors[field] ? true : undefined}
                aria-describedby={errors[field] ? 'sla-days-error' : undefined}
                {...form.register(field, { valueAsNumber: true })}
              />
            </div>
          ))}
        </div>
        {SLA_DAY_FIELDS.some((field) => errors[field]) && (
          <p className="field-error" id="sla-days-error">
            {t('admin.sla.error.days')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={isSubmitting}>
            {t('admin.save')}
          </button>
          <button type="button" className="secondary" onClick={() => onClose(null)}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
