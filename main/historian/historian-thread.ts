import { Worker } from 'node:worker_threads';
import { PendingReplies } from './pending-replies.js';
import type { WorkerSettings } from './worker-protocol.js';

/** One of the historian's worker threads, with the replies it still owes. */
export class HistorianThread<In, Out> {
  readonly replies = new PendingReplies();
  private readonly worker: Worker;
  private readonly exit: Promise<void>;
  private alive = true;

  /** `onExit` hears of the thread ending, with the error that ended it if any; replies still owed fail. */
  constructor(entry: string | URL, settings: WorkerSettings, onMessage: (message: Out) => void, onExit: (error: string | null) => void) {
    this.worker = new Worker(entry, { workerData: settings });
    let failure: string | null = null;
    this.worker.on('message', onMessage);
    this.worker.on('error', (error) => (failure = error.message));
    this.exit = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.alive = false;
        this.replies.failAll(new Error(`the history ${settings.role} thread stopped${failure ? ` (${failure})` : ''}`));
        onExit(failure);
        resolve();
      }),
    );
  }

  get running(): boolean {
    return this.alive;
  }

  post(message: In, transfer: readonly ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** Sends the message made for a new reply id; settles with that reply. */
  request<T>(message: (id: number) => In): Promise<T> {
    const { id, reply } = this.replies.open<T>();
    this.post(message(id));
    return reply;
  }

  exited(): Promise<void> {
    return this.exit;
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
    await this.exit;
  }
}
