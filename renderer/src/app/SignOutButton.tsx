import { useState } from 'react';
import { BehaviorSubject } from 'rxjs';
import { useTranslation } from '../i18n/language-context.tsx';
import { waitForDrain } from '../sync/wait-for-drain.ts';
import { useWorkstation } from '../session/workstation-context.tsx';

const DRAIN_TIMEOUT_MS = 8000;

/**
 * Signing out wipes this officer's replica from the device. Edits and attached files not yet on
 * the server are sent first; if some cannot be (offline, refused session), the officer is told
 * how many would be lost and must confirm.
 */
export function SignOutButton({ onSignOut }: { onSignOut: () => void }) {
  const { t } = useTranslation();
  const { sync } = useWorkstation();
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      sync.syncNow();
      sync.attachments.kick();
      // Photos and PDFs of posted follow-ups still uploading count as unsent work too.
      const waitingFiles = new BehaviorSubject(sync.attachments.state$.value.waitingUploads);
      const mirror = sync.attachments.state$.subscribe((state) =>
        waitingFiles.next(state.waitingUploads),
      );
      const [edits, files] = await Promise.all([
        waitForDrain(sync.pending.count$, DRAIN_TIMEOUT_MS),
        waitForDrain(waitingFiles, DRAIN_TIMEOUT_MS),
      ]);
      mirror.unsubscribe();
      const left = edits + files;
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
