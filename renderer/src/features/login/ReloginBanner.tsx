import { getBridge } from '../../bridge/get-bridge.ts';
import { rewrapAfterSignIn } from '../../session/unlock-replica.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { LoginForm } from './LoginForm.tsx';
import { useSyncStatus } from '../../session/use-sync-status.ts';

/** Shown when the server ended the session: sign in again, then the waiting changes are sent. */
export function ReloginBanner() {
  const { sync, officer, serverUrl } = useWorkstation();
  const status = useSyncStatus(sync);
  const { t } = useTranslation();
  if (!status.sessionExpired) return null;
  return (
    <section
      className="relogin-banner"
      aria-label={t('sync.reloginNeeded', { count: status.pending })}
    >
      <p>{t('sync.reloginNeeded', { count: status.pending })}</p>
      <LoginForm
        serverUrl={serverUrl}
        fixedUsername={officer.username}
        onSignedIn={async (session, password) => {
          await getBridge().saveSession({
            serverUrl,
            refreshToken: session.refreshToken,
            officerId: session.officer.id,
          });
          // Before the banner goes: a window closed right after still leaves the key rewrapped.
          await rewrapAfterSignIn(getBridge(), officer.id, password);
          sync.signedInAgain(session);
        }}
      />
    </section>
  );
}
