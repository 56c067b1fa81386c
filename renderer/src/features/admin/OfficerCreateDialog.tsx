import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  createOfficerSchema,
  OFFICER_PASSWORD_MIN,
  type CreateOfficerRequest,
  type OfficerSummary,
} from '../../../../shared/api/officer-admin.ts';
import { ROLES } from '../../../../shared/domain/roles.ts';
import { ApiRequestError } from '../../api/api-client.ts';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { TextField } from './TextField.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { createOfficer } from './officer-admin-client.ts';
import { useReplicaDocuments } from './use-replica-documents.ts';
import { describeRequestFailure } from '../../i18n/describe-error.ts';

/** Creates an officer with an initial password the admin hands over. */
export function OfficerCreateDialog({
  onClose,
}: {
  onClose: (created: OfficerSummary | null) => void;
}) {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const dialogRef = useModalDialog();
  const units = useReplicaDocuments('units').filter((unit) => unit.active);
  const [failure, setFailure] = useState('');
  const form = useForm<CreateOfficerRequest>({
    resolver: zodResolver(createOfficerSchema),
    defaultValues: { username: '', displayName: '', role: 'penghubung', unitId: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' });
  // Only a penghubung has a unit: switching to another role clears it.
  useEffect(() => {
    if (role !== 'penghubung') form.setValue('unitId', '');
  }, [role, form]);

  const submit = form.handleSubmit(async (values) => {
    setFailure('');
    try {
      onClose(await createOfficer(workstation, values));
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'username_taken')
        form.setError('username', { type: 'taken' });
      else if (error instanceof ApiRequestError && error.kind === 'offline')
        setFailure(t('admin.officers.offline'));
      else setFailure(describeRequestFailure(language, error));
    }
  });

  return (
    <dialog
      ref={dialogRef}
      className="template-editor"
      aria-labelledby="officer-create-heading"
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="officer-create-heading">{t('admin.officers.new')}</h2>
        <label htmlFor="officer-username">{t('admin.officers.username')}</label>
        <input
          id="officer-username"
          autoComplete="off"
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? 'officer-username-error' : undefined}
          {...form.register('username')}
        />
        {errors.username && (
          <p className="field-error" id="officer-username-error">
            {t(
              errors.username.type === 'taken'
                ? 'admin.officers.error.usernameTaken'
                : 'admin.officers.error.username',
            )}
          </p>
        )}
        <TextField
          id="officer-display-name"
          label={t('admin.officers.displayName')}
          error={errors.displayName && t('admin.error.name')}
          registration={form.register('displayName')}
        />
        <label htmlFor="officer-role">{t('admin.officers.role')}</label>
        <select id="officer-role" {...form.register('role')}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`session.role.${option}`)}
            </option>
          ))}
        </select>
        {role === 'penghubung' && (
          <>
            <label htmlFor="officer-unit">{t('admin.officers.unit')}</label>
            <select
              id="officer-unit"
              aria-invalid={errors.unitId ? true : undefined}
              aria-describedby={errors.unitId ? 'officer-unit-error' : undefined}
              {...form.register('unitId')}
            >
              <option value="">{t('admin.officers.chooseUnit')}</option>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.name}
                </option>
              ))}
            </select>
          </>
        )}
        {errors.unitId && (
          <p className="field-error" id="officer-unit-error">
            {t('admin.officers.error.unit')}
          </p>
        )}
        <label htmlFor="officer-password">{t('admin.officers.initialPassword')}</label>
        <input
          id="officer-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby="officer-password-note"
          {...form.register('password')}
        />
        <p className={errors.password ? 'field-error' : 'form-note'} id="officer-password-note">
          {t('admin.officers.passwordRule', { min: OFFICER_PASSWORD_MIN })}
        </p>
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={isSubmitting}>
            {t('admin.officers.create')}
          </button>
          <button type="button" className="secondary" onClick={() => onClose(null)}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
