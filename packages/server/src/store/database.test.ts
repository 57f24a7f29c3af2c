import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Database } from './sqlite-driver'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, openDatabase } from './database'
import { MAX_WAL_BYTES } from './wal-checkpoint'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('openDatabase', () => {
  it('creates the file and its folder, in WAL mode with durable commits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-db-'))
    dirs.push(dir)
    const db = openDatabase(join(dir, 'nested', 'crm.sqlite'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    // A restarted log keeps its file (up to the size that triggers a restart), so new frames overwrite old blocks.
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(MAX_WAL_BYTES)
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1)
    db.close()
  })

  it('creates a new file with 8 KiB pages, and keeps the page size of an existing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-db-'))
    dirs.push(dir)
    const created = openDatabase(join(dir, 'new.sqlite'))
    expect(created.pragma('page_size', { simple: true })).toBe(8192)
    created.close()

    const oldPath = join(dir, 'old.sqlite')
    const old = new Database(oldPath)
    old.pragma('journal_mode = WAL')
    old.exec('CREATE TABLE kept (x INTEGER) STRICT')
    old.close()
    const reopened = openDatabase(oldPath)
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096)
    expect(reopened.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1)
    reopened.close()
  })

  it('makes STRICT tables that refuse a wrong type', () => {
    const db = openDatabase(':memory:')
    expect(() =>
      db.prepare("INSERT INTO users (id, name, email, password_hash, created_at) VALUES ('u', 'n', 'e', 'h', 'soon')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/)
  })
})

describe('migrate', () => {
  it('applies only newer migrations, and rolls back a failing one whole', () => {
    const db = openDatabase(':memory:', { migrations: [] })
    expect(migrate(db, [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' }])).toEqual([1])
    expect(migrate(db, [{ version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' }])).toEqual([])
    expect(() =>
      migrate(db, [{ version: 2, name: 'bad', sql: 'CREATE TABLE b (x INTEGER) STRICT; SELECT * FROM missing;' }]),
    ).toThrow()
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 })
  })
})
