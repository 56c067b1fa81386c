import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Category } from '../../../../shared/schemas/category.ts';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { TextField } from './TextField.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { categoryFormSchema, type CategoryForm } from './directory-forms.ts';
import { saveCategory } from './save-directory-entry.ts';

type CategoryEditorProps = {
  category?: Category;
  /** Codes of the other categories, to refuse a duplicate before the server does. */
  takenCodes: ReadonlySet<string>;
  onClose: (saved: CategoryForm | null) => void;
};

/** Adds or edits one complaint category, as a modal dialog. */
export function CategoryEditor({ category, takenCodes, onClose }: CategoryEditorProps) {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const dialogRef = useModalDialog();
  const form = useForm<CategoryForm>({
    resolver: zodResolver(categoryFormSchema),
    defaultValues: category
      ? { code: category.code, name: category.name, active: category.active }
      : { code: '', name: '', active: true },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    if (takenCodes.has(values.code.toLowerCase())) {
      form.setError('code', { type: 'taken' });
      return;
    }
    await saveCategory(workstation, values, category?.id);
    onClose(values);
  });

  return (
    <dialog
      ref={dialogRef}
      className="template-editor"
      aria-labelledby="category-editor-heading"
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="category-editor-heading">
          {t(category ? 'admin.categories.editHeading' : 'admin.categories.new')}
        </h2>
        <TextField
          id="category-code"
          label={t('admin.field.code')}
          error={
            errors.code &&
            t(errors.code.type === 'taken' ? 'admin.error.codeTaken' : 'admin.error.code')
          }
          registration={form.register('code')}
        />
        <TextField
          id="category-name"
          label={t('admin.field.name')}
          error={errors.name && t('admin.error.name')}
          registration={form.register('name')}
        />
        <label className="template-active">
          <input type="checkbox" {...form.register('active')} /> {t('admin.field.active')}
        </label>
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
