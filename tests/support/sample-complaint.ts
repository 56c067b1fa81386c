import type { Complaint } from '../../shared/schemas/complaint.ts';

export function sampleComplaint(change: Partial<Complaint> = {}): Complaint {
  return {
    id: 'c-1',
    instansiId: 'pemprov-kaltim',
    trackingNumber: 'KALTIM-2611-00001',
    title: 'Jalan berlubang di Jl. Juanda membahayakan pengendara',
    body: 'Lubang besar di badan jalan dekat simpang belum diperbaiki.',
    type: 'pengaduan',
    channel: 'web',
    categoryId: 'cat-infrastruktur',
    unitId: 'unit-pupr',
    duplicateOf: '',
    status: 'didisposisi',
    priority: 'sedang',
    anonim: false,
    rahasia: false,
    berkadarPengawasan: false,
    regionCode: '64.72.01.1001',
    locationText: 'Jl. Juanda, Kota Samarinda',
    receivedAt: Date.parse('2026-11-02T01:00:00Z'),
    statusChangedAt: Date.parse('2026-11-03T01:00:00Z'),
    dueAt: Date.parse('2026-11-10T15:59:59.999Z'),
    updatedAt: Date.parse('2026-11-03T01:00:00Z'),
    updatedBy: 'officer-admin-kaltim',
    serverSeq: 10,
    reporter: { name: 'Andi Saputra', phone: '081234567890', email: 'andi@contoh.id' },
    ...change,
  };
}
