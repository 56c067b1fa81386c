import { z } from 'zod';
import { BRIDGE_CHANNELS } from '../../shared/bridge.ts';
import {
  desktopNotificationSchema,
  pendingChangeCountSchema,
  type DesktopNotification,
  type NotifyOutcome,
} from '../../shared/desktop/desktop-notification.ts';
import { parseArguments, type DesktopChannel } from './bridge-handlers.ts';

/** IPC handlers for the OS integration: notifications, the quit warning, deep links. */
export function createDesktopHandlers(deps: {
  notificationsSupported: () => boolean;
  showNotification: (notification: DesktopNotification) => void;
  setPendingChanges: (count: number) => void;
  /** The page listens for deep links; returns the one waiting, if any. */
  pageListening: () => string | null;
}): Record<DesktopChannel, (...args: unknown[]) => Promise<unknown>> {
  return {
    [BRIDGE_CHANNELS.notify]: async (...args): Promise<NotifyOutcome> => {
      const [notification] = parseArguments(
        z.tuple([desktopNotificationSchema]),
        args,
        BRIDGE_CHANNELS.notify,
      );
      if (!deps.notificationsSupported()) return 'unavailable';
      deps.showNotification(notification);
      return 'shown';
    },
    [BRIDGE_CHANNELS.reportPendingChanges]: async (...args) => {
      const [count] = parseArguments(
        z.tuple([pendingChangeCountSchema]),
        args,
        BRIDGE_CHANNELS.reportPendingChanges,
      );
      deps.setPendingChanges(count);
    },
    [BRIDGE_CHANNELS.onOpenComplaint]: async (...args) => {
      parseArguments(z.tuple([]), args, BRIDGE_CHANNELS.onOpenComplaint);
      return deps.pageListening();
    },
  };
}
