import { afterEach, expect, test, vi } from 'vitest'
import { createMessageId } from './message-id'

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => vi.unstubAllGlobals())

test('creates distinct UUID v7 ids', () => {
  const ids = new Set(Array.from({ length: 1000 }, () => createMessageId()))
  expect(ids.size).toBe(1000)
  for (const id of ids) expect(id).toMatch(UUID_V7)
})

test('puts the time first, so later ids sort after earlier ones', () => {
  const at = Date.UTC(2026, 10, 21, 10, 0, 0, 123)
  const id = createMessageId(at)
  expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at)
  const later = Array.from({ length: 100 }, (_, i) => createMessageId(at + 1 + i))
  for (const next of later) expect(next > id).toBe(true)
  expect([...later].sort()).toEqual(later)
})

test('needs only getRandomValues (plain-http pages have no randomUUID)', () => {
  const real = globalThis.crypto
  vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) })
  const ids = new Set(Array.from({ length: 1000 }, () => createMessageId()))
  expect(ids.size).toBe(1000)
  for (const id of ids) expect(id).toMatch(UUID_V7)
})
