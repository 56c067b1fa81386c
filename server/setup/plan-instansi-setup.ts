import { z } from 'zod';
import { createOfficerSchema } from '../../shared/api/officer-admin.ts';
import { NATIONAL_CATEGORIES } from '../../shared/domain/national-categories.ts';
import { trackingNumberPrefix } from '../../shared/domain/tracking-number.ts';
import { issueMessageInIndonesian } from '../../shared/errors/error-texts-id.ts';

/** The instansi's time zone: deadlines are counted in it. */
export const TIME_ZONES = { WIB: 420, WITA: 480, WIT: 540 } as const;
export type TimeZoneName = keyof typeof TIME_ZONES;

/**
 * A Kemendagri region code of a province (`pp`) or of a regency or city (`pp.kk`, 01–69 a
 * kabupaten, 71–99 a kota). Province codes run from 11 (Aceh) upward.
 */
const regionCodeSchema = z
  .string()
  .trim()
  .regex(
    /^(1[1-9]|[2-9]\d)(\.(0[1-9]|[1-6]\d|7[1-9]|[89]\d))?$/,
    'Kode wilayah Kemendagri: provinsi "pp" atau kabupaten/kota "pp.kk" (01–69 kabupaten, 71–99 kota)',
  );

export const instansiSetupInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9-]{2,39}$/,
      'Kode instansi: 3–40 huruf kecil, angka atau tanda hubung (mis. pemkab-paser)',
    ),
  name: z.string().trim().min(3, 'Nama instansi minimal 3 karakter').max(160),
  shortName: z
    .string()
    .trim()
    .min(2, 'Nama singkat minimal 2 karakter')
    .max(60)
    .regex(/[A-Za-z0-9]/, 'Nama singkat harus memuat huruf atau angka'),
  timeZone: z.enum(Object.keys(TIME_ZONES) as [TimeZoneName, ...TimeZoneName[]], {
    message: 'Zona waktu: WIB, WITA atau WIT',
  }),
  regionCode: regionCodeSchema,
  address: z.string().trim().max(300).default(''),
  adminUsername: z.string(),
  adminDisplayName: z.string(),
  password: z.string(),
});
/** The set-up as typed by an operator: every field is text until checked. */
export type InstansiSetupInput = {
  code: string;
  name: string;
  shortName: string;
  timeZone: string;
  regionCode: string;
  address?: string;
  adminUsername: string;
  adminDisplayName: string;
  password: string;
};

/** What the database already holds that a new instansi must not collide with. */
export type ExistingInstansiFacts = {
  instansiCodeTaken: boolean;
  usernameTaken: boolean;
  /** Tracking-number prefixes of the instansi already on this server. */
  trackingPrefixes: readonly string[];
};

export type InstansiSetupPlan = {
  instansi: {
    id: string;
    name: string;
    shortName: string;
    utcOffsetMinutes: number;
    regionCode: string;
    address: string;
  };
  trackingPrefix: string;
  categories: { id: string; code: string; name: string }[];
  admin: { id: string; username: string; displayName: string; password: string };
};

export type InstansiSetupDecision =
  { ok: true; plan: InstansiSetupPlan } | { ok: false; errors: string[] };

/**
 * Plans a new instansi with the national categories and its first Admin Instansi, or says every
 * reason why not. The password follows the same rule as an officer created or reset by an admin.
 */
export function planInstansiSetup(
  input: InstansiSetupInput,
  existing: ExistingInstansiFacts,
  newId: () => string,
): InstansiSetupDecision {
  const errors: string[] = [];
  const parsed = instansiSetupInputSchema.safeParse(input);
  if (!parsed.success) errors.push(...parsed.error.issues.map(describeIssue));
  const officer = createOfficerSchema.safeParse({
    username: input.adminUsername,
    displayName: input.adminDisplayName,
    role: 'admin_instansi',
    unitId: '',
    password: input.password,
  });
  if (!officer.success)
    errors.push(
      ...officer.error.issues.map((issue) => `admin: ${issueMessageInIndonesian(issue.message)}`),
    );
  if (existing.instansiCodeTaken)
    errors.push(
      `Instansi dengan kode "${input.code}" sudah ada; perintah ini tidak dijalankan dua kali`,
    );
  if (existing.usernameTaken) errors.push(`Nama pengguna "${input.adminUsername}" sudah dipakai`);
  const prefix = parsed.success ? trackingNumberPrefix(parsed.data.shortName) : '';
  if (parsed.success && existing.trackingPrefixes.includes(prefix))
    errors.push(
      `Nomor tiket berawalan ${prefix} (kata terakhir nama singkat) sudah dipakai instansi lain: pilih nama singkat lain`,
    );
  if (errors.length > 0 || !parsed.success || !officer.success) return { ok: false, errors };

  const data = parsed.data;
  return {
    ok: true,
    plan: {
      instansi: {
        id: data.code,
        name: data.name,
        shortName: data.shortName,
        utcOffsetMinutes: TIME_ZONES[data.timeZone],
        regionCode: data.regionCode,
        address: data.address,
      },
      trackingPrefix: prefix,
      categories: NATIONAL_CATEGORIES.map((category) => ({ id: newId(), ...category })),
      admin: {
        id: newId(),
        username: officer.data.username,
        displayName: officer.data.displayName,
        password: officer.data.password,
      },
    },
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.');
  const message = issueMessageInIndonesian(issue.message);
  return field ? `${field}: ${message}` : message;
}
