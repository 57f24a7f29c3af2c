import { describe, expect, it } from 'vitest'
import { BoundedCache } from './bounded-cache'

describe('BoundedCache', () => {
  it('computes once, and forgets the least recently used entry beyond its capacity', () => {
    const cache = new BoundedCache<string, number>(2)
    let calls = 0
    const make = () => ++calls
    expect(cache.getOrCreate('a', make)).toBe(1)
    expect(cache.getOrCreate('a', make)).toBe(1)
    cache.set('b', 2)
    cache.get('a')
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
  })
})
