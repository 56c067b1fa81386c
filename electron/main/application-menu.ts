/** A menu entry as Electron's Menu.buildFromTemplate takes it, reduced to what is used here. */
export type MenuEntry =
  | { type: 'separator' }
  | {
      label?: string;
      role?:
        | 'quit'
        | 'undo'
        | 'redo'
        | 'cut'
        | 'copy'
        | 'paste'
        | 'selectAll'
        | 'reload'
        | 'resetZoom'
        | 'zoomIn'
        | 'zoomOut'
        | 'togglefullscreen'
        | 'minimize'
        | 'close';
      accelerator?: string;
      click?: () => void;
      submenu?: MenuEntry[];
    };

/** The application menu in Indonesian; the About entry shows the version. */
export function applicationMenuTemplate(actions: {
  showAbout: () => void;
  /** Opens the workstation's help page (lifecycle, deadlines, keyboard). */
  showHelp: () => void;
}): MenuEntry[] {
  return [
    {
      label: 'Berkas',
      submenu: [{ role: 'quit', label: 'Keluar dari Lapor Workstation' }],
    },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih semua' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        { role: 'reload', label: 'Muat ulang' },
        { type: 'separator' },
        { role: 'resetZoom', label: 'Ukuran sebenarnya' },
        { role: 'zoomIn', label: 'Perbesar', accelerator: 'CommandOrControl+=' },
        { role: 'zoomOut', label: 'Perkecil' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Layar penuh' },
      ],
    },
    {
      label: 'Jendela',
      submenu: [
        { role: 'minimize', label: 'Kecilkan' },
        { role: 'close', label: 'Tutup' },
      ],
    },
    {
      label: 'Bantuan',
      submenu: [
        { label: 'Panduan', accelerator: 'F1', click: actions.showHelp },
        { type: 'separator' },
        { label: 'Tentang Lapor Workstation', click: actions.showAbout },
      ],
    },
  ];
}
