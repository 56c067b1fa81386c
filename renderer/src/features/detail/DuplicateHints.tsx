import { useMemo } from 'react';
import {
  findLikelyDuplicates,
  type DuplicateHint,
} from '../../../../shared/queue/find-likely-duplicates.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDate } from '../../i18n/translate.ts';
import type { QueueStore, QueueStoreSnapshot } from '../queue/queue-store.ts';

type DuplicateHintsProps = {
  complaintId: string;
  store: QueueStore;
  snapshot: QueueStoreSnapshot;
  canMarkDuplicate: boolean;
  onOpen: (id: string) => void;
  onMarkDuplicate: (originalId: string) => void;
};

/** Reports that may be the same matter as the one open, found in the local replica. */
export function DuplicateHints({
  complaintId,
  store,
  snapshot,
  canMarkDuplicate,
  onOpen,
  onMarkDuplicate,
}: DuplicateHintsProps) {
  const { t, language } = useTranslation();
  const { instansi } = useWorkstation();
  const hints: DuplicateHint[] = useMemo(() => {
    const target = store?.get(complaintId);
    return target ? findLikelyDuplicates(target, store.all()) : [];
    // The snapshot version changes with every write to the queue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, complaintId, snapshot.version]);
  if (hints.length === 0) return null;
  return (
    <section
      className="duplicate-hints"
      aria-labelledby="duplicate-hints-title"
      data-testid="duplicate-hints"
    >
      <h3 id="duplicate-hints-title">{t('duplicates.title', { count: hints.length })}</h3>
      <ul>
        {hints.map(({ entry, reasons }) => (
          <li key={entry.id}>
            <button
              type="button"
              className="link-button duplicate-tracking"
              onClick={() => onOpen(entry.id)}
            >
              {entry.trackingNumber}
            </button>
            <span className="duplicate-title">{entry.title}</span>
            <span className="duplicate-meta">
              {formatDate(language, entry.receivedAt, instansi.utcOffsetMinutes)} ·{' '}
              {t(`status.${entry.status}`)} ·{' '}
              {reasons.map((reason) => t(`duplicates.reason.${reason}`)).join(', ')}
            </span>
            {canMarkDuplicate && (
              <button
                type="button"
                className="secondary"
                onClick={() => onMarkDuplicate(entry.id)}
                aria-label={`${t('duplicates.markAsDuplicateOf')} ${entry.trackingNumber}`}
              >
                {t('duplicates.markAsDuplicateOf')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
