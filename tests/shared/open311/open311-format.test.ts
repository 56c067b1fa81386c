import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  formatTrackingNumber,
  trackingNumberPrefix,
  trackingNumberSerial,
} from '../../../shared/domain/tracking-number.ts';
import {
  isoWithOffset,
  open311Status,
  statusesFor,
} from '../../../shared/open311/open311-records.ts';
import { toXmlDocument } from '../../../shared/open311/open311-xml.ts';
import { flattenIntakeBody, titleFromDescription } from '../../../shared/open311/open311-input.ts';
import { createFixedWindowLimiter } from '../../../server/http/fixed-window-limiter.ts';

describe('tracking numbers', () => {
  it('use the arrival month in the instansi time zone (a WITA new year is still December in UTC)', () => {
    const newYearWita = Date.parse('2026-12-31T16:30:00Z'); // 00:30 on 1 January 2027 WITA
    expect(formatTrackingNumber('KALTIM', newYearWita, 42, 480)).toBe('KALTIM-2701-00042');
    expect(formatTrackingNumber('KALTIM', newYearWita, 42, 420)).toBe('KALTIM-2612-00042');
  });

  it('take the prefix from the last word of the short name, and read the serial back', () => {
    expect(trackingNumberPrefix('Pemprov Kaltim')).toBe('KALTIM');
    expect(trackingNumberPrefix('Pemkot Semarang')).toBe('SEMARANG');
    expect(trackingNumberSerial('KALTIM-2611-01993')).toBe(1993);
    expect(trackingNumberSerial('bukan nomor')).toBeNull();
  });
});

describe('Open311 records', () => {
  it('map every status to open or closed, and back', () => {
    expect(statusesFor('closed').sort()).toEqual(['bukan_wewenang', 'diarsipkan', 'selesai']);
    expect(statusesFor('open')).toHaveLength(4);
    expect(open311Status('ditindaklanjuti')).toBe('open');
  });

  it('write times with the instansi offset', () => {
    expect(isoWithOffset(Date.parse('2026-11-20T03:00:00Z'), 480)).toBe(
      '2026-11-20T11:00:00+08:00',
    );
    expect(isoWithOffset(Date.parse('2026-11-20T20:00:00Z'), 540)).toBe(
      '2026-11-21T05:00:00+09:00',
    );
  });

  it('escape markup and drop characters XML cannot carry', () => {
    const xml = toXmlDocument('service_requests', 'request', [
      { description: 'a < b & "c" \u0001 </request>', lat: '', metadata: true },
    ]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser().parse(xml);
    expect(parsed.service_requests.request.description).toBe('a < b & "c"  </request>');
    expect(xml).toContain('<lat/>');
  });
});

describe('intake input', () => {
  it('gathers attribute[…] form fields and a nested attribute object into one', () => {
    expect(
      flattenIntakeBody({ 'attribute[jenis]': 'aspirasi', attribute: { anonim: 'true' }, a: '1' }),
    ).toEqual({ a: '1', attribute: { jenis: 'aspirasi', anonim: 'true' } });
    expect(flattenIntakeBody('text')).toEqual({});
  });

  it('makes a title from the first meaningful line, cut at a word', () => {
    expect(titleFromDescription('Ok\nJalan berlubang di depan pasar\nrinci')).toBe(
      'Jalan berlubang di depan pasar',
    );
    const long = titleFromDescription('kata '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(121);
    expect(long.endsWith('kata…')).toBe(true);
  });
});

describe('fixed-window limiter', () => {
  it('allows max requests per key per window, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = createFixedWindowLimiter({ max: 2, windowMs: 60_000, now: () => now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    now += 15_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 45_000;
    expect(limiter.take('a').allowed).toBe(true);
  });
});
