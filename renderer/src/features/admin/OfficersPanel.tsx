import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OfficerSummary } from '../../../../shared/api/officer-admin.ts';
import { ApiRequestError } from '../../api/api-client.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { ActivationButton } from './ActivationButton.tsx';
import { listOfficers, setOfficerActive } from './officer-admin-client.ts';
import { OfficerAssignmentDialog } from './OfficerAssignmentDialog.tsx';
import { OfficerCreateDialog } from './OfficerCreateDialog.tsx';
import { OfficerPasswordDialog } from './OfficerPasswordDialog.tsx';
import { useReplicaDocuments } from './use-replica-documents.ts';
import { useServerReachable } from './use-server-reachable.ts';
import { describeRequestFailure } from '../../i18n/describe-error.ts';

type Dialog =
  | { kind: 'create' }
  | { kind: 'password'; officer: OfficerSummary }
  | { kind: 'assignment'; officer: OfficerSummary };

/** The instansi's officers, administered online only (they are not kept on the device). */
export function OfficersPanel() {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const reachable = useServerReachable();
  const units = useReplicaDocuments('units');
  const unitName = useMemo(() => new Map(units.map((unit) => [unit.id, unit.name])), [units]);
  const [officers, setOfficers] = useState<readonly OfficerSummary[] | null>(null);
  const [failure, setFailure] = useState<'offline' | string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState('');

  const explain = useCallback(
    (error: unknown) =>
      setFailure(
        error instanceof ApiRequestError && error.kind === 'offline'
          ? 'offline'
          : describeRequestFailure(language, error),
      ),
    [language],
  );

  useEffect(() => {
    if (!reachable) return;
    const controller = new AbortController();
    listOfficers(workstation, controller.signal)
      .then((list) => {
        setOfficers(list);
        setFailure(null);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) explain(error);
      });
    return () => controller.abort();
  }, [workstation, reachable, explain]);

  function replace(changed: OfficerSummary) {
    setOfficers((list) => {
      const rest = (list ?? []).filter((officer) => officer.id !== changed.id);
      return [...rest, changed].sort((a, b) => a.displayName.localeCompare(b.displayName, 'id'));
    });
  }

  async function toggleActive(officer: OfficerSummary) {
    try {
      replace(await setOfficerActive(workstation, officer.id, !officer.active));
      setNotice(
        t(officer.active ? 'admin.officers.disabled' : 'admin.officers.enabled', {
          name: officer.displayName,
        }),
      );
    } catch (error) {
      explain(error);
    }
  }

  const offline = !reachable || failure === 'offline';
  const own = workstation.officer.id;

  return (
    <div className="admin-panel">
      <div className="admin-toolbar">
        <h3 id="officers-heading">{t('admin.officers.heading')}</h3>
        <button
          type="button"
          onClick={() => setDialog({ kind: 'create' })}
          disabled={offline}
          data-testid="officer-new"
        >
          {t('admin.officers.new')}
        </button>
      </div>
      <p className="form-note admin-intro">{t('admin.officers.intro')}</p>
      {offline && (
        <p className="admin-offline" role="alert" data-testid="officers-offline">
          {t('admin.officers.offline')}
        </p>
      )}
      {failure && failure !== 'offline' && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <p role="status" className="admin-notice" data-testid="admin-notice">
        {notice}
      </p>
      {officers === null ? (
        !offline && <p>{t('admin.officers.loading')}</p>
      ) : (
        <table className="admin-table" aria-labelledby="officers-heading">
          <thead>
            <tr>
              <th scope="col">{t('admin.officers.displayName')}</th>
              <th scope="col">{t('admin.officers.username')}</th>
              <th scope="col">{t('admin.officers.role')}</th>
              <th scope="col">{t('admin.officers.unit')}</th>
              <th scope="col">{t('admin.column.status')}</th>
              <th scope="col">{t('admin.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => (
              <tr
                key={officer.id}
                data-testid="officer-row"
                className={officer.active ? '' : 'inactive'}
              >
                <th scope="row">{officer.displayName}</th>
                <td>{officer.username}</td>
                <td>{t(`session.role.${officer.role}`)}</td>
                <td>{officer.unitId ? (unitName.get(officer.unitId) ?? officer.unitId) : '–'}</td>
                <td>{t(officer.active ? 'admin.status.active' : 'admin.status.inactive')}</td>
                <td className="admin-actions">
                  <button
                    type="button"
                    className="secondary"
                    disabled={offline}
                    aria-label={t('admin.officers.resetNamed', { name: officer.displayName })}
                    onClick={() => setDialog({ kind: 'password', officer })}
                  >
                    {t('admin.officers.reset')}
                  </button>
                  {officer.id !== own && (
                    <>
                      <button
                        type="button"
                        className="secondary"
                        disabled={offline}
                        aria-label={t('admin.officers.assignNamed', { name: officer.displayName })}
                        onClick={() => setDialog({ kind: 'assignment', officer })}
                      >
                        {t('admin.officers.assign')}
                      </button>
                      <ActivationButton
                        name={officer.displayName}
                        active={officer.active}
                        disabled={offline}
                        onToggle={() => void toggleActive(officer)}
                      />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog?.kind === 'create' && (
        <OfficerCreateDialog
          onClose={(created) => {
            setDialog(null);
            if (created) {
              replace(created);
              setNotice(t('admin.officers.created', { name: created.displayName }));
            }
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <OfficerPasswordDialog
          officer={dialog.officer}
          onClose={(done) => {
            setDialog(null);
            if (done)
              setNotice(t('admin.officers.passwordReset', { name: dialog.officer.displayName }));
          }}
        />
      )}
      {dialog?.kind === 'assignment' && (
        <OfficerAssignmentDialog
          officer={dialog.officer}
          onClose={(changed) => {
            setDialog(null);
            if (changed) {
              replace(changed);
              setNotice(t('admin.saved', { name: changed.displayName }));
            }
          }}
        />
      )}
    </div>
  );
}
