import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'

/**
 * The URL of a worker entry that sits beside the calling module: its `.ts` source when the caller runs from source
 * (vitest, tsx), the bundled `.js` entry of the same name in `dist/` once built.
 *
 * @example
 * const url = workerEntry(import.meta.url, 'writer-worker') // …/src/ingestion/writer-worker.ts or …/dist/writer-worker.js
 */
export function workerEntry(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl)
}

/**
 * Starts a worker thread from an entry given by `workerEntry`. A `.ts` entry goes through tsx's require hook (a dev
 * dependency, there whenever the sources run): on Node 20 neither `execArgv: ['--import', 'tsx']` nor tsx's ESM
 * hooks reach a worker's own modules.
 *
 * @example
 * const worker = spawnWorker(workerEntry(import.meta.url, 'statistics-worker'))
 */
export function spawnWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options)
  const require = createRequire(import.meta.url)
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(fileURLToPath(entry))})`
  return new Worker(bootstrap, { ...options, eval: true })
}

/**
 * Asks a worker to end with `message` (it closes what it holds, then lets its thread finish) and resolves when it
 * has exited; the worker is referenced meanwhile, so the process waits for it.
 *
 * @example
 * await stopWorker(worker, 'close')
 */
export async function stopWorker(worker: Worker, message: unknown): Promise<void> {
  const exited = new Promise((done) => worker.once('exit', done))
  worker.ref()
  worker.postMessage(message)
  await exited
}
