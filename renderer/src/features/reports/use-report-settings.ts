import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { watchLocalDocument } from '../../db/watch-local-document.ts';

const LOCAL_ID = 'report-settings';
export const MAX_LOGO_DATA_URL = 300_000;

/** Letterhead and signature of printed reports, kept on this device. */
export const reportSettingsSchema = z.object({
  address: z.string().max(300),
  logoDataUrl: z
    .string()
    .max(MAX_LOGO_DATA_URL, 'Logo terlalu besar')
    .refine(
      (value) => value === '' || /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/.test(value),
      'Logo harus gambar PNG, JPEG atau WebP',
    ),
  signerTitle: z.string().max(120),
  signerName: z.string().max(120),
  signerNip: z
    .string()
    .max(30)
    .refine(
      (value) => value === '' || /^\d{18}$/.test(value.replaceAll(' ', '')),
      'NIP terdiri atas 18 angka',
    ),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const EMPTY_REPORT_SETTINGS: ReportSettings = {
  address: '',
  logoDataUrl: '',
  signerTitle: '',
  signerName: '',
  signerNip: '',
};

export function useReportSettings(): {
  settings: ReportSettings;
  save: (settings: ReportSettings) => Promise<void>;
} {
  const { replica } = useWorkstation();
  const [settings, setSettings] = useState<ReportSettings>(EMPTY_REPORT_SETTINGS);
  useEffect(() => {
    const subscription = watchLocalDocument(replica, LOCAL_ID, true).subscribe((document) => {
      const parsed = reportSettingsSchema.safeParse(document?.toJSON().data);
      setSettings(parsed.success ? parsed.data : EMPTY_REPORT_SETTINGS);
    });
    return () => subscription.unsubscribe();
  }, [replica]);
  const save = useCallback(
    async (next: ReportSettings) => {
      await replica.upsertLocal(LOCAL_ID, reportSettingsSchema.parse(next));
    },
    [replica],
  );
  return { settings, save };
}
