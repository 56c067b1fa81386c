import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import type { MergeableComplaintField } from '../../../../shared/sync/merge-complaint.ts';
import type { ComplaintConflict } from '../../../../shared/sync/merge-complaint.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages-id.ts';
import type { Directory } from '../../session/use-directory.ts';

type Translate = ReturnType<typeof useTranslation>['t'];

function describe(
  t: Translate,
  directory: Directory,
  values: Partial<Complaint>,
  fields: readonly MergeableComplaintField[],
): string {
  return fields
    .map((field) => {
      const value = values[field];
      let shown: string;
      if (typeof value === 'boolean') shown = t(value ? 'conflict.yes' : 'conflict.no');
      else if (value === '' || value === undefined) shown = t('conflict.none');
      else if (field === 'priority') shown = t(`priority.${String(value)}` as MessageKey);
      else if (field === 'status') shown = t(`status.${String(value)}` as MessageKey);
      else if (field === 'categoryId')
        shown = directory.categories.get(String(value))?.name ?? String(value);
      else if (field === 'unitId')
        shown = directory.units.get(String(value))?.name ?? String(value);
      else shown = String(value);
      return `${t(`conflict.field.${field}` as MessageKey)} ${shown}`;
    })
    .join(' · ');
}

/** A conflicting part of a complaint: the officer's own value or the server's, as two radios. */
export function ConflictGroupChoice({
  name,
  conflict,
  directory,
  keepMine,
  onPick,
}: {
  name: string;
  conflict: ComplaintConflict;
  directory: Directory;
  keepMine: boolean;
  onPick: (mine: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="conflict-choice">
      <legend>
        {conflict.fields.map((field) => t(`conflict.field.${field}` as MessageKey)).join(', ')}
      </legend>
      <label>
        <input type="radio" name={name} checked={!keepMine} onChange={() => onPick(false)} />
        {t('conflict.theirs', { value: describe(t, directory, conflict.theirs, conflict.fields) })}
      </label>
      <label>
        <input type="radio" name={name} checked={keepMine} onChange={() => onPick(true)} />
        {t('conflict.mine', { value: describe(t, directory, conflict.ours, conflict.fields) })}
      </label>
    </fieldset>
  );
}
