import { ARCHIVE_REASONS } from '../domain/triage.ts';
import type { ArchiveReasonFigures } from './rakorda-figures.ts';

const ARCHIVE_REASON_SET: ReadonlySet<string> = new Set(ARCHIVE_REASONS);

/**
 * Counts an archived complaint under the reason its timeline recorded; a duplicate without one
 * counts as duplikat, any other as tidak_tercatat.
 */
export function tallyArchiveReason(
  counts: Map<string, number>,
  recorded: string | undefined,
  duplicateOf: string,
): void {
  const reason =
    recorded && ARCHIVE_REASON_SET.has(recorded)
      ? recorded
      : duplicateOf
        ? 'duplikat'
        : 'tidak_tercatat';
  counts.set(reason, (counts.get(reason) ?? 0) + 1);
}

/** Archived complaints by reason, in ARCHIVE_REASONS order, then tidak_tercatat when any. */
export function countArchiveReasons(counts: ReadonlyMap<string, number>): ArchiveReasonFigures[] {
  return [...ARCHIVE_REASONS, 'tidak_tercatat' as const]
    .map((reason) => ({ reason, count: counts.get(reason) ?? 0 }))
    .filter((row) => row.count > 0 || row.reason !== 'tidak_tercatat');
}
