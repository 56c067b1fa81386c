import { useState, type FormEvent } from 'react';
import type { ReplicaLock } from '../../session/unlock-replica.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { MessageKey } from '../../i18n/messages-id.ts';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';

const PROBLEM_MESSAGES: Partial<Record<ReplicaLock, MessageKey>> = {
  wrong: 'unlock.wrong',
  unreadable: 'unlock.unreadable',
  missing: 'unlock.unreadable',
};

/**
 * Asks for the officer's password before the replica is opened, where no key is at hand (a new
 * browser session of the web build). Checked on the device alone: it works offline.
 */
export function UnlockScreen({
  lock,
  passwordChanged,
  onUnlock,
  onDiscard,
}: {
  lock: ReplicaLock;
  passwordChanged: boolean;
  onUnlock: (password: string) => Promise<void>;
  /** Removes the replica from the device (after the officer confirmed) and signs out. */
  onDiscard: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const problem = PROBLEM_MESSAGES[lock];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) return;
    setBusy(true);
    try {
      await onUnlock(password);
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    if (!window.confirm(t('unlock.discardConfirm'))) return;
    setBusy(true);
    try {
      await onDiscard();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-screen">
      <section className="login-card" aria-labelledby="unlock-heading">
        <h1 id="unlock-heading">{t('unlock.heading')}</h1>
        <p className="form-note">
          {t(passwordChanged ? 'unlock.passwordChanged' : 'unlock.intro')}
        </p>
        <form className="login-form" onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor="unlock-password">
            {t(passwordChanged ? 'unlock.previousPassword' : 'unlock.password')}
          </label>
          <input
            id="unlock-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={problem ? true : undefined}
          />
          {problem && (
            <p role="alert" className="form-failure">
              {t(problem)}
            </p>
          )}
          <button type="submit" disabled={busy || !password}>
            {busy ? t('unlock.submitting') : t('unlock.submit')}
          </button>
        </form>
        {problem && (
          <button type="button" onClick={() => void discard()} disabled={busy}>
            {t('unlock.discard')}
          </button>
        )}
        <LanguageSwitch />
      </section>
    </main>
  );
}
