import { useRef, useState } from 'react';
import { useTranslation } from '../i18n/language-context.tsx';
import { ComplaintDetail } from '../features/detail/ComplaintDetail.tsx';
import { QueuePanel } from '../features/queue/QueuePanel.tsx';
import { useDirectory } from '../features/queue/use-directory.ts';
import { InitialSyncProgress } from '../features/status/InitialSyncProgress.tsx';
import { LanguageSwitch } from '../features/status/LanguageSwitch.tsx';
import { ReloginBanner } from '../features/status/ReloginBanner.tsx';
import { SyncIndicator } from '../features/status/SyncIndicator.tsx';
import { useWorkstation } from './workstation-context.tsx';

export function Workstation({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const { officer, instansi } = useWorkstation();
  const directory = useDirectory();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const firstFieldRef = useRef<HTMLSelectElement | null>(null);

  return (
    <div className="workstation">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className="app-instansi">{instansi.name}</span>
        <span className="app-officer" data-testid="officer-name">
          {officer.displayName} · {t(`session.role.${officer.role}`)}
        </span>
        <LanguageSwitch />
        <button type="button" onClick={onSignOut}>
          {t('session.logout')}
        </button>
      </header>
      <ReloginBanner />
      <InitialSyncProgress />
      <main className="workstation-main">
        <QueuePanel
          directory={directory}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={() => firstFieldRef.current?.focus()}
        />
        <ComplaintDetail
          complaintId={selectedId}
          directory={directory}
          firstFieldRef={firstFieldRef}
        />
      </main>
      <footer className="status-bar">
        <SyncIndicator />
      </footer>
    </div>
  );
}
