import type { LETTERHEAD_MESSAGES_ID } from './messages-letterhead-id.ts';

/** The instansi's letterhead and signatory (Administration), English. */
export const LETTERHEAD_MESSAGES_EN: Record<keyof typeof LETTERHEAD_MESSAGES_ID, string> = {
  'admin.section.letterhead': 'Letterhead and signatory',
  'letterhead.heading': 'Report letterhead and signatory',
  'letterhead.intro':
    "Used on every report printed or exported by any of this instansi's officers, on every device.",
  'letterhead.field.letterheadName': 'Instansi name on the letterhead',
  'letterhead.field.address': 'Address',
  'letterhead.field.contact': 'Contact (telephone, e-mail, website)',
  'letterhead.field.logo': 'Logo (PNG, JPEG or WebP)',
  'letterhead.field.signerTitle': 'Signatory position',
  'letterhead.field.signerName': 'Signatory name',
  'letterhead.field.signerNip': 'Signatory NIP',
  'letterhead.field.signingCity': 'City where the report is signed',
  'letterhead.logoPreview': 'Logo preview',
  'letterhead.removeLogo': 'Remove logo',
  'letterhead.save': 'Save letterhead and signatory',
  'letterhead.saved': 'Letterhead and signatory saved; the change is sent when connected.',
  'letterhead.error.letterheadName': 'The letterhead name has at most 200 characters.',
  'letterhead.error.address': 'The address has at most 300 characters.',
  'letterhead.error.contact': 'The contact line has at most 200 characters.',
  'letterhead.error.logoDataUrl': 'The logo must be a small PNG, JPEG or WebP image.',
  'letterhead.error.logoFile': 'The logo file could not be read as an image, or is too large.',
  'letterhead.error.signerTitle': 'The position has at most 120 characters.',
  'letterhead.error.signerName': 'The name has at most 120 characters.',
  'letterhead.error.signerNip': 'A NIP has 18 digits.',
  'letterhead.error.signingCity': 'The city has at most 60 characters.',
};
