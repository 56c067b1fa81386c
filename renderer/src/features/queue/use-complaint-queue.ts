import { useEffect, useState } from 'react';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useWorkstation } from '../../app/workstation-context.tsx';
import { queueQuery, type QueueStatusFilter } from './queue-filter.ts';

/** Live queue rows from the replica; updates when a local edit or a replicated change lands. */
export function useComplaintQueue(filter: QueueStatusFilter): { rows: Complaint[] | null } {
  const { replica } = useWorkstation();
  const [rows, setRows] = useState<Complaint[] | null>(null);
  useEffect(() => {
    setRows(null);
    const subscription = replica.complaints.find(queueQuery(filter)).$.subscribe((documents) => {
      setRows(documents.map((document) => document.toJSON() as Complaint));
    });
    return () => subscription.unsubscribe();
  }, [replica, filter]);
  return { rows };
}
