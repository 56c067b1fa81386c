import { useEffect, useState } from 'react';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';

export function useComplaint(id: string | null): Complaint | null {
  const { replica } = useWorkstation();
  const [found, setFound] = useState<{ id: string; complaint: Complaint | null } | null>(null);
  useEffect(() => {
    if (!id) return;
    const subscription = replica.complaints.findOne(id).$.subscribe((document) => {
      setFound({ id, complaint: document ? (document.toJSON() as Complaint) : null });
    });
    return () => subscription.unsubscribe();
  }, [replica, id]);
  return id && found?.id === id ? found.complaint : null;
}
