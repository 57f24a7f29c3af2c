import type { Worker } from 'node:worker_threads'
import type { Logger } from '../logger'
import { spawnWorker, workerEntry } from '../threads'
import { runStatisticsTask, type StatisticsResult, type StatisticsTask } from './statistics-tasks'
import type { StatisticsReply, StatisticsRequest } from './statistics-worker'

/** Runs a statistics task somewhere off the caller's hands and resolves with its result. */
export type StatisticsRunner = <Task extends StatisticsTask>(task: Task) => Promise<StatisticsResult<Task>>

/**
 * Runs the task on the calling thread (the fallback, and what a benchmark of the stages measures).
 *
 * @example
 * const fits = await runInThread({ kind: 'customer-model', histories, minorToMajor: 0.01 })
 */
export const runInThread: StatisticsRunner = async (task) => runStatisticsTask(task)

type Pending = { task: StatisticsTask; resolve: (result: unknown) => void; reject: (error: Error) => void }

const WORKER_URL = workerEntry(import.meta.url, 'statistics-worker')

/**
 * A worker thread for the insights' statistics, so a 100 000-customer fit never holds the event loop that serves
 * ingestion. Started at a task, it keeps the process alive only while a task is running, and ends after `idleMs`
 * without one: an idle worker still holds some 20 MB of RSS (its isolate and its own copy of the analytics modules),
 * and a new one is ready in about a tenth of a second. If it cannot start or dies, the tasks it had and all later ones
 * run in-thread, and that is logged once.
 *
 * @example
 * const statistics = new StatisticsThread(logger)
 * const { bgNbd } = await statistics.run({ kind: 'customer-model', histories, minorToMajor: 0.01 })
 * await statistics.close()
 */
export class StatisticsThread {
  #worker: Worker | undefined
  #broken = false
  #closed = false
  #nextId = 0
  #idleTimer: NodeJS.Timeout | undefined
  readonly #pending = new Map<number, Pending>()

  /** `workerUrl` is for tests of the fallback; the default is the worker beside this module. */
  constructor(
    private readonly logger?: Logger,
    private readonly workerUrl: URL = WORKER_URL,
    private readonly idleMs = 30_000,
  ) {}

  /** Whether a worker thread is there now (between a task and the end of its idle time). */
  get started(): boolean {
    return this.#worker !== undefined
  }

  readonly run: StatisticsRunner = (task) => {
    const worker = this.#closed || this.#broken ? undefined : this.#start()
    if (!worker) return runInThread(task)
    clearTimeout(this.#idleTimer)
    return new Promise((resolve, reject) => {
      const id = this.#nextId++
      this.#pending.set(id, { task, resolve: resolve as (result: unknown) => void, reject })
      worker.ref()
      worker.postMessage({ id, task } satisfies StatisticsRequest)
    })
  }

  /** Stops the worker; tasks still running are finished in-thread. */
  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#idleTimer)
    const worker = this.#worker
    this.#worker = undefined
    if (!worker) return
    worker.removeAllListeners()
    await worker.terminate()
    this.#runPendingInThread()
  }

  #start(): Worker | undefined {
    if (this.#worker) return this.#worker
    try {
      // Its garbage is one task's at a time (100 000 customers' histories as objects): a young generation of 4 MiB
      // holds it as fast, where V8's default grows to 48 and keeps them in the RSS.
      const worker = spawnWorker(this.workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: 4 } })
      worker.unref()
      worker.on('message', (reply: StatisticsReply) => this.#settle(reply))
      worker.on('error', (error) => this.#fail(error))
      worker.on('exit', (code) => this.#fail(new Error(`statistics worker exited with code ${code}`)))
      this.#worker = worker
      return worker
    } catch (error) {
      this.#fail(error)
      return undefined
    }
  }

  #settle(reply: StatisticsReply): void {
    const pending = this.#pending.get(reply.id)
    if (!pending) return
    this.#pending.delete(reply.id)
    if (this.#pending.size === 0) {
      this.#worker?.unref()
      this.#idleTimer = setTimeout(() => this.#stopIdle(), this.idleMs).unref()
    }
    if ('error' in reply) pending.reject(new Error(reply.error))
    else pending.resolve(reply.result)
  }

  #stopIdle(): void {
    const worker = this.#worker
    if (!worker || this.#pending.size > 0) return
    this.#worker = undefined
    worker.removeAllListeners()
    void worker.terminate()
  }

  #fail(error: unknown): void {
    if (this.#closed) return
    const worker = this.#worker
    this.#worker = undefined
    this.#broken = true
    worker?.removeAllListeners()
    void worker?.terminate()
    this.logger?.warn('insights statistics worker unavailable, computing in-thread', { error: String(error) })
    this.#runPendingInThread()
  }

  #runPendingInThread(): void {
    const pending = [...this.#pending.values()]
    this.#pending.clear()
    for (const { task, resolve, reject } of pending) runInThread(task).then(resolve, reject)
  }
}
