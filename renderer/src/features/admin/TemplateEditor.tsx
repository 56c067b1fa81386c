import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  RESPONSE_TEMPLATE_KINDS,
  responseTemplateFormSchema,
  type ResponseTemplate,
  type ResponseTemplateForm,
} from '../../../../shared/schemas/response-template.ts';
import { findUnknownPlaceholders } from '../../../../shared/templates/render-response-template.ts';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { PlaceholderHelp } from './PlaceholderHelp.tsx';
import { saveResponseTemplate } from './save-response-template.ts';

type TemplateEditorProps = {
  /** The template to edit; absent for a new one. */
  template?: ResponseTemplate;
  onClose: (saved: ResponseTemplateForm | null) => void;
};

const EMPTY: ResponseTemplateForm = { title: '', body: '', kind: 'tindak_lanjut', active: true };

/** Creates or edits one template, as a modal dialog; warns about unknown placeholders. */
export function TemplateEditor({ template, onClose }: TemplateEditorProps) {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const dialogRef = useModalDialog();
  const form = useForm<ResponseTemplateForm>({
    resolver: zodResolver(responseTemplateFormSchema),
    defaultValues: template
      ? { title: template.title, body: template.body, kind: template.kind, active: template.active }
      : EMPTY,
  });
  const { errors, isSubmitting } = form.formState;
  const unknown = findUnknownPlaceholders(useWatch({ control: form.control, name: 'body' }));

  const submit = form.handleSubmit(async (values) => {
    await saveResponseTemplate(workstation, values, template?.id);
    onClose(values);
  });

  return (
    <dialog
      ref={dialogRef}
      className="template-editor"
      aria-labelledby="template-editor-heading"
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id="template-editor-heading">
          {t(template ? 'templates.form.headingEdit' : 'templates.form.headingNew')}
        </h2>
        <label htmlFor="template-title">{t('templates.form.title')}</label>
        <input
          id="template-title"
          autoComplete="off"
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? 'template-title-error' : undefined}
          {...form.register('title')}
        />
        {errors.title && (
          <p className="field-error" id="template-title-error">
            {t('templates.form.titleError')}
          </p>
        )}
        <label htmlFor="template-kind">{t('templates.form.kind')}</label>
        <select id="template-kind" {...form.register('kind')}>
          {RESPONSE_TEMPLATE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`templates.kind.${kind}`)}
            </option>
          ))}
        </select>
        <label htmlFor="template-body">{t('templates.form.body')}</label>
        <textarea
          id="template-body"
          rows={10}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={
            [errors.body ? 'template-body-error' : '', unknown.length > 0 ? 'template-unknown' : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
          {...form.register('body')}
        />
        {errors.body && (
          <p className="field-error" id="template-body-error">
            {t('templates.form.bodyError')}
          </p>
        )}
        {unknown.length > 0 && (
          <p className="template-warning" id="template-unknown" role="status">
            {t('templates.unknownPlaceholders', {
              names: unknown.map((name) => `{${name}}`).join(', '),
            })}
          </p>
        )}
        <label className="template-active">
          <input type="checkbox" {...form.register('active')} /> {t('templates.form.active')}
        </label>
        <PlaceholderHelp />
        <div className="dialog-actions">
          <button type="submit" disabled={isSubmitting}>
            {t('templates.form.save')}
          </button>
          <button type="button" className="secondary" onClick={() => onClose(null)}>
            {t('templates.form.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
