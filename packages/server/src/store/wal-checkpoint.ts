import type { Db } from './database'

/** Past this many pages (256 MiB) in the write-ahead log, a checkpoint waits for the writer so the log can restart. */
export const MAX_WAL_PAGES = 65_536

type CheckpointResult = { busy: number; log: number; checkpointed: number }

/**
 * One step of background checkpointing: copies the log's committed pages back into the database file without
 * waiting for, or blocking, anyone (PASSIVE). Under a steady stream of commits a passive checkpoint may never find
 * the log whole and let it restart, so once it holds more than `maxPages` the step waits for the writer and
 * restarts it (RESTART: the writer is held only while the last few pages are copied).
 *
 * @example
 * setInterval(() => checkpointStep(db), 200)
 */
export function checkpointStep(db: Db, maxPages = MAX_WAL_PAGES): CheckpointResult {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[]
  if (result && result.log > maxPages) return (db.pragma('wal_checkpoint(RESTART)') as CheckpointResult[])[0]!
  return result ?? { busy: 0, log: 0, checkpointed: 0 }
}
