import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  officerAssignmentSchema,
  type OfficerAssignment,
  type OfficerSummary,
} from '../../../../shared/api/officer-admin.ts';
import { ROLES } from '../../../../shared/domain/roles.ts';
import { ApiRequestError } from '../../api/api-client.ts';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { changeOfficerAssignment } from './officer-admin-client.ts';
import { useReplicaDocuments } from './use-replica-documents.ts';
import { describeRequestFailure } from '../../i18n/describe-error.ts';

/** Changes an officer's role and OPD unit; the officer signs in again to work in the new scope. */
export function OfficerAssignmentDialog({
  officer,
  onClose,
}: {
  officer: OfficerSummary;
  onClose: (changed: OfficerSummary | null) => void;
}) {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const dialogRef = useModalDialog();
  const units = useReplicaDocuments('units').filter(
    (unit) => unit.active || unit.id === officer.unitId,
  );
  const [failure, setFailure] = useState('');
  const form = useForm<OfficerAssignment>({
    resolver: zodResolver(officerAssignmentSchema),
    defaultValues: { role: officer.role, unitId: officer.unitId },
  });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' });
  // Only a penghubung has a unit: switching to another role clears it.
  useEffect(() => {
    if (role !== 'penghubung') form.setValue('unitId', '');
  }, [role, form]);

  const submit = form.handleSubmit(async (values) => {
    setFailure('');
    const assignment = { ...values, unitId: values.role === 'penghubung' ? values.unitId : '' };
    try {
      onClose(await changeOfficerAssignment(workstation, officer.id, assignment));
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
      aria-labelledby="officer-assignment-heading"
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="officer-assignment-heading">
          {t('admin.officers.assignHeading', { name: officer.displayName })}
        </h2>
        <label htmlFor="assignment-role">{t('admin.officers.role')}</label>
        <select id="assignment-role" {...form.register('role')}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`session.role.${option}`)}
            </option>
          ))}
        </select>
        {role === 'penghubung' && (
          <>
            <label htmlFor="assignment-unit">{t('admin.officers.unit')}</label>
            <select
              id="assignment-unit"
              aria-invalid={errors.unitId ? true : undefined}
              aria-describedby={errors.unitId ? 'assignment-unit-error' : undefined}
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
          <p className="field-error" id="assignment-unit-error">
            {t('admin.officers.error.unit')}
          </p>
        )}
        <p className="form-note">{t('admin.officers.assignEffect')}</p>
        {failure && (
          <p className="field-error" role="alert">
            {failure}
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
