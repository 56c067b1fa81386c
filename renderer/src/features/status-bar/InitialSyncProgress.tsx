import { estimateRemainingMs, initialSyncFraction } from '../../../../shared/sync/sync-state.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { useSyncStatus } from '../../session/use-sync-status.ts';

/** The first copy of the queue: a progress bar, counts and the time it should still take. */
export function InitialSyncProgress() {
  const { sync } = useWorkstation();
  const { initialSync, history, machine } = useSyncStatus(sync);
  const { t } = useTranslation();
  if (!initialSync) return null;
  // The open complaints are here and workable; only the closed history is still arriving.
  if (history) {
    const percent = history.fraction === null ? null : Math.floor(history.fraction * 100);
    const label = percent === null ? t('sync.historyUnknown') : t('sync.history', { percent });
    return (
      <div className="initial-sync" data-testid="history-sync" role="status">
        <progress max={100} value={percent ?? undefined} aria-label={label} />
        <span>{label}</span>
      </div>
    );
  }
  const { pulled, total } = initialSync;
  const label =
    total === null
      ? t('sync.initialUnknown', { done: pulled })
      : t('sync.initial', { done: pulled, total });
  const remainingMs = machine.initial ? estimateRemainingMs(machine.initial, machine.now) : null;
  const fraction = machine.initial ? initialSyncFraction(machine.initial) : null;
  return (
    <div className="initial-sync" data-testid="initial-sync">
      <progress
        max={total ?? undefined}
        value={total === null ? undefined : pulled}
        aria-label={label}
      />
      <span>{label}</span>
      {fraction !== null && (
        <span>{t('syncState.percent', { percent: Math.floor(fraction * 100) })}</span>
      )}
      {remainingMs !== null && (
        <span>
          {remainingMs < 60_000
            ? t('syncState.etaSeconds', { seconds: Math.max(1, Math.round(remainingMs / 1000)) })
            : t('syncState.etaMinutes', { minutes: Math.round(remainingMs / 60_000) })}
        </span>
      )}
    </div>
  );
}
