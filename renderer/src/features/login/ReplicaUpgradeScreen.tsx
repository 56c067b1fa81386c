import type { ReplicaUpgradeProgress } from '../../db/watch-replica-upgrade.ts';
import { useTranslation } from '../../i18n/language-context.tsx';

/** Shown while a replica stored by an older version is rewritten to the current schemas. */
export function ReplicaUpgradeScreen({ progress }: { progress: ReplicaUpgradeProgress }) {
  const { t } = useTranslation();
  const { handled, total } = progress;
  const label = t('upgrade.progress', { handled, total });
  const percent = total > 0 ? Math.floor((handled / total) * 100) : 0;
  return (
    <main className="login-screen">
      <section className="login-card" aria-labelledby="upgrade-heading">
        <h1 id="upgrade-heading">{t('upgrade.heading')}</h1>
        <p className="form-note">{t('upgrade.intro')}</p>
        <div className="replica-upgrade" role="status" data-testid="replica-upgrade">
          <progress max={total} value={handled} aria-label={label} />
          <span>
            {label} · {t('syncState.percent', { percent })}
          </span>
        </div>
        <p className="form-note">{t('upgrade.wait')}</p>
      </section>
    </main>
  );
}
