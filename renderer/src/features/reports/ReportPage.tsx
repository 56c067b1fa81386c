import { useMemo } from 'react';
import { rakordaTables } from '../../../../shared/reports/report-tables.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { QueueStore } from '../queue/queue-store.ts';
import type { Directory } from '../../session/use-directory.ts';
import { ReportExportActions } from './ReportExportActions.tsx';
import { RakordaDocument } from './RakordaDocument.tsx';
import { scopeText } from './report-format.ts';
import { ReportControls } from './ReportControls.tsx';
import { useRakordaReport } from './use-rakorda-report.ts';
import { useReportIdentity } from './use-report-identity.ts';

function localToday(utcOffsetMinutes: number): string {
  return new Date(Date.now() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** RAKORDA briefing: computed from the replica (offline too), printed or exported. */
export function ReportPage({ store, directory }: { store: QueueStore; directory: Directory }) {
  const { t } = useTranslation();
  const { instansi } = useWorkstation();
  const { state, generate } = useRakordaReport(store, directory.places.regencies);
  const { printed: identity } = useReportIdentity();
  const report = state.phase === 'ready' ? state.report : null;
  const tables = useMemo(() => (report ? rakordaTables(report.current) : []), [report]);
  const unitNames = report
    ? report.current.scope.unitIds.map((id) => directory.units.get(id)?.name ?? id)
    : [];
  const baseName = report
    ? `RAKORDA ${instansi.shortName} ${report.current.period.from} sd ${report.current.period.to}`
    : 'RAKORDA';

  return (
    <section className="report-page" aria-labelledby="report-heading">
      <div className="report-toolbar no-print">
        <h2 id="report-heading">{t('report.heading')}</h2>
        <ReportControls
          directory={directory}
          today={localToday(instansi.utcOffsetMinutes)}
          busy={state.phase === 'working'}
          onGenerate={(period) => void generate(period)}
        />
        {state.phase === 'working' && (
          <p role="status" className="report-progress">
            <progress aria-label={t(`report.step.${state.step}`)} />{' '}
            {t(`report.step.${state.step}`)}
          </p>
        )}
        {state.phase === 'failed' && (
          <p role="alert" className="form-error">
            {t('report.failed', { reason: state.message })}
          </p>
        )}
        {report && state.phase === 'ready' && (
          <ReportExportActions
            baseName={baseName}
            tables={tables}
            initialCsvTable="units"
            testIdPrefix="report"
            sheetContext={{
              instansiName: identity.letterheadName,
              period: report.current.period,
              scope: scopeText(report.current.scope.wholeInstansi, unitNames),
              utcOffsetMinutes: instansi.utcOffsetMinutes,
            }}
            leading={
              <span className="form-note" data-testid="report-timing">
                {t('report.computedIn', {
                  ms: Math.round(state.computedInMs),
                  count: store.getSnapshot().total,
                })}
              </span>
            }
          />
        )}
        {state.phase === 'idle' && <p className="form-note">{t('report.empty')}</p>}
      </div>
      {report && (
        <RakordaDocument
          report={report}
          tables={tables}
          instansi={instansi}
          identity={identity}
          unitNames={unitNames}
        />
      )}
    </section>
  );
}
