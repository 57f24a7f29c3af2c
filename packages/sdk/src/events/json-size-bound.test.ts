import { expect, test } from 'vitest'
import { jsonSizeBound } from './json-size-bound'

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length

test('never under the real size, for ASCII, multi-byte and escaped text', () => {
  const samples = [
    { orderId: 'o1', amount: 19.99, currency: 'USD', properties: { channel: 'web', tags: ['a', 'b'], nested: { ok: true, none: null } } },
    { note: '€'.repeat(1000), emoji: '🛒'.repeat(100) },
    { quotes: '"\\'.repeat(500), control: '\u0001\n'.repeat(300) },
    { when: new Date(), list: [1, 2, 3, 'x'], empty: {} },
    [],
  ]
  for (const sample of samples) expect(jsonSizeBound(sample)).toBeGreaterThanOrEqual(bytes(sample))
})

test('says Infinity where only serializing can tell', () => {
  const cycle: Record<string, unknown> = {}
  cycle.self = cycle
  expect(jsonSizeBound(cycle)).toBe(Number.POSITIVE_INFINITY)
  expect(jsonSizeBound({ big: 1n })).toBe(Number.POSITIVE_INFINITY)
  expect(jsonSizeBound({ custom: { toJSON: () => 'x'.repeat(100_000) } })).toBe(Number.POSITIVE_INFINITY)
})
