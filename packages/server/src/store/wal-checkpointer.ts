import type { Worker } from 'node:worker_threads'
import type { Logger } from '../logger'
import { spawnWorker, stopWorker, workerEntry } from '../threads'
import type { CheckpointWorkerData } from './checkpoint-worker'
import type { Db } from './database'
import { checkpointStep } from './wal-checkpoint'

const WORKER_URL = workerEntry(import.meta.url, 'checkpoint-worker')

/**
 * Checkpoints the write-ahead log from a thread of its own. Left to SQLite, the checkpoint runs inside the commit
 * that crosses `wal_autocheckpoint`, and that commit (with every request waiting on it) took 60–90 ms longer under
 * load. It takes over from the connection it is given (and the writer thread's, opened with
 * `checkpointInCommits: false`). If its thread cannot run, it checkpoints from that connection every second instead.
 *
 * @example
 * const checkpointer = new WalCheckpointer(db, './data/crm.sqlite', logger)
 * await checkpointer.close()
 */
export class WalCheckpointer {
  #worker: Worker | undefined
  #fallback: NodeJS.Timeout | undefined
  #closed = false

  constructor(
    private readonly db: Db,
    path: string,
    private readonly logger?: Logger,
    intervalMs = 200,
    workerUrl: URL = WORKER_URL,
  ) {
    db.pragma('wal_autocheckpoint = 0')
    try {
      const worker = spawnWorker(workerUrl, {
        workerData: { path, intervalMs } satisfies CheckpointWorkerData,
        // It allocates next to nothing: a small young generation keeps its heap, and the process's RSS, small.
        resourceLimits: { maxYoungGenerationSizeMb: 2 },
      })
      worker.unref()
      worker.on('error', (error) => this.#checkpointInThread(error))
      this.#worker = worker
    } catch (error) {
      this.#checkpointInThread(error)
    }
  }

  /** Stops checkpointing (the thread after its current checkpoint) and closes the thread's connection. */
  async close(): Promise<void> {
    this.#closed = true
    clearInterval(this.#fallback)
    const worker = this.#worker
    this.#worker = undefined
    if (!worker) return
    await stopWorker(worker, 'close')
  }

  #checkpointInThread(error: unknown): void {
    this.#worker = undefined
    // A thread that fails while `close()` waits for it must not leave a timer checkpointing a connection its owner
    // is about to close (the next tick would throw from the timer and bring the process down).
    if (this.#closed) return
    this.logger?.warn('WAL checkpointer thread unavailable, checkpointing on the main thread', { error: String(error) })
    this.#fallback = setInterval(() => checkpointStep(this.db), 1000)
    this.#fallback.unref()
  }
}
