import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoComplaints } from '../../../server/seed/generate-demo-complaints.ts';
import { DEMO_CATEGORIES, DEMO_UNITS } from '../../../server/seed/demo-instansi.ts';
import { createRandomSource } from '../../../server/seed/random-source.ts';
import { demoPlacesOf, type DemoPlaces } from '../../../server/seed/demo-places.ts';
import { loadAreaDataset } from '../../../server/regions/area-dataset.ts';

let places: DemoPlaces;
beforeAll(async () => {
  places = demoPlacesOf((await loadAreaDataset()).directoryOf('64'));
});

function generate(extraBodyParagraphs: number) {
  return generateDemoComplaints(
    {
      count: 200,
      nowMs: Date.parse('2026-11-20T03:00:00Z'),
      spanDays: 120,
      instansiId: 'pemprov-kaltim',
      unitIdByCode: new Map(DEMO_UNITS.map((unit) => [unit.code, `unit-${unit.code}`])),
      categoryIdByCode: new Map(
        DEMO_CATEGORIES.map((category) => [category.code, `cat-${category.code}`]),
      ),
      calendar: { utcOffsetMinutes: 480, holidays: new Set<string>() },
      admin: { id: 'officer-admin', displayName: 'Admin', role: 'admin_instansi' },
      penghubungByUnitId: new Map(),
      extraBodyParagraphs,
      places,
    },
    createRandomSource(42),
  ).complaints;
}

describe('demo reports with further paragraphs', () => {
  it('lengthens each report text to 2-3 KB and leaves every other field as it was', () => {
    const plain = generate(0);
    const long = generate(5);
    expect(long).toHaveLength(plain.length);
    long.forEach((complaint, index) => {
      const original = plain[index];
      if (!original) throw new Error('missing report');
      const { id: _a, body, duplicateOf: _b, ...fields } = complaint;
      const { id: _c, body: originalBody, duplicateOf: _d, ...originalFields } = original;
      expect(fields).toEqual(originalFields);
      expect(body.startsWith(originalBody)).toBe(true);
      expect(body.split('\n\n')).toHaveLength(6);
    });
    const wireSize =
      long.reduce((sum, complaint) => sum + JSON.stringify(complaint).length, 0) / long.length;
    expect(wireSize).toBeGreaterThan(2000);
    expect(wireSize).toBeLessThan(3000);
  });
});
