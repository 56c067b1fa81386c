import { describe, expect, it } from 'vitest';
import { ALL_FAULTS, hostOf, planSoakHistory, type SoakDevice } from './plan-soak-history.ts';
import { SOAK_DEVICES, soakDevices } from './soak-devices.ts';

const plan = (seed: number, devices: readonly SoakDevice[] = SOAK_DEVICES) =>
  planSoakHistory({ seed, steps: 400, devices, faults: ALL_FAULTS });

describe('planSoakHistory with ten devices', () => {
  it('plans the same history from the same seed', () => {
    expect(plan(7000)).toEqual(plan(7000));
  });

  it('gives every device work, the second window included', () => {
    const history = plan(7000);
    const working = new Set(
      history.steps.flatMap((step) => ('pick' in step ? [history.devices[step.device]!.name] : [])),
    );
    expect([...working].sort()).toEqual(SOAK_DEVICES.map((device) => device.name).sort());
  });

  it("sends a window's network faults to the device it runs on", () => {
    const window = SOAK_DEVICES.findIndex((device) => device.windowOf);
    expect(window).toBeGreaterThanOrEqual(0);
    for (const seed of [1, 2, 3, 7000]) {
      const faulted = plan(seed).steps.filter(
        (step) => step.kind === 'offline' || step.kind === 'online' || step.kind === 'link-fault',
      );
      expect(faulted.length).toBeGreaterThan(0);
      for (const step of faulted) expect(step.device).not.toBe(window);
    }
    expect(SOAK_DEVICES[hostOf(SOAK_DEVICES, window)]!.name).toBe(SOAK_DEVICES[window]!.windowOf);
  });

  it('refuses a window of a device the history does not have', () => {
    const orphan: SoakDevice[] = [
      { name: 'w', username: 'admin.kaltim', role: 'admin_instansi', windowOf: 'absent' },
    ];
    expect(() => hostOf(orphan, 0)).toThrow(/no device absent/);
  });

  it('drops a window whose device a smaller fleet leaves out', () => {
    const four = soakDevices(4);
    expect(four.map((device) => device.name)).toEqual(
      SOAK_DEVICES.slice(0, 4).map((device) => device.name),
    );
    expect(soakDevices(10)).toHaveLength(10);
    const withoutHost = soakDevices(10).filter((device) => device.name !== 'admin-laptop');
    expect(() => plan(1, withoutHost)).toThrow(/no device admin-laptop/);
  });

  it('has six officers of the three roles, some on two devices', () => {
    const officers = new Map(SOAK_DEVICES.map((device) => [device.username, device.role]));
    expect(officers.size).toBe(6);
    expect(new Set(officers.values())).toEqual(
      new Set(['admin_instansi', 'penghubung', 'koordinator']),
    );
    const devicesOf = (username: string) =>
      SOAK_DEVICES.filter((device) => device.username === username && !device.windowOf).length;
    expect([...officers.keys()].filter((username) => devicesOf(username) >= 2)).toHaveLength(3);
  });
});
