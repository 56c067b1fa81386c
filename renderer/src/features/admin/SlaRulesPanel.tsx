import { useMemo, useState } from 'react';
import type { SlaRuleSetDocument } from '../../../../shared/schemas/sla-rule-set.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDate } from '../../i18n/translate.ts';
import { SLA_DAY_FIELDS } from './directory-forms.ts';
import { SlaRuleEditor } from './SlaRuleEditor.tsx';
import { useReplicaDocuments } from './use-replica-documents.ts';

type Phase = 'upcoming' | 'inForce' | 'replaced';

/** Which versions apply: the newest one already started is in force; later ones are upcoming. */
function phasesOf(ruleSets: readonly SlaRuleSetDocument[], now: number): Map<string, Phase> {
  const started = ruleSets.filter((ruleSet) => ruleSet.activeFrom <= now);
  const current = started.sort((a, b) => b.activeFrom - a.activeFrom)[0];
  return new Map(
    ruleSets.map((ruleSet) => [
      ruleSet.id,
      ruleSet.activeFrom > now ? 'upcoming' : ruleSet.id === current?.id ? 'inForce' : 'replaced',
    ]),
  );
}

/** SLA rule set versions: a version in force is never edited; a new version is added instead. */
export function SlaRulesPanel() {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const documents = useReplicaDocuments('sla_rules');
  const ruleSets = useMemo(
    () => [...documents].sort((a, b) => b.activeFrom - a.activeFrom),
    [documents],
  );
  const [now] = useState(() => Date.now());
  const phases = phasesOf(ruleSets, now);
  const inForce = ruleSets.find((ruleSet) => phases.get(ruleSet.id) === 'inForce');
  const [editing, setEditing] = useState<{ ruleSet?: SlaRuleSetDocument } | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <div className="admin-panel">
      <div className="admin-toolbar">
        <h3 id="sla-heading">{t('admin.sla.heading')}</h3>
        <button type="button" onClick={() => setEditing({})} data-testid="sla-new">
          {t('admin.sla.new')}
        </button>
      </div>
      <p className="form-note admin-intro">{t('admin.sla.intro')}</p>
      <p role="status" className="admin-notice" data-testid="admin-notice">
        {notice}
      </p>
      {/* Focusable so the wide table can be scrolled from the keyboard. */}
      <div className="admin-table-scroll" role="region" aria-labelledby="sla-heading" tabIndex={0}>
        <table className="admin-table" aria-labelledby="sla-heading">
          <thead>
            <tr>
              <th scope="col">{t('admin.sla.version')}</th>
              <th scope="col">{t('admin.sla.activeFrom')}</th>
              <th scope="col">{t('admin.column.status')}</th>
              <th scope="col">{t('admin.sla.counting')}</th>
              {SLA_DAY_FIELDS.map((field) => (
                <th scope="col" key={field}>
                  {t(`admin.sla.${field}`)}
                </th>
              ))}
              <th scope="col">{t('admin.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {ruleSets.map((ruleSet) => {
              const phase = phases.get(ruleSet.id) ?? 'replaced';
              return (
                <tr
                  key={ruleSet.id}
                  data-testid="sla-row"
                  className={phase === 'replaced' ? 'inactive' : ''}
                >
                  <th scope="row">{ruleSet.version}</th>
                  <td>
                    {formatDate(
                      language,
                      ruleSet.activeFrom,
                      workstation.instansi.utcOffsetMinutes,
                    )}
                  </td>
                  <td>{t(`admin.sla.phase.${phase}`)}</td>
                  <td>{t(`admin.sla.counting.${ruleSet.counting}`)}</td>
                  {SLA_DAY_FIELDS.map((field) => (
                    <td key={field}>{ruleSet[field]}</td>
                  ))}
                  <td className="admin-actions">
                    {phase === 'upcoming' && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('admin.editNamed', { name: ruleSet.version })}
                        onClick={() => setEditing({ ruleSet })}
                      >
                        {t('admin.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editing && (
        <SlaRuleEditor
          {...(editing.ruleSet ? { ruleSet: editing.ruleSet } : {})}
          {...(inForce ? { basis: inForce } : {})}
          takenVersions={
            new Set(
              ruleSets
                .filter((ruleSet) => ruleSet.id !== editing.ruleSet?.id)
                .map((ruleSet) => ruleSet.version.toLowerCase()),
            )
          }
          onClose={(saved) => {
            setEditing(null);
            if (saved) setNotice(t('admin.saved', { name: saved }));
          }}
        />
      )}
    </div>
  );
}
