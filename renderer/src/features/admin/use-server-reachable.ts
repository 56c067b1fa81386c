import { useEffect, useState } from 'react';
import { useWorkstation } from '../../session/workstation-context.tsx';

/** Whether the sync connection reports the server reachable (not while offline). */
export function useServerReachable(): boolean {
  const { sync } = useWorkstation();
  const [reachable, setReachable] = useState(sync.status$.value.connection !== 'offline');
  useEffect(() => {
    const subscription = sync.status$.subscribe((status) =>
      setReachable(status.connection !== 'offline'),
    );
    return () => subscription.unsubscribe();
  }, [sync]);
  return reachable;
}
