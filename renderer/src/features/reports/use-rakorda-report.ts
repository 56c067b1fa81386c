import { useCallback, useState } from 'react';
import {
  computeRakordaReport,
  type RakordaReport,
} from '../../../../shared/reports/compute-rakorda-figures.ts';
import type { ReportPeriod } from '../../../../shared/reports/report-period.ts';
import type { ComplaintEvent } from '../../../../shared/schemas/complaint-event.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { readAllDocuments } from '../../db/read-all-documents.ts';
import { loadDeadlineContext } from '../triage/deadline-context.ts';
import type { QueueStore } from '../queue/queue-store.ts';

const EVENT_PAGE = 20_000;

export type ReportState =
  | { phase: 'idle' }
  | { phase: 'working'; step: 'events' | 'figures' }
  | { phase: 'ready'; report: RakordaReport; computedInMs: number }
  | { phase: 'failed'; message: string };

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Computes the RAKORDA figures from the replica, offline: the queue already holds every
 * complaint in memory; the timeline events are read in bulk when a report is asked for.
 */
export function useRakordaReport(
  store: QueueStore,
  /** `[pp.kk, name]` of the kabupaten/kota of the instansi's region (from its place names). */
  regencies: readonly (readonly [string, string])[],
): {
  state: ReportState;
  generate: (period: ReportPeriod) => Promise<void>;
} {
  const { replica, instansi, sync } = useWorkstation();
  const [state, setState] = useState<ReportState>({ phase: 'idle' });

  const generate = useCallback(
    async (period: ReportPeriod) => {
      try {
        setState({ phase: 'working', step: 'events' });
        await nextFrame();
        const events: ComplaintEvent[] = [];
        for await (const page of readAllDocuments(replica.complaint_events, EVENT_PAGE)) {
          events.push(...page);
        }
        const [deadlines, units, categories] = await Promise.all([
          loadDeadlineContext(replica, instansi.utcOffsetMinutes),
          replica.units.find().exec(),
          replica.categories.find().exec(),
        ]);
        setState({ phase: 'working', step: 'figures' });
        await nextFrame();
        const started = performance.now();
        const now = Date.now();
        const report = computeRakordaReport({
          complaints: [...store.all()],
          events,
          period,
          calendar: deadlines.calendar,
          slaRuleSets: deadlines.ruleSets,
          units: units.map((unit) => unit.toJSON()),
          categories: categories.map((category) => category.toJSON()),
          regencies,
          now,
          dataAsOf: sync.status$.value.lastSyncedAt ?? 0,
        });
        setState({ phase: 'ready', report, computedInMs: performance.now() - started });
      } catch (error) {
        setState({
          phase: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    },
    [replica, instansi.utcOffsetMinutes, store, sync, regencies],
  );

  return { state, generate };
}
