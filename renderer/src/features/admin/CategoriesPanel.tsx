import { useMemo, useState } from 'react';
import type { Category } from '../../../../shared/schemas/category.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { DirectoryRowActions } from './DirectoryRowActions.tsx';
import { saveCategory } from './save-directory-entry.ts';
import { CategoryEditor } from './CategoryEditor.tsx';
import { useReplicaDocuments } from './use-replica-documents.ts';

/** The instansi's complaint categories: add, edit, deactivate (never delete: complaints refer to them). */
export function CategoriesPanel() {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const documents = useReplicaDocuments('categories');
  const categories = useMemo(
    () => [...documents].sort((a, b) => a.name.localeCompare(b.name, 'id')),
    [documents],
  );
  const [editing, setEditing] = useState<{ category?: Category } | null>(null);
  const [notice, setNotice] = useState('');

  const takenCodes = useMemo(
    () =>
      new Set(
        categories
          .filter((category) => category.id !== editing?.category?.id)
          .map((category) => category.code.toLowerCase()),
      ),
    [categories, editing],
  );

  async function toggleActive(category: Category) {
    const { code, name } = category;
    await saveCategory(workstation, { code, name, active: !category.active }, category.id);
    setNotice(t(category.active ? 'admin.deactivated' : 'admin.activated', { name }));
  }

  return (
    <div className="admin-panel">
      <div className="admin-toolbar">
        <h3 id="categories-heading">{t('admin.categories.heading')}</h3>
        <button type="button" onClick={() => setEditing({})} data-testid="category-new">
          {t('admin.categories.new')}
        </button>
      </div>
      <p className="form-note admin-intro">{t('admin.categories.intro')}</p>
      <p role="status" className="admin-notice" data-testid="admin-notice">
        {notice}
      </p>
      <table className="admin-table" aria-labelledby="categories-heading">
        <thead>
          <tr>
            <th scope="col">{t('admin.field.name')}</th>
            <th scope="col">{t('admin.field.code')}</th>
            <th scope="col">{t('admin.column.status')}</th>
            <th scope="col">{t('admin.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr
              key={category.id}
              data-testid="category-row"
              className={category.active ? '' : 'inactive'}
            >
              <th scope="row">{category.name}</th>
              <td>{category.code}</td>
              <td>{t(category.active ? 'admin.status.active' : 'admin.status.inactive')}</td>
              <DirectoryRowActions
                name={category.name}
                active={category.active}
                onEdit={() => setEditing({ category })}
                onToggle={() => void toggleActive(category)}
              />
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <CategoryEditor
          {...(editing.category ? { category: editing.category } : {})}
          takenCodes={takenCodes}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setNotice(t('admin.saved', { name: saved.name }));
          }}
        />
      )}
    </div>
  );
}
