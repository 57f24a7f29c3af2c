import { afterEach, expect, test, vi } from 'vitest'
import { createMessageId } from './message-id'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => vi.unstubAllGlobals())

test('creates distinct UUID v4 ids', () => {
  const ids = new Set(Array.from({ length: 1000 }, createMessageId))
  expect(ids.size).toBe(1000)
  for (const id of ids) expect(id).toMatch(UUID_V4)
})

test('builds the same format without randomUUID (plain-http pages)', () => {
  const real = globalThis.crypto
  vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) })
  expect(crypto.randomUUID).toBeUndefined()
  const ids = new Set(Array.from({ length: 1000 }, createMessageId))
  expect(ids.size).toBe(1000)
  for (const id of ids) expect(id).toMatch(UUID_V4)
})
