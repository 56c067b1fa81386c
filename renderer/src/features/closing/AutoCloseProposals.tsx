import { useMemo, useState } from 'react';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDate } from '../../i18n/translate.ts';
import type { QueueStore } from '../queue/queue-store.ts';
import type { Directory } from '../../session/use-directory.ts';
import { closeAutoCloseCandidates } from './close-auto-close-candidates.ts';
import { ConfirmAutoCloseDialog } from './ConfirmAutoCloseDialog.tsx';
import { useAutoCloseCandidates } from './use-auto-close-candidates.ts';
import '../admin/admin-pages.css';
import { describeError } from '../../i18n/describe-error.ts';

/**
 * "Usulan penutupan otomatis": complaints whose follow-up has gone unanswered long enough,
 * for the admin to close selected ones, after confirming, through the ordinary close action.
 */
export function AutoCloseProposals({
  store,
  directory,
}: {
  store: QueueStore;
  directory: Directory;
}) {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const { state, refresh } = useAutoCloseCandidates(store);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const candidates = useMemo(() => (state.phase === 'ready' ? state.candidates : []), [state]);
  const selected = candidates.filter((candidate) => checked.has(candidate.complaint.id));
  const allChecked = candidates.length > 0 && selected.length === candidates.length;
  const offset = workstation.instansi.utcOffsetMinutes;

  function toggle(id: string) {
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function closeSelected() {
    setBusy(true);
    try {
      const outcome = await closeAutoCloseCandidates(workstation, selected);
      const skipped = outcome.skipped
        .map((skip) =>
          t('autoClose.skipped', {
            tracking: skip.trackingNumber,
            reason: describeError(language, skip.reason),
          }),
        )
        .join('; ');
      setNotice(
        [
          t('autoClose.done', { done: outcome.done.length, skipped: outcome.skipped.length }),
          skipped,
        ]
          .filter(Boolean)
          .join(' '),
      );
      setChecked(new Set());
    } finally {
      setBusy(false);
      setConfirming(false);
    }
    await refresh();
  }

  return (
    <section className="admin-page" aria-labelledby="auto-close-heading">
      <div className="admin-toolbar">
        <h2 id="auto-close-heading">{t('autoClose.heading')}</h2>
        <button type="button" className="secondary" onClick={() => void refresh()} disabled={busy}>
          {t('autoClose.refresh')}
        </button>
      </div>
      <p className="form-note admin-intro">{t('autoClose.intro')}</p>
      <p role="status" className="admin-notice" data-testid="auto-close-notice">
        {notice}
      </p>
      {state.phase === 'working' && (
        <p role="status">
          <progress aria-label={t('autoClose.loading')} /> {t('autoClose.loading')}
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="form-failure" role="alert">
          {t('autoClose.failed', { message: state.message })}
        </p>
      )}
      {state.phase === 'ready' && candidates.length === 0 && <p>{t('autoClose.empty')}</p>}
      {candidates.length > 0 && (
        <>
          <div className="admin-toolbar">
            <p data-testid="auto-close-count">
              {t('autoClose.count', { count: candidates.length })}
            </p>
            <button
              type="button"
              disabled={selected.length === 0 || busy}
              onClick={() => setConfirming(true)}
              data-testid="auto-close-submit"
            >
              {t('autoClose.closeSelected', { count: selected.length })}
            </button>
          </div>
          <table className="admin-table" aria-label={t('autoClose.listLabel')}>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('autoClose.selectAll')}
                    checked={allChecked}
                    onChange={() =>
                      setChecked(
                        allChecked
                          ? new Set()
                          : new Set(candidates.map((candidate) => candidate.complaint.id)),
                      )
                    }
                  />
                </th>
                <th scope="col">{t('autoClose.column.tracking')}</th>
                <th scope="col">{t('autoClose.column.title')}</th>
                <th scope="col">{t('autoClose.column.unit')}</th>
                <th scope="col">{t('autoClose.column.followUp')}</th>
                <th scope="col">{t('autoClose.column.waited')}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate) => {
                const { complaint } = candidate;
                const unit = directory.units.get(complaint.unitId);
                return (
                  <tr key={complaint.id} data-testid="auto-close-row">
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('autoClose.selectOne', {
                          tracking: complaint.trackingNumber,
                        })}
                        checked={checked.has(complaint.id)}
                        onChange={() => toggle(complaint.id)}
                      />
                    </td>
                    <th scope="row" className="col-tracking">
                      {complaint.trackingNumber}
                    </th>
                    <td>{complaint.title}</td>
                    <td>{unit ? unit.shortName : '-'}</td>
                    <td>{formatDate(language, candidate.followUpAt, offset)}</td>
                    <td>
                      {t(
                        candidate.counting === 'working'
                          ? 'autoClose.waited'
                          : 'autoClose.waitedCalendar',
                        { days: candidate.daysWaited },
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {confirming && selected[0] && (
        <ConfirmAutoCloseDialog
          count={selected.length}
          example={selected[0]}
          busy={busy}
          onConfirm={() => void closeSelected()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
