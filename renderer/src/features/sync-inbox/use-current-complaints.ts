import { useEffect, useState } from 'react';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import type { SyncRejection } from '../../../../shared/schemas/sync-rejection.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';

/** The complaints the refusals are about, as they are on this device now, kept current. */
export function useCurrentComplaints(
  refusals: readonly SyncRejection[],
): ReadonlyMap<string, Complaint> {
  const { replica } = useWorkstation();
  const [found, setFound] = useState<ReadonlyMap<string, Complaint>>(new Map());
  const ids = refusals
    .filter((refusal) => refusal.targetCollection === 'complaints')
    .map((refusal) => refusal.documentId);
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    // Complaints of earlier refusals may stay in the map: it is only read by id.
    if (!key) return;
    const subscription = replica.complaints
      .findByIds(key.split(','))
      .$.subscribe((documents) =>
        setFound(
          new Map([...documents].map(([id, document]) => [id, document.toJSON() as Complaint])),
        ),
      );
    return () => subscription.unsubscribe();
  }, [replica, key]);
  return found;
}
