import { z } from 'zod';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';

/** A logo is a small PNG, JPEG or WebP as a data URL (the form scales it to 200 px first). */
export const MAX_LOGO_DATA_URL = 300_000;
export const LOGO_DATA_URL_PATTERN = /^(|data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2})$/;
/** Eighteen digits, spaces allowed between them as NIPs are often written. */
export const NIP_PATTERN = /^(|(?: *\d){18} *)$/;

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what} paling banyak ${max} karakter`);

/**
 * How the instansi's printed reports head and sign: one document per instansi (its id is the
 * instansi's id), kept by the Admin Instansi and replicated to every officer of the instansi.
 */
export const reportIdentitySchema = z.object({
  id: idSchema,
  instansiId: idSchema,
  /** The instansi's name as printed on the letterhead (usually upper case). */
  letterheadName: text(200, 'Nama pada kop'),
  address: text(300, 'Alamat'),
  /** Telephone, e-mail, website: one line under the address. */
  contact: text(200, 'Kontak'),
  logoDataUrl: z
    .string()
    .max(MAX_LOGO_DATA_URL, 'Logo terlalu besar')
    .regex(LOGO_DATA_URL_PATTERN, 'Logo harus gambar PNG, JPEG atau WebP'),
  /** Jabatan of the signatory. */
  signerTitle: text(120, 'Jabatan penanda tangan'),
  signerName: text(120, 'Nama penanda tangan'),
  signerNip: z
    .string()
    .max(30, 'NIP terlalu panjang')
    .regex(NIP_PATTERN, 'NIP terdiri atas 18 angka'),
  /** Where the report is signed, printed before the date ("Samarinda, 6 Desember 2026"). */
  signingCity: text(60, 'Kota penandatanganan'),
  /** Server time of the last accepted write (set by the server). */
  updatedAt: epochMsSchema,
  /** Officer who last changed it; empty for the set-up's default (set by the server). */
  updatedBy: z.string().max(40),
  serverSeq: serverSeqSchema,
});
export type ReportIdentity = z.infer<typeof reportIdentitySchema>;

/** The fields the Admin Instansi edits; the rest is the instansi's or the server's. */
export const REPORT_IDENTITY_FIELDS = [
  'letterheadName',
  'address',
  'contact',
  'logoDataUrl',
  'signerTitle',
  'signerName',
  'signerNip',
  'signingCity',
] as const;
export type ReportIdentityField = (typeof REPORT_IDENTITY_FIELDS)[number];

export const reportIdentityFormSchema = reportIdentitySchema.pick({
  letterheadName: true,
  address: true,
  contact: true,
  logoDataUrl: true,
  signerTitle: true,
  signerName: true,
  signerNip: true,
  signingCity: true,
});
export type ReportIdentityForm = z.infer<typeof reportIdentityFormSchema>;

export const BLANK_REPORT_IDENTITY: ReportIdentityForm = {
  letterheadName: '',
  address: '',
  contact: '',
  logoDataUrl: '',
  signerTitle: '',
  signerName: '',
  signerNip: '',
  signingCity: '',
};
