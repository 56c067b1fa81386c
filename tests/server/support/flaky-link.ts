import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How long after the last bytes of a cut answer its connection drops. */
const CUT_NOTICED_AFTER_MS = 100;

/** What the link does with one request. */
export type LinkAction =
  | { kind: 'pass'; delayMs?: number }
  /** The request is held on the link and reaches the server `delayMs` late (a slow uplink). */
  | { kind: 'late'; delayMs: number }
  /** The link is down: the connection drops before the server sees anything. */
  | { kind: 'cut-before' }
  /** The server handles the request, then the link drops before the answer arrives. */
  | { kind: 'cut-after' }
  /** The request reaches the server twice (a retransmission); the device sees the second answer. */
  | { kind: 'duplicate' }
  /** The answer starts (headers and this share of its body), then the link drops. */
  | { kind: 'cut-mid-body'; fraction: number };

export type LinkRequest = { method: string; path: string; query: string; index: number };

/**
 * An HTTP proxy between a replica and the server that misbehaves on demand, the way a field
 * connection does: drops, delays, duplicates. Counts what passed, by path.
 */
export class FlakyLink {
  target = '';
  decide: (request: LinkRequest) => LinkAction = () => ({ kind: 'pass' });
  readonly seen: LinkRequest[] = [];
  /** Answer body bytes that went to the device (as sent: compressed when the server compressed). */
  bytesSent = 0;
  private server: Server | null = null;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(target: string): Promise<void> {
    this.target = target;
    this.server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const body = Buffer.concat(chunks);
        const linkRequest = {
          method: incoming.method ?? 'GET',
          path: (incoming.url ?? '/').split('?')[0]!,
          query: (incoming.url ?? '').split('?')[1] ?? '',
          index: this.seen.length,
        };
        this.seen.push(linkRequest);
        const action = this.decide(linkRequest);
        void this.handle(action, incoming, body).then(
          (answer) => {
            if (!answer) {
              outgoing.socket?.destroy();
              return;
            }
            if (action.kind === 'cut-mid-body') {
              const sent = Math.floor(answer.body.length * action.fraction);
              outgoing.writeHead(answer.status, {
                ...answer.headers,
                'content-length': String(answer.body.length),
              });
              this.bytesSent += sent;
              // A dropped link is noticed after the bytes that got through: the connection ends
              // a moment after them, not in the same instant (which undici can race to drop).
              outgoing.write(answer.body.subarray(0, sent), () =>
                setTimeout(() => outgoing.socket?.destroy(), CUT_NOTICED_AFTER_MS),
              );
              return;
            }
            this.bytesSent += answer.body.length;
            outgoing.writeHead(answer.status, answer.headers);
            outgoing.end(answer.body);
          },
          () => outgoing.socket?.destroy(),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private async handle(action: LinkAction, incoming: IncomingMessage, body: Buffer) {
    if (action.kind === 'cut-before') return null;
    if (action.kind === 'late') await new Promise((resolve) => setTimeout(resolve, action.delayMs));
    if (action.kind === 'duplicate') await this.forward(incoming, body);
    const answer = await this.forward(incoming, body);
    if (action.kind === 'cut-after') return null;
    if (action.kind === 'pass' && action.delayMs)
      await new Promise((resolve) => setTimeout(resolve, action.delayMs));
    return answer;
  }

  private forward(incoming: IncomingMessage, body: Buffer) {
    const target = new URL(incoming.url ?? '/', this.target);
    return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
      (resolve, reject) => {
        const headers = { ...incoming.headers, host: target.host };
        const outgoing = httpRequest(
          target,
          { method: incoming.method, headers },
          (response: IncomingMessage) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              const responseHeaders: Record<string, string> = {};
              for (const [name, value] of Object.entries(response.headers)) {
                if (
                  typeof value === 'string' &&
                  name !== 'transfer-encoding' &&
                  name !== 'connection'
                )
                  responseHeaders[name] = value;
              }
              resolve({
                status: response.statusCode ?? 502,
                headers: responseHeaders,
                body: Buffer.concat(chunks),
              });
            });
            response.on('error', reject);
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      },
    );
  }

  count(pathPart: string): number {
    return this.seen.filter((request) => request.path.includes(pathPart)).length;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
