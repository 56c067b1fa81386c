import { BehaviorSubject } from 'rxjs';

/**
 * Runs one sync job at a time, again whenever asked while it ran, and again after `retryMs`
 * when it failed (offline, server down, a refusal limit reached). Paused, it runs nothing until
 * started; a job already running finishes.
 */
export class SyncLoop {
  readonly active$ = new BehaviorSubject(false);
  private readonly job: (paused: () => boolean) => Promise<void>;
  private readonly retryMs: number;
  private wanted = false;
  private running: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private paused = false;
  private idleWaiters: (() => void)[] = [];

  /** `job` is handed a check it should make between steps: once paused, it stops early. */
  constructor(job: (paused: () => boolean) => Promise<void>, retryMs: number) {
    this.job = job;
    this.retryMs = retryMs;
  }

  /** Asks for a run; several asks while one runs make one more run. */
  request(): void {
    this.wanted = true;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (!this.paused && !this.running) this.running = this.drain();
  }

  pause(): void {
    this.paused = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  start(): void {
    this.paused = false;
    this.request();
  }

  /** Resolves once the run under way (if any) has finished; for closing after `pause`. */
  async stopped(): Promise<void> {
    await this.running;
  }

  /** Resolves once nothing is asked for, running or waiting to be retried. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return !this.running && !this.wanted && this.retryTimer === null;
  }

  private async drain(): Promise<void> {
    this.active$.next(true);
    let failed = false;
    while (this.wanted && !this.paused) {
      this.wanted = false;
      try {
        await this.job(() => this.paused);
      } catch {
        failed = true;
        break;
      }
    }
    this.running = null;
    if (failed && !this.paused) {
      this.wanted = true;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.request();
      }, this.retryMs);
    }
    this.active$.next(false);
    if (this.isIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
