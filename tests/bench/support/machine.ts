import { cpus, freemem, loadavg, totalmem, platform, release } from 'node:os';

export type MachineInfo = {
  cpu: string;
  cores: number;
  memoryGb: number;
  freeMemoryGb: number;
  os: string;
  node: string;
  /** 1, 5 and 15 minute load averages when the suite started and ended: others share the cores. */
  loadAtStart: number[];
  loadAtEnd?: number[];
};

export function describeMachine(): MachineInfo {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

export function currentLoad(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}
