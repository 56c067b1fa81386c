import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback proxy in front of the central server that cuts chosen answers mid-body: it reads
 * the whole answer, sends its headers (with the full length) and the first part, then drops the
 * connection, as a rural link does. Every other answer (the live stream too) streams through.
 * Counts the API answer bytes that went to the browser (as sent: compressed when compressed);
 * the web build's files are left out of the count.
 */
export class CuttingProxy {
  /** Whether to cut this request's answer, and where (a fraction of the body); null passes it. */
  decide: (path: string) => number | null = () => null;
  bytesSent = 0;
  cuts = 0;
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(target: string): Promise<void> {
    const upstream = new URL(target);
    this.server = createServer((incoming, outgoing) => {
      const path = (incoming.url ?? '/').split('?')[0]!;
      const cutAt = this.decide(path);
      const counted = path.startsWith('/api/');
      const forwarded = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, host: upstream.host },
        },
        (answer) => {
          if (cutAt === null) {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.on('data', (chunk: Buffer) => {
              if (counted) this.bytesSent += chunk.length;
            });
            answer.pipe(outgoing);
            return;
          }
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const body = Buffer.concat(chunks);
            const headers = { ...answer.headers, 'content-length': String(body.length) };
            delete headers['transfer-encoding'];
            const sent = Math.floor(body.length * cutAt);
            this.bytesSent += sent;
            this.cuts += 1;
            outgoing.writeHead(answer.statusCode ?? 502, headers);
            outgoing.write(body.subarray(0, sent), () => outgoing.socket?.destroy());
          });
        },
      );
      forwarded.on('error', () => outgoing.socket?.destroy());
      incoming.pipe(forwarded);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
