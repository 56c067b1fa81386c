import { useEffect, useMemo, useState } from 'react';
import {
  createPlaceLookup,
  type PlaceLookup,
  type RegionDirectory,
} from '../../../shared/regions/region-directory.ts';
import { useWorkstation } from './workstation-context.tsx';
import { watchLocalDocument } from '../db/watch-local-document.ts';
import {
  REGION_DIRECTORY_LOCAL_ID,
  refreshRegionDirectory,
  storedRegionDirectorySchema,
} from './region-directory-client.ts';

const RETRY_MS = 5 * 60_000;

/**
 * Place names of the instansi's region, from the copy kept in the replica (so they show
 * offline), fetched from the server the first time and checked again on each start.
 */
export function usePlaceLookup(): PlaceLookup {
  const workstation = useWorkstation();
  const { replica } = workstation;
  const [directory, setDirectory] = useState<RegionDirectory | null>(null);
  useEffect(() => {
    const subscription = watchLocalDocument(replica, REGION_DIRECTORY_LOCAL_ID, true).subscribe(
      (document) => {
        const parsed = storedRegionDirectorySchema.safeParse(document?.toJSON().data);
        setDirectory(parsed.success ? parsed.data.directory : null);
      },
    );
    return () => subscription.unsubscribe();
  }, [replica]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const attempt = () => {
      refreshRegionDirectory(workstation).catch(() => {
        // Offline or refused: the stored names serve; try again later.
        if (!stopped) timer = setTimeout(attempt, RETRY_MS);
      });
    };
    attempt();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // One refresh per replica and server, not per render of the context value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [replica, workstation.serverUrl]);
  return useMemo(() => createPlaceLookup(directory), [directory]);
}
