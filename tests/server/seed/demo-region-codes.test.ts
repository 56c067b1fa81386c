import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoComplaints } from '../../../server/seed/generate-demo-complaints.ts';
import { DEMO_CATEGORIES, DEMO_REGIONS, DEMO_UNITS } from '../../../server/seed/demo-instansi.ts';
import { createRandomSource } from '../../../server/seed/random-source.ts';
import { demoPlacesOf, type DemoPlaces } from '../../../server/seed/demo-places.ts';
import { loadAreaDataset, type AreaDataset } from '../../../server/regions/area-dataset.ts';
import { parseRegionCode } from '../../../shared/regions/region-code.ts';

let dataset: AreaDataset;
let places: DemoPlaces;
beforeAll(async () => {
  dataset = await loadAreaDataset();
  places = demoPlacesOf(dataset.directoryOf('64'));
});

function generate(seed: number) {
  return generateDemoComplaints(
    {
      count: 300,
      nowMs: Date.parse('2026-11-20T03:00:00Z'),
      spanDays: 200,
      instansiId: 'pemprov-kaltim',
      unitIdByCode: new Map(DEMO_UNITS.map((unit) => [unit.code, `unit-${unit.code}`])),
      categoryIdByCode: new Map(
        DEMO_CATEGORIES.map((category) => [category.code, `cat-${category.code}`]),
      ),
      calendar: { utcOffsetMinutes: 480, holidays: new Set<string>() },
      admin: { id: 'officer-admin', displayName: 'Admin', role: 'admin_instansi' },
      penghubungByUnitId: new Map(),
      places,
    },
    createRandomSource(seed),
  ).complaints;
}

describe('demo region codes', () => {
  it('names each demo kabupaten/kota by its official code and name', () => {
    const official = new Map(dataset.regenciesOf('64'));
    for (const region of DEMO_REGIONS)
      expect(official.get(region.code), region.code).toBe(region.name);
  });

  it('gives every demo report an official village code of the kabupaten/kota it names', () => {
    const complaints = generate(7);
    const byName = new Map(DEMO_REGIONS.map((region) => [region.name, region.code]));
    for (const complaint of complaints) {
      expect(dataset.hasVillage(complaint.regionCode), complaint.regionCode).toBe(true);
      const regencyName = complaint.locationText.split(', ').at(-1) ?? '';
      expect(parseRegionCode(complaint.regionCode)?.regency).toBe(byName.get(regencyName));
    }
    expect(new Set(complaints.map((complaint) => complaint.regionCode)).size).toBeGreaterThan(100);
  });

  it('draws the same codes from the same seed', () => {
    const codes = (seed: number) => generate(seed).map((complaint) => complaint.regionCode);
    expect(codes(11)).toEqual(codes(11));
    expect(codes(11)).not.toEqual(codes(12));
  });
});
