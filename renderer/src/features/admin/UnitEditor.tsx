import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Unit } from '../../../../shared/schemas/unit.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { EditorDialog } from './EditorDialog.tsx';
import { TextField } from './TextField.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { unitFormSchema, type UnitForm } from './directory-forms.ts';
import { saveUnit } from './save-directory-entry.ts';

type UnitEditorProps = {
  unit?: Unit;
  /** Codes of the other units, to refuse a duplicate before the server does. */
  takenCodes: ReadonlySet<string>;
  onClose: (saved: UnitForm | null) => void;
};

/** Adds or edits one OPD unit, as a modal dialog. */
export function UnitEditor({ unit, takenCodes, onClose }: UnitEditorProps) {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const form = useForm<UnitForm>({
    resolver: zodResolver(unitFormSchema),
    defaultValues: unit
      ? { code: unit.code, name: unit.name, shortName: unit.shortName, active: unit.active }
      : { code: '', name: '', shortName: '', active: true },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    if (takenCodes.has(values.code.toLowerCase())) {
      form.setError('code', { type: 'taken' });
      return;
    }
    await saveUnit(workstation, values, unit?.id);
    onClose(values);
  });

  return (
    <EditorDialog
      headingId="unit-editor-heading"
      heading={t(unit ? 'admin.units.editHeading' : 'admin.units.new')}
      onSubmit={submit}
      submitting={isSubmitting}
      onCancel={() => onClose(null)}
    >
      <TextField
        id="unit-code"
        label={t('admin.field.code')}
        error={
          errors.code &&
          t(errors.code.type === 'taken' ? 'admin.error.codeTaken' : 'admin.error.code')
        }
        registration={form.register('code')}
      />
      <TextField
        id="unit-name"
        label={t('admin.field.name')}
        error={errors.name && t('admin.error.name')}
        registration={form.register('name')}
      />
      <TextField
        id="unit-short-name"
        label={t('admin.field.shortName')}
        error={errors.shortName && t('admin.error.name')}
        registration={form.register('shortName')}
      />
      <label className="template-active">
        <input type="checkbox" {...form.register('active')} /> {t('admin.field.active')}
      </label>
    </EditorDialog>
  );
}
