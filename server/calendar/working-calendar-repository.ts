import type { WorkingCalendar } from '../../shared/deadline/working-calendar.ts';
import type { SlaRuleSet } from '../../shared/deadline/sla-rules.ts';
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
    "SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays WHERE instansi_id = $1 AND NOT deleted",
    [instansiId],
  );
  return {
    utcOffsetMinutes: instansi?.utc_offset_minutes ?? 420,
    holidays: new Set(holidays.map((row) => row.date)),
  };
}

/** The columns of an sla_rules row that make up a rule set. */
export type SlaRuleRow = {
  version: string;
  counting: 'working' | 'calendar';
  verify_days: number;
  first_follow_up_days: number;
  resolution_days: number;
  resolution_supervised_days: number;
  resolution_aspiration_days: number;
  auto_close_days: number;
  active_from: Date;
};

export function slaRuleSetFromRow(row: SlaRuleRow): SlaRuleSet & { activeFrom: number } {
  return {
    version: row.version,
    counting: row.counting,
    verifyDays: row.verify_days,
    firstFollowUpDays: row.first_follow_up_days,
    resolutionDays: row.resolution_days,
    resolutionSupervisedDays: row.resolution_supervised_days,
    resolutionAspirationDays: row.resolution_aspiration_days,
    autoCloseDays: row.auto_close_days,
    activeFrom: row.active_from.getTime(),
  };
}

export async function loadSlaRuleSets(
  db: SqlExecutor,
  instansiId: string,
): Promise<(SlaRuleSet & { activeFrom: number })[]> {
  const rows = await db.query<SlaRuleRow>(
    `SELECT version, counting, verify_days, first_follow_up_days, resolution_days,
            resolution_supervised_days, resolution_aspiration_days, auto_close_days, active_from
       FROM sla_rules WHERE instansi_id = $1`,
    [instansiId],
  );
  return rows.map(slaRuleSetFromRow);
}
