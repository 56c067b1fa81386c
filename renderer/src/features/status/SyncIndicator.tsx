import { useWorkstation } from '../../app/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDateTime } from '../../i18n/translate.ts';
import { useSyncStatus } from './use-sync-status.ts';

/** The status-bar line: online or offline, and how many changes wait to be sent. */
export function SyncIndicator() {
  const { sync, instansi } = useWorkstation();
  const status = useSyncStatus(sync);
  const { t, language } = useTranslation();

  let label: string;
  let tone: 'ok' | 'busy' | 'offline' | 'warning';
  if (status.sessionExpired) {
    label = t('sync.reloginNeeded', { count: status.pending });
    tone = 'warning';
  } else if (status.connection === 'offline') {
    label =
      status.pending > 0 ? t('sync.offline', { count: status.pending }) : t('sync.offlineNone');
    tone = 'offline';
  } else if (status.connection === 'connecting') {
    label = t('sync.connecting');
    tone = 'busy';
  } else if (status.pending > 0) {
    label = t('sync.syncing', { count: status.pending });
    tone = 'busy';
  } else {
    label = t('sync.live');
    tone = 'ok';
  }
  const lastSynced = status.lastSyncedAt
    ? t('sync.lastSynced', {
        time: formatDateTime(language, status.lastSyncedAt, instansi.utcOffsetMinutes),
      })
    : t('sync.neverSynced');

  return (
    <div
      className={`sync-indicator sync-${tone}`}
      role="status"
      aria-live="polite"
      data-testid="sync-indicator"
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{label}</span>
      <span className="sync-last">{lastSynced}</span>
    </div>
  );
}
