import { parseTabMessage, type TabMessage } from './tab-messages.ts';

/** The BroadcastChannel the windows of one officer's replica talk over. */
export class TabChannel {
  private readonly channel: BroadcastChannel;

  constructor(replicaName: string, onMessage: (message: TabMessage) => void) {
    this.channel = new BroadcastChannel(`lapor-sync|${replicaName}`);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const message = parseTabMessage(event.data);
      if (message) onMessage(message);
    };
  }

  /** Reaches every other window of this replica (not this one). */
  post(message: TabMessage): void {
    this.channel.postMessage(message);
  }

  close(): void {
    this.channel.onmessage = null;
    this.channel.close();
  }
}
