import { useEffect, useState } from 'react';
import type { ComplaintEvent } from '../../../../shared/schemas/complaint-event.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';

export function useComplaintEvents(complaintId: string): ComplaintEvent[] | null {
  const { replica } = useWorkstation();
  const [found, setFound] = useState<{ id: string; events: ComplaintEvent[] } | null>(null);
  useEffect(() => {
    const subscription = replica.complaint_events
      .find({ selector: { complaintId }, sort: [{ deviceTime: 'asc' }] })
      .$.subscribe((documents) =>
        setFound({
          id: complaintId,
          events: documents.map((document) => document.toJSON() as ComplaintEvent),
        }),
      );
    return () => subscription.unsubscribe();
  }, [replica, complaintId]);
  return found?.id === complaintId ? found.events : null;
}
