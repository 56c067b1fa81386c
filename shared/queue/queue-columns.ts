import type { QueueFacet } from './queue-criteria.ts';
import type { QueueEntry } from './queue-entry.ts';

/** The facets whose value is one field of the entry, taken as it is. */
export const VALUE_FACETS = [
  'status',
  'unitId',
  'categoryId',
  'type',
  'channel',
  'priority',
] as const satisfies readonly (QueueFacet & keyof QueueEntry)[];
export type ValueFacet = (typeof VALUE_FACETS)[number];

/** Privacy as two bits: 1 anonim, 2 rahasia (0 open). */
export const PRIVACY_ANONIM = 1;
export const PRIVACY_RAHASIA = 2;

/**
 * The queue in a given order as columns of small integers, one per facet: each distinct value
 * of a field gets a code, so a filter pass compares numbers in typed arrays instead of strings
 * in objects. Built once per order and data version, then filtered many times.
 */
export type QueueColumns = {
  entries: readonly QueueEntry[];
  /** Per value facet: the code of each entry's value, by position in `entries`. */
  codes: Record<ValueFacet, Uint16Array>;
  /** Per value facet: the value of each code. */
  values: Record<ValueFacet, string[]>;
  privacy: Uint8Array;
  dueAt: Float64Array;
  receivedAt: Float64Array;
};

export function buildQueueColumns(entries: readonly QueueEntry[]): QueueColumns {
  const count = entries.length;
  const codes = {} as Record<ValueFacet, Uint16Array>;
  const values = {} as Record<ValueFacet, string[]>;
  const lookups = VALUE_FACETS.map((facet) => {
    codes[facet] = new Uint16Array(count);
    values[facet] = [];
    return { facet, column: codes[facet], list: values[facet], codeOf: new Map<string, number>() };
  });
  const privacy = new Uint8Array(count);
  const dueAt = new Float64Array(count);
  const receivedAt = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const entry = entries[index] as QueueEntry;
    for (const lookup of lookups) {
      const value = entry[lookup.facet];
      let code = lookup.codeOf.get(value);
      if (code === undefined) {
        code = lookup.list.length;
        if (code > 0xffff) throw new Error(`more than 65,536 values of ${lookup.facet}`);
        lookup.codeOf.set(value, code);
        lookup.list.push(value);
      }
      lookup.column[index] = code;
    }
    privacy[index] = (entry.anonim ? PRIVACY_ANONIM : 0) | (entry.rahasia ? PRIVACY_RAHASIA : 0);
    dueAt[index] = entry.dueAt;
    receivedAt[index] = entry.receivedAt;
  }
  return { entries, codes, values, privacy, dueAt, receivedAt };
}
