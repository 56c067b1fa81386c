import type { WorkingCalendar } from '../../shared/deadline/working-calendar.ts';
import type { SqlExecutor } from '../db/database.ts';

export async function loadWorkingCalendar(
  db: SqlExecutor,
  instansiId: string,
): Promise<WorkingCalendar> {
  const [instansi] = await db.query<{ utc_offset_minutes: number }>(
    'SELECT utc_offset_minutes FROM instansi WHERE id = $1',
    [instansiId],
  );
  const holidays = await db.query<{ date: string }>(
    "SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays WHERE instansi_id = $1",
    [instansiId],
  );
  return {
    utcOffsetMinutes: instansi?.utc_offset_minutes ?? 420,
    holidays: new Set(holidays.map((row) => row.date)),
  };
}
