/**
 * The WAL checkpointer's thread (a tsup entry of its own, `dist/checkpoint-worker.js`): every `intervalMs`, copies
 * the committed pages of the write-ahead log back into the database file, on its own connection.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from './database'
import { checkpointStep } from './wal-checkpoint'

export type CheckpointWorkerData = { path: string; intervalMs: number }

const { path, intervalMs } = workerData as CheckpointWorkerData
// A checkpoint copies pages from the log to the file without the page cache: this connection needs next to none.
const db = openDatabase(path, { checkpointInCommits: false, cacheMiB: 1 })
const timer = setInterval(() => checkpointStep(db), intervalMs)

parentPort?.once('message', () => {
  clearInterval(timer)
  db.close()
  parentPort?.close()
})
