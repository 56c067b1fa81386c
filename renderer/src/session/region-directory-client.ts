import { z } from 'zod';
import { regionDirectorySchema } from '../../../shared/regions/region-directory.ts';
import { errorFromResponse, send } from '../api/api-client.ts';
import type { WorkstationContextValue } from './workstation-context.tsx';
import type { Replica } from '../db/create-replica.ts';

/** Local document of the replica that keeps the instansi's place names for offline use. */
export const REGION_DIRECTORY_LOCAL_ID = 'region-directory';

export const storedRegionDirectorySchema = z.object({
  etag: z.string().max(200),
  directory: regionDirectorySchema,
});
export type StoredRegionDirectory = z.infer<typeof storedRegionDirectorySchema>;

type Online = Pick<WorkstationContextValue, 'serverUrl' | 'sync'>;

/**
 * Asks the server for the instansi's place names; null when the stored copy (`etag`) is
 * current. Fails with ApiRequestError('offline') without a connection.
 */
export async function fetchRegionDirectory(
  workstation: Online,
  etag: string,
): Promise<StoredRegionDirectory | null> {
  const response = await workstation.sync.tokens.withAccessToken(async (token) => {
    const answer = await send(`${workstation.serverUrl}/api/regions/directory`, {
      headers: {
        authorization: `Bearer ${token}`,
        ...(etag ? { 'if-none-match': etag } : {}),
      },
    });
    if (!answer.ok && answer.status !== 304) throw await errorFromResponse(answer);
    return answer;
  });
  if (response.status === 304) return null;
  return {
    etag: response.headers.get('etag') ?? '',
    directory: regionDirectorySchema.parse(await response.json()),
  };
}

export async function loadStoredRegionDirectory(
  replica: Replica,
): Promise<StoredRegionDirectory | null> {
  const document = await replica.getLocal(REGION_DIRECTORY_LOCAL_ID);
  const parsed = storedRegionDirectorySchema.safeParse(document?.toJSON().data);
  return parsed.success ? parsed.data : null;
}

/** Brings the stored place names up to date with the server; true when they changed. */
export async function refreshRegionDirectory(
  workstation: Online & Pick<WorkstationContextValue, 'replica'>,
): Promise<boolean> {
  const stored = await loadStoredRegionDirectory(workstation.replica);
  const fresh = await fetchRegionDirectory(workstation, stored?.etag ?? '');
  if (!fresh) return false;
  await workstation.replica.upsertLocal(REGION_DIRECTORY_LOCAL_ID, fresh);
  return true;
}
