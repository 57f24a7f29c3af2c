import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Database } from '../src/store/sqlite-driver'
import { afterAll, describe, expect, it } from 'vitest'
import { signUp, startServerProcess } from './server-process'

const dir = mkdtempSync(join(tmpdir(), 'crm-crash-'))
const database = join(dir, 'crm.sqlite')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const BATCHES = 150
const PER_BATCH = 100

function batchBody(index: number) {
  return JSON.stringify({
    batch: Array.from({ length: PER_BATCH }, (_, i) => {
      const n = index * PER_BATCH + i
      return { type: 'purchase', messageId: `m-${n}`, orderId: `o-${n}`, userId: `u-${n % 997}`, amount: (n % 50) + 0.99, currency: 'USD', product: `p-${n % 13}`, timestamp: '2026-03-01T12:00:00Z' }
    }),
  })
}

async function send(url: string, key: string, index: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/v1/batch`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: batchBody(index) })
    if (res.status !== 200) return false
    const body = (await res.json()) as { rejected: unknown[] }
    return body.rejected.length === 0
  } catch {
    return false
  }
}

describe('crash safety', () => {
  it('SIGKILL mid-stream, restart, re-send what was not acknowledged: every event exactly once', async () => {
    const first = await startServerProcess({ CRM_DATABASE: database })
    const key = (await signUp(first.url, 'crash@example.com')).secret

    const acknowledged = new Set<number>()
    let next = 0
    let killed = false
    const worker = async () => {
      while (!killed && next < BATCHES) {
        const index = next++
        if (await send(first.url, key, index)) acknowledged.add(index)
        if (acknowledged.size >= 40 && !killed) {
          killed = true
          first.child.kill('SIGKILL')
        }
      }
    }
    await Promise.all(Array.from({ length: 6 }, worker))
    await first.stop('SIGKILL')
    expect(acknowledged.size).toBeGreaterThanOrEqual(40)
    expect(acknowledged.size).toBeLessThan(BATCHES)

    // What was acknowledged is in the file, whatever else the kill cut short.
    const afterCrash = new Database(database, { readonly: true })
    const stored = new Set((afterCrash.prepare('SELECT order_id AS o FROM purchases').all() as { o: string }[]).map((row) => row.o))
    afterCrash.close()
    for (const index of acknowledged) expect(stored.has(`o-${index * PER_BATCH}`) && stored.has(`o-${index * PER_BATCH + PER_BATCH - 1}`)).toBe(true)

    const second = await startServerProcess({ CRM_DATABASE: database })
    const pending = Array.from({ length: BATCHES }, (_, i) => i).filter((i) => !acknowledged.has(i))
    for (const index of pending) expect(await send(second.url, key, index)).toBe(true)
    // and a client that retries everything anyway changes nothing
    for (const index of [...acknowledged].slice(0, 5)) expect(await send(second.url, key, index)).toBe(true)

    const connection = (await (await fetch(`${second.url}/v1/connection`, { headers: { authorization: `Bearer ${key}` } })).json()) as { counts: { purchases: number; customers: number; refunds: number; events: number } }
    expect(connection.counts).toEqual({ purchases: BATCHES * PER_BATCH, customers: 997, refunds: 0, events: 0 })
    expect(await second.stop('SIGTERM')).toBe(0)

    const db = new Database(database, { readonly: true })
    expect(db.prepare('SELECT count(*) AS n, count(DISTINCT order_id) AS d FROM purchases').get()).toEqual({ n: BATCHES * PER_BATCH, d: BATCHES * PER_BATCH })
    expect(db.prepare('SELECT sum(orders) AS n FROM customers').get()).toEqual({ n: BATCHES * PER_BATCH })
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: BATCHES * PER_BATCH })
    db.close()
  }, 120_000)
})
