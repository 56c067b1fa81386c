import { useWorkstation } from '../../app/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { useSyncStatus } from './use-sync-status.ts';

export function InitialSyncProgress() {
  const { sync } = useWorkstation();
  const { initialSync } = useSyncStatus(sync);
  const { t } = useTranslation();
  if (!initialSync) return null;
  const { pulled, total } = initialSync;
  const label =
    total === null
      ? t('sync.initialUnknown', { done: pulled })
      : t('sync.initial', { done: pulled, total });
  return (
    <div className="initial-sync" data-testid="initial-sync">
      <progress
        max={total ?? undefined}
        value={total === null ? undefined : pulled}
        aria-label={label}
      />
      <span>{label}</span>
    </div>
  );
}
