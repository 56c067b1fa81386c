/** The parts of a Kemendagri village code `pp.kk.cc.dddd` (province.regency.district.village). */
export type RegionCodeParts = {
  province: string;
  /** `pp.kk` */
  regency: string;
  /** `pp.kk.cc` */
  district: string;
  /** The whole code. */
  village: string;
  /** Regency numbers 01–69 are kabupaten, 71–99 kota (DOMAIN.md). */
  regencyKind: 'kabupaten' | 'kota';
};

const VILLAGE_CODE = /^(\d{2})\.(\d{2})\.(\d{2})\.(\d{4})$/;

/** The province, regency and district a village code lies in; null when it is not one. */
export function parseRegionCode(code: string): RegionCodeParts | null {
  const match = VILLAGE_CODE.exec(code);
  if (!match) return null;
  const [, pp, kk, cc] = match as unknown as [string, string, string, string, string];
  return {
    province: pp,
    regency: `${pp}.${kk}`,
    district: `${pp}.${kk}.${cc}`,
    village: code,
    regencyKind: Number(kk) >= 71 ? 'kota' : 'kabupaten',
  };
}

/** `pp.kk` of a village code, or '' when the code is not one. */
export function regencyCodeOf(code: string): string {
  return parseRegionCode(code)?.regency ?? '';
}

/**
 * Whether `code` lies inside the region `prefix` (a province `pp`, a regency `pp.kk`, …);
 * an empty prefix is the whole country.
 */
export function isWithinRegion(code: string, prefix: string): boolean {
  return prefix === '' || code === prefix || code.startsWith(`${prefix}.`);
}
