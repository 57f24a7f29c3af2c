import type { Db } from './database'

/** Past this size (256 MiB) the write-ahead log is restarted: a checkpoint then waits for the writer. */
export const MAX_WAL_BYTES = 256 * 1024 * 1024

type CheckpointResult = { busy: number; log: number; checkpointed: number }

/**
 * One step of background checkpointing: copies the log's committed pages back into the database file without
 * waiting for, or blocking, anyone (PASSIVE). Under a steady stream of commits a passive checkpoint may never find
 * the log whole and let it restart, so once it holds more than `maxBytes` the step waits for the writer and
 * restarts it (RESTART: the writer is held only while the last few pages are copied).
 *
 * @example
 * setInterval(() => checkpointStep(db), 200)
 */
export function checkpointStep(db: Db, maxBytes = MAX_WAL_BYTES): CheckpointResult {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[]
  if (!result) return { busy: 0, log: 0, checkpointed: 0 }
  // The log counts pages; their size is the database file's.
  const logBytes = result.log * (db.pragma('page_size', { simple: true }) as number)
  return logBytes > maxBytes ? (db.pragma('wal_checkpoint(RESTART)') as CheckpointResult[])[0]! : result
}
