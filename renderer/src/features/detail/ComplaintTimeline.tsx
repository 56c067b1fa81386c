import type { ComplaintEvent } from '../../../../shared/schemas/complaint-event.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages-id.ts';
import { formatDateTime } from '../../i18n/translate.ts';
import type { Directory } from '../../session/use-directory.ts';
import { EventAttachments } from './EventAttachments.tsx';
import { useComplaintEvents } from './use-complaint-events.ts';

/** Entries that the reporter reads (public) and those only officers read (internal). */
function audienceOf(event: ComplaintEvent): 'public' | 'internal' | null {
  if (['tindak_lanjut', 'balasan_pelapor', 'penilaian'].includes(event.kind)) return 'public';
  if (event.kind === 'catatan_internal' || event.kind === 'identitas_dibuka') return 'internal';
  return null;
}

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
        {events?.map((event) => {
          const audience = audienceOf(event);
          return (
            <li
              key={event.id}
              className={`timeline-item${audience ? ` timeline-${audience}` : ''}`}
              data-kind={event.kind}
            >
              <p className="timeline-what">
                {audience && (
                  <span className={`badge badge-${audience}`}>{t(`timeline.${audience}`)}</span>
                )}
                {t(`event.${event.kind}` as MessageKey, {
                  unit: directory.units.get(event.targetUnitId)?.shortName ?? '—',
                })}
                {event.kind === 'penilaian'
                  ? ` · ${t('timeline.rating', { rating: event.reasonCode })}`
                  : event.reasonCode &&
                    ` · ${t(`archive.${event.reasonCode}` as 'archive.lainnya')}`}
              </p>
              {event.kind === 'tindak_lanjut' && event.fromStatus !== event.toStatus && (
                <p className="timeline-meta">
                  {t('timeline.statusMove', {
                    from: event.fromStatus ? t(`status.${event.fromStatus}`) : '—',
                    to: event.toStatus ? t(`status.${event.toStatus}`) : '—',
                  })}
                </p>
              )}
              {event.reason && <p className="timeline-reason">{event.reason}</p>}
              {event.attachments.length > 0 && <EventAttachments event={event} />}
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
                {event.deviceTimeTrusted === false && (
                  <span className="timeline-pending" data-testid="timeline-server-time">
                    {' '}
                    · {t('timeline.serverTimeUsed')}
                  </span>
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
