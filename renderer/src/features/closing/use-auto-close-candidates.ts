import { useCallback, useEffect, useState } from 'react';
import {
  findAutoCloseCandidates,
  type AutoCloseCandidate,
} from '../../../../shared/domain/find-auto-close-candidates.ts';
import type { QueueEntry } from '../../../../shared/queue/queue-entry.ts';
import type { ComplaintEvent } from '../../../../shared/schemas/complaint-event.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import type { Replica } from '../../db/create-replica.ts';
import { readAllDocuments } from '../../db/read-all-documents.ts';
import type { QueueStore } from '../queue/queue-store.ts';
import { loadDeadlineContext } from '../triage/deadline-context.ts';

const EVENT_PAGE = 20_000;
const KINDS_THAT_COUNT = new Set<ComplaintEvent['kind']>([
  'tindak_lanjut',
  'balasan_pelapor',
  'buka_kembali',
]);

export type AutoCloseState =
  | { phase: 'working' }
  | { phase: 'ready'; candidates: AutoCloseCandidate<QueueEntry>[]; computedInMs: number }
  | { phase: 'failed'; message: string };

/**
 * Complaints come from the queue already in memory; timeline events are read in bulk (the
 * storage's fast path) and only those of complaints in follow-up, of the kinds that matter, kept.
 */
async function computeProposals(
  replica: Replica,
  store: QueueStore,
  utcOffsetMinutes: number,
): Promise<AutoCloseState> {
  try {
    const started = performance.now();
    const waiting = new Set<string>();
    for (const entry of store.all()) if (entry.status === 'ditindaklanjuti') waiting.add(entry.id);
    const events: ComplaintEvent[] = [];
    if (waiting.size > 0) {
      for await (const page of readAllDocuments(replica.complaint_events, EVENT_PAGE)) {
        for (const event of page) {
          if (KINDS_THAT_COUNT.has(event.kind) && waiting.has(event.complaintId))
            events.push(event);
        }
      }
    }
    const deadlines = await loadDeadlineContext(replica, utcOffsetMinutes);
    const candidates = findAutoCloseCandidates({
      complaints: store.all(),
      events,
      calendar: deadlines.calendar,
      slaRuleSets: deadlines.ruleSets,
      now: Date.now(),
    });
    return { phase: 'ready', candidates, computedInMs: performance.now() - started };
  } catch (error) {
    return { phase: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Auto-close proposals from the replica (offline too), computed on opening and on refresh. */
export function useAutoCloseCandidates(store: QueueStore): {
  state: AutoCloseState;
  refresh: () => Promise<void>;
} {
  const { replica, instansi } = useWorkstation();
  const [state, setState] = useState<AutoCloseState>({ phase: 'working' });

  useEffect(() => {
    let current = true;
    void computeProposals(replica, store, instansi.utcOffsetMinutes).then((next) => {
      if (current) setState(next);
    });
    return () => {
      current = false;
    };
  }, [replica, store, instansi.utcOffsetMinutes]);

  const refresh = useCallback(async () => {
    setState({ phase: 'working' });
    setState(await computeProposals(replica, store, instansi.utcOffsetMinutes));
  }, [replica, store, instansi.utcOffsetMinutes]);

  return { state, refresh };
}
