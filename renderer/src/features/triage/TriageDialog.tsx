import { useState } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  triageActionInputSchema,
  type TriageActionInput,
} from '../../../../shared/domain/plan-triage-action.ts';
import { ARCHIVE_REASONS, type TriageActionKind } from '../../../../shared/domain/triage.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { Directory } from '../../session/use-directory.ts';
import { executeTriageAction, type TriageOutcome } from './execute-triage-action.ts';
import { describeMessage } from '../../i18n/describe-error.ts';

type TriageDialogProps = {
  action: TriageActionKind;
  complaints: readonly Complaint[];
  directory: Directory;
  initialDuplicateOf?: Complaint;
  onClose: (outcome: TriageOutcome | null) => void;
};

type FormValues = Record<string, unknown> & { kind: TriageActionKind };

function defaultsFor(
  action: TriageActionKind,
  first: Complaint | undefined,
  duplicateOf?: Complaint,
): FormValues {
  switch (action) {
    case 'verify_dispose':
      return {
        kind: action,
        unitId: '',
        instruction: '',
        privacyConfirmed: false,
        anonim: first?.anonim ?? false,
        rahasia: first?.rahasia ?? false,
      };
    case 'redispose':
      return { kind: action, unitId: '', instruction: '' };
    case 'hold':
      return { kind: action, missingDetails: '' };
    case 'archive':
      return { kind: action, reasonCode: '', note: '' };
    case 'mark_duplicate':
      return { kind: action, duplicateOfId: duplicateOf?.id ?? '', note: '' };
    case 'close':
      return { kind: action, note: '' };
    case 'not_authority':
    case 'reopen':
      return { kind: action, reason: '' };
  }
}

/** The form of one triage action, as a modal dialog; applies to one or several complaints. */
export function TriageDialog({
  action,
  complaints,
  directory,
  initialDuplicateOf,
  onClose,
}: TriageDialogProps) {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const dialogRef = useModalDialog();
  const [duplicateTracking, setDuplicateTracking] = useState(
    initialDuplicateOf?.trackingNumber ?? '',
  );
  const [duplicateMatch, setDuplicateMatch] = useState<Complaint | null>(
    initialDuplicateOf ?? null,
  );
  const form = useForm<FormValues>({
    // The shared schema is a union over every action; this form edits one member of it.
    resolver: zodResolver(triageActionInputSchema) as never,
    defaultValues: defaultsFor(action, complaints[0], initialDuplicateOf),
  });
  const { errors, isSubmitting } = form.formState;
  const error = (name: string) => {
    const message = (errors as Record<string, { message?: string } | undefined>)[name]?.message;
    return message ? (
      <p className="field-error" id={`triage-${name}-error`}>
        {describeMessage(language, message)}
      </p>
    ) : null;
  };

  async function lookUpDuplicate(tracking: string) {
    setDuplicateTracking(tracking);
    const found = tracking.trim()
      ? await workstation.replica.complaints
          .findOne({ selector: { trackingNumber: tracking.trim().toUpperCase() } })
          .exec()
      : null;
    const match = found ? (found.toJSON() as Complaint) : null;
    setDuplicateMatch(match);
    form.setValue('duplicateOfId', match?.id ?? '', { shouldValidate: form.formState.isSubmitted });
  }

  async function apply(values: FormValues) {
    const outcome = await executeTriageAction(
      workstation,
      complaints.map((complaint) => complaint.id),
      values as TriageActionInput,
    );
    dialogRef.current?.close();
    onClose(outcome);
  }

  const unitOptions = [...directory.units.values()]
    .filter((unit) => unit.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const title = t(`triage.action.${action}`);
  return (
    <dialog
      ref={dialogRef}
      className="triage-dialog"
      aria-labelledby="triage-dialog-title"
      onCancel={() => onClose(null)}
      data-testid="triage-dialog"
    >
      <form onSubmit={(event) => void form.handleSubmit(apply)(event)} noValidate>
        <h2 id="triage-dialog-title">{title}</h2>
        <p className="triage-targets">
          {complaints.length === 1
            ? `${complaints[0]?.trackingNumber} · ${complaints[0]?.title}`
            : `${complaints.length} pengaduan`}
        </p>

        {action === 'verify_dispose' && (
          <fieldset className="privacy-confirm">
            <legend>{t('triage.privacyHeading')}</legend>
            <label>
              <input type="checkbox" {...form.register('anonim')} /> {t('triage.field.anonim')}
            </label>
            <label>
              <input type="checkbox" {...form.register('rahasia')} /> {t('triage.field.rahasia')}
            </label>
            <label className="privacy-confirm-check">
              <input type="checkbox" {...form.register('privacyConfirmed')} />{' '}
              {t('triage.field.privacyConfirmed')}
            </label>
            {error('privacyConfirmed')}
          </fieldset>
        )}

        {(action === 'verify_dispose' || action === 'redispose') && (
          <>
            <label htmlFor="triage-unit">{t('triage.field.unit')}</label>
            <select id="triage-unit" {...form.register('unitId')}>
              <option value="">—</option>
              {unitOptions.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
            {error('unitId')}
            <label htmlFor="triage-instruction">{t('triage.field.instruction')}</label>
            <textarea id="triage-instruction" rows={4} {...form.register('instruction')} />
            {error('instruction')}
          </>
        )}

        {action === 'hold' && (
          <>
            <label htmlFor="triage-missing">{t('triage.field.missingDetails')}</label>
            <textarea id="triage-missing" rows={4} {...form.register('missingDetails')} />
            {error('missingDetails')}
          </>
        )}

        {action === 'archive' && (
          <>
            <label htmlFor="triage-reason-code">{t('triage.field.reasonCode')}</label>
            <select id="triage-reason-code" {...form.register('reasonCode')}>
              <option value="">—</option>
              {ARCHIVE_REASONS.filter((code) => code !== 'duplikat').map((code) => (
                <option key={code} value={code}>
                  {t(`archive.${code}`)}
                </option>
              ))}
            </select>
            {error('reasonCode')}
          </>
        )}

        {action === 'mark_duplicate' && (
          <>
            <label htmlFor="triage-duplicate">{t('triage.field.duplicateOf')}</label>
            <input
              id="triage-duplicate"
              value={duplicateTracking}
              onChange={(event) => void lookUpDuplicate(event.target.value)}
              autoComplete="off"
            />
            {duplicateTracking && (
              <p className={duplicateMatch ? 'form-note' : 'field-error'}>
                {duplicateMatch
                  ? t('triage.duplicateFound', { title: duplicateMatch.title })
                  : t('triage.duplicateNotFound')}
              </p>
            )}
            {error('duplicateOfId')}
          </>
        )}

        {(action === 'archive' || action === 'mark_duplicate' || action === 'close') && (
          <>
            <label htmlFor="triage-note">{t('triage.field.note')}</label>
            <textarea id="triage-note" rows={3} {...form.register('note')} />
            {error('note')}
          </>
        )}

        {(action === 'not_authority' || action === 'reopen') && (
          <>
            <label htmlFor="triage-reason">{t('triage.field.reason')}</label>
            <textarea id="triage-reason" rows={4} {...form.register('reason')} />
            {error('reason')}
          </>
        )}

        <div className="dialog-actions">
          <button type="submit" disabled={isSubmitting}>
            {t('triage.submit')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              dialogRef.current?.close();
              onClose(null);
            }}
          >
            {t('triage.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
