import { useId, useState } from 'react';
import type { ServerCheck } from '../../../../shared/desktop/check-server.ts';
import { getBridge } from '../../bridge/get-bridge.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { ThemeSwitch } from '../../ui/ThemeSwitch.tsx';

/** The demo central server `npm start` runs on this computer, with the Kaltim sample data. */
export const DEMO_SERVER_URL = 'http://127.0.0.1:8787';

type Phase =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'tested'; address: string; result: ServerCheck }
  | { kind: 'failed'; message: string };

/**
 * First run of a desktop installation without a configured server: the officer types the
 * central server's address (from their instansi's administrator), tests it, and keeps it —
 * or takes the demo server.
 */
export function ServerSetup({ onChosen }: { onChosen: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const [address, setAddress] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  async function test(candidate: string) {
    setPhase({ kind: 'testing' });
    try {
      const result = await getBridge().testServer(candidate);
      setPhase({ kind: 'tested', address: candidate, result });
    } catch (error) {
      setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function keep(candidate: string) {
    try {
      await getBridge().setServerUrl(candidate);
      onChosen();
    } catch (error) {
      setPhase({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const ready = phase.kind === 'tested' && phase.result.ok && phase.address === address;
  return (
    <main className="login-screen">
      <section className="login-card server-setup" aria-labelledby="server-setup-heading">
        <h1 id="server-setup-heading">{t('setup.heading')}</h1>
        <p>{t('setup.intro')}</p>
        <form
          className="login-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void (ready ? keep(address) : test(address));
          }}
        >
          <label htmlFor={inputId}>{t('setup.address')}</label>
          <input
            id={inputId}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder={t('setup.placeholder')}
            aria-describedby={hintId}
            value={address}
            onChange={(event) => setAddress(event.target.value)}
          />
          <p id={hintId} className="form-note">
            {t('setup.addressHint')}
          </p>
          <div className="setup-actions">
            <button
              type="button"
              className="secondary"
              disabled={phase.kind === 'testing' || address.trim() === ''}
              onClick={() => void test(address)}
            >
              {phase.kind === 'testing' ? t('setup.testing') : t('setup.test')}
            </button>
            <button type="button" disabled={!ready} onClick={() => void keep(address)}>
              {t('setup.use')}
            </button>
          </div>
        </form>
        <p role="status" aria-live="polite" className="setup-result" data-testid="setup-result">
          {phase.kind === 'tested' &&
            (phase.result.ok
              ? t('setup.ok', { origin: phase.result.origin })
              : t(`setup.failure.${phase.result.reason}`))}
          {phase.kind === 'failed' && t('setup.error', { message: phase.message })}
        </p>
        <h2 className="setup-demo-heading">{t('setup.demoHeading')}</h2>
        <p>{t('setup.demoText', { url: DEMO_SERVER_URL })}</p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setAddress(DEMO_SERVER_URL);
            void test(DEMO_SERVER_URL);
          }}
        >
          {t('setup.demo')}
        </button>
        <LanguageSwitch />
        <ThemeSwitch />
      </section>
    </main>
  );
}
