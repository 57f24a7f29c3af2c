import { expect, test } from 'vitest'
import { MemoryStorage } from '../../test/memory-storage'
import { createEventStore } from './event-store'

test('a later page adopts what earlier pages of the same scope saved, and only that', () => {
  const storage = new MemoryStorage()
  createEventStore(storage, 'crm_pk_aaaa', 1000).save(['{"a":1}', '{"a":2}'])
  createEventStore(storage, 'crm_pk_aaaa', 1000).save(['{"a":3}'])
  createEventStore(storage, 'crm_pk_bbbb', 1000).save(['{"b":1}'])
  const adopted = createEventStore(storage, 'crm_pk_aaaa', 1000).adopt()
  expect(adopted.sort()).toEqual(['{"a":1}', '{"a":2}', '{"a":3}'])
  expect([...storage.items.keys()]).toEqual([expect.stringMatching(/^crm-sdk:crm_pk_bbbb:/)])
})

test('saves the oldest events that fit the bound, and clears its key when empty', () => {
  const storage = new MemoryStorage()
  const store = createEventStore(storage, 'crm_pk_aaaa', 20)
  store.save(['{"n":"0001"}', '{"n":"0002"}', '{"n":"0003"}'])
  expect([...storage.items.values()]).toEqual(['{"n":"0001"}'])
  store.save([])
  expect(storage.length).toBe(0)
})
