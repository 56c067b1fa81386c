import { useWorkstation } from '../../app/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDateTime } from '../../i18n/translate.ts';
import type { Directory } from '../queue/use-directory.ts';
import { useComplaintEvents } from './use-complaint-events.ts';

/** Who did what and when, oldest first; entries not yet accepted by the server say so. */
export function ComplaintTimeline({
  complaintId,
  directory,
}: {
  complaintId: string;
  directory: Directory;
}) {
  const { t, language } = useTranslation();
  const { instansi } = useWorkstation();
  const events = useComplaintEvents(complaintId);
  return (
    <section className="timeline" aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{t('timeline.heading')}</h3>
      {events && events.length === 0 && <p className="form-note">{t('timeline.empty')}</p>}
      <ol className="timeline-list" data-testid="timeline">
        {events?.map((event) => (
          <li key={event.id} className="timeline-item">
            <p className="timeline-what">
              {t(`event.${event.kind}`, {
                unit: directory.units.get(event.targetUnitId)?.shortName ?? '—',
              })}
              {event.reasonCode && ` · ${t(`archive.${event.reasonCode}` as 'archive.lainnya')}`}
            </p>
            {event.reason && <p className="timeline-reason">{event.reason}</p>}
            <p className="timeline-meta">
              {event.officerName} ·{' '}
              {formatDateTime(
                language,
                event.serverTime || event.deviceTime,
                instansi.utcOffsetMinutes,
              )}
              {event.serverTime === 0 && (
                <span className="timeline-pending"> · {t('timeline.pending')}</span>
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
