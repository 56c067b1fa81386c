import { useTranslation } from '../../i18n/language-context.tsx';

/** Deactivates an active entry or activates an inactive one, named for screen readers. */
export function ActivationButton({
  name,
  active,
  disabled = false,
  onToggle,
}: {
  name: string;
  active: boolean;
  disabled?: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="secondary"
      disabled={disabled}
      aria-label={t(active ? 'admin.deactivateNamed' : 'admin.activateNamed', { name })}
      onClick={onToggle}
    >
      {t(active ? 'admin.deactivate' : 'admin.activate')}
    </button>
  );
}
