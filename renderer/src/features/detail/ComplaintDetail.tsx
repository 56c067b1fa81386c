import type { RefObject } from 'react';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDateTime } from '../../i18n/translate.ts';
import type { Directory } from '../../session/use-directory.ts';
import { ClassificationForm } from './ClassificationForm.tsx';
import { ClockStatus } from './ClockStatus.tsx';
import { ComplaintTimeline } from './ComplaintTimeline.tsx';
import { TriageActions } from '../triage/TriageActions.tsx';
import type { TriageActionKind } from '../../../../shared/domain/triage.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { PrivacyFlags } from './PrivacyFlags.tsx';
import { useComplaint } from './use-complaint.ts';
import { ReporterIdentity } from './ReporterIdentity.tsx';
import { FollowUpComposer } from '../followup/FollowUpComposer.tsx';
import { followUpRefusal } from '../../../../shared/domain/follow-up.ts';
import { DuplicateHints } from './DuplicateHints.tsx';
import { DuplicateLinks } from './DuplicateLinks.tsx';
import type { QueueStore, QueueStoreSnapshot } from '../queue/queue-store.ts';
import { availableTriageActions } from '../../../../shared/domain/plan-triage-action.ts';
import { placeText } from '../../../../shared/regions/region-directory.ts';

type ComplaintDetailProps = {
  complaintId: string | null;
  directory: Directory;
  firstFieldRef: RefObject<HTMLSelectElement | null>;
  onTriage: (action: TriageActionKind, complaint: Complaint) => void;
  store: QueueStore;
  snapshot: QueueStoreSnapshot;
  onOpen: (id: string) => void;
  onMarkDuplicate: (complaint: Complaint, originalId: string) => void;
};

export function ComplaintDetail({
  complaintId,
  directory,
  firstFieldRef,
  onTriage,
  store,
  snapshot,
  onOpen,
  onMarkDuplicate,
}: ComplaintDetailProps) {
  const { t, language } = useTranslation();
  const { instansi, officer } = useWorkstation();
  const complaint = useComplaint(complaintId);
  if (!complaint) {
    return (
      <section className="detail-panel detail-empty" aria-label={t('detail.empty')}>
        <p>{t('detail.empty')}</p>
      </section>
    );
  }
  const offset = instansi.utcOffsetMinutes;
  const unit = directory.units.get(complaint.unitId);
  return (
    <section className="detail-panel" aria-labelledby="detail-title" data-testid="complaint-detail">
      <PrivacyFlags complaint={complaint} />
      <p className="detail-tracking">{complaint.trackingNumber}</p>
      <h2 id="detail-title">{complaint.title}</h2>
      <p className={`status-pill status-${complaint.status}`} data-testid="detail-status">
        {t(`status.${complaint.status}`)}
      </p>
      <ClockStatus complaint={complaint} />
      <TriageActions complaint={complaint} onChoose={(action) => onTriage(action, complaint)} />
      <DuplicateLinks
        complaintId={complaint.id}
        duplicateOf={complaint.duplicateOf}
        store={store}
        snapshot={snapshot}
        onOpen={onOpen}
      />
      <DuplicateHints
        complaintId={complaint.id}
        store={store}
        snapshot={snapshot}
        canMarkDuplicate={availableTriageActions(complaint, officer).includes('mark_duplicate')}
        onOpen={onOpen}
        onMarkDuplicate={(originalId) => onMarkDuplicate(complaint, originalId)}
      />
      <dl className="detail-facts">
        <dt>{t('detail.received')}</dt>
        <dd>{formatDateTime(language, complaint.receivedAt, offset)}</dd>
        <dt>{t('detail.due')}</dt>
        <dd>{complaint.dueAt > 0 ? formatDateTime(language, complaint.dueAt, offset) : '—'}</dd>
        <dt>{t('detail.type')}</dt>
        <dd>
          {t(`type.${complaint.type}`)}
          {complaint.berkadarPengawasan && ` · ${t('detail.supervised')}`}
        </dd>
        <dt>{t('detail.channel')}</dt>
        <dd>{t(`channel.${complaint.channel}`)}</dd>
        <dt>{t('detail.unit')}</dt>
        <dd>{unit ? unit.name : t('queue.unassigned')}</dd>
        <dt>{t('detail.location')}</dt>
        <dd>{complaint.locationText}</dd>
        <dt>{t('detail.place')}</dt>
        <dd data-testid="detail-place">
          {placeText(directory.places, complaint.regionCode) || t('detail.placeUnknown')}
        </dd>
        <dt>{t('detail.region')}</dt>
        <dd>{complaint.regionCode}</dd>
      </dl>
      <p className="detail-body">{complaint.body}</p>
      <ReporterIdentity complaint={complaint} />
      <ClassificationForm
        complaint={complaint}
        directory={directory}
        firstFieldRef={firstFieldRef}
      />
      <ComplaintTimeline complaintId={complaint.id} directory={directory} />
      {followUpRefusal(complaint, officer, 'catatan_internal') === null && (
        <FollowUpComposer key={complaint.id} complaint={complaint} />
      )}
      <p className="detail-updated">
        {t('detail.updated', { time: formatDateTime(language, complaint.updatedAt, offset) })}
      </p>
    </section>
  );
}
