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
  /**
   * The entries by position. The queue store builds the columns on its order and moves that
   * order in place, so this may already hold later moves: the typed arrays' length is the count.
   */
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
    privacy[index] = privacyBits(entry);
    dueAt[index] = entry.dueAt;
    receivedAt[index] = entry.receivedAt;
  }
  return { entries, codes, values, privacy, dueAt, receivedAt };
}

/** One entry leaving its place in the order (`removedAt`, -1 if it was not there) and taking a new one. */
export type QueueColumnMove = { removedAt: number; insertedAt: number; entry: QueueEntry };

/**
 * The columns after a few entries moved in the order, as new arrays (the given columns stay as
 * they were): each move shifts the positions between its old and new place by one. For an edit
 * or a live change this is a few copies of typed arrays instead of a pass over every entry.
 * `entries` is the order after the moves.
 */
export function patchQueueColumns(
  columns: QueueColumns,
  moves: readonly QueueColumnMove[],
  entries: readonly QueueEntry[],
): QueueColumns {
  const positions = columns.privacy.length;
  const capacity = Math.max(positions, entries.length) + 1;
  const grow = <T extends Uint16Array | Uint8Array | Float64Array>(
    array: T,
    make: (n: number) => T,
  ) => {
    const copy = make(capacity);
    copy.set(array);
    return copy;
  };
  const codes = {} as Record<ValueFacet, Uint16Array>;
  const values = {} as Record<ValueFacet, string[]>;
  for (const facet of VALUE_FACETS) {
    codes[facet] = grow(columns.codes[facet], (n) => new Uint16Array(n));
    values[facet] = [...columns.values[facet]];
  }
  const privacy = grow(columns.privacy, (n) => new Uint8Array(n));
  const dueAt = grow(columns.dueAt, (n) => new Float64Array(n));
  const receivedAt = grow(columns.receivedAt, (n) => new Float64Array(n));
  const length = shiftForMoves(
    [...Object.values(codes), privacy, dueAt, receivedAt],
    positions,
    moves,
    (at, entry) => {
      for (const facet of VALUE_FACETS) {
        const list = values[facet];
        let code = list.indexOf(entry[facet]);
        if (code < 0) {
          code = list.length;
          if (code > 0xffff) throw new Error(`more than 65,536 values of ${facet}`);
          list.push(entry[facet]);
        }
        codes[facet][at] = code;
      }
      privacy[at] = privacyBits(entry);
      dueAt[at] = entry.dueAt;
      receivedAt[at] = entry.receivedAt;
    },
  );
  if (length !== entries.length)
    throw new Error(`the moves leave ${length} positions for ${entries.length} entries`);
  for (const facet of VALUE_FACETS) codes[facet] = codes[facet].subarray(0, length);
  return {
    entries,
    codes,
    values,
    privacy: privacy.subarray(0, length),
    dueAt: dueAt.subarray(0, length),
    receivedAt: receivedAt.subarray(0, length),
  };
}

/**
 * Shifts arrays holding one value per position in the order over the moves (each array must
 * have room for one position more than it uses), letting `fill` write the moved entry's values at
 * its new place; answers how many positions are in use afterwards.
 */
export function shiftForMoves(
  arrays: readonly (Uint8Array | Uint16Array | Int32Array | Float64Array)[],
  length: number,
  moves: readonly QueueColumnMove[],
  fill: (at: number, entry: QueueEntry) => void,
): number {
  let used = length;
  for (const { removedAt, insertedAt, entry } of moves) {
    if (removedAt >= 0) {
      for (const array of arrays) array.copyWithin(removedAt, removedAt + 1, used);
      used -= 1;
    }
    for (const array of arrays) array.copyWithin(insertedAt + 1, insertedAt, used);
    used += 1;
    fill(insertedAt, entry);
  }
  return used;
}

function privacyBits(entry: QueueEntry): number {
  return (entry.anonim ? PRIVACY_ANONIM : 0) | (entry.rahasia ? PRIVACY_RAHASIA : 0);
}
