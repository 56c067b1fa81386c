import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import { ApiRequestError, postJson } from '../api/api-client.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';

/**
 * Announces the files of this device's new timeline events before the events are pushed: the
 * server accepts an event only with files its officer has announced for that complaint and
 * event. Announcing again is harmless (the server answers what it holds). A refusal (a file id
 * taken, a complaint out of scope) is left for the event's push to be refused and recorded; a
 * network or server failure throws, so the push is retried with its announcements.
 */
export async function announceEventFiles(
  serverUrl: string,
  tokens: AccessTokenProvider,
  events: readonly (ComplaintEvent & { _deleted?: boolean })[],
): Promise<void> {
  for (const event of events) {
    if (event.serverSeq !== 0 || event._deleted) continue;
    for (const file of event.attachments) {
      try {
        await tokens.withAccessToken((token) =>
          postJson(
            `${serverUrl}/api/attachments`,
            {
              id: file.id,
              name: file.name,
              type: file.type,
              size: file.size,
              eventId: event.id,
              complaintId: event.complaintId,
            },
            token,
          ),
        );
      } catch (error) {
        if (!(error instanceof ApiRequestError && error.kind === 'rejected')) throw error;
      }
    }
  }
}
