import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/bridge.ts';
import { getBridge } from '../../bridge/get-bridge.ts';
import { COMPLAINT_STATUSES } from '../../../../shared/domain/complaint-status.ts';
import { LIFECYCLE_TRANSITIONS } from '../../../../shared/domain/lifecycle.ts';
import { DEFAULT_SLA_RULES, type SlaRuleSet } from '../../../../shared/deadline/sla-rules.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { loadDeadlineContext } from '../triage/deadline-context.ts';

const CLOCKS = [
  ['help.clock.verify', 'verifyDays'],
  ['help.clock.firstFollowUp', 'firstFollowUpDays'],
  ['help.clock.resolution', 'resolutionDays'],
  ['help.clock.resolutionSupervised', 'resolutionSupervisedDays'],
  ['help.clock.resolutionAspiration', 'resolutionAspirationDays'],
  ['help.clock.autoClose', 'autoCloseDays'],
] as const;

/** The rule set in force today, from the replica (offline too); the defaults until it loads. */
function useRulesInForce(): SlaRuleSet {
  const { replica, instansi } = useWorkstation();
  const [rules, setRules] = useState<SlaRuleSet>(DEFAULT_SLA_RULES);
  useEffect(() => {
    let cancelled = false;
    loadDeadlineContext(replica, instansi.utcOffsetMinutes)
      .then((context) => {
        if (!cancelled) setRules(context.rulesFor(Date.now()));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [replica, instansi.utcOffsetMinutes]);
  return rules;
}

function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let cancelled = false;
    getBridge()
      .appInfo()
      .then((answer) => {
        if (!cancelled) setInfo(answer);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return info;
}

/** How complaints move through their statuses, the deadlines in force, and where to start. */
export function HelpPage({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { t } = useTranslation();
  const rules = useRulesInForce();
  const info = useAppInfo();
  return (
    <article className="help-page" aria-labelledby="help-heading" data-testid="help-page">
      <h2 id="help-heading">{t('help.heading')}</h2>
      <p>{t('help.intro')}</p>

      <section aria-labelledby="help-lifecycle">
        <h3 id="help-lifecycle">{t('help.lifecycle')}</h3>
        <p>{t('help.lifecycleIntro')}</p>
        <table className="help-table">
          <thead>
            <tr>
              <th scope="col">{t('help.column.status')}</th>
              <th scope="col">{t('help.column.meaning')}</th>
              <th scope="col">{t('help.column.next')}</th>
            </tr>
          </thead>
          <tbody>
            {COMPLAINT_STATUSES.map((status) => (
              <tr key={status} data-status={status}>
                <th scope="row">{t(`status.${status}`)}</th>
                <td>{t(`help.status.${status}`)}</td>
                <td>
                  {LIFECYCLE_TRANSITIONS[status].length === 0
                    ? t('help.none')
                    : LIFECYCLE_TRANSITIONS[status].map((next) => t(`status.${next}`)).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="help-deadlines">
        <h3 id="help-deadlines">{t('help.deadlines')}</h3>
        <p>{t('help.deadlinesIntro', { version: rules.version })}</p>
        <table className="help-table" data-testid="help-deadlines">
          <thead>
            <tr>
              <th scope="col">{t('help.clock')}</th>
              <th scope="col">{t('help.limit')}</th>
            </tr>
          </thead>
          <tbody>
            {CLOCKS.map(([label, field]) => (
              <tr key={field}>
                <th scope="row">{t(label)}</th>
                <td>
                  {t(rules.counting === 'working' ? 'help.days.working' : 'help.days.calendar', {
                    count: rules[field],
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{t('help.workingDays')}</p>
      </section>

      <section aria-labelledby="help-keyboard">
        <h3 id="help-keyboard">{t('help.keyboard')}</h3>
        <p>{t('help.keyboardText')}</p>
        <button type="button" onClick={onShowShortcuts}>
          {t('shortcuts.button')}
        </button>
      </section>

      <section aria-labelledby="help-offline">
        <h3 id="help-offline">{t('help.offline')}</h3>
        <p>{t('help.offlineText')}</p>
      </section>
      {info && (
        <p className="form-note" data-testid="help-version">
          {t(info.shell === 'desktop' ? 'help.versionDesktop' : 'help.versionWeb', {
            version: info.version,
          })}
        </p>
      )}
    </article>
  );
}
