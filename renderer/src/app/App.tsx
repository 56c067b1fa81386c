import { useTranslation } from '../i18n/language-context.tsx';
import { LoginScreen } from '../features/login/LoginScreen.tsx';
import { UnlockScreen } from '../features/login/UnlockScreen.tsx';
import { ReplicaUpgradeScreen } from '../features/login/ReplicaUpgradeScreen.tsx';
import { ServerSetup } from '../features/onboarding/ServerSetup.tsx';
import { lazy, Suspense, useEffect } from 'react';
import { useWorkstationSession } from '../session/use-workstation-session.ts';
import { WorkstationProvider } from '../session/workstation-context.tsx';

// The workstation (queue, detail, reports) comes after sign-in: its code is fetched then, or
// earlier while the officer types (see use-workstation-session.ts).
const loadWorkstation = () => import('./Workstation.tsx');
const Workstation = lazy(() =>
  loadWorkstation().then((module) => ({ default: module.Workstation })),
);

export function App() {
  const { t } = useTranslation();
  const { state, signedIn, unlock, discardLocked, signOut } = useWorkstationSession();
  const signInShown = state.kind === 'signed-out';
  useEffect(() => {
    if (signInShown) void loadWorkstation().catch(() => undefined);
  }, [signInShown]);
  if (state.kind === 'starting') return <p className="app-starting">{t('queue.loading')}</p>;
  if (state.kind === 'upgrading') return <ReplicaUpgradeScreen progress={state.progress} />;
  if (state.kind === 'failed')
    return <p role="alert">{t('error.openReplica', { message: state.message })}</p>;
  // The page reloads so the chosen server's address takes effect everywhere (CSP included).
  if (state.kind === 'choose-server') return <ServerSetup onChosen={() => location.reload()} />;
  if (state.kind === 'signed-out') {
    return (
      <LoginScreen
        serverUrl={state.serverUrl}
        onSignedIn={(session, password) => signedIn(state.serverUrl, session, password)}
      />
    );
  }
  if (state.kind === 'locked') {
    return (
      <UnlockScreen
        lock={state.lock}
        passwordChanged={state.resume.newPassword !== undefined}
        onUnlock={(password) => unlock(state.resume, password)}
        onDiscard={() => discardLocked(state.resume)}
      />
    );
  }
  return (
    <WorkstationProvider value={state.workstation}>
      <Suspense fallback={<p className="app-starting">{t('queue.loading')}</p>}>
        <Workstation onSignOut={() => void signOut()} />
      </Suspense>
    </WorkstationProvider>
  );
}
