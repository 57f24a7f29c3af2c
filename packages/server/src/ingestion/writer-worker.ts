/**
 * The writer thread's entry (a tsup entry of its own, `dist/writer-worker.js`): opens its own connection to the
 * database file and runs the group commits and the two parts of the totals refreshes that the ingestion service
 * posts, one at a time, in the order posted. It answers on the `replies` port it is given, which the main thread
 * also reads synchronously between requests (`WriterThread.takeReplies`).
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads'
import { CustomerTotalsStore, IngestionStore, openDatabase } from '../store'
import { commitGroup } from './commit-group'
import { decodeGroup, type EncodedBatch, type EncodedCommit } from './event-codec'

export type WriterWorkerData = { path: string; synchronous: 'FULL' | 'NORMAL'; checkpointInCommits: boolean }
export type WriterRequest =
  | { id: number; kind: 'write'; batches: EncodedBatch[] }
  | { id: number; kind: 'refresh-totals' }
  | { id: number; kind: 'refresh-customer-histories' }
  | { id: number; kind: 'close' }
export type WriterReply =
  | { ready: true }
  | { id: number; commits: EncodedCommit[] }
  | { id: number; changed: number }
  | { id: number; error: string }

const { path, synchronous, checkpointInCommits, replies } = workerData as WriterWorkerData & { replies: MessagePort }
// The main thread has already migrated the file; this connection only writes events.
// 16 MiB holds the B-tree paths that appends touch; SQLite's page cache counts in the server's RSS, as the main connection's does.
const db = openDatabase(path, { synchronous, checkpointInCommits, cacheMiB: 16 })
const ingestion = new IngestionStore(db)
const totals = new CustomerTotalsStore(db)
// Until this arrives, nothing sent here can have been written: the main thread may still redo it all elsewhere.
replies.postMessage({ ready: true } satisfies WriterReply)

parentPort?.on('message', (request: WriterRequest) => {
  if (request.kind === 'close') {
    // Everything posted before has been answered: close the connection and let the thread end.
    db.close()
    replies.close()
    parentPort?.close()
    return
  }
  let reply: WriterReply
  try {
    reply =
      request.kind === 'write'
        ? { id: request.id, commits: writeGroup(request.batches) }
        : { id: request.id, changed: request.kind === 'refresh-totals' ? totals.refreshTotals() : totals.refreshCustomerHistories() }
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) }
  }
  replies.postMessage(reply)
})

/** One group commit; a batch that does not decode is refused alone, and the others are written. */
function writeGroup(encoded: readonly EncodedBatch[]): EncodedCommit[] {
  const group = decodeGroup(encoded)
  return group.fates(commitGroup(ingestion, group.batches))
}
