import { NATIONAL_CATEGORIES } from '../../shared/domain/national-categories.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { NewInstansi } from '../instansi/instansi-store.ts';
import { OFFICIAL_HOLIDAYS } from './official-holidays.ts';

/** The demo instansi: Pemerintah Provinsi Kalimantan Timur (WITA), its OPD units and categories. */
export const DEMO_INSTANSI = {
  id: 'pemprov-kaltim',
  name: 'Pemerintah Provinsi Kalimantan Timur',
  shortName: 'Pemprov Kaltim',
  utcOffsetMinutes: 480,
  regionCode: '64',
  address: 'Jl. Gajah Mada No. 2, Samarinda 75121',
} as const;

export const DEMO_UNITS = [
  {
    code: 'PUPR',
    name: 'Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat',
    shortName: 'Dinas PUPR-PERA',
  },
  { code: 'DINKES', name: 'Dinas Kesehatan', shortName: 'Dinkes' },
  { code: 'DISDIKBUD', name: 'Dinas Pendidikan dan Kebudayaan', shortName: 'Disdikbud' },
  { code: 'DISHUB', name: 'Dinas Perhubungan', shortName: 'Dishub' },
  {
    code: 'DKP3A',
    name: 'Dinas Kependudukan, Pemberdayaan Perempuan dan Perlindungan Anak',
    shortName: 'DKP3A',
  },
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    shortName: 'DPMPTSP',
  },
  { code: 'DLH', name: 'Dinas Lingkungan Hidup', shortName: 'DLH' },
  { code: 'DISPAR', name: 'Dinas Pariwisata', shortName: 'Dispar' },
  {
    code: 'DPMPD',
    name: 'Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa',
    shortName: 'DPMPD',
  },
  {
    code: 'DISNAKERTRANS',
    name: 'Dinas Tenaga Kerja dan Transmigrasi',
    shortName: 'Disnakertrans',
  },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo' },
  { code: 'DINSOS', name: 'Dinas Sosial', shortName: 'Dinsos' },
  { code: 'BAPENDA', name: 'Badan Pendapatan Daerah', shortName: 'Bapenda' },
] as const;

export const DEMO_CATEGORIES = NATIONAL_CATEGORIES;

export type DemoRegion = { code: string; name: string; streets: readonly string[] };

/** Regencies and cities of Kalimantan Timur with their Kemendagri codes (Kepmendagri 2022). */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  {
    code: '64.72',
    name: 'Kota Samarinda',
    streets: [
      'Jl. Juanda',
      'Jl. Pangeran Antasari',
      'Jl. D.I. Panjaitan',
      'Jl. Slamet Riyadi',
      'Jl. P. Suryanata',
    ],
  },
  {
    code: '64.71',
    name: 'Kota Balikpapan',
    streets: ['Jl. Jenderal Sudirman', 'Jl. MT Haryono', 'Jl. Soekarno-Hatta', 'Jl. Mulawarman'],
  },
  {
    code: '64.74',
    name: 'Kota Bontang',
    streets: ['Jl. Ahmad Yani', 'Jl. Brigjend Katamso', 'Jl. M.H. Thamrin'],
  },
  {
    code: '64.02',
    name: 'Kabupaten Kutai Kartanegara',
    streets: [
      'Jl. Wolter Monginsidi, Tenggarong',
      'Jl. Poros Samarinda–Tenggarong',
      'Jl. Muso Salim',
    ],
  },
  {
    code: '64.08',
    name: 'Kabupaten Kutai Timur',
    streets: ['Jl. Soekarno-Hatta, Sangatta', 'Jl. Poros Sangatta–Bengalon'],
  },
  {
    code: '64.03',
    name: 'Kabupaten Berau',
    streets: ['Jl. Pemuda, Tanjung Redeb', 'Jl. Poros Berau–Talisayan'],
  },
  {
    code: '64.01',
    name: 'Kabupaten Paser',
    streets: ['Jl. Jenderal Sudirman, Tanah Grogot', 'Jl. Poros Kuaro'],
  },
  {
    code: '64.09',
    name: 'Kabupaten Penajam Paser Utara',
    streets: ['Jl. Provinsi Km 9, Penajam', 'Jl. Poros Sepaku'],
  },
  { code: '64.07', name: 'Kabupaten Kutai Barat', streets: ['Jl. Sendawar Raya, Barong Tongkok'] },
  { code: '64.11', name: 'Kabupaten Mahakam Ulu', streets: ['Jl. Poros Ujoh Bilang'] },
];

/** The decreed national holidays and cuti bersama (server/seed/official-holidays.ts). */
export const DEMO_HOLIDAYS = OFFICIAL_HOLIDAYS;

export const DEMO_PASSWORD = 'Kaltim#2026';

export const DEMO_OFFICERS = [
  {
    username: 'admin.kaltim',
    displayName: 'Rahmawati Syahrani',
    role: 'admin_instansi',
    unitCode: null,
  },
  {
    username: 'pupr.kaltim',
    displayName: 'Budi Hartono (Penghubung PUPR-PERA)',
    role: 'penghubung',
    unitCode: 'PUPR',
  },
  {
    username: 'dinkes.kaltim',
    displayName: 'dr. Siti Aminah (Penghubung Dinkes)',
    role: 'penghubung',
    unitCode: 'DINKES',
  },
  {
    username: 'koordinator.kaltim',
    displayName: 'Ir. H. Muhammad Sa’bani',
    role: 'koordinator',
    unitCode: null,
  },
] as const;

export type DemoOfficer = {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
};

/** What the demo seeds for one instansi. */
export type DemoInstansiDefinition = {
  instansi: NewInstansi;
  /** Put before unit, category and template ids ('' keeps the province's ids as they were). */
  idPrefix: string;
  units: readonly { code: string; name: string; shortName: string }[];
  officers: readonly DemoOfficer[];
  regions: readonly DemoRegion[];
  trackingPrefix: string;
  /** Its reports, as a share of the seed's complaint count. */
  complaintShare: number;
  /** Added to the seed's random seed, so each instansi draws its own reports. */
  randomSeedOffset: number;
};

export const DEMO_PROVINCE: DemoInstansiDefinition = {
  instansi: DEMO_INSTANSI,
  idPrefix: '',
  units: DEMO_UNITS,
  officers: DEMO_OFFICERS,
  regions: DEMO_REGIONS,
  trackingPrefix: 'KALTIM',
  complaintShare: 1,
  randomSeedOffset: 0,
};

/**
 * A smaller instansi of the province, for the regional briefing: Pemkab Kutai Kartanegara,
 * with its province as parent. Only PUPR and Dinkes have a penghubung, as in the province.
 */
export const DEMO_KABUPATEN: DemoInstansiDefinition = {
  instansi: {
    id: 'pemkab-kukar',
    name: 'Pemerintah Kabupaten Kutai Kartanegara',
    shortName: 'Pemkab Kukar',
    utcOffsetMinutes: 480,
    regionCode: '64.02',
    address: 'Jl. Wolter Monginsidi No. 1, Tenggarong 75511',
    parentId: DEMO_INSTANSI.id,
  },
  idPrefix: 'kukar-',
  units: DEMO_UNITS,
  officers: [
    {
      username: 'admin.kukar',
      displayName: 'Nurul Hidayah',
      role: 'admin_instansi',
      unitCode: null,
    },
    {
      username: 'pupr.kukar',
      displayName: 'Andi Saputra (Penghubung PUPR)',
      role: 'penghubung',
      unitCode: 'PUPR',
    },
    {
      username: 'dinkes.kukar',
      displayName: 'dr. Yusran (Penghubung Dinkes)',
      role: 'penghubung',
      unitCode: 'DINKES',
    },
    {
      username: 'koordinator.kukar',
      displayName: 'Drs. H. Sunggono',
      role: 'koordinator',
      unitCode: null,
    },
  ],
  regions: [
    {
      code: '64.02',
      name: 'Kabupaten Kutai Kartanegara',
      streets: [
        'Jl. Wolter Monginsidi, Tenggarong',
        'Jl. Poros Samarinda–Tenggarong',
        'Jl. Muso Salim, Tenggarong',
        'Jl. Poros Loa Janan',
      ],
    },
  ],
  trackingPrefix: 'KUKAR',
  complaintShare: 0.2,
  randomSeedOffset: 0x6402,
};
