import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  PRIORITIES,
} from '../../../shared/domain/complaint-status.ts';
import {
  deadlineClassOf,
  endOfLocalWeek,
  filterQueue,
  filterQueueColumns,
} from '../../../shared/queue/filter-queue.ts';
import { buildQueueColumns, patchQueueColumns } from '../../../shared/queue/queue-columns.ts';
import {
  ACTIVE_STATUSES,
  ANY_ID,
  DEADLINE_FILTERS,
  DEFAULT_QUEUE_CRITERIA,
  PRIVACY_FILTERS,
  QUEUE_FACETS,
  STATUS_FILTERS,
  type QueueCriteria,
  type QueueFacet,
} from '../../../shared/queue/queue-criteria.ts';
import { toQueueEntry, type QueueEntry } from '../../../shared/queue/queue-entry.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const WITA = 480;
const NOW = Date.parse('2026-11-25T02:00:00Z');
const DAY = 86_400_000;
const UNITS = ['', 'unit-pupr', 'unit-dinkes', 'unit-dishub'];
const CATEGORIES = ['cat-infrastruktur', 'cat-kesehatan', 'cat-pendidikan'];

const entryArbitrary = fc
  .record({
    status: fc.constantFrom(...COMPLAINT_STATUSES),
    unitId: fc.constantFrom(...UNITS),
    categoryId: fc.constantFrom(...CATEGORIES),
    type: fc.constantFrom(...COMPLAINT_TYPES),
    channel: fc.constantFrom(...CHANNELS),
    priority: fc.constantFrom(...PRIORITIES),
    anonim: fc.boolean(),
    rahasia: fc.boolean(),
    dueAt: fc.oneof(fc.constant(0), fc.integer({ min: NOW - 20 * DAY, max: NOW + 20 * DAY })),
    receivedAt: fc.integer({ min: NOW - 60 * DAY, max: NOW }),
  })
  .map((fields) => fields);

const criteriaArbitrary = fc.record({
  status: fc.constantFrom(...STATUS_FILTERS),
  unitId: fc.constantFrom(ANY_ID, ...UNITS, 'unit-none'),
  categoryId: fc.constantFrom(ANY_ID, ...CATEGORIES),
  type: fc.constantFrom('any' as const, ...COMPLAINT_TYPES),
  channel: fc.constantFrom('any' as const, ...CHANNELS),
  priority: fc.constantFrom('any' as const, ...PRIORITIES),
  deadline: fc.constantFrom(...DEADLINE_FILTERS),
  privacy: fc.constantFrom(...PRIVACY_FILTERS),
  receivedFrom: fc.constantFrom('', '2026-10-20', '2026-11-10'),
  receivedTo: fc.constantFrom('', '2026-11-20'),
});

/** The definition, written plainly: which choices of a facet an entry stands for. */
function keysOf(entry: QueueEntry, facet: QueueFacet, weekEnd: number): string[] {
  if (facet === 'deadline') return [deadlineClassOf(entry.dueAt, NOW, weekEnd)];
  if (facet === 'privacy') {
    const keys: string[] = [];
    if (entry.rahasia) keys.push('rahasia');
    if (entry.anonim) keys.push('anonim');
    if (!entry.rahasia && !entry.anonim) keys.push('terbuka');
    return keys;
  }
  return [String(entry[facet])];
}

function passes(entry: QueueEntry, facet: QueueFacet, criteria: QueueCriteria, weekEnd: number) {
  const wanted = criteria[facet];
  if (facet === 'status') {
    if (wanted === 'all') return true;
    if (wanted === 'active') return ACTIVE_STATUSES.includes(entry.status);
    return entry.status === wanted;
  }
  if (wanted === 'any') return true;
  return keysOf(entry, facet, weekEnd).includes(wanted);
}

function plainFilter(entries: readonly QueueEntry[], criteria: QueueCriteria) {
  const weekEnd = endOfLocalWeek(NOW, WITA);
  const from = criteria.receivedFrom
    ? Date.parse(`${criteria.receivedFrom}T00:00:00+08:00`)
    : -Infinity;
  const to = criteria.receivedTo
    ? Date.parse(`${criteria.receivedTo}T00:00:00+08:00`) + DAY
    : Infinity;
  const inRange = entries.filter((entry) => entry.receivedAt >= from && entry.receivedAt < to);
  const rows = inRange.filter((entry) =>
    QUEUE_FACETS.every((facet) => passes(entry, facet, criteria, weekEnd)),
  );
  const counts = Object.fromEntries(
    QUEUE_FACETS.map((facet) => {
      const others = inRange.filter((entry) =>
        QUEUE_FACETS.every((other) => other === facet || passes(entry, other, criteria, weekEnd)),
      );
      const byKey = new Map<string, number>();
      for (const entry of others)
        for (const key of keysOf(entry, facet, weekEnd)) byKey.set(key, (byKey.get(key) ?? 0) + 1);
      return [facet, { byKey, total: others.length }];
    }),
  ) as Record<QueueFacet, { byKey: Map<string, number>; total: number }>;
  return { rows, counts };
}

describe('filterQueueColumns', () => {
  it('shows the same rows and counts as the plain definition, for any entries and criteria', () => {
    fc.assert(
      fc.property(
        fc.array(entryArbitrary, { maxLength: 60 }),
        criteriaArbitrary,
        (fields, chosen) => {
          const entries = fields.map((field, index) =>
            toQueueEntry(sampleComplaint({ id: `c-${index}`, ...field })),
          );
          const criteria: QueueCriteria = { ...DEFAULT_QUEUE_CRITERIA, ...chosen };
          const context = { now: NOW, utcOffsetMinutes: WITA, searchMatches: null };
          const result = filterQueueColumns(buildQueueColumns(entries), criteria, context);
          const expected = plainFilter(entries, criteria);
          expect(result.rows.map((row) => row.id)).toEqual(expected.rows.map((row) => row.id));
          for (const facet of QUEUE_FACETS) {
            expect(Object.fromEntries(result.counts[facet])).toEqual(
              Object.fromEntries(expected.counts[facet].byKey),
            );
            expect(result.counts.totals[facet]).toBe(expected.counts[facet].total);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('filters the same columns again and again with different criteria', () => {
    const entries = ['selesai', 'didisposisi', 'ditunda'].map((status, index) =>
      toQueueEntry(sampleComplaint({ id: `c-${index}`, status: status as QueueEntry['status'] })),
    );
    const columns = buildQueueColumns(entries);
    const context = { now: NOW, utcOffsetMinutes: WITA, searchMatches: null };
    const ids = (criteria: Partial<QueueCriteria>) =>
      filterQueueColumns(columns, { ...DEFAULT_QUEUE_CRITERIA, ...criteria }, context).rows.map(
        (row) => row.id,
      );
    expect(ids({ status: 'selesai' })).toEqual(['c-0']);
    expect(ids({ status: 'active' })).toEqual(['c-1', 'c-2']);
    expect(ids({ status: 'all' })).toEqual(['c-0', 'c-1', 'c-2']);
    expect(
      filterQueue(entries, { ...DEFAULT_QUEUE_CRITERIA, status: 'all' }, context).rows,
    ).toHaveLength(3);
  });

  it('keeps only search matches when a search is given', () => {
    const entries = [0, 1, 2].map((index) => toQueueEntry(sampleComplaint({ id: `c-${index}` })));
    const result = filterQueueColumns(
      buildQueueColumns(entries),
      { ...DEFAULT_QUEUE_CRITERIA, status: 'all' },
      { now: NOW, utcOffsetMinutes: WITA, searchMatches: new Set(['c-2', 'c-0']) },
    );
    expect(result.rows.map((row) => row.id)).toEqual(['c-0', 'c-2']);
    expect(result.counts.totals.status).toBe(2);
  });
});

describe('patchQueueColumns', () => {
  /** Each step replaces one entry (new fields, so a new place) or adds one. */
  const stepArbitrary = fc.record({
    target: fc.nat(),
    adds: fc.boolean(),
    fields: entryArbitrary,
    insertAt: fc.nat(),
  });

  it('patches columns built on the very order that the moves then changed in place', () => {
    // The queue store keeps one order array, builds the columns on it and splices it for each
    // change: the columns' own arrays, not that order, say how many positions they held.
    const order = [0, 1, 2].map((index) =>
      toQueueEntry(sampleComplaint({ id: `c-${index}`, dueAt: NOW + index * DAY })),
    );
    const columns = buildQueueColumns(order);
    const added = toQueueEntry(sampleComplaint({ id: 'n-1', dueAt: NOW + DAY / 2 }));
    order.splice(1, 0, added);
    const patched = patchQueueColumns(
      columns,
      [{ removedAt: -1, insertedAt: 1, entry: added }],
      order,
    );
    expect([...patched.dueAt]).toEqual(order.map((entry) => entry.dueAt));
  });

  it('gives the rows and counts of columns built afresh for the new order, for any moves', () => {
    fc.assert(
      fc.property(
        fc.array(entryArbitrary, { minLength: 1, maxLength: 40 }),
        fc.array(stepArbitrary, { minLength: 1, maxLength: 6 }),
        criteriaArbitrary,
        (fields, steps, chosen) => {
          const order = fields.map((field, index) =>
            toQueueEntry(sampleComplaint({ id: `c-${index}`, ...field })),
          );
          const before = buildQueueColumns([...order]);
          const moves = steps.map((step, index) => {
            const entry = toQueueEntry(
              sampleComplaint({
                id: step.adds ? `n-${index}` : (order[step.target % order.length] as QueueEntry).id,
                ...step.fields,
              }),
            );
            const removedAt = step.adds ? -1 : order.findIndex((other) => other.id === entry.id);
            if (removedAt >= 0) order.splice(removedAt, 1);
            const insertedAt = step.insertAt % (order.length + 1);
            order.splice(insertedAt, 0, entry);
            return { removedAt, insertedAt, entry };
          });
          const patched = patchQueueColumns(before, moves, order);
          const rebuilt = buildQueueColumns(order);
          expect([...patched.dueAt]).toEqual([...rebuilt.dueAt]);
          expect([...patched.receivedAt]).toEqual([...rebuilt.receivedAt]);
          expect([...patched.privacy]).toEqual([...rebuilt.privacy]);
          const criteria: QueueCriteria = { ...DEFAULT_QUEUE_CRITERIA, ...chosen };
          const context = { now: NOW, utcOffsetMinutes: WITA, searchMatches: null };
          const result = filterQueueColumns(patched, criteria, context);
          const expected = filterQueueColumns(rebuilt, criteria, context);
          expect(result.rows.map((row) => row.id)).toEqual(expected.rows.map((row) => row.id));
          for (const facet of QUEUE_FACETS)
            expect(Object.fromEntries(result.counts[facet])).toEqual(
              Object.fromEntries(expected.counts[facet]),
            );
          // The columns given stay as they were.
          expect(before.entries).toHaveLength(fields.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
