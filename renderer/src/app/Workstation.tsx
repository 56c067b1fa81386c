import { SignOutButton } from './SignOutButton.tsx';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { TriageActionKind } from '../../../shared/domain/triage.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { useTranslation } from '../i18n/language-context.tsx';
import { timeZoneOf } from '../i18n/translate.ts';
import { ComplaintDetail } from '../features/detail/ComplaintDetail.tsx';
import { QueuePanel } from '../features/queue/QueuePanel.tsx';
import { ShortcutSheet } from '../features/help/ShortcutSheet.tsx';
import { HelpPage } from '../features/help/HelpPage.tsx';
import { useDirectory } from '../session/use-directory.ts';
import { useQueueStore } from '../features/queue/use-queue-store.ts';
import { InitialSyncProgress } from '../features/status-bar/InitialSyncProgress.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { MergeConflictsButton } from '../features/sync-inbox/MergeConflictsButton.tsx';
import { RefusalsButton } from '../features/sync-inbox/RefusalsButton.tsx';
import { HolidayYearsButton } from '../features/status-bar/HolidayYearsButton.tsx';
import { useYearsWithoutHolidays } from '../features/queue/use-years-without-holidays.ts';
import type { AdministrationSection } from '../features/admin/AdministrationPage.tsx';
import { ReloginBanner } from '../features/login/ReloginBanner.tsx';
import { SyncIndicator } from '../features/status-bar/SyncIndicator.tsx';
import { ThemeSwitch } from '../ui/ThemeSwitch.tsx';
import { TriageDialog } from '../features/triage/TriageDialog.tsx';
import type { TriageOutcome } from '../features/triage/execute-triage-action.ts';
import { getBridge } from '../bridge/get-bridge.ts';
import { useDesktopIntegration } from './use-desktop-integration.ts';
import { useWorkstation } from '../session/workstation-context.tsx';

// The report page (and its spreadsheet writer) loads when first opened, not at start.
const ReportPage = lazy(() =>
  import('../features/reports/ReportPage.tsx').then((module) => ({ default: module.ReportPage })),
);
// Administration pages, likewise loaded when an Admin Instansi first opens them.
const RegionalBriefingPage = lazy(() =>
  import('../features/reports/RegionalBriefingPage.tsx').then((module) => ({
    default: module.RegionalBriefingPage,
  })),
);
const TemplatesPage = lazy(() =>
  import('../features/admin/TemplatesPage.tsx').then((module) => ({
    default: module.TemplatesPage,
  })),
);
const AuditPage = lazy(() =>
  import('../features/admin/AuditPage.tsx').then((module) => ({ default: module.AuditPage })),
);
const AdministrationPage = lazy(() =>
  import('../features/admin/AdministrationPage.tsx').then((module) => ({
    default: module.AdministrationPage,
  })),
);
const AutoCloseProposals = lazy(() =>
  import('../features/closing/AutoCloseProposals.tsx').then((module) => ({
    default: module.AutoCloseProposals,
  })),
);

type OpenDialog = { action: TriageActionKind; complaints: Complaint[]; duplicateOf?: Complaint };

export function Workstation({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const { officer, instansi, replica } = useWorkstation();
  const directory = useDirectory();
  const { store, snapshot } = useQueueStore(replica);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [checkedIds, setCheckedIds] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [notice, setNotice] = useState('');
  const [view, setView] = useState<
    | 'queue'
    | 'report'
    | 'regional'
    | 'templates'
    | 'autoClose'
    | 'audit'
    | 'administration'
    | 'help'
  >('queue');
  const isAdmin = officer.role === 'admin_instansi';
  const yearsWithoutHolidays = useYearsWithoutHolidays(store, snapshot);
  // Opened from the status-bar warning: the holidays section, on a fresh mount of the page.
  const [adminOpening, setAdminOpening] = useState<{
    section: AdministrationSection;
    visit: number;
  }>({ section: 'units', visit: 0 });
  const [showShortcuts, setShowShortcuts] = useState(false);
  useDesktopIntegration({
    store,
    snapshot,
    onOpenComplaint: (id) => {
      setView('queue');
      setSelectedId(id);
    },
    onNotice: setNotice,
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing =
        target?.isContentEditable ||
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName ?? '');
      if (event.key === '?' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        setShowShortcuts(true);
      }
      if (event.key === 'F1') {
        event.preventDefault();
        setView('help');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    // The desktop app's menu (Bantuan → Panduan) opens the same page.
    const stopMenu = getBridge().onOpenHelp(() => setView('help'));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu();
    };
  }, []);
  const firstFieldRef = useRef<HTMLSelectElement | null>(null);

  const openTriage = useCallback(
    async (action: TriageActionKind, ids: readonly string[]) => {
      if (officer.role !== 'admin_instansi' || ids.length === 0) return;
      const documents = await replica.complaints.findByIds([...ids]).exec();
      const complaints = [...documents.values()].map((document) => document.toJSON() as Complaint);
      if (complaints.length > 0) setDialog({ action, complaints });
    },
    [officer.role, replica],
  );

  async function markDuplicate(complaint: Complaint, originalId: string) {
    const original = await replica.complaints.findOne(originalId).exec();
    if (!original) return;
    setDialog({
      action: 'mark_duplicate',
      complaints: [complaint],
      duplicateOf: original.toJSON() as Complaint,
    });
  }

  const toggleChecked = useCallback((id: string) => {
    setCheckedIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  function closeDialog(outcome: TriageOutcome | null) {
    setDialog(null);
    if (!outcome) return;
    if (outcome.done.length + outcome.skipped.length > 1 || outcome.skipped.length > 0) {
      setNotice(
        t('triage.bulkDone', { done: outcome.done.length, skipped: outcome.skipped.length }),
      );
    } else {
      setNotice(t('triage.done'));
    }
    setCheckedIds(new Set());
  }

  return (
    <div className="workstation">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <span className="app-instansi" title={instansi.name}>
          {instansi.name}
        </span>
        <abbr title={t('app.timeZone')} className="app-zone">
          {timeZoneOf(instansi.utcOffsetMinutes).label}
        </abbr>
        <span className="app-officer" data-testid="officer-name">
          {officer.displayName} · {t(`session.role.${officer.role}`)}
        </span>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <button
            type="button"
            aria-current={view === 'queue' ? 'page' : undefined}
            onClick={() => setView('queue')}
          >
            {t('nav.queue')}
          </button>
          <button
            type="button"
            aria-current={view === 'report' ? 'page' : undefined}
            onClick={() => setView('report')}
            data-testid="nav-report"
          >
            {t('nav.report')}
          </button>
          {officer.role !== 'penghubung' && (
            <button
              type="button"
              aria-current={view === 'regional' ? 'page' : undefined}
              onClick={() => setView('regional')}
              data-testid="nav-regional"
            >
              {t('nav.regional')}
            </button>
          )}
          {isAdmin && (
            <button
              type="button"
              aria-current={view === 'autoClose' ? 'page' : undefined}
              onClick={() => setView('autoClose')}
              data-testid="nav-auto-close"
            >
              {t('nav.autoClose')}
            </button>
          )}
          {isAdmin && (
            <button
              type="button"
              aria-current={view === 'templates' ? 'page' : undefined}
              onClick={() => setView('templates')}
              data-testid="nav-templates"
            >
              {t('nav.templates')}
            </button>
          )}
          {isAdmin && (
            <button
              type="button"
              aria-current={view === 'audit' ? 'page' : undefined}
              onClick={() => setView('audit')}
              data-testid="nav-audit"
            >
              {t('nav.audit')}
            </button>
          )}
          {isAdmin && (
            <button
              type="button"
              aria-current={view === 'administration' ? 'page' : undefined}
              onClick={() => setView('administration')}
              data-testid="nav-administration"
            >
              {t('nav.administration')}
            </button>
          )}
          <button
            type="button"
            aria-current={view === 'help' ? 'page' : undefined}
            aria-keyshortcuts="F1"
            onClick={() => setView('help')}
            data-testid="nav-help"
          >
            {t('nav.help')}
          </button>
        </nav>
        <button
          type="button"
          className="header-help"
          onClick={() => setShowShortcuts(true)}
          aria-keyshortcuts="?"
        >
          {t('shortcuts.button')}
        </button>
        <LanguageSwitch />
        <SignOutButton onSignOut={onSignOut} />
      </header>
      <ReloginBanner />
      <InitialSyncProgress />
      {view === 'regional' && (
        <main className="report-main">
          <Suspense fallback={<p className="report-loading">{t('report.loading')}</p>}>
            <RegionalBriefingPage />
          </Suspense>
        </main>
      )}
      {view === 'report' && (
        <main className="report-main">
          <Suspense fallback={<p className="report-loading">{t('report.loading')}</p>}>
            <ReportPage store={store} directory={directory} />
          </Suspense>
        </main>
      )}
      {isAdmin &&
        (view === 'templates' ||
          view === 'autoClose' ||
          view === 'audit' ||
          view === 'administration') && (
          <main className="admin-main">
            <Suspense fallback={<p className="report-loading">{t('report.loading')}</p>}>
              {view === 'templates' && <TemplatesPage />}
              {view === 'autoClose' && <AutoCloseProposals store={store} directory={directory} />}
              {view === 'audit' && <AuditPage />}
              {view === 'administration' && (
                <AdministrationPage
                  key={adminOpening.visit}
                  initialSection={adminOpening.section}
                  yearsWithoutHolidays={yearsWithoutHolidays}
                />
              )}
            </Suspense>
          </main>
        )}
      {view === 'help' && (
        <main className="help-main">
          <HelpPage onShowShortcuts={() => setShowShortcuts(true)} />
        </main>
      )}
      <main className="workstation-main" hidden={view !== 'queue'}>
        <QueuePanel
          store={store}
          snapshot={snapshot}
          directory={directory}
          selectedId={selectedId}
          checkedIds={checkedIds}
          onSelect={setSelectedId}
          onToggleChecked={toggleChecked}
          onOpen={() => firstFieldRef.current?.focus()}
          onTriageKey={(action) =>
            void openTriage(
              action,
              checkedIds.size > 0 ? [...checkedIds] : selectedId ? [selectedId] : [],
            )
          }
          onBulk={(action) => void openTriage(action, [...checkedIds])}
          onClearChecked={() => setCheckedIds(new Set())}
        />
        <ComplaintDetail
          complaintId={selectedId}
          directory={directory}
          firstFieldRef={firstFieldRef}
          onTriage={(action, complaint) => setDialog({ action, complaints: [complaint] })}
          store={store}
          snapshot={snapshot}
          onOpen={setSelectedId}
          onMarkDuplicate={(complaint, originalId) => void markDuplicate(complaint, originalId)}
        />
      </main>
      <footer className="status-bar">
        <SyncIndicator />
        <p className="status-notice" role="status" aria-live="polite" data-testid="status-notice">
          {notice}
        </p>
        <RefusalsButton />
        <HolidayYearsButton
          years={yearsWithoutHolidays}
          onOpen={() => {
            setAdminOpening((opening) => ({ section: 'holidays', visit: opening.visit + 1 }));
            setView('administration');
          }}
        />
        <MergeConflictsButton directory={directory} />
        <ThemeSwitch />
      </footer>
      {showShortcuts && <ShortcutSheet onClose={() => setShowShortcuts(false)} />}
      {dialog && (
        <TriageDialog
          action={dialog.action}
          complaints={dialog.complaints}
          directory={directory}
          {...(dialog.duplicateOf ? { initialDuplicateOf: dialog.duplicateOf } : {})}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}
