import { z } from 'zod';

/** A public tracking number such as KALTIM-2611-00042 (prefix, arrival month, serial). */
export const TRACKING_NUMBER_PATTERN = /^[A-Z0-9]{1,12}-\d{4}-\d{5,8}$/;
export const trackingNumberSchema = z.string().max(32).regex(TRACKING_NUMBER_PATTERN);

/**
 * An OS notification the workstation asks for. Its text names tracking numbers and counts
 * only, never a title, body or reporter: notifications can show on a locked screen.
 */
export const desktopNotificationSchema = z.strictObject({
  kind: z.enum(['disposed', 'due_today']),
  title: z.string().trim().min(1).max(120),
  body: z.string().max(400),
  /** The complaint opened when the officer clicks the notification. */
  trackingNumber: trackingNumberSchema.optional(),
});

export type DesktopNotification = z.infer<typeof desktopNotificationSchema>;

/** `unavailable`: the OS or browser shows no notifications (or the officer refused them). */
export type NotifyOutcome = 'shown' | 'unavailable';

/** The renderer's count of local edits the server has not yet accepted. */
export const pendingChangeCountSchema = z.number().int().min(0).max(10_000_000);
