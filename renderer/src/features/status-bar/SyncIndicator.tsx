import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDateTime } from '../../i18n/translate.ts';
import { describeSyncStatus } from './describe-sync-status.ts';
import { useSyncStatus } from '../../session/use-sync-status.ts';
import { useSyncRole } from '../../session/use-sync-role.ts';

/**
 * The status-bar line: the sync phase (and why, when something is wrong), how many changes wait
 * to be sent, when the replica was last in sync, and "sync now".
 */
export function SyncIndicator() {
  const { sync, instansi } = useWorkstation();
  const status = useSyncStatus(sync);
  const role = useSyncRole(sync);
  const { t, language } = useTranslation();
  const { tone, key, params } = describeSyncStatus(status);
  const lastSynced = status.lastSyncedAt
    ? t('sync.lastSynced', {
        time: formatDateTime(language, status.lastSyncedAt, instansi.utcOffsetMinutes),
      })
    : t('sync.neverSynced');
  const phase = status.machine.phase;

  return (
    <div
      className={`sync-indicator sync-${tone}`}
      data-testid="sync-indicator"
      data-sync-role={role}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label" role="status" aria-live="polite" data-phase={phase}>
        {t(key, params)}
      </span>
      <span className="sync-last">{lastSynced}</span>
      {phase === 'paused' ? (
        <button type="button" className="secondary" onClick={() => sync.resume()}>
          {t('syncState.resume')}
        </button>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => sync.syncNow()}
          disabled={phase === 'offline'}
          data-testid="sync-now"
        >
          {t('syncState.syncNow')}
        </button>
      )}
    </div>
  );
}
