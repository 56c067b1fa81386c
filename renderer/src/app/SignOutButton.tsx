import { useState } from 'react';
import { useTranslation } from '../i18n/language-context.tsx';
import { waitForDrain } from '../sync/wait-for-drain.ts';
import { useWorkstation } from './workstation-context.tsx';

const DRAIN_TIMEOUT_MS = 8000;

/**
 * Signing out wipes this officer's replica from the device. Edits not yet on the server are sent
 * first; if some cannot be (offline, refused session), the officer is told how many would be
 * lost and must confirm.
 */
export function SignOutButton({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const { sync } = useWorkstation();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      sync.syncNow();
      const left = await waitForDrain(sync.pending.count$, DRAIN_TIMEOUT_MS);
      if (left > 0 && !window.confirm(t('signOut.confirmLoss', { count: left }))) return;
      onSignOut();
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" onClick={() => void signOut()} disabled={busy} data-testid="sign-out">
      {busy ? t('signOut.sending') : t('session.logout')}
    </button>
  );
}
