import { createServer } from 'node:net';

/**
 * Whether another process already listens on the port, asked before anything is opened: a second
 * server would otherwise open the same embedded database folder and only then fail to listen.
 */
export function isPortInUse(port: number, host: string): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(true);
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

export function portInUseMessage(port: number, host: string): string {
  return `Port ${port} on ${host} is already in use (a Lapor server still running?): stop that process or set PORT.`;
}
