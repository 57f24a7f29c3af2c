import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads'
import type { Logger } from '../logger'
import type { EventBatchWrite } from '../store'
import { spawnWorker, stopWorker, workerEntry } from '../threads'
import type { BatchCommit } from './commit-group'
import { decodeCommit, decodeGroup, encodeBatch } from './event-codec'
import type { EventWriter } from './event-writer'
import type { WriterReply, WriterRequest, WriterWorkerData } from './writer-worker'

type Pending = {
  request: WriterRequest
  resolve: (reply: WriterReply) => void
  reject: (error: Error) => void
  /** The answer, as the caller awaits it. */
  reply: Promise<WriterReply>
}

const WORKER_URL = workerEntry(import.meta.url, 'writer-worker')

/**
 * Runs ingestion's group commits on a worker thread with its own connection to the database file, so the event
 * loop goes on reading and validating the next requests while SQLite writes and syncs the last ones: the two
 * halves of ingestion run on two cores. Reads stay on the main connection and see every acknowledged write (WAL).
 *
 * If the worker cannot start, everything goes to `fallback` (this thread) and that is logged. If it dies later,
 * the writes it held are refused (their fate is unknown, so their requests fail and the client retries them; ids
 * make the retry safe) and later writes go to `fallback`.
 *
 * @example
 * const writer = new WriterThread({ path, synchronous: 'FULL', checkpointInCommits: false }, new InThreadWriter(store, totals))
 * const [commit] = await writer.write([{ appId, appCurrency: 'USD', receivedAt: Date.now(), events }])
 */
export class WriterThread implements EventWriter {
  #worker: Worker | undefined
  /** Where the worker answers: read by its 'message' event, and at once by `takeReplies()`. */
  #replies: MessagePort | undefined
  /** The worker has opened the database and taken requests: from then on, a write it holds may be done. */
  #started = false
  #closed = false
  #nextId = 0
  readonly #pending = new Map<number, Pending>()

  constructor(
    database: WriterWorkerData,
    private readonly fallback: EventWriter,
    private readonly logger?: Logger,
    workerUrl: URL = WORKER_URL,
  ) {
    try {
      const { port1, port2 } = new MessageChannel()
      const worker = spawnWorker(workerUrl, {
        workerData: { ...database, replies: port2 } satisfies WriterWorkerData & { replies: MessagePort },
        transferList: [port2],
        // Its garbage is one group's events at a time: a young generation of 8 MiB holds it, where V8's default grows to 48.
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      })
      worker.unref()
      port1.on('message', (reply: WriterReply) => this.#settle(reply))
      port1.unref()
      this.#replies = port1
      worker.on('error', (error) => this.#fail(error))
      worker.on('exit', (code) => this.#fail(new Error(`writer thread exited with code ${code}`)))
      this.#worker = worker
    } catch (error) {
      this.#fail(error)
    }
  }

  async write(batches: readonly EventBatchWrite[]): Promise<BatchCommit[]> {
    if (!this.#worker) return this.fallback.write(batches)
    const reply = await this.#request({ id: this.#nextId++, kind: 'write', batches: batches.map(encodeBatch) })
    if ('commits' in reply) return reply.commits.map(decodeCommit)
    throw new Error('error' in reply ? reply.error : 'unexpected reply from the writer thread')
  }

  /**
   * Settles now the writes whose answers have arrived, without waiting for the event loop to deliver them: called
   * between requests, it hands the writer its next group sooner.
   *
   * @example
   * writer.takeReplies() // the awaiting writes resolve in the next microtask
   */
  takeReplies(): void {
    const replies = this.#replies
    if (!replies || this.#pending.size === 0) return
    for (let message = receiveMessageOnPort(replies); message !== undefined; message = receiveMessageOnPort(replies)) {
      this.#settle(message.message as WriterReply)
    }
  }

  /**
   * The totals, then the customers' histories (`customer_purchases`, `customer_activity`), in two requests, with
   * the writes that waited behind the first let in before the second: under load a refresh of a million purchases
   * (1.5–2 s, split about evenly) then holds each request for one of its parts, not for both.
   */
  async refreshTotals(): Promise<number> {
    if (!this.#worker) return this.fallback.refreshTotals()
    const changed = changedIn(await this.#request({ id: this.#nextId++, kind: 'refresh-totals' }))
    // The group commit queued behind the first part settles, and the ingestion service hands over the next one
    // (everything that arrived meanwhile) in the same turn: the second part goes after it.
    await this.#writesSettled()
    await new Promise((resolve) => setImmediate(resolve))
    if (!this.#worker) await this.fallback.refreshTotals()
    else changedIn(await this.#request({ id: this.#nextId++, kind: 'refresh-customer-histories' }))
    return changed
  }

  /** Lets the worker finish what it was sent, close its connection and exit. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    const worker = this.#worker
    this.#worker = undefined
    if (worker) {
      await stopWorker(worker, { id: this.#nextId++, kind: 'close' } satisfies WriterRequest)
      this.takeReplies()
      this.#closeReplies()
      for (const { reject } of this.#pending.values()) reject(new Error('The writer thread was closed.'))
      this.#pending.clear()
    }
    await this.fallback.close()
  }

  /** Resolves once no write sent so far awaits its answer. */
  #writesSettled(): Promise<void> {
    const writes = [...this.#pending.values()].filter(({ request }) => request.kind === 'write')
    const settled = writes.map(({ reply }) => reply.then(noop, noop))
    return Promise.all(settled).then(noop)
  }

  #request(request: WriterRequest): Promise<WriterReply> {
    const worker = this.#worker!
    let resolve!: Pending['resolve']
    let reject!: Pending['reject']
    const reply = new Promise<WriterReply>((onReply, onError) => {
      resolve = onReply
      reject = onError
    })
    this.#pending.set(request.id, { request, resolve, reject, reply })
    // Referenced while it holds work, so the process waits for acknowledged-to-be writes; idle, it keeps nothing alive.
    worker.ref()
    this.#replies?.ref()
    worker.postMessage(request)
    return reply
  }

  #settle(reply: WriterReply): void {
    if ('ready' in reply) {
      this.#started = true
      return
    }
    const pending = this.#pending.get(reply.id)
    if (!pending) return
    this.#pending.delete(reply.id)
    if (this.#pending.size === 0) {
      this.#worker?.unref()
      this.#replies?.unref()
    }
    pending.resolve(reply)
  }

  #fail(error: unknown): void {
    if (this.#closed) return
    const worker = this.#worker
    this.#worker = undefined
    worker?.removeAllListeners()
    void worker?.terminate()
    this.#closeReplies()
    const pending = [...this.#pending.values()]
    this.#pending.clear()
    if (!this.#started) {
      // It never ran, so nothing it was sent was written: all of it goes to the fallback.
      this.logger?.warn('writer thread unavailable, writing on the main thread', { error: String(error) })
      for (const { request, resolve, reject } of pending) this.#runInFallback(request).then(resolve, reject)
      return
    }
    this.logger?.error('writer thread stopped, writing on the main thread from now on', { error: String(error) })
    for (const { reject } of pending) reject(new Error('The write was interrupted; send it again.'))
  }

  /** The reply port is ours to close: left open (and referenced while writes were pending) it could hold the process. */
  #closeReplies(): void {
    this.#replies?.close()
    this.#replies = undefined
  }

  async #runInFallback(request: WriterRequest): Promise<WriterReply> {
    if (request.kind === 'write') {
      const group = decodeGroup(request.batches)
      return { id: request.id, commits: group.fates(await this.fallback.write(group.batches)) }
    }
    if (request.kind === 'close') return { id: request.id, changed: 0 }
    // Either part of a refresh: the fallback's refresh does both.
    return { id: request.id, changed: await this.fallback.refreshTotals() }
  }
}

const noop = () => {}

/** The count a refresh request answered, or its error thrown. */
function changedIn(reply: WriterReply): number {
  if ('changed' in reply) return reply.changed
  throw new Error('error' in reply ? reply.error : 'unexpected reply from the writer thread')
}
