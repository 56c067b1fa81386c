import type { SessionResponse } from '../../../../shared/api/contract.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { ThemeSwitch } from '../../ui/ThemeSwitch.tsx';
import { LoginForm } from './LoginForm.tsx';

export function LoginScreen({
  serverUrl,
  onSignedIn,
}: {
  serverUrl: string;
  onSignedIn: (session: SessionResponse, password: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <main className="login-screen">
      <section className="login-card" aria-labelledby="login-heading">
        <h1 id="login-heading">{t('login.heading')}</h1>
        <LoginForm serverUrl={serverUrl} onSignedIn={onSignedIn} />
        <p className="login-server">{t('login.server', { url: serverUrl })}</p>
        <LanguageSwitch />
        <ThemeSwitch />
      </section>
    </main>
  );
}
