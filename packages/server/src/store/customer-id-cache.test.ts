import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CustomerIdCache } from './customer-id-cache'
import { openDatabase, type Db } from './database'
import { createStores } from './stores'

const dirs: string[] = []
const open: Db[] = []
afterEach(() => {
  for (const db of open.splice(0)) db.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A database file with one app and customers a and b, a second connection to it, and a way to add customers. */
function shop(): { appId: number; reader: Db; addCustomer: (userId: string) => number } {
  const dir = mkdtempSync(join(tmpdir(), 'crm-customer-ids-'))
  dirs.push(dir)
  const path = join(dir, 'crm.sqlite')
  const stores = createStores(openDatabase(path, { synchronous: 'NORMAL' }))
  const reader = openDatabase(path, { synchronous: 'NORMAL' })
  open.push(stores.db, reader)
  stores.accounts.insertUser({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'x', createdAt: 0 })
  const app = stores.apps.insertApp({ publicId: 'app_1', ownerId: 'u1', name: 'Shop', currency: 'USD', timezone: 'UTC', language: 'en', createdAt: 0 })
  const insert = stores.db.prepare<[number, string], number>(
    `INSERT INTO customers (app_id, user_id, traits, created_at, updated_at) VALUES (?, ?, '{}', 0, 0) RETURNING id`,
  )
  const counts = stores.db.prepare('UPDATE apps SET customers_count = customers_count + 1 WHERE id = ?')
  const addCustomer = (userId: string) => {
    counts.run(app.id)
    return insert.pluck().get(app.id, userId)!
  }
  addCustomer('a')
  addCustomer('b')
  return { appId: app.id, reader, addCustomer }
}

describe('CustomerIdCache', () => {
  it('finds the customers stored, and not the others', () => {
    const { appId, reader } = shop()
    const ids = new CustomerIdCache(reader, { createsCustomers: false })
    expect(ids.find(appId, 'a')).toBeTypeOf('number')
    expect(ids.find(appId, 'b')).not.toBe(ids.find(appId, 'a'))
    expect(ids.find(appId, 'nobody')).toBeUndefined()
    expect(ids.find(appId + 1, 'a')).toBeUndefined()
  })

  it('away from the writer, finds a customer created after the app was loaded', () => {
    const { appId, reader, addCustomer } = shop()
    const ids = new CustomerIdCache(reader, { createsCustomers: false })
    expect(ids.find(appId, 'late')).toBeUndefined()
    const late = addCustomer('late')
    expect(ids.find(appId, 'late')).toBe(late)
  })

  it('on the writer, takes a userId missing from a loaded app as new, and keeps what it is told', () => {
    const { appId, reader, addCustomer } = shop()
    const ids = new CustomerIdCache(reader, { createsCustomers: true })
    expect(ids.find(appId, 'a')).toBeTypeOf('number')
    const late = addCustomer('late')
    // Only the writer creates customers: it would have remembered this one.
    expect(ids.find(appId, 'late')).toBeUndefined()
    ids.remember(appId, 'late', late)
    expect(ids.find(appId, 'late')).toBe(late)
    ids.forget()
    expect(ids.find(appId, 'late')).toBe(late)
  })

  it('looks an app too large for the cache up customer by customer', () => {
    const { appId, reader, addCustomer } = shop()
    const ids = new CustomerIdCache(reader, { createsCustomers: true, maxCached: 2 })
    expect(ids.find(appId, 'a')).toBeTypeOf('number')
    // Not loaded whole, so a miss still asks the database.
    const late = addCustomer('late')
    expect(ids.find(appId, 'late')).toBe(late)
  })
})
