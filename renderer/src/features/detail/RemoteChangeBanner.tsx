import { useTranslation } from '../../i18n/language-context.tsx';
import { useOfficerName } from '../../session/use-officer-name.ts';

/** Shown over a form with unsaved input when someone else's change to the complaint arrived. */
export function RemoteChangeBanner({
  changedBy,
  onReload,
  onKeepMine,
}: {
  changedBy: string;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  const name = useOfficerName(changedBy);
  return (
    <div className="remote-change-banner" role="alert" data-testid="remote-change-banner">
      <p>{t('remote.changed', { by: name })}</p>
      <div className="form-actions">
        <button type="button" onClick={onReload}>
          {t('remote.reload')}
        </button>
        <button type="button" className="secondary" onClick={onKeepMine}>
          {t('remote.keepMine')}
        </button>
      </div>
    </div>
  );
}
