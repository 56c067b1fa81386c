import { useId, useMemo, useState } from 'react';
import type { RegionalBriefing } from '../../../../shared/reports/plan-regional-briefing.ts';
import { regionalBriefingTables } from '../../../../shared/reports/regional-briefing-tables.ts';
import { getBridge, isDesktopShell } from '../../bridge/get-bridge.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { csvBytes, xlsxBytes } from './export-report-tables.ts';
import { fetchRegionalBriefing } from './regional-briefing-client.ts';
import { RegionalBriefingDocument } from './RegionalBriefingDocument.tsx';
import { useReportIdentity } from './use-report-identity.ts';

function localToday(utcOffsetMinutes: number): string {
  return new Date(Date.now() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

type BriefingState =
  | { phase: 'idle' }
  | { phase: 'working' }
  | { phase: 'ready'; briefing: RegionalBriefing }
  | { phase: 'failed'; message: string };

/**
 * The province's regional briefing: its instansi compared, computed on the server (the replica
 * holds one instansi only), printed and exported like the RAKORDA report.
 */
export function RegionalBriefingPage() {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const { instansi } = workstation;
  const { printed: identity } = useReportIdentity();
  const today = localToday(instansi.utcOffsetMinutes);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [state, setState] = useState<BriefingState>({ phase: 'idle' });
  const [notice, setNotice] = useState('');
  const [csvTable, setCsvTable] = useState('instansi');
  const fromId = useId();
  const toId = useId();
  const csvSelectId = useId();
  const briefing = state.phase === 'ready' ? state.briefing : null;
  const tables = useMemo(() => (briefing ? regionalBriefingTables(briefing) : []), [briefing]);
  const baseName = briefing
    ? `RAKORDA wilayah ${instansi.shortName} ${briefing.period.from} sd ${briefing.period.to}`
    : 'RAKORDA wilayah';

  async function generate() {
    setState({ phase: 'working' });
    try {
      setState({
        phase: 'ready',
        briefing: await fetchRegionalBriefing(workstation, { from, to }),
      });
    } catch (error) {
      setState({
        phase: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async function run(action: () => Promise<{ outcome: string; location?: string }>) {
    setNotice('');
    try {
      const result = await action();
      if (result.outcome === 'saved')
        setNotice(t('report.saved', { location: result.location ?? '' }));
    } catch (error) {
      setNotice(
        t('report.saveFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  return (
    <section className="report-page" aria-labelledby="regional-heading">
      <div className="report-toolbar no-print">
        <h2 id="regional-heading">{t('regional.heading')}</h2>
        <p className="form-note">{t('regional.onlineOnly')}</p>
        <form
          className="report-controls"
          onSubmit={(event) => {
            event.preventDefault();
            void generate();
          }}
        >
          <label htmlFor={fromId}>{t('report.from')}</label>
          <input
            id={fromId}
            type="date"
            value={from}
            max={to}
            onChange={(event) => setFrom(event.target.value)}
            required
          />
          <label htmlFor={toId}>{t('report.to')}</label>
          <input
            id={toId}
            type="date"
            value={to}
            min={from}
            onChange={(event) => setTo(event.target.value)}
            required
          />
          <button
            type="submit"
            disabled={state.phase === 'working'}
            data-testid="regional-generate"
          >
            {t('report.generate')}
          </button>
        </form>
        {state.phase === 'working' && (
          <p role="status" className="report-progress">
            <progress aria-label={t('regional.working')} /> {t('regional.working')}
          </p>
        )}
        {state.phase === 'failed' && (
          <p role="alert" className="form-error">
            {t('report.failed', { reason: state.message })}
          </p>
        )}
        {briefing && (
          <div className="report-actions" role="group" aria-label={t('report.actions')}>
            <button
              type="button"
              onClick={() => void run(() => getBridge().saveReportPdf(baseName))}
              data-testid="regional-pdf"
            >
              {t('report.savePdf')}
            </button>
            <label htmlFor={csvSelectId}>{t('report.csvTable')}</label>
            <select
              id={csvSelectId}
              value={csvTable}
              onChange={(event) => setCsvTable(event.target.value)}
            >
              {tables.map((table) => (
                <option key={table.id} value={table.id}>
                  {table.title}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="secondary"
              data-testid="regional-csv"
              onClick={() => {
                const table = tables.find((candidate) => candidate.id === csvTable);
                if (!table) return;
                void run(() =>
                  getBridge().saveFile({
                    suggestedName: `${baseName} ${table.title}.csv`,
                    data: csvBytes(table, instansi.utcOffsetMinutes),
                  }),
                );
              }}
            >
              {t('report.csv')}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="regional-xlsx"
              onClick={() =>
                void run(async () =>
                  getBridge().saveFile({
                    suggestedName: `${baseName}.xlsx`,
                    data: await xlsxBytes(tables, {
                      instansiName: instansi.name,
                      period: briefing.period,
                      scope: t('regional.scope', { count: briefing.members.length + 1 }),
                      utcOffsetMinutes: instansi.utcOffsetMinutes,
                    }),
                  }),
                )
              }
            >
              {t('report.xlsx')}
            </button>
            {!isDesktopShell() && <span className="form-note">{t('report.webPdfNote')}</span>}
            {notice && (
              <span role="status" className="form-note">
                {notice}
              </span>
            )}
          </div>
        )}
      </div>
      {briefing && (
        <RegionalBriefingDocument
          briefing={briefing}
          tables={tables}
          instansi={instansi}
          identity={identity}
        />
      )}
    </section>
  );
}
