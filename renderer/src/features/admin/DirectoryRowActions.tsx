import { useTranslation } from '../../i18n/language-context.tsx';
import { ActivationButton } from './ActivationButton.tsx';

/** The edit and activate/deactivate buttons of a directory row (units, categories). */
export function DirectoryRowActions({
  name,
  active,
  onEdit,
  onToggle,
}: {
  name: string;
  active: boolean;
  onEdit: () => void;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <td className="admin-actions">
      <button
        type="button"
        className="secondary"
        aria-label={t('admin.editNamed', { name })}
        onClick={onEdit}
      >
        {t('admin.edit')}
      </button>
      <ActivationButton name={name} active={active} onToggle={onToggle} />
    </td>
  );
}
