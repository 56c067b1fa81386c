import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Category } from '../../../../shared/schemas/category.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { EditorDialog } from './EditorDialog.tsx';
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
    <EditorDialog
      headingId="category-editor-heading"
      heading={t(category ? 'admin.categories.editHeading' : 'admin.categories.new')}
      onSubmit={submit}
      submitting={isSubmitting}
      onCancel={() => onClose(null)}
    >
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
    </EditorDialog>
  );
}
