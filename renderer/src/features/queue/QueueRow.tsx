import type { CSSProperties } from 'react';
import type { QueueEntry } from '../../../../shared/queue/queue-entry.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDate } from '../../i18n/translate.ts';
import type { Directory } from '../../session/use-directory.ts';
import type { RoleScreen } from '../../session/plan-role-screen.ts';

const DAY_MS = 86_400_000;

type QueueRowProps = {
  complaint: QueueEntry;
  directory: Directory;
  selected: boolean;
  checked: boolean;
  onToggleChecked: (id: string) => void;
  screen: RoleScreen;
  /** The grid the header uses too (see QueuePanel). */
  columnsClass: string;
  now: number;
  utcOffsetMinutes: number;
  style: CSSProperties;
  onSelect: (id: string) => void;
};

export function QueueRow({
  complaint,
  directory,
  selected,
  checked,
  onToggleChecked,
  screen,
  columnsClass,
  now,
  utcOffsetMinutes,
  style,
  onSelect,
}: QueueRowProps) {
  const { t, language } = useTranslation();
  const overdue = complaint.dueAt > 0 && complaint.dueAt < now;
  const ageDays = Math.max(0, Math.floor((now - complaint.receivedAt) / DAY_MS));
  const unit = directory.units.get(complaint.unitId);
  const category = directory.categories.get(complaint.categoryId)?.name ?? '—';
  const status = t(`status.${complaint.status}`);
  const due =
    complaint.dueAt > 0
      ? formatDate(language, complaint.dueAt, utcOffsetMinutes)
      : t('queue.noDue');
  return (
    <div
      id={`queue-row-${complaint.id}`}
      role="option"
      aria-selected={selected}
      aria-checked={checked}
      className={`queue-row ${columnsClass}${selected ? ' is-selected' : ''}${overdue ? ' is-overdue' : ''}`}
      style={style}
      data-testid="queue-row"
      data-tracking={complaint.trackingNumber}
      onClick={() => onSelect(complaint.id)}
    >
      {screen.bulkSelect && (
        <span className="col-check">
          {/* A box for the mouse; the option carries the checked state (key x) for assistive tech,
            and an option may not contain a control of its own. */}
          <span
            className={`row-check${checked ? ' is-checked' : ''}`}
            aria-hidden="true"
            title={t('queue.selectRow', { tracking: complaint.trackingNumber })}
            data-testid="row-check"
            onClick={(event) => {
              event.stopPropagation();
              onToggleChecked(complaint.id);
            }}
          >
            {checked ? '✓' : ''}
          </span>
        </span>
      )}
      <span className="col-tracking">{complaint.trackingNumber}</span>
      <span className="col-title" title={complaint.title}>
        {complaint.rahasia && (
          <span className="badge badge-rahasia" title={t('queue.privacy.rahasia')}>
            R
          </span>
        )}
        {complaint.anonim && (
          <span className="badge badge-anonim" title={t('queue.privacy.anonim')}>
            A
          </span>
        )}
        {complaint.title}
      </span>
      <span className="col-category" title={category}>
        {category}
      </span>
      {screen.unit && (
        <span
          className="col-unit"
          title={unit ? `${unit.name} (${unit.shortName})` : t('queue.unassigned')}
        >
          {unit ? unit.shortName : '—'}
        </span>
      )}
      <span className={`col-status status-${complaint.status}`} title={status}>
        {status}
      </span>
      <span className="col-age">{t('queue.ageDays', { days: ageDays })}</span>
      <span className="col-due" title={due}>
        {due}
        {overdue && (
          <>
            <span className="overdue-mark" aria-hidden="true" title={t('queue.overdue')}>
              !
            </span>
            <span className="visually-hidden">{t('queue.overdue')}</span>
          </>
        )}
      </span>
    </div>
  );
}
