import { useEffect, useState } from 'react';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useWorkstation } from '../../app/workstation-context.tsx';
import { queueQuery, type QueueStatusFilter } from './queue-filter.ts';

/** Live queue rows from the replica; updates when a local edit or a replicated change lands. */
export function useComplaintQueue(filter: QueueStatusFilter): { rows: Complaint[] | null } {
  const { replica } = useWorkstation();
  const [result, setResult] = useState<{ filter: QueueStatusFilter; rows: Complaint[] } | null>(
    null,
  );
  useEffect(() => {
    const subscription = replica.complaints.find(queueQuery(filter)).$.subscribe((documents) => {
      setResult({ filter, rows: documents.map((document) => document.toJSON() as Complaint) });
    });
    return () => subscription.unsubscribe();
  }, [replica, filter]);
  // Rows of the previous filter are never shown under the new one.
  return { rows: result && result.filter === filter ? result.rows : null };
}
