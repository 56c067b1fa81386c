import { useEffect, useState, type FormEvent } from 'react';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEntryView,
} from '../../../../shared/api/audit-query.ts';
import { ApiRequestError } from '../../api/api-client.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDateTime } from '../../i18n/translate.ts';
import { EMPTY_AUDIT_FILTER, type AuditFilter } from './audit-filter-query.ts';
import { loadAuditPage } from './load-audit-page.ts';
import { describeAuditDetails } from './describe-audit-details.ts';
import { listOfficers } from './officer-admin-client.ts';
import type { OfficerSummary } from '../../../../shared/api/officer-admin.ts';
import './admin-pages.css';
import './audit-page.css';
import { describeRequestFailure } from '../../i18n/describe-error.ts';

type Listing = {
  entries: AuditEntryView[];
  nextBefore: number | null;
  state: 'loading' | 'ready' | 'error';
  error: string;
};

function isKnownAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The officers to pick from: the filter takes a username, never an internal id. */
function useOfficerChoices(workstation: Parameters<typeof listOfficers>[0]) {
  const [officers, setOfficers] = useState<OfficerSummary[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    listOfficers(workstation, controller.signal).then(
      (list) => setOfficers([...list].sort((a, b) => a.displayName.localeCompare(b.displayName))),
      () => setOfficers([]),
    );
    return () => controller.abort();
  }, [workstation]);
  return officers;
}

/** The Admin Instansi's read-only view of the audit log, newest first, read from the server. */
export function AuditPage() {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const officers = useOfficerChoices(workstation);
  const [draft, setDraft] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY_AUDIT_FILTER);
  const [listing, setListing] = useState<Listing>({
    entries: [],
    nextBefore: null,
    state: 'loading',
    error: '',
  });

  function errorText(error: unknown): string {
    if (error instanceof ApiRequestError && error.kind === 'offline') return t('audit.offline');
    if (error instanceof ApiRequestError && error.kind === 'rejected')
      return describeRequestFailure(language, error);
    return t('audit.failed');
  }

  useEffect(() => {
    const controller = new AbortController();
    setListing({ entries: [], nextBefore: null, state: 'loading', error: '' });
    loadAuditPage(workstation, filter, null, controller.signal).then(
      (page) => setListing({ ...page, state: 'ready', error: '' }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setListing({ entries: [], nextBefore: null, state: 'error', error: errorText(error) });
      },
    );
    return () => controller.abort();
    // errorText only reads the language; a language switch need not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workstation, filter]);

  async function loadMore() {
    if (listing.nextBefore === null) return;
    setListing((current) => ({ ...current, state: 'loading' }));
    try {
      const page = await loadAuditPage(workstation, filter, listing.nextBefore);
      setListing((current) => ({
        entries: [...current.entries, ...page.entries],
        nextBefore: page.nextBefore,
        state: 'ready',
        error: '',
      }));
    } catch (error) {
      setListing((current) => ({ ...current, state: 'error', error: errorText(error) }));
    }
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter({ ...draft });
  }

  function describeObject(entry: AuditEntryView): string {
    if (!entry.collection) return '';
    const kind =
      entry.collection === 'complaints' || entry.collection === 'complaint_events'
        ? t(`audit.collection.${entry.collection}`)
        : t('audit.collection.other', { collection: entry.collection });
    return entry.trackingNumber ? `${kind} ${entry.trackingNumber}` : kind;
  }

  const offset = workstation.instansi.utcOffsetMinutes;
  return (
    <section className="admin-page" aria-labelledby="audit-heading">
      <div className="admin-toolbar">
        <h2 id="audit-heading">{t('audit.heading')}</h2>
      </div>
      <p className="form-note admin-intro">{t('audit.intro')}</p>
      <form className="audit-filters" onSubmit={apply} aria-label={t('audit.filters')}>
        <label>
          {t('audit.filter.action')}
          <select
            value={draft.action}
            onChange={(event) => setDraft({ ...draft, action: event.target.value })}
            data-testid="audit-action"
          >
            <option value="">{t('audit.filter.anyAction')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`audit.action.${action}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.officer')}
          <select
            value={draft.officer}
            onChange={(event) => setDraft({ ...draft, officer: event.target.value })}
            data-testid="audit-officer"
          >
            <option value="">{t('audit.filter.anyOfficer')}</option>
            {officers.map((officer) => (
              <option key={officer.id} value={officer.username}>
                {officer.displayName} ({officer.username})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.from')}
          <input
            type="date"
            value={draft.fromDate}
            onChange={(event) => setDraft({ ...draft, fromDate: event.target.value })}
          />
        </label>
        <label>
          {t('audit.filter.to')}
          <input
            type="date"
            value={draft.toDate}
            onChange={(event) => setDraft({ ...draft, toDate: event.target.value })}
          />
        </label>
        <button type="submit" data-testid="audit-apply">
          {t('audit.filter.apply')}
        </button>
      </form>
      <p role="status" className="admin-notice" data-testid="audit-status">
        {listing.state === 'loading' ? t('audit.loading') : listing.error}
      </p>
      {listing.state !== 'loading' && listing.entries.length === 0 && !listing.error ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <table className="admin-table" aria-label={t('audit.listLabel')} data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.column.at')}</th>
              <th scope="col">{t('audit.column.officer')}</th>
              <th scope="col">{t('audit.column.action')}</th>
              <th scope="col">{t('audit.column.object')}</th>
              <th scope="col">{t('audit.column.device')}</th>
              <th scope="col">{t('audit.column.details')}</th>
            </tr>
          </thead>
          <tbody>
            {listing.entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td>{formatDateTime(language, entry.at, offset)}</td>
                <td>
                  {entry.officerName
                    ? `${entry.officerName}${entry.officerUsername ? ` (${entry.officerUsername})` : ''}`
                    : entry.officerId || t('audit.noOfficer')}
                </td>
                <td>
                  {isKnownAction(entry.action) ? t(`audit.action.${entry.action}`) : entry.action}
                </td>
                <td title={entry.documentId || undefined}>{describeObject(entry)}</td>
                <td>{entry.deviceId}</td>
                <td className="audit-details">{describeAuditDetails(entry.details, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing.nextBefore !== null && (
        <button
          type="button"
          onClick={() => void loadMore()}
          disabled={listing.state === 'loading'}
          data-testid="audit-more"
        >
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
