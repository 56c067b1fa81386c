import { useEffect, useState } from 'react';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useWorkstation } from '../../app/workstation-context.tsx';

export function useComplaint(id: string | null): Complaint | null {
  const { replica } = useWorkstation();
  const [complaint, setComplaint] = useState<Complaint | null>(null);
  useEffect(() => {
    if (!id) {
      setComplaint(null);
      return;
    }
    const subscription = replica.complaints.findOne(id).$.subscribe((document) => {
      setComplaint(document ? (document.toJSON() as Complaint) : null);
    });
    return () => subscription.unsubscribe();
  }, [replica, id]);
  return complaint;
}
