import { useId, useMemo, useState } from 'react';
import type { RegionalBriefing } from '../../../../shared/reports/plan-regional-briefing.ts';
import { regionalBriefingTables } from '../../../../shared/reports/regional-briefing-tables.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { ReportExportActions } from './ReportExportActions.tsx';
import { fetchRegionalBriefing } from './regional-briefing-client.ts';
import { RegionalBriefingDocument } from './RegionalBriefingDocument.tsx';
import { useReportIdentity } from './use-report-identity.ts';
import { describeRequestFailure } from '../../i18n/describe-error.ts';

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
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const { instansi } = workstation;
  const { printed: identity } = useReportIdentity();
  const today = localToday(instansi.utcOffsetMinutes);
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [state, setState] = useState<BriefingState>({ phase: 'idle' });
  const fromId = useId();
  const toId = useId();
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
      setState({ phase: 'failed', message: describeRequestFailure(language, error) });
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
          <ReportExportActions
            baseName={baseName}
            tables={tables}
            initialCsvTable="instansi"
            testIdPrefix="regional"
            sheetContext={{
              instansiName: instansi.name,
              period: briefing.period,
              scope: t('regional.scope', { count: briefing.members.length + 1 }),
              utcOffsetMinutes: instansi.utcOffsetMinutes,
            }}
          />
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
