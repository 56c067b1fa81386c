import type { BrowserContext, Page } from '@playwright/test';

/** A link as Chromium's network emulation shapes it. */
export type LinkSettings = { downKbps: number; upKbps: number; rttMs: number };

/** The rural connection the figures are measured on: 1 Mbps down, 512 kbps up, 300 ms RTT. */
export const RURAL_LINK: LinkSettings = { downKbps: 1000, upKbps: 512, rttMs: 300 };

/** Shapes every request of `page` (loopback included) through CDP's network emulation. */
export async function emulateLink(
  context: BrowserContext,
  page: Page,
  link: LinkSettings,
): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: link.rttMs,
    downloadThroughput: (link.downKbps * 1000) / 8,
    uploadThroughput: (link.upKbps * 1000) / 8,
  });
}

export function describeLink(link: LinkSettings): string {
  return `${link.downKbps} kbps turun / ${link.upKbps} kbps naik / RTT ${link.rttMs} ms`;
}
