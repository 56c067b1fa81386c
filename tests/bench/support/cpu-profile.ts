/** A CPU profile as the DevTools protocol's Profiler.stop answers it. */
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
};

/** Prints where a profile's time went: its length, then self time by function, `top` first. */
export function printSelfTime(profile: CpuProfile, top: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    total += ms;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const key = functionName.startsWith('(')
      ? functionName
      : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  console.log(`profiled ${(total / 1000).toFixed(1)} s; self time, top ${top}:`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${(ms / 1000).toFixed(2).padStart(6)} s  ${key}`);
}
