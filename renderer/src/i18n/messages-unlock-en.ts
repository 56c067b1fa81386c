import type { UNLOCK_MESSAGES_ID } from './messages-unlock-id.ts';

export const UNLOCK_MESSAGES_EN: Record<keyof typeof UNLOCK_MESSAGES_ID, string> = {
  'unlock.heading': 'Open the data on this device',
  'unlock.intro':
    'Reporter identities on this device are stored encrypted. Enter your password to open them; no connection is needed.',
  'unlock.passwordChanged':
    'Your password changed since the data on this device was locked. Enter your previous password once; from then on your new password opens it.',
  'unlock.password': 'Password',
  'unlock.previousPassword': 'Previous password',
  'unlock.submit': 'Open',
  'unlock.submitting': 'Opening…',
  'unlock.wrong':
    'The password does not open the data on this device. If your password was changed recently, try the previous one.',
  'unlock.discard': 'Delete the data on this device and sign in again',
  'unlock.discardConfirm':
    'The complaint data on this device will be deleted, including changes not yet sent to the server. After signing in again it is downloaded anew. Continue?',
  'unlock.unreadable':
    'The key of the data on this device is damaged, so the data cannot be opened. Contact the Admin Instansi.',
  'upgrade.heading': 'Updating the data on this device',
  'upgrade.intro':
    'The new version of Lapor Workstation rewrites the data stored on this device. This happens once after an update and needs no connection.',
  'upgrade.progress': '{handled} of {total} documents',
  'upgrade.wait': 'The queue opens when it is done.',
};
