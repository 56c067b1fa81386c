import type { CSSProperties } from 'react';
import type { QueueEntry } from '../../../../shared/queue/queue-entry.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDate } from '../../i18n/translate.ts';
import type { Directory } from '../../session/use-directory.ts';

const DAY_MS = 86_400_000;

type QueueRowProps = {
  complaint: QueueEntry;
  directory: Directory;
  selected: boolean;
  checked: boolean;
  onToggleChecked: (id: string) => void;
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
  now,
  utcOffsetMinutes,
  style,
  onSelect,
}: QueueRowProps) {
  const { t, language } = useTranslation();
  const overdue = complaint.dueAt > 0 && complaint.dueAt < now;
  const ageDays = Math.max(0, Math.floor((now - complaint.receivedAt) / DAY_MS));
  const unit = directory.units.get(complaint.unitId);
  return (
    <div
      id={`queue-row-${complaint.id}`}
      role="option"
      aria-selected={selected}
      aria-checked={checked}
      className={`queue-row${selected ? ' is-selected' : ''}${overdue ? ' is-overdue' : ''}`}
      style={style}
      data-testid="queue-row"
      data-tracking={complaint.trackingNumber}
      onClick={() => onSelect(complaint.id)}
    >
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
      <span className="col-tracking">{complaint.trackingNumber}</span>
      <span className="col-title">
        {complaint.rahasia && <span className="badge badge-rahasia">R</span>}
        {complaint.anonim && <span className="badge badge-anonim">A</span>}
        {complaint.title}
      </span>
      <span className="col-category">
        {directory.categories.get(complaint.categoryId)?.name ?? '—'}
      </span>
      <span className="col-unit" title={unit ? unit.name : t('queue.unassigned')}>
        {unit ? unit.shortName : '—'}
      </span>
      <span className={`col-status status-${complaint.status}`}>
        {t(`status.${complaint.status}`)}
      </span>
      <span className="col-age">{t('queue.ageDays', { days: ageDays })}</span>
      <span className="col-due">
        {complaint.dueAt > 0
          ? formatDate(language, complaint.dueAt, utcOffsetMinutes)
          : t('queue.noDue')}
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
