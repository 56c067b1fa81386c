import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  OFFICER_PASSWORD_MIN,
  resetPasswordSchema,
  type OfficerSummary,
  type ResetPasswordRequest,
} from '../../../../shared/api/officer-admin.ts';
import { ApiRequestError } from '../../api/api-client.ts';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { resetOfficerPassword } from './officer-admin-client.ts';
import { describeRequestFailure } from '../../i18n/describe-error.ts';

/** Sets a new password for an officer; the server ends the officer's open sessions. */
export function OfficerPasswordDialog({
  officer,
  onClose,
}: {
  officer: OfficerSummary;
  onClose: (done: boolean) => void;
}) {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const dialogRef = useModalDialog();
  const [failure, setFailure] = useState('');
  const form = useForm<ResetPasswordRequest>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ password }) => {
    setFailure('');
    try {
      await resetOfficerPassword(workstation, officer.id, password);
      onClose(true);
    } catch (error) {
      setFailure(
        error instanceof ApiRequestError && error.kind === 'offline'
          ? t('admin.officers.offline')
          : describeRequestFailure(language, error),
      );
    }
  });

  return (
    <dialog
      ref={dialogRef}
      className="template-editor"
      aria-labelledby="officer-password-heading"
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="officer-password-heading">
          {t('admin.officers.resetHeading', { name: officer.displayName })}
        </h2>
        <label htmlFor="officer-new-password">{t('admin.officers.newPassword')}</label>
        <input
          id="officer-new-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby="officer-new-password-note"
          {...form.register('password')}
        />
        <p className={errors.password ? 'field-error' : 'form-note'} id="officer-new-password-note">
          {t('admin.officers.passwordRule', { min: OFFICER_PASSWORD_MIN })}{' '}
          {t('admin.officers.resetEffect')}
        </p>
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={isSubmitting}>
            {t('admin.officers.reset')}
          </button>
          <button type="button" className="secondary" onClick={() => onClose(false)}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
