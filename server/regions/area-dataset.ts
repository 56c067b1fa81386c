import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import { isWithinRegion } from '../../shared/regions/region-code.ts';
import type { RegionDirectory } from '../../shared/regions/region-directory.ts';

/** The official Kemendagri codes and names (package idn-area-data, Kepmendagri 2022+). */
export const AREA_DATASET_SOURCE = 'idn-area-data 4';

export type AreaDataset = {
  readonly source: string;
  /** Whether a village code is in the official list. */
  hasVillage(code: string): boolean;
  /** The place names of one region (`64`, `64.02`; '' for all): what a device keeps. */
  directoryOf(region: string): RegionDirectory;
  /** `[code, name]` of the regencies inside a region. */
  regenciesOf(region: string): [string, string][];
};

type Entry = [string, string];

function within(entries: readonly Entry[], region: string): Entry[] {
  return entries.filter(([code]) => isWithinRegion(code, region));
}

async function readDataset(): Promise<AreaDataset> {
  const [regencies, districts, villages] = await Promise.all([
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const regencyEntries: Entry[] = regencies.map((row) => [row.code, row.name]);
  const districtEntries: Entry[] = districts.map((row) => [row.code, row.name]);
  const villageEntries: Entry[] = villages.map((row) => [row.code, row.name]);
  const villageCodes = new Set(villageEntries.map(([code]) => code));
  return {
    source: AREA_DATASET_SOURCE,
    hasVillage: (code) => villageCodes.has(code),
    directoryOf: (region) => ({
      region,
      source: AREA_DATASET_SOURCE,
      regencies: within(regencyEntries, region),
      districts: within(districtEntries, region),
      villages: within(villageEntries, region),
    }),
    regenciesOf: (region) => within(regencyEntries, region),
  };
}

let loading: Promise<AreaDataset> | null = null;

/** The dataset, read from the package's CSV files once per process (about 3 MB). */
export function loadAreaDataset(): Promise<AreaDataset> {
  loading ??= readDataset().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
