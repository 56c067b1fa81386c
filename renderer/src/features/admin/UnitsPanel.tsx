import { useMemo, useState } from 'react';
import type { Unit } from '../../../../shared/schemas/unit.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { DirectoryRowActions } from './DirectoryRowActions.tsx';
import { saveUnit } from './save-directory-entry.ts';
import { UnitEditor } from './UnitEditor.tsx';
import { useReplicaDocuments } from './use-replica-documents.ts';

/** The instansi's OPD units: add, edit, deactivate (never delete: complaints refer to them). */
export function UnitsPanel() {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const documents = useReplicaDocuments('units');
  const units = useMemo(
    () => [...documents].sort((a, b) => a.name.localeCompare(b.name, 'id')),
    [documents],
  );
  const [editing, setEditing] = useState<{ unit?: Unit } | null>(null);
  const [notice, setNotice] = useState('');

  const takenCodes = useMemo(
    () =>
      new Set(
        units
          .filter((unit) => unit.id !== editing?.unit?.id)
          .map((unit) => unit.code.toLowerCase()),
      ),
    [units, editing],
  );

  async function toggleActive(unit: Unit) {
    const { code, name, shortName } = unit;
    await saveUnit(workstation, { code, name, shortName, active: !unit.active }, unit.id);
    setNotice(t(unit.active ? 'admin.deactivated' : 'admin.activated', { name }));
  }

  return (
    <div className="admin-panel">
      <div className="admin-toolbar">
        <h3 id="units-heading">{t('admin.units.heading')}</h3>
        <button type="button" onClick={() => setEditing({})} data-testid="unit-new">
          {t('admin.units.new')}
        </button>
      </div>
      <p className="form-note admin-intro">{t('admin.units.intro')}</p>
      <p role="status" className="admin-notice" data-testid="admin-notice">
        {notice}
      </p>
      <table className="admin-table" aria-labelledby="units-heading">
        <thead>
          <tr>
            <th scope="col">{t('admin.field.name')}</th>
            <th scope="col">{t('admin.field.code')}</th>
            <th scope="col">{t('admin.field.shortName')}</th>
            <th scope="col">{t('admin.column.status')}</th>
            <th scope="col">{t('admin.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id} data-testid="unit-row" className={unit.active ? '' : 'inactive'}>
              <th scope="row">{unit.name}</th>
              <td>{unit.code}</td>
              <td>{unit.shortName}</td>
              <td>{t(unit.active ? 'admin.status.active' : 'admin.status.inactive')}</td>
              <DirectoryRowActions
                name={unit.name}
                active={unit.active}
                onEdit={() => setEditing({ unit })}
                onToggle={() => void toggleActive(unit)}
              />
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <UnitEditor
          {...(editing.unit ? { unit: editing.unit } : {})}
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
