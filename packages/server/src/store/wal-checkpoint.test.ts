import { describe, expect, it } from 'vitest'
import type { Db } from './database'
import { checkpointStep } from './wal-checkpoint'

/** A connection whose log holds `pages` pages of `pageSize` bytes; it records the pragmas it is sent. */
function connectionWithLog(pages: number, pageSize: number): { db: Db; sent: string[] } {
  const sent: string[] = []
  const pragma = (statement: string) => {
    sent.push(statement)
    if (statement === 'page_size') return pageSize
    return [{ busy: 0, log: pages, checkpointed: statement.includes('RESTART') ? pages : pages - 1 }]
  }
  return { db: { pragma } as unknown as Db, sent }
}

describe('checkpointStep', () => {
  it('restarts the log once it holds more bytes than the limit, whatever the page size', () => {
    const small = connectionWithLog(100, 8192)
    expect(checkpointStep(small.db, 100 * 8192)).toEqual({ busy: 0, log: 100, checkpointed: 99 })
    expect(small.sent).toEqual(['wal_checkpoint(PASSIVE)', 'page_size'])

    const large = connectionWithLog(100, 8192)
    expect(checkpointStep(large.db, 100 * 8192 - 1)).toEqual({ busy: 0, log: 100, checkpointed: 100 })
    expect(large.sent).toEqual(['wal_checkpoint(PASSIVE)', 'page_size', 'wal_checkpoint(RESTART)'])

    const oldPages = connectionWithLog(150, 4096)
    checkpointStep(oldPages.db, 100 * 8192)
    expect(oldPages.sent).not.toContain('wal_checkpoint(RESTART)')
  })
})
