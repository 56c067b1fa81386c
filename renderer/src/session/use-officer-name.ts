import { useEffect, useState } from 'react';
import { useWorkstation } from './workstation-context.tsx';

/**
 * An officer's display name as the timeline recorded it (the replica holds no officer list);
 * the id until one of their events is found.
 */
export function useOfficerName(officerId: string): string {
  const { replica } = useWorkstation();
  const [found, setFound] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    if (!officerId) return;
    let cancelled = false;
    void replica.complaint_events
      .findOne({ selector: { officerId } })
      .exec()
      .then((event) => {
        if (!cancelled && event) setFound({ id: officerId, name: event.officerName });
      });
    return () => {
      cancelled = true;
    };
  }, [replica, officerId]);
  return found?.id === officerId ? found.name : officerId;
}
