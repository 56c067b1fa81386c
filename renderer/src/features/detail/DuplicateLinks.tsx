import { useMemo } from 'react';
import type { QueueEntry } from '../../../../shared/queue/queue-entry.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { QueueStore, QueueStoreSnapshot } from '../queue/queue-store.ts';

type DuplicateLinksProps = {
  complaintId: string;
  duplicateOf: string;
  store: QueueStore;
  snapshot: QueueStoreSnapshot;
  onOpen: (id: string) => void;
};

/** Both ends of a duplicate link: the original of this report, and reports marked as its duplicates. */
export function DuplicateLinks({
  complaintId,
  duplicateOf,
  store,
  snapshot,
  onOpen,
}: DuplicateLinksProps) {
  const { t } = useTranslation();
  const { original, duplicates } = useMemo(() => {
    const found: QueueEntry[] = [];
    for (const entry of store.all()) if (entry.duplicateOf === complaintId) found.push(entry);
    return { original: duplicateOf ? store.get(duplicateOf) : undefined, duplicates: found };
    // The snapshot version changes with every write to the queue.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, complaintId, duplicateOf, snapshot.version]);
  if (!duplicateOf && duplicates.length === 0) return null;
  const link = (entry: QueueEntry) => (
    <button
      key={entry.id}
      type="button"
      className="link-button"
      title={entry.title}
      onClick={() => onOpen(entry.id)}
    >
      {entry.trackingNumber}
    </button>
  );
  return (
    <p className="duplicate-links" data-testid="duplicate-links">
      {duplicateOf && (
        <span>
          {t('duplicates.original')}{' '}
          {original ? link(original) : t('duplicates.originalNotInReplica')}
        </span>
      )}
      {duplicates.length > 0 && (
        <span>
          {t('duplicates.markedDuplicates', { count: duplicates.length })}{' '}
          {duplicates.map((entry, index) => [index > 0 ? ', ' : '', link(entry)])}
        </span>
      )}
    </p>
  );
}
