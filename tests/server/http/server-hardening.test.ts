import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_LOCKOUT_POLICY,
  describeWait,
  lockDurationMs,
  throttleKey,
} from '../../../server/auth/login-throttle.ts';
import { DEFAULT_BODY_LIMIT_BYTES, readServerConfig } from '../../../server/config.ts';
import {
  inspectJsonText,
  MAX_JSON_DEPTH,
  safeJsonStringify,
} from '../../../server/http/json-body.ts';

describe('lockout back-off', () => {
  const policy = DEFAULT_LOCKOUT_POLICY;

  it('does not lock before the threshold, then doubles from the first lock up to the maximum', () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(
      (failures) => lockDurationMs(failures, policy) / 60_000,
    );
    expect(minutes).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('never exceeds the maximum however many failures pile up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (failures) => {
        const lock = lockDurationMs(failures, policy);
        return lock >= 0 && lock <= policy.maxLockMs && Number.isFinite(lock);
      }),
    );
  });

  it('counts a username case- and space-insensitively, as the login looks it up', () => {
    expect(throttleKey('  Admin.Kaltim ')).toBe('admin.kaltim');
  });

  it('says in Indonesian how long to wait, rounded up', () => {
    expect(describeWait(400)).toBe('1 detik');
    expect(describeWait(45_000)).toBe('45 detik');
    expect(describeWait(60_000)).toBe('1 menit');
    expect(describeWait(61_000)).toBe('2 menit');
    expect(describeWait(60 * 60_000)).toBe('1 jam');
    expect(describeWait(65 * 60_000)).toBe('1 jam 5 menit');
  });
});

describe('JSON bodies', () => {
  it('accepts ordinary documents, escapes included', () => {
    const text = JSON.stringify([
      { newDocumentState: { id: 'a', title: 'Jalan "rusak" \\ berlubang 😀 \n', reporter: {} } },
    ]);
    expect(inspectJsonText(text, MAX_JSON_DEPTH)).toBeNull();
    expect(inspectJsonText('{"a":"\\ud83d\\ude00"}', MAX_JSON_DEPTH)).toBeNull();
  });

  it('refuses nesting deeper than the limit, but not brackets inside strings', () => {
    expect(inspectJsonText('['.repeat(33) + ']'.repeat(33), 32)).toBe('too_deep');
    expect(inspectJsonText('['.repeat(32) + ']'.repeat(32), 32)).toBeNull();
    expect(inspectJsonText(JSON.stringify({ a: '[[[[[[[[[[' }), 3)).toBeNull();
  });

  it('refuses what PostgreSQL cannot store: NUL and unpaired surrogates', () => {
    expect(inspectJsonText('{"a":"x\\u0000"}', 32)).toBe('nul');
    expect(inspectJsonText('{"a":"x\\ud800"}', 32)).toBe('lone_surrogate');
    expect(inspectJsonText('{"a":"x\\ud800y"}', 32)).toBe('lone_surrogate');
    expect(inspectJsonText('{"a":"\\udc00"}', 32)).toBe('lone_surrogate');
    // An escaped backslash followed by "u0000" is text, not a NUL.
    expect(inspectJsonText('{"a":"\\\\u0000"}', 32)).toBeNull();
  });

  it('writes markup characters as escapes, and every value reads back unchanged', () => {
    const value = { title: '<script>alert("x")</script> & \u2028\u2029' };
    const text = safeJsonStringify(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
    fc.assert(
      fc.property(fc.jsonValue(), (any) => {
        const text = safeJsonStringify(any);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(any)));
      }),
    );
  });
});

describe('server configuration from the environment', () => {
  it('has safe defaults', () => {
    const config = readServerConfig({});
    expect(config.bodyLimitBytes).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(config.behindTls).toBe(false);
    expect(config.trustProxy).toBe(false);
    expect(config.lockout).toEqual({ afterFailures: 5, firstLockMs: 60_000, maxLockMs: 3_600_000 });
    expect(config.shutdownTimeoutMs).toBe(10_000);
  });

  it('seeds the demo officers (a published password) only into the embedded database by default', () => {
    expect(readServerConfig({}).seedDemo).toBe(true);
    expect(readServerConfig({ DATABASE_URL: 'postgres://db/lapor' }).seedDemo).toBe(false);
    expect(
      readServerConfig({ DATABASE_URL: 'postgres://db/lapor', LAPOR_SEED_DEMO: 'true' }).seedDemo,
    ).toBe(true);
    expect(readServerConfig({ LAPOR_SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('reads every hardening setting', () => {
    const config = readServerConfig({
      LAPOR_BODY_LIMIT_BYTES: '1048576',
      LAPOR_BEHIND_TLS: 'true',
      LAPOR_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      LAPOR_LOCKOUT_AFTER_FAILURES: '3',
      LAPOR_LOCKOUT_FIRST_SECONDS: '30',
      LAPOR_LOCKOUT_MAX_MINUTES: '120',
      LAPOR_SHUTDOWN_TIMEOUT_SECONDS: '2.5',
    });
    expect(config).toMatchObject({
      bodyLimitBytes: 1_048_576,
      behindTls: true,
      trustProxy: '10.0.0.0/8, 127.0.0.1',
      lockout: { afterFailures: 3, firstLockMs: 30_000, maxLockMs: 7_200_000 },
      shutdownTimeoutMs: 2500,
    });
    expect(readServerConfig({ LAPOR_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('stops with the variable named when a value is wrong', () => {
    expect(() => readServerConfig({ LAPOR_BODY_LIMIT_BYTES: '10' })).toThrow(
      /LAPOR_BODY_LIMIT_BYTES/,
    );
    expect(() => readServerConfig({ LAPOR_BEHIND_TLS: 'yes' })).toThrow(/LAPOR_BEHIND_TLS/);
  });
});
