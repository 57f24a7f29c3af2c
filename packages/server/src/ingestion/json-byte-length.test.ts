import { describe, expect, it } from 'vitest'
import { jsonByteLength } from './json-byte-length'

const stringified = (value: unknown) => Buffer.byteLength(JSON.stringify(value))

describe('jsonByteLength', () => {
  it.each([
    ['a flat event', { type: 'user', userId: 'u_1', name: 'Ada', traits: { plan: 'pro', seats: 3, vip: true, note: null } }],
    ['non-ASCII text', { name: 'Ёжик в тумане', emoji: '🦔', keyЁ: 'ü' }],
    ['escapes', { quote: 'say "hi"', slash: 'a\\b', newline: 'a\nb', control: '\u0001', tab: '\t' }],
    ['a lone surrogate', { bad: 'x\ud800y' }],
    ['numbers', { int: 42, negative: -5, fraction: 19.99, tiny: 1e-7, huge: 1e21, zero: -0 }],
    ['nesting and empties', { a: [], b: {}, c: [[], [{}], [1, [2, [3]]]], d: '' }],
    ['an array at the top', [1, 'two', { three: 3 }]],
    ['a string alone', 'plain'],
    ['null alone', null],
  ])('equals Buffer.byteLength(JSON.stringify(x)) for %s', (_name, value) => {
    expect(jsonByteLength(value)).toBe(stringified(value))
  })

  it('leaves out undefined members and writes undefined items as null, as JSON.stringify does', () => {
    const value = { a: undefined, b: 1, c: [undefined, 2] }
    expect(jsonByteLength(value)).toBe(stringified(value))
  })

  it('measures a value 100 000 levels deep, where JSON.stringify overflows the stack (up to Node 24)', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown
    expect(jsonByteLength(deep)).toBe(200_000)
  })

  it('stops counting once past the bound', () => {
    const value = { parts: Array.from({ length: 1000 }, () => 'x'.repeat(1000)) }
    const bounded = jsonByteLength(value, 10_000)
    expect(bounded).toBeGreaterThan(10_000)
    expect(bounded).toBeLessThan(stringified(value))
  })
})
