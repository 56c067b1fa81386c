import { useState } from 'react';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../../shared/schemas/complaint-event.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';

/**
 * The reporter's identity, which only the admin's replica holds, stays covered until the admin
 * asks for it; each reveal is written to the timeline as an admin-only event the server audits.
 */
export function ReporterIdentity({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const { replica, officer, sync } = useWorkstation();
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const revealed = revealedFor === complaint.id;

  async function reveal() {
    const event: ComplaintEvent = {
      id: crypto.randomUUID(),
      complaintId: complaint.id,
      instansiId: complaint.instansiId,
      kind: 'identitas_dibuka',
      fromStatus: complaint.status,
      toStatus: complaint.status,
      targetUnitId: '',
      reasonCode: '',
      reason: '',
      relatedComplaintId: '',
      anonim: complaint.anonim,
      rahasia: complaint.rahasia,
      attachments: [],
      officerId: officer.id,
      officerName: officer.displayName,
      officerRole: officer.role,
      deviceTime: Date.now(),
      serverTime: 0,
      serverSeq: 0,
    };
    // Logged before anything is shown: a reveal that is not recorded does not happen.
    await sync.pending.track('complaint_events', [event.id], () =>
      replica.complaint_events.insert(event),
    );
    setRevealedFor(complaint.id);
  }

  return (
    <section className="detail-reporter" aria-label={t('detail.reporter')}>
      <h3>{t('detail.reporter')}</h3>
      {!complaint.reporter ? (
        <p className="form-note">{t('detail.reporterHidden')}</p>
      ) : revealed ? (
        <>
          <p data-testid="reporter-identity">
            {complaint.reporter.name} · {complaint.reporter.phone} · {complaint.reporter.email}
          </p>
          <button type="button" className="secondary" onClick={() => setRevealedFor(null)}>
            {t('identity.hide')}
          </button>
        </>
      ) : (
        <>
          {(complaint.anonim || complaint.rahasia) && (
            <p className="form-note">
              {t('identity.protected', {
                flag: complaint.rahasia ? t('detail.rahasia') : t('detail.anonim'),
              })}
            </p>
          )}
          <button type="button" className="secondary" onClick={() => void reveal()}>
            {t('identity.reveal')}
          </button>
          <p className="form-note">{t('identity.revealNote')}</p>
        </>
      )}
    </section>
  );
}
