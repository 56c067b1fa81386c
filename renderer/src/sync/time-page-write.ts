import { recordMeasure } from '../timing/record-measure.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';

/**
 * Writes a pulled page and records how long the write took on the page's performance timeline
 * (`lapor:write:<collection>`), so a first sync's time can be split into the link's and the
 * device's (the poor-link bench reads them).
 */
export async function timePageWrite(
  collection: ReplicatedCollection,
  write: () => Promise<void>,
): Promise<void> {
  const start = performance.now();
  await write();
  recordMeasure(`lapor:write:${collection}`, { start });
}
