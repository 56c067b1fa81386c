import { useEffect, useMemo, useState } from 'react';
import {
  findYearsWithoutHolidays,
  type YearWithoutHolidays,
} from '../../../../shared/deadline/find-years-without-holidays.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import type { QueueStore, QueueStoreSnapshot } from './queue-store.ts';

const NONE: readonly YearWithoutHolidays[] = [];

/**
 * Years that running deadlines of the replica reach with no holiday entered, for the Admin
 * Instansi (who enters holidays); empty for other roles. Read from the queue kept in memory and
 * the replica's holidays, so it follows every pulled change and every holiday added offline.
 */
export function useYearsWithoutHolidays(
  store: QueueStore,
  snapshot: QueueStoreSnapshot,
): readonly YearWithoutHolidays[] {
  const { replica, officer, instansi } = useWorkstation();
  const isAdmin = officer.role === 'admin_instansi';
  const [holidayDates, setHolidayDates] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (!isAdmin) return;
    const subscription = replica.holidays
      .find()
      .$.subscribe((documents) => setHolidayDates(documents.map((document) => document.date)));
    return () => subscription.unsubscribe();
  }, [replica, isAdmin]);
  return useMemo(() => {
    // Until the queue and the holidays are loaded, a year would look empty: say nothing yet.
    if (!isAdmin || !snapshot.loaded || holidayDates === null) return NONE;
    return findYearsWithoutHolidays(store.all(), holidayDates, instansi.utcOffsetMinutes);
    // A new snapshot object: the queue's entries changed.
  }, [isAdmin, store, snapshot, holidayDates, instansi.utcOffsetMinutes]);
}
