import { useEffect, useEffectEvent, useRef } from 'react';
import { z } from 'zod';
import {
  planNotifications,
  type NotificationMemory,
  type PlannedNotification,
} from '../../../shared/desktop/plan-notifications.ts';
import type { QueueStore, QueueStoreSnapshot } from '../features/queue/queue-store.ts';
import { getBridge } from '../bridge/get-bridge.ts';
import { useTranslation } from '../i18n/language-context.tsx';
import { useSyncStatus } from '../session/use-sync-status.ts';
import { useWorkstation } from '../session/workstation-context.tsx';

const memorySchema = z.object({
  disposedSeen: z.array(z.string()).max(1_000_000),
  dueTodayNotifiedOn: z.string().nullable(),
});
/** Notifications are planned at most this often while the queue changes. */
const PLAN_DELAY_MS = 2_000;
/** …and at least this often, so a new day's deadlines are announced without a change. */
const PLAN_INTERVAL_MS = 10 * 60_000;

function memoryKey(officerId: string) {
  return `lapor.notifications.${officerId}`;
}

function loadMemory(officerId: string): NotificationMemory | null {
  const raw = localStorage.getItem(memoryKey(officerId));
  if (!raw) return null;
  try {
    return memorySchema.parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

/**
 * The workstation's side of the OS integration: reports the pending-change count (for the
 * warning on quit), announces newly disposed complaints and today's deadlines, and opens the
 * complaint of a `lapor://` link or clicked notification.
 */
export function useDesktopIntegration(input: {
  store: QueueStore;
  snapshot: QueueStoreSnapshot;
  onOpenComplaint: (id: string) => void;
  onNotice: (text: string) => void;
}) {
  const { store, snapshot, onOpenComplaint, onNotice } = input;
  const { t } = useTranslation();
  const { officer, instansi, sync } = useWorkstation();
  const status = useSyncStatus(sync);
  /** A link that arrived before the queue had loaded. */
  const waitingLink = useRef<string | null>(null);

  useEffect(() => {
    void getBridge()
      .reportPendingChanges(status.pending)
      .catch(() => undefined);
  }, [status.pending]);

  const openLink = useEffectEvent((trackingNumber: string) => {
    for (const entry of store.all()) {
      if (entry.trackingNumber === trackingNumber) {
        onOpenComplaint(entry.id);
        return;
      }
    }
    onNotice(t('deepLink.notFound', { tracking: trackingNumber }));
  });

  useEffect(
    () =>
      getBridge().onOpenComplaint((trackingNumber) => {
        if (store.getSnapshot().loaded) openLink(trackingNumber);
        else waitingLink.current = trackingNumber;
      }),
    [store],
  );

  useEffect(() => {
    const trackingNumber = waitingLink.current;
    if (!snapshot.loaded || !trackingNumber) return;
    waitingLink.current = null;
    openLink(trackingNumber);
  }, [snapshot.loaded]);

  const announce = useEffectEvent(async (planned: PlannedNotification) => {
    const title = t(planned.kind === 'disposed' ? 'notify.disposed' : 'notify.dueToday', {
      count: planned.count,
    });
    const rest = planned.count - planned.trackingNumbers.length;
    const body =
      planned.trackingNumbers.join(', ') + (rest > 0 ? t('notify.andMore', { count: rest }) : '');
    const outcome = await getBridge()
      .notify({
        kind: planned.kind,
        title,
        body,
        ...(planned.trackingNumbers[0] ? { trackingNumber: planned.trackingNumbers[0] } : {}),
      })
      .catch(() => 'unavailable' as const);
    return outcome === 'unavailable' ? `${title}: ${body}` : null;
  });
  const showInStatusBar = useEffectEvent((texts: string[]) => onNotice(texts.join(' · ')));

  const ready = snapshot.loaded && status.initialSync === null;
  useEffect(() => {
    if (!ready) return;
    const run = () => {
      const { notifications, memory } = planNotifications({
        entries: store.all(),
        officer,
        memory: loadMemory(officer.id),
        now: Date.now(),
        utcOffsetMinutes: instansi.utcOffsetMinutes,
      });
      localStorage.setItem(memoryKey(officer.id), JSON.stringify(memory));
      if (notifications.length === 0) return;
      // Without OS notifications the status bar carries the news.
      void Promise.all(notifications.map((planned) => announce(planned))).then((unshown) => {
        const texts = unshown.filter((text): text is string => text !== null);
        if (texts.length > 0) showInStatusBar(texts);
      });
    };
    const timer = setTimeout(run, PLAN_DELAY_MS);
    const interval = setInterval(run, PLAN_INTERVAL_MS);
    return () => {
      clearTimeout(timer);
      clearInterval(interval);
    };
  }, [ready, snapshot.version, store, officer, instansi.utcOffsetMinutes]);
}
