import { parseRegionCode } from '../../shared/regions/region-code.ts';
import type { RegionDirectory } from '../../shared/regions/region-directory.ts';

/** Per regency `pp.kk`: its districts, each the list of its official village codes. */
export type DemoPlaces = ReadonlyMap<string, readonly (readonly string[])[]>;

/** The villages of a region directory grouped by regency and district, in code order. */
export function demoPlacesOf(directory: Pick<RegionDirectory, 'villages'>): DemoPlaces {
  const byRegency = new Map<string, Map<string, string[]>>();
  for (const [code] of directory.villages) {
    const parts = parseRegionCode(code);
    if (!parts) continue;
    const districts = byRegency.get(parts.regency) ?? new Map<string, string[]>();
    byRegency.set(parts.regency, districts);
    const villages = districts.get(parts.district) ?? [];
    districts.set(parts.district, villages);
    villages.push(code);
  }
  return new Map(
    [...byRegency].map(([regency, districts]) => [
      regency,
      [...districts.keys()].sort().map((district) => [...districts.get(district)!].sort()),
    ]),
  );
}
