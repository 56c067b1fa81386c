import { availableTriageActions } from '../../../../shared/domain/plan-triage-action.ts';
import type { TriageActionKind } from '../../../../shared/domain/triage.ts';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { TRIAGE_SHORTCUTS } from './triage-shortcuts.ts';

/** Buttons for the actions the lifecycle allows now; each opens its form. */
export function TriageActions({
  complaint,
  onChoose,
}: {
  complaint: Complaint;
  onChoose: (action: TriageActionKind) => void;
}) {
  const { t } = useTranslation();
  const { officer } = useWorkstation();
  const actions = availableTriageActions(complaint, officer);
  return (
    <section className="triage-actions" aria-labelledby="triage-heading">
      <h3 id="triage-heading">{t('triage.heading')}</h3>
      {actions.length === 0 ? (
        <p className="form-note">{t('triage.none')}</p>
      ) : (
        <div className="triage-buttons">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              onClick={() => onChoose(action)}
              aria-keyshortcuts={TRIAGE_SHORTCUTS[action]}
              title={t('triage.shortcut', { key: TRIAGE_SHORTCUTS[action] })}
            >
              {t(`triage.action.${action}`)}
              <kbd aria-hidden="true">{TRIAGE_SHORTCUTS[action]}</kbd>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
