import { z } from 'zod';
import { normalizeSearchText } from '../search/normalize-search-text.ts';
import { parseRegionCode } from './region-code.ts';

const entrySchema = z.tuple([z.string().max(16), z.string().max(120)]);

/**
 * The place names of one region (an instansi's province or regency), as the server serves them
 * and the device keeps them: `[code, name]` pairs, so names show offline without the country's
 * 83,000 villages in the app.
 */
export const regionDirectorySchema = z.object({
  /** The region's code prefix (`64`, `64.02`); '' for the whole country. */
  region: z.string().max(16),
  /** The dataset the names come from (package and version), to refetch when it changes. */
  source: z.string().max(80),
  regencies: z.array(entrySchema).max(600),
  districts: z.array(entrySchema).max(8_000),
  villages: z.array(entrySchema).max(90_000),
});
export type RegionDirectory = z.infer<typeof regionDirectorySchema>;

/** The names a village code stands for: desa/kelurahan, kecamatan, kabupaten/kota. */
export type PlaceNames = { village: string; district: string; regency: string };

export type PlaceLookup = {
  /** Names of a village code; null when the code is not in the directory. */
  placeOf(code: string): PlaceNames | null;
  /** Name of a regency `pp.kk`; undefined when not in the directory. */
  regencyName(code: string): string | undefined;
  readonly regencies: readonly (readonly [string, string])[];
  /**
   * Village codes whose village, kecamatan or kabupaten/kota name has a word starting with the
   * folded search token (as full-text search matches words).
   */
  villagesMatching(token: string): ReadonlySet<string>;
};

const NO_VILLAGES: ReadonlySet<string> = new Set();

export function createPlaceLookup(directory: RegionDirectory | null): PlaceLookup {
  const regencies = new Map(directory?.regencies ?? []);
  const districts = new Map(directory?.districts ?? []);
  const villages = new Map(directory?.villages ?? []);
  let searchable: { code: string; words: string[] }[] | null = null;
  const lookup: PlaceLookup = {
    placeOf(code) {
      const parts = parseRegionCode(code);
      const village = villages.get(code);
      if (!parts || village === undefined) return null;
      return {
        village,
        district: districts.get(parts.district) ?? parts.district,
        regency: regencies.get(parts.regency) ?? parts.regency,
      };
    },
    regencyName: (code) => regencies.get(code),
    regencies: directory?.regencies ?? [],
    villagesMatching(token) {
      if (token === '' || villages.size === 0) return NO_VILLAGES;
      searchable ??= [...villages.keys()].map((code) => ({
        code,
        words: normalizeSearchText(placeText(lookup, code)).split(' '),
      }));
      const found = new Set<string>();
      for (const village of searchable)
        if (village.words.some((word) => word.startsWith(token))) found.add(village.code);
      return found;
    },
  };
  return lookup;
}

/** "Desa, Kecamatan, Kabupaten" for a village code, or '' when the lookup does not know it. */
export function placeText(lookup: PlaceLookup, code: string): string {
  const place = lookup.placeOf(code);
  return place ? `${place.village}, ${place.district}, ${place.regency}` : '';
}
