import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import {
  DEFAULT_QUEUE_CRITERIA,
  type QueueCriteria,
} from '../../../../shared/queue/queue-criteria.ts';
import { QueueFilters } from './QueueFilters.tsx';
import { QueueRow } from './QueueRow.tsx';
import { SavedViews } from './SavedViews.tsx';
import type { QueueStore, QueueStoreSnapshot } from './queue-store.ts';
import { useQueueView } from './use-queue-view.ts';
import type { Directory } from '../../session/use-directory.ts';
import type { TriageActionKind } from '../../../../shared/domain/triage.ts';
import { triageActionForKey } from '../triage/triage-shortcuts.ts';

const ROW_HEIGHT = 44;

type QueuePanelProps = {
  store: QueueStore;
  snapshot: QueueStoreSnapshot;
  directory: Directory;
  selectedId: string | null;
  checkedIds: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onToggleChecked: (id: string) => void;
  onOpen: () => void;
  onTriageKey: (action: TriageActionKind) => void;
  onBulk: (action: TriageActionKind) => void;
  onClearChecked: () => void;
};

const BULK_ACTIONS: readonly TriageActionKind[] = ['verify_dispose', 'hold', 'archive'];

/** The virtualised complaint list: only the visible rows are in the DOM, j/k or arrows move. */
export function QueuePanel({
  store,
  snapshot,
  directory,
  selectedId,
  checkedIds,
  onSelect,
  onToggleChecked,
  onOpen,
  onTriageKey,
  onBulk,
  onClearChecked,
}: QueuePanelProps) {
  const { t } = useTranslation();
  const { instansi } = useWorkstation();
  const [criteria, setCriteria] = useState<QueueCriteria>(DEFAULT_QUEUE_CRITERIA);
  const [activeViewId, setActiveViewId] = useState('');
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [now, setNow] = useState(() => Date.now());
  const view = useQueueView(
    store,
    snapshot,
    criteria,
    now,
    instansi.utcOffsetMinutes,
    directory.places,
  );
  const rows = view?.rows ?? null;
  const indexing = snapshot.loaded && snapshot.indexed < snapshot.total;

  function changeCriteria(next: QueueCriteria) {
    setCriteria(next);
    setActiveViewId('');
    scrollRef.current?.scrollTo({ top: 0 });
  }
  // The React Compiler is not used here, so the virtualizer's unstable function identities are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows?.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const selectedIndex = rows && selectedId ? rows.findIndex((row) => row.id === selectedId) : -1;

  function move(delta: number) {
    if (!rows || rows.length === 0) return;
    const next = Math.min(
      rows.length - 1,
      Math.max(0, (selectedIndex < 0 ? -1 : selectedIndex) + delta),
    );
    const row = rows[next];
    if (!row) return;
    onSelect(row.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      PageDown: () => move(10),
      PageUp: () => move(-10),
      Home: () => move(-Infinity),
      End: () => move(Infinity),
      Enter: onOpen,
    };
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
      return;
    }
    if (event.key === '/') {
      event.preventDefault();
      searchRef.current?.focus();
      return;
    }
    if (event.key === 'x' && selectedId) {
      event.preventDefault();
      onToggleChecked(selectedId);
      return;
    }
    const triage = triageActionForKey(event.key);
    if (triage) {
      event.preventDefault();
      onTriageKey(triage);
    }
  }

  return (
    <section
      className="queue-panel"
      aria-labelledby="queue-heading"
      data-rows={rows?.length ?? -1}
      data-total={snapshot.total}
      data-loaded={snapshot.loaded}
      // The criteria the rows on screen were chosen by: the performance suite times a filter
      // change from the input event to the frame after this changes.
      data-criteria={JSON.stringify(criteria)}
    >
      <header className="queue-toolbar">
        <h2 id="queue-heading">{t('queue.heading')}</h2>
        <div className="queue-search">
          <label htmlFor="queue-search">{t('queue.search')}</label>
          <input
            id="queue-search"
            ref={searchRef}
            type="search"
            value={criteria.query}
            onChange={(event) => changeCriteria({ ...criteria, query: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === 'Escape') scrollRef.current?.focus();
            }}
            placeholder={t('queue.searchPlaceholder')}
            aria-describedby="queue-count"
            data-testid="queue-search"
          />
        </div>
        <SavedViews
          criteria={criteria}
          activeViewId={activeViewId}
          onApply={(viewId, next) => {
            setCriteria(next);
            setActiveViewId(viewId);
          }}
        />
        <span className="queue-count" id="queue-count" data-testid="queue-count" aria-live="polite">
          {rows ? t('queue.count', { count: rows.length }) : t('queue.loading')}
          {indexing &&
            ` · ${t('queue.indexing', { percent: Math.floor((snapshot.indexed / snapshot.total) * 100) })}`}
        </span>
      </header>
      <QueueFilters
        criteria={criteria}
        counts={view?.counts ?? null}
        directory={directory}
        onChange={changeCriteria}
      />
      {checkedIds.size > 0 && (
        <div className="bulk-bar" role="toolbar" aria-label={t('queue.bulkLabel')}>
          <span>{t('queue.checkedCount', { count: checkedIds.size })}</span>
          {BULK_ACTIONS.map((action) => (
            <button key={action} type="button" onClick={() => onBulk(action)}>
              {t(`triage.action.${action}`)}
            </button>
          ))}
          <button type="button" className="secondary" onClick={onClearChecked}>
            {t('queue.clearChecked')}
          </button>
        </div>
      )}
      <div className="queue-header" aria-hidden="true">
        <span className="col-check" />
        <span className="col-tracking">{t('queue.column.tracking')}</span>
        <span className="col-title">{t('queue.column.title')}</span>
        <span className="col-category">{t('queue.column.category')}</span>
        <span className="col-unit">{t('queue.column.unit')}</span>
        <span className="col-status">{t('queue.column.status')}</span>
        <span className="col-age">{t('queue.column.age')}</span>
        <span className="col-due">{t('queue.column.due')}</span>
      </div>
      {rows && rows.length === 0 && snapshot.loaded && snapshot.total === 0 && (
        <p className="queue-empty" data-testid="queue-empty">
          {t('queue.emptyReplica')}
        </p>
      )}
      {rows && rows.length === 0 && snapshot.total > 0 && (
        <div className="queue-empty" data-testid="queue-empty">
          <p>{t('queue.empty')}</p>
          <button
            type="button"
            onClick={() => changeCriteria({ ...DEFAULT_QUEUE_CRITERIA, status: 'all' })}
          >
            {t('queue.clearFilters')}
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className="queue-scroll"
        role="listbox"
        tabIndex={0}
        aria-label={t('queue.heading')}
        aria-activedescendant={selectedId ? `queue-row-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="queue-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows &&
            virtualizer.getVirtualItems().map((item) => {
              const complaint = rows[item.index];
              if (!complaint) return null;
              return (
                <QueueRow
                  key={complaint.id}
                  complaint={complaint}
                  directory={directory}
                  selected={complaint.id === selectedId}
                  checked={checkedIds.has(complaint.id)}
                  onToggleChecked={onToggleChecked}
                  now={now}
                  utcOffsetMinutes={instansi.utcOffsetMinutes}
                  onSelect={onSelect}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                />
              );
            })}
        </div>
      </div>
    </section>
  );
}
