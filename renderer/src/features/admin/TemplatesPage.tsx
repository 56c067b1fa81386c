import { useState } from 'react';
import type { ResponseTemplate } from '../../../../shared/schemas/response-template.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDate } from '../../i18n/translate.ts';
import { useResponseTemplates } from '../followup/use-response-templates.ts';
import { saveResponseTemplate } from './save-response-template.ts';
import { TemplateEditor } from './TemplateEditor.tsx';
import './admin-pages.css';

type Editing = { template?: ResponseTemplate } | null;

/** The Admin Instansi's list of response templates: create, edit, deactivate (never delete). */
export function TemplatesPage() {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const templates = useResponseTemplates();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState('');

  async function toggleActive(template: ResponseTemplate) {
    const active = !template.active;
    await saveResponseTemplate(
      workstation,
      { title: template.title, body: template.body, kind: template.kind, active },
      template.id,
    );
    setNotice(
      t(active ? 'templates.activated' : 'templates.deactivated', { title: template.title }),
    );
  }

  return (
    <section className="admin-page" aria-labelledby="templates-heading">
      <div className="admin-toolbar">
        <h2 id="templates-heading">{t('templates.heading')}</h2>
        <button type="button" onClick={() => setEditing({})} data-testid="template-new">
          {t('templates.new')}
        </button>
      </div>
      <p className="form-note admin-intro">{t('templates.intro')}</p>
      <p role="status" className="admin-notice" data-testid="templates-notice">
        {notice}
      </p>
      {templates.length === 0 ? (
        <p>{t('templates.empty')}</p>
      ) : (
        <table className="admin-table" aria-label={t('templates.listLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('templates.column.title')}</th>
              <th scope="col">{t('templates.column.kind')}</th>
              <th scope="col">{t('templates.column.status')}</th>
              <th scope="col">{t('templates.column.updated')}</th>
              <th scope="col">{t('templates.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => (
              <tr
                key={template.id}
                data-testid="template-row"
                className={template.active ? '' : 'inactive'}
              >
                <th scope="row">{template.title}</th>
                <td>{t(`templates.kind.${template.kind}`)}</td>
                <td>
                  {t(template.active ? 'templates.status.active' : 'templates.status.inactive')}
                </td>
                <td>
                  {formatDate(language, template.updatedAt, workstation.instansi.utcOffsetMinutes)}
                </td>
                <td className="admin-actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('templates.editNamed', { title: template.title })}
                    onClick={() => setEditing({ template })}
                  >
                    {t('templates.edit')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t(
                      template.active ? 'templates.deactivateNamed' : 'templates.activateNamed',
                      {
                        title: template.title,
                      },
                    )}
                    onClick={() => void toggleActive(template)}
                  >
                    {t(template.active ? 'templates.deactivate' : 'templates.activate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <TemplateEditor
          {...(editing.template ? { template: editing.template } : {})}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setNotice(t('templates.saved', { title: saved.title }));
          }}
        />
      )}
    </section>
  );
}
