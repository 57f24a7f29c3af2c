import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LogFields, Logger } from '../logger'
import { type Db, openDatabase } from './database'
import { WalCheckpointer } from './wal-checkpointer'

const MIB = 1024 * 1024
const BAD_WORKER_URL = new URL('./no-such-worker.js', import.meta.url)

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  const ignore = (_message: string, _fields?: LogFields) => {}
  return { warnings, debug: ignore, info: ignore, error: ignore, warn: (message) => warnings.push(message) }
}

const dirs: string[] = []
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function freshDatabase(): { path: string; db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-wal-'))
  dirs.push(dir)
  const path = join(dir, 'crm.sqlite')
  const db = openDatabase(path, { synchronous: 'NORMAL' })
  db.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT')
  cleanups.push(() => {
    if (db.open) db.close()
  })
  return { path, db }
}

function startCheckpointer(db: Db, path: string, logger: Logger, workerUrl?: URL): WalCheckpointer {
  const checkpointer = new WalCheckpointer(db, path, logger, 200, workerUrl)
  cleanups.push(() => checkpointer.close())
  return checkpointer
}

function writeBlobs(db: Db, mebibytes: number): void {
  const insert = db.prepare('INSERT INTO blobs (data) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < mebibytes * 16; i++) insert.run(randomBytes(64 * 1024))
  })()
}

function size(path: string): number {
  return statSync(path).size
}

describe('WalCheckpointer', () => {
  it('copies the log back into the database file from its own thread, the connection no longer checkpointing', async () => {
    const { path, db } = freshDatabase()
    const logger = recordingLogger()
    const checkpointer = startCheckpointer(db, path, logger)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)

    const before = size(path)
    writeBlobs(db, 4)
    expect(size(`${path}-wal`)).toBeGreaterThan(4 * MIB)
    await vi.waitFor(() => expect(size(path)).toBeGreaterThan(before + 4 * MIB), { timeout: 2000, interval: 50 })

    await expect(checkpointer.close()).resolves.toBeUndefined()
    // SQLite removes the WAL file when its last connection closes: the thread's connection is closed.
    db.close()
    expect(existsSync(`${path}-wal`)).toBe(false)
    expect(logger.warnings).toEqual([])
  })

  it('checkpoints from the main thread, saying so once, when its thread cannot start', async () => {
    const { path, db } = freshDatabase()
    const logger = recordingLogger()
    const checkpointer = startCheckpointer(db, path, logger, BAD_WORKER_URL)
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)

    const before = size(path)
    writeBlobs(db, 4)
    await vi.waitFor(() => expect(size(path)).toBeGreaterThan(before + 4 * MIB), { timeout: 2500, interval: 50 })
    expect(logger.warnings).toEqual(['WAL checkpointer thread unavailable, checkpointing on the main thread'])
    await expect(checkpointer.close()).resolves.toBeUndefined()
  })

  it('checkpoints nothing more once closed, even when closed before its failing thread has reported', async () => {
    const { path, db } = freshDatabase()
    const logger = recordingLogger()
    const checkpointer = startCheckpointer(db, path, logger, BAD_WORKER_URL)
    await checkpointer.close()

    const before = size(path)
    writeBlobs(db, 1)
    await sleep(1300)
    expect(size(path)).toBe(before)
  })
})
