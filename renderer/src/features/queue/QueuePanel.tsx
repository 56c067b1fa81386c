import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { COMPLAINT_STATUSES } from '../../../../shared/domain/complaint-status.ts';
import { useWorkstation } from '../../app/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { isQueueStatusFilter, type QueueStatusFilter } from './queue-filter.ts';
import { QueueRow } from './QueueRow.tsx';
import { useComplaintQueue } from './use-complaint-queue.ts';
import { useSearchFilter } from './use-search-filter.ts';
import type { Directory } from './use-directory.ts';
import type { TriageActionKind } from '../../../../shared/domain/triage.ts';
import { triageActionForKey } from '../triage/triage-shortcuts.ts';

const ROW_HEIGHT = 44;

type QueuePanelProps = {
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
  const [filter, setFilter] = useState<QueueStatusFilter>('active');
  const { rows: filteredRows } = useComplaintQueue(filter);
  const [query, setQuery] = useState('');
  const rows = useSearchFilter(filteredRows, query);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState(() => Date.now());
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
    <section className="queue-panel" aria-labelledby="queue-heading" data-rows={rows?.length ?? -1}>
      <header className="queue-toolbar">
        <h2 id="queue-heading">{t('queue.heading')}</h2>
        <label>
          {t('queue.filter.status')}{' '}
          <select
            value={filter}
            onChange={(event) => {
              if (isQueueStatusFilter(event.target.value)) setFilter(event.target.value);
            }}
          >
            <option value="active">{t('queue.filter.active')}</option>
            <option value="all">{t('queue.filter.all')}</option>
            {COMPLAINT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="queue-search">
          {t('queue.search')}{' '}
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('queue.searchPlaceholder')}
            data-testid="queue-search"
          />
        </label>
        <span className="queue-count" data-testid="queue-count">
          {rows ? t('queue.count', { count: rows.length }) : t('queue.loading')}
        </span>
      </header>
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
        {rows && rows.length === 0 && <p className="queue-empty">{t('queue.empty')}</p>}
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
